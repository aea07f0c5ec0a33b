"""Asking for leave or permission (the workflow in attendance/flows.py takes it from there):
the dates must hold working days, must not overlap another request, annual leave must fit the
quota with carry-over, and the types that need a document get it content-checked by the
documents module."""

from datetime import date, timedelta

from django.db import transaction
from django.db.models import Sum

from sikap.accounts import access
from sikap.attendance.flows import PERLU_DOKUMEN
from sikap.attendance.kalender import Kalender
from sikap.attendance.models import JenisKetidakhadiran, PengajuanKetidakhadiran, PengaturanPresensi
from sikap.core import audit, kinds
from sikap.core.errors import Kode, SikapError, tidak_berhak
from sikap.core.models import AuditEntry
from sikap.core.notifications import notify
from sikap.documents.services import upload_dokumen
from sikap.people.models import Pegawai
from sikap.rules.status_hari import sisa_cuti_tahunan

S = PengajuanKetidakhadiran.Status
OPEN = (S.DIAJUKAN, S.MENUNGGU_BKD, S.DIKEMBALIKAN, S.DISETUJUI)
JENIS_DOKUMEN = "bukti_ketidakhadiran"
MAKS_HARI = 3 * 366  # CLTN lasts up to three years


def _invalid(field: str, message: str) -> SikapError:
    return SikapError(Kode.DATA_TIDAK_VALID, message, {field: [message]})


def hari_kerja(pegawai: Pegawai, mulai: date, selesai: date) -> int:
    days = [mulai + timedelta(days=n) for n in range((selesai - mulai).days + 1)]
    kalender = Kalender(days, [pegawai.pk])
    return sum(kalender.jam(pegawai.pk, pegawai.opd_id, pegawai.unit_id, d) is not None
               for d in days)  # fmt: skip


def sisa_cuti(pegawai: Pegawai, tahun: int) -> int:
    """Annual leave left in `tahun`: approved and still open requests count as used."""
    setting = PengaturanPresensi.current()
    used = dict(
        PengajuanKetidakhadiran.objects.filter(
            pegawai=pegawai, jenis=JenisKetidakhadiran.CUTI_TAHUNAN, state__in=OPEN,
            mulai__year__in=[tahun - 1, tahun],
        ).values_list("mulai__year").annotate(n=Sum("hari_kerja"))
    )  # fmt: skip
    return sisa_cuti_tahunan(
        setting.kuota_cuti_tahunan,
        setting.sisa_cuti_dibawa_maks,
        used.get(tahun - 1, 0),
        used.get(tahun, 0),
    )


def ajukan(
    *, jenis: str, mulai: date, selesai: date, alasan: str, berkas=None, actor
) -> PengajuanKetidakhadiran:
    """The pegawai asks for themself; the atasan (admin BKD when there is none) is told after
    commit."""
    if not (actor.is_authenticated and actor.pegawai_id):
        raise tidak_berhak("Cuti dan izin diajukan oleh pegawai untuk dirinya sendiri.")
    if jenis not in JenisKetidakhadiran.values:
        raise _invalid("jenis", "Jenis cuti/izin tidak dikenal.")
    if selesai < mulai:
        raise _invalid("selesai", "Tanggal selesai tidak boleh sebelum tanggal mulai.")
    if (selesai - mulai).days >= MAKS_HARI:
        raise _invalid("selesai", "Rentang paling lama tiga tahun.")
    alasan = alasan.strip()
    if not alasan:
        raise _invalid("alasan", "Alasan wajib diisi.")
    if jenis in PERLU_DOKUMEN and berkas is None:
        raise _invalid("berkas", f"Lampirkan {PERLU_DOKUMEN[jenis]}.")
    with transaction.atomic():
        pegawai = Pegawai.objects.select_for_update().get(pk=actor.pegawai_id)
        clash = PengajuanKetidakhadiran.objects.filter(
            pegawai=pegawai, state__in=OPEN, mulai__lte=selesai, selesai__gte=mulai
        ).first()
        if clash is not None:
            raise _invalid("mulai", f"Bertumpang tindih dengan pengajuan {clash} "
                                    f"({clash.state_label}).")  # fmt: skip
        days = hari_kerja(pegawai, mulai, selesai)
        if days == 0:
            raise _invalid("mulai", "Tidak ada hari kerja Anda pada rentang tanggal ini.")
        if jenis == JenisKetidakhadiran.CUTI_TAHUNAN:
            left = sisa_cuti(pegawai, mulai.year)
            if days > left:
                raise _invalid(
                    "selesai",
                    f"Sisa cuti tahunan {left} hari kerja; yang diajukan {days} hari kerja.",
                )
        dokumen = upload_dokumen(pegawai, JENIS_DOKUMEN, berkas, actor=actor) if berkas else None
        case = PengajuanKetidakhadiran.objects.create(
            pegawai=pegawai, jenis=jenis, mulai=mulai, selesai=selesai, alasan=alasan[:1000],
            dokumen=dokumen, hari_kerja=days, dibuat_oleh=actor, state=S.DIAJUKAN,
        )  # fmt: skip
        audit.record(
            case,
            actor=actor,
            action=AuditEntry.Aksi.CREATE,
            kind=kinds.of(PengajuanKetidakhadiran, AuditEntry.Aksi.CREATE),
        )
        users = list(access.atasan_accounts(pegawai))
        message = f"{pegawai.nama} mengajukan {case}; menunggu keputusan Anda."
        transaction.on_commit(lambda: notify(users, message, target=case))
    return case
