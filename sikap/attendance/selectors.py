"""Reads for the check-in and the phone page: the state of a pegawai's working day from their
context (`attendance/konteks.py`) and the day's accepted check-ins."""

from datetime import date, datetime

from django.utils import timezone

from sikap.attendance import konteks
from sikap.attendance.konteks import KonteksHari
from sikap.attendance.models import JenisKetidakhadiran, Presensi
from sikap.rules.jam_kerja import giliran_untuk


def diterima_pada(pegawai_id: int, day: date) -> dict[str, Presensi]:
    """The accepted check-in and check-out of a working day, by jenis."""
    rows = Presensi.objects.diterima().filter(pegawai_id=pegawai_id, tanggal=day)
    return {p.jenis: p for p in rows}


def hari_ini_pegawai(pegawai_id: int, saat: datetime) -> tuple[dict, KonteksHari]:
    """`hari_ini` for a pegawai by id, with the context it was read from."""
    pegawai = konteks.pegawai_bertanda(pegawai_id, saat.date())
    ctx = konteks.konteks(pegawai, saat.date())
    return hari_ini(pegawai, saat, ctx), ctx


def hari_ini(pegawai, saat: datetime, ctx: KonteksHari) -> dict:
    """The phone page's picture of the day: state, working time, places, absence, and whether
    a selfie goes with each check-in."""
    jendela = ctx.konf.pengaturan.jendela
    chosen = giliran_untuk("pulang", saat, ctx.giliran, jendela) or giliran_untuk(
        "masuk", saat, ctx.giliran, jendela
    )
    day = chosen.tanggal if chosen else saat.date()
    done = diterima_pada(pegawai.pk, day)
    absent = ctx.tidak_hadir.get(day, "")
    masuk, pulang = done.get("masuk"), done.get("pulang")
    if absent:
        keadaan = JenisKetidakhadiran(absent).label
    elif pulang is not None:
        keadaan = f"Sudah pulang {_hm(pulang.waktu)}"
    elif masuk is not None:
        keadaan = f"Sudah masuk {_hm(masuk.waktu)}"
    elif chosen is None:
        keadaan = "Di luar jam kerja"
    else:
        keadaan = "Belum masuk"
    return {
        "tanggal": day,
        "keadaan": keadaan,
        "masuk": masuk.waktu if masuk else None,
        "pulang": pulang.waktu if pulang else None,
        "jam_masuk": chosen.jam.mulai(day) if chosen else None,
        "jam_pulang": chosen.jam.selesai(day) if chosen else None,
        # Outside the day's window, or done, or away: nothing to press.
        "berikutnya": None
        if absent or pulang or chosen is None
        else ("pulang" if masuk else "masuk"),
        "lokasi": ctx.lokasi(pegawai, day),
        "swafoto_wajib": pegawai.opd_id in ctx.konf.swafoto_wajib,
    }


def _hm(moment: datetime) -> str:
    return f"{timezone.localtime(moment):%H.%M}"
