"""The monthly recap as a PDF (WeasyPrint through sikap/reports), beside the XLSX: the same rows
(`monitoring.rekap`), a totals line, and only sentences its data make true (how many pegawai,
up to which closed day, which rates)."""

from datetime import date

from django.conf import settings
from django.db.models import Max
from django.utils import timezone

from sikap.attendance.models import PengaturanPresensi, StatusHarian
from sikap.attendance.monitoring import Rekap, bulan
from sikap.reports.pdf import render_pdf
from sikap.rules.formatting import BULAN
from sikap.rules.status_hari import LABEL_STATUS, Status


def render(rows: list[Rekap], people, year: int, month: int, *, cakupan: str, user) -> bytes:
    setting = PengaturanPresensi.current()
    first, last = bulan(year, month)
    sampai = StatusHarian.objects.filter(
        pegawai__in=people, tanggal__range=(first, last)
    ).aggregate(m=Max("tanggal"))["m"]
    a, b, c, d = setting.pita
    context = {
        "instansi": settings.SIKAP_INSTANSI,
        "nama_bkd": settings.SIKAP_NAMA_BKD,
        "bulan_nama": f"{BULAN[month - 1]} {year}",
        "cakupan": cakupan,
        "per_opd": len({r.opd for r in rows}) > 1,
        "statuses": [(s.value, LABEL_STATUS[s]) for s in Status],
        "rows": [_row(r) for r in rows],
        "jumlah": _totals(rows),
        "sampai": sampai,
        "pita": f"{a}, ke-{b}, ke-{c}, dan ke-{d}",
        "tarif_bawaan": setting.tarif_bawaan,
        "dicetak": timezone.now(),
        "pencetak": user.get_full_name() or user.get_username(),
    }
    return render_pdf("attendance/rekap_pdf.html", context)


def _row(r: Rekap) -> dict:
    return {**r.__dict__, "status_values": [r.per_status[s.value] for s in Status]}


def _totals(rows: list[Rekap]) -> dict:
    return {
        "status": [sum(r.per_status[s.value] for r in rows) for s in Status],
        "tl": [sum(r.tl[i] for r in rows) for i in range(4)],
        "psw": [sum(r.psw[i] for r in rows) for i in range(4)],
        "terlambat": sum(r.terlambat_menit for r in rows),
        "pulang_cepat": sum(r.pulang_cepat_menit for r in rows),
        "aktivitas": sum(r.aktivitas_menit for r in rows),
    }


def nama_berkas(year: int, month: int, kode: str | None) -> str:
    return f"rekap-presensi-{date(year, month, 1):%Y%m}" + (f"-{kode}" if kode else "") + ".pdf"
