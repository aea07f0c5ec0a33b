"""Reads for the check-in and the phone page: the places a pegawai may check in at on a date
and the working days around a moment. A fixed number of queries whatever the region's size."""

from datetime import date, datetime, timedelta

from django.utils import timezone

from sikap.attendance.kalender import Kalender, Konfigurasi
from sikap.attendance.models import (
    JenisKetidakhadiran,
    Ketidakhadiran,
    LokasiSementara,
    Presensi,
)
from sikap.rules.geofence import Lingkaran
from sikap.rules.jam_kerja import Giliran, giliran_untuk


def lokasi_untuk(pegawai, day: date, konf: Konfigurasi) -> list[Lingkaran]:
    """The OPD's offices, those of the pegawai's unit and the units above it, and the
    pegawai's temporary places that day."""
    units: set[int] = set()
    current: int | None = pegawai.unit_id
    while current is not None and current not in units:
        units.add(current)
        current = konf.induk.get(current)
    offices = [
        place
        for unit_id, place in konf.kantor.get(pegawai.opd_id, [])
        if unit_id is None or unit_id in units
    ]
    temporary = [
        Lingkaran(nama, float(lat), float(lon), radius)
        for nama, lat, lon, radius in LokasiSementara.objects.filter(
            pegawai_id=pegawai.pk, mulai__lte=day, selesai__gte=day
        )
        .order_by()
        .values_list("nama", "latitude", "longitude", "radius_m")
    ]
    return offices + temporary


def giliran_sekitar(pegawai, saat: datetime, konf: Konfigurasi) -> list[Giliran]:
    """Yesterday's and today's working time of the pegawai (a night shift ends today)."""
    today = saat.date()
    days = [today - timedelta(days=1), today]
    kalender = Kalender(days, [pegawai.pk], jadwal=konf.jadwal, libur=konf.libur)
    found = []
    for day in days:
        jam = kalender.jam(pegawai.pk, pegawai.opd_id, pegawai.unit_id, day)
        if jam is not None:
            found.append(Giliran(day, jam))
    return found


def tidak_hadir_pada(pegawai_id: int, day: date) -> str:
    """The jenis of the approved absence covering the day, or ""."""
    found = Ketidakhadiran.objects.disetujui().on(day).filter(pegawai_id=pegawai_id).order_by()
    return next(iter(found.values_list("jenis", flat=True)[:1]), "")


def diterima_pada(pegawai_id: int, day: date) -> dict[str, Presensi]:
    """The accepted check-in and check-out of a working day, by jenis."""
    rows = Presensi.objects.diterima().filter(pegawai_id=pegawai_id, tanggal=day)
    return {p.jenis: p for p in rows}


def hari_ini(pegawai, saat: datetime, konf: Konfigurasi) -> dict:
    """The phone page's picture of the day: state, working time, places, absence."""
    jendela = konf.pengaturan.jendela
    around = giliran_sekitar(pegawai, saat, konf)
    chosen = giliran_untuk("pulang", saat, around, jendela) or giliran_untuk(
        "masuk", saat, around, jendela
    )
    day = chosen.tanggal if chosen else saat.date()
    done = diterima_pada(pegawai.pk, day)
    absent = tidak_hadir_pada(pegawai.pk, day)
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
        "lokasi": lokasi_untuk(pegawai, day, konf),
    }


def _hm(moment: datetime) -> str:
    return f"{timezone.localtime(moment):%H.%M}"
