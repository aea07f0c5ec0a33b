"""Reads for the check-in and the phone page: the places a pegawai may check in at on a date
and the working days around a moment. A fixed number of queries whatever the region's size."""

from datetime import date, datetime, timedelta

from sikap.attendance.kalender import Kalender
from sikap.attendance.models import Ketidakhadiran, LokasiSementara, Presensi
from sikap.org.models import LokasiKantor, UnitKerja
from sikap.rules.geofence import Lingkaran
from sikap.rules.jam_kerja import Giliran


def _units_up(unit_id: int, opd_id: int) -> set[int]:
    parent = dict(UnitKerja.objects.filter(opd_id=opd_id).values_list("pk", "induk_id"))
    found: set[int] = set()
    current: int | None = unit_id
    while current is not None and current not in found:
        found.add(current)
        current = parent.get(current)
    return found


def lokasi_untuk(pegawai, day: date) -> list[Lingkaran]:
    """The OPD's offices, those of the pegawai's unit and the units above it, and the
    pegawai's temporary places that day."""
    units = _units_up(pegawai.unit_id, pegawai.opd_id)
    offices = [
        Lingkaran(o.nama, float(o.latitude), float(o.longitude), o.radius_m)
        for o in LokasiKantor.objects.filter(opd_id=pegawai.opd_id)
        if o.unit_id is None or o.unit_id in units
    ]
    temporary = [
        Lingkaran(t.nama, float(t.latitude), float(t.longitude), t.radius_m)
        for t in LokasiSementara.objects.filter(
            pegawai_id=pegawai.pk, mulai__lte=day, selesai__gte=day
        )
    ]
    return offices + temporary


def giliran_sekitar(pegawai, saat: datetime) -> list[Giliran]:
    """Yesterday's and today's working time of the pegawai (a night shift ends today)."""
    today = saat.date()
    days = [today - timedelta(days=1), today]
    kalender = Kalender(days, [pegawai.pk])
    found = []
    for day in days:
        jam = kalender.jam(pegawai.pk, pegawai.opd_id, pegawai.unit_id, day)
        if jam is not None:
            found.append(Giliran(day, jam))
    return found


def tidak_hadir_pada(pegawai_id: int, day: date) -> Ketidakhadiran | None:
    return Ketidakhadiran.objects.disetujui().on(day).filter(pegawai_id=pegawai_id).first()


def diterima_pada(pegawai_id: int, day: date) -> dict[str, Presensi]:
    """The accepted check-in and check-out of a working day, by jenis."""
    rows = Presensi.objects.diterima().filter(pegawai_id=pegawai_id, tanggal=day)
    return {p.jenis: p for p in rows}


def hari_ini(pegawai, saat: datetime, jendela) -> dict:
    """The phone page's picture of the day: state, working time, places, absence."""
    from sikap.rules.jam_kerja import giliran_untuk

    around = giliran_sekitar(pegawai, saat)
    chosen = giliran_untuk("pulang", saat, around, jendela) or giliran_untuk(
        "masuk", saat, around, jendela
    )
    day = chosen.tanggal if chosen else saat.date()
    done = diterima_pada(pegawai.pk, day)
    absent = tidak_hadir_pada(pegawai.pk, day)
    masuk, pulang = done.get("masuk"), done.get("pulang")
    if absent is not None:
        keadaan = absent.get_jenis_display()
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
        "berikutnya": None if absent or pulang else ("pulang" if masuk else "masuk"),
        "lokasi": lokasi_untuk(pegawai, day),
    }


def _hm(moment: datetime) -> str:
    from django.utils import timezone

    return f"{timezone.localtime(moment):%H.%M}"
