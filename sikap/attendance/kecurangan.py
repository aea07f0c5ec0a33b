"""The anti-fraud report for monitoring staff: leads from the recorded attempts of the pegawai
one may see (`Pegawai.objects.visible_to`) in a month: mock-location flags, new devices after
the first, one device used by several pegawai, impossible travel between consecutive attempts,
coordinates repeated to the last decimal, accepted check-ins at the edge of their circle, and
many refusals. A fixed number of queries; the rules are pure (`rules/kecurangan.py`)."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.db.models import Count
from django.utils import timezone

from sikap.attendance.models import LokasiSementara, PerangkatPresensi, Presensi
from sikap.org.models import LokasiKantor
from sikap.rules import formatting
from sikap.rules import kecurangan as rule
from sikap.rules.presensi import Alasan


@dataclass(frozen=True)
class Temuan:
    jenis: str
    nip: str
    nama: str
    opd: str
    waktu: datetime | None
    rincian: str


JENIS = {
    "lokasi_palsu": "Lokasi palsu (mock)",
    "perangkat_baru": "Perangkat baru",
    "perangkat_bersama": "Satu perangkat, beberapa pegawai",
    "perjalanan_mustahil": "Perpindahan tidak wajar",
    "koordinat_berulang": "Koordinat persis berulang",
    "tepi_radius": "Di tepi radius",
    "banyak_ditolak": "Banyak ditolak",
}
BANYAK_DITOLAK = 10  # refusals in a month that make a lead


def _m(value: float) -> str:
    return f"{formatting.angka(round(value), 0)} m"


def laporan(people, first: date, last: date) -> list[Temuan]:
    tz = timezone.get_current_timezone()
    start = datetime.combine(first, time.min, tzinfo=tz)
    end = datetime.combine(last + timedelta(days=1), time.min, tzinfo=tz)
    who = {pk: (nip, nama, opd) for pk, nip, nama, opd in people.values_list(
        "pk", "nip", "nama", "opd__nama")}  # fmt: skip
    opd_of = dict(people.values_list("pk", "opd_id"))
    found: list[Temuan] = []

    def add(jenis, pk, waktu, rincian):
        found.append(Temuan(JENIS[jenis], *who[pk], waktu, rincian))

    attempts = (
        Presensi.objects.filter(pegawai__in=people, waktu__gte=start, waktu__lt=end)
        .order_by("pegawai_id", "waktu", "pk")
        .values_list("pegawai_id", "waktu", "latitude", "longitude", "mock", "alasan",
                     "jarak_m", "lokasi", "device_id")
    )  # fmt: skip
    radius = {
        (o, n): r for o, n, r in LokasiKantor.objects.values_list("opd_id", "nama", "radius_m")
    }
    temporary = {
        (p, n): r
        for p, n, r in LokasiSementara.objects.filter(pegawai__in=people).values_list(
            "pegawai_id", "nama", "radius_m"
        )
    }
    points: dict[int, list[rule.Titik]] = defaultdict(list)
    refused: dict[int, int] = defaultdict(int)
    mocks: dict[int, list[datetime]] = defaultdict(list)
    devices_used: dict[str, set[int]] = defaultdict(set)
    for pk, waktu, lat, lon, mock, alasan, jarak, lokasi, device in attempts:
        devices_used[device].add(pk)
        if mock:
            mocks[pk].append(waktu)
        if alasan != Alasan.DITERIMA:
            refused[pk] += 1
        if lat is not None and lon is not None:
            points[pk].append(rule.Titik(waktu, float(lat), float(lon)))
        limit = temporary.get((pk, lokasi)) or radius.get((opd_of[pk], lokasi))
        if alasan == Alasan.DITERIMA and jarak is not None and limit and rule.di_tepi(jarak, limit):
            add("tepi_radius", pk, waktu, f"{_m(jarak)} dari pusat {lokasi} (radius {_m(limit)})")
    for pk, moments in mocks.items():
        add("lokasi_palsu", pk, moments[-1], f"{len(moments)} percobaan dengan lokasi palsu")
    for pk, n in refused.items():
        if n >= BANYAK_DITOLAK:
            add("banyak_ditolak", pk, None, f"{n} percobaan ditolak")
    for pk, path in points.items():
        for jump in rule.perjalanan_mustahil(path, settings.SIKAP_PRESENSI_KECEPATAN_MAKS_KMJ):
            add("perjalanan_mustahil", pk, jump.ke.waktu, _lompatan(jump))
        for (lat, lon), n in rule.koordinat_berulang(path):
            add("koordinat_berulang", pk, None, f"{lat}, {lon} persis sama {n} kali")
    shared = (
        PerangkatPresensi.objects.filter(device_id__in=list(devices_used))
        .values("device_id")
        .annotate(n=Count("pegawai_id", distinct=True))
        .filter(n__gt=1)
        .values_list("device_id", "n")
    )
    for device, n in shared:
        for pk in sorted(devices_used[device]):
            add("perangkat_bersama", pk, None, f"perangkat {device[:24]} dipakai {n} pegawai")
    bound = defaultdict(list)
    for pk, device, status, dibuat in (
        PerangkatPresensi.objects.filter(pegawai__in=people)
        .order_by("pegawai_id", "dibuat", "pk")
        .values_list("pegawai_id", "device_id", "status", "dibuat")
    ):
        bound[pk].append((device, status, dibuat))
    for pk, rows in bound.items():
        for device, status, dibuat in rows[1:]:
            if start <= dibuat < end:
                label = PerangkatPresensi.Status(status).label.lower()
                add(
                    "perangkat_baru",
                    pk,
                    dibuat,
                    f"{device[:24]} ({label}); perangkat ke-{len(rows)}",
                )
    order = list(JENIS.values())
    found.sort(key=lambda t: (order.index(t.jenis), t.opd, t.nama, t.waktu or start))
    return found


def _lompatan(jump: rule.Lompatan) -> str:
    if jump.kmj == float("inf"):
        speed = "seketika"
    else:
        speed = f"≈{formatting.angka(round(jump.kmj), 0)} km/jam"
    gap = round((jump.ke.waktu - jump.dari.waktu).total_seconds() / 60)
    km = formatting.angka(round(jump.jarak_m / 1000, 1), 1)
    return f"{km} km dalam {gap} menit ({speed})"


HEADERS = ["Jenis", "NIP", "Nama", "OPD", "Waktu", "Rincian"]


def cells(t: Temuan) -> list:
    waktu = timezone.localtime(t.waktu).replace(tzinfo=None) if t.waktu else None
    return [t.jenis, t.nip, t.nama, t.opd, waktu, t.rincian]
