"""Today per OPD (who is in, late, not yet in, away, off) and the monthly recap per pegawai,
for whoever sees those pegawai (`Pegawai.objects.visible_to`). Both answer with a fixed number
of queries whatever the number of pegawai."""

import calendar
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from django.db.models import Count, Q, Sum
from django.utils import timezone

from sikap.attendance.kalender import Kalender
from sikap.attendance.models import (
    Aktivitas,
    JenisKetidakhadiran,
    Ketidakhadiran,
    Presensi,
    StatusHarian,
)
from sikap.org.models import LokasiKantor
from sikap.rules.status_hari import (
    LABEL_STATUS,
    Status,
    Tarif,
    menit_lewat,
    potongan_dari_jumlah,
)

# Today's states, in the order the page shows their counts.
HARI_INI = {
    "tepat": "Hadir tepat waktu",
    "terlambat": "Terlambat",
    "belum": "Belum masuk",
    "tidak_hadir": "Cuti/izin/dinas",
    "libur": "Tidak terjadwal",
}


@dataclass
class Baris:
    nip: str
    nama: str
    opd: str
    keadaan: str
    label: str
    masuk: datetime | None = None
    pulang: datetime | None = None
    terlambat_menit: int = 0
    swafoto: dict[str, int] = field(default_factory=dict)  # jenis → the attempt with a photo


@dataclass
class Pantauan:
    rows: list[Baris] = field(default_factory=list)
    counts: Counter = field(default_factory=Counter)

    def summary(self) -> list[tuple[str, str, int]]:
        return [(key, label, self.counts[key]) for key, label in HARI_INI.items()]


def peta(pegawai_qs, today: date) -> dict:
    """The monitoring map's data (embedded with json_script): today's accepted check-ins with
    a position of these pegawai, and the offices of their OPDs as circles. Three queries."""
    people = dict(pegawai_qs.in_service().values_list("pk", "opd_id"))
    titik = [
        {"lat": lat, "lon": lon, "nama": nama, "jenis": jenis,
         "jam": f"{timezone.localtime(waktu):%H.%M}", "lokasi": lokasi}
        for nama, jenis, waktu, lat, lon, lokasi in Presensi.objects.diterima()
        .filter(tanggal=today, pegawai_id__in=list(people), latitude__isnull=False,
                longitude__isnull=False)
        .order_by("waktu")
        .values_list("pegawai__nama", "jenis", "waktu", "latitude", "longitude", "lokasi")
    ]  # fmt: skip
    kantor = [
        {"lat": float(lat), "lon": float(lon), "radius_m": r, "nama": nama}
        for nama, lat, lon, r in LokasiKantor.objects.filter(opd_id__in=set(people.values()))
        .order_by("nama")
        .values_list("nama", "latitude", "longitude", "radius_m")
    ]  # fmt: skip
    return {"titik": titik, "kantor": kantor}


def pantau(pegawai_qs, today: date, *, swafoto_dari=None) -> Pantauan:
    """Today's rows; with `swafoto_dari` (the pegawai whose evidence the viewer may see,
    `access.bukti_presensi_q`) each row names the accepted attempts that carry a selfie."""
    people = list(
        pegawai_qs.in_service()
        .order_by("opd__nama", "nama")
        .values_list("pk", "nip", "nama", "opd_id", "unit_id", "opd__nama")
    )
    ids = [p[0] for p in people]
    kalender = Kalender([today], ids)
    checks = {
        (pk, jenis): waktu
        for pk, jenis, waktu in Presensi.objects.diterima()
        .filter(tanggal=today, pegawai_id__in=ids)
        .values_list("pegawai_id", "jenis", "waktu")
    }
    away = dict(
        Ketidakhadiran.objects.disetujui()
        .on(today)
        .filter(pegawai_id__in=ids)
        .values_list("pegawai_id", "jenis")
    )
    photos: dict[int, dict[str, int]] = {}
    if swafoto_dari is not None:
        for pk, jenis, attempt in (
            Presensi.objects.diterima()
            .filter(tanggal=today, pegawai_id__in=ids)
            .filter(pegawai__in=swafoto_dari)
            .exclude(swafoto="")
            .values_list("pegawai_id", "jenis", "pk")
        ):
            photos.setdefault(pk, {})[jenis] = attempt
    result = Pantauan()
    tz = timezone.get_current_timezone()
    for pk, nip, nama, opd_id, unit_id, opd_nama in people:
        jam = kalender.jam(pk, opd_id, unit_id, today)
        masuk, pulang = checks.get((pk, "masuk")), checks.get((pk, "pulang"))
        late = 0
        if jam is None:
            key, label = "libur", "Tidak terjadwal"
        elif pk in away:
            key, label = "tidak_hadir", JenisKetidakhadiran(away[pk]).label
        elif masuk is None:
            key, label = "belum", "Belum masuk"
        else:
            start = jam.mulai(today).replace(tzinfo=tz)
            late = menit_lewat(masuk, start)
            key = "terlambat" if late else "tepat"
            label = f"Terlambat {late} menit" if late else "Tepat waktu"
        result.counts[key] += 1
        result.rows.append(
            Baris(nip, nama, opd_nama, key, label, masuk, pulang, late, photos.get(pk, {}))
        )
    return result


@dataclass
class Rekap:
    nip: str
    nama: str
    opd: str
    per_status: dict[str, int]
    tl: list[int]
    psw: list[int]
    terlambat_menit: int
    pulang_cepat_menit: int
    aktivitas_menit: int
    potongan_tpp: Decimal


def bulan(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def rekap(pegawai_qs, year: int, month: int, tarif: Tarif) -> list[Rekap]:
    first, last = bulan(year, month)
    counts = {f"n_{s.value}": Count("pk", filter=Q(status=s)) for s in Status}
    counts |= {f"tl{i}": Count("pk", filter=Q(tl=i)) for i in range(1, 5)}
    counts |= {f"psw{i}": Count("pk", filter=Q(psw=i)) for i in range(1, 5)}
    sums = {
        row["pegawai_id"]: row
        for row in StatusHarian.objects.filter(
            pegawai__in=pegawai_qs, tanggal__gte=first, tanggal__lte=last
        )
        .values("pegawai_id")
        .annotate(**counts, late=Sum("terlambat_menit"), early=Sum("pulang_cepat_menit"))
    }
    activity = dict(
        Aktivitas.objects.filter(
            pegawai__in=pegawai_qs, status=Aktivitas.Status.DISETUJUI,
            tanggal__gte=first, tanggal__lte=last,
        )
        .order_by()
        .values("pegawai_id")
        .annotate(n=Sum("menit"))
        .values_list("pegawai_id", "n")
    )  # fmt: skip
    rows = []
    people = pegawai_qs.order_by("opd__nama", "nama").values_list("pk", "nip", "nama", "opd__nama")
    for pk, nip, nama, opd in people:
        found = sums.get(pk)
        if found is None:
            continue
        tl = [found[f"tl{i}"] for i in range(1, 5)]
        psw = [found[f"psw{i}"] for i in range(1, 5)]
        tk = found["n_tk"]
        rows.append(
            Rekap(
                nip,
                nama,
                opd,
                {s.value: found[f"n_{s.value}"] for s in Status},
                tl,
                psw,
                found["late"] or 0,
                found["early"] or 0,
                activity.get(pk, 0),
                potongan_dari_jumlah(tl, psw, tk, tarif),
            )
        )
    return rows


REKAP_HEADERS = [
    "NIP",
    "Nama",
    "OPD",
    *[LABEL_STATUS[s] for s in Status],
    *[f"TL{i}" for i in range(1, 5)],
    *[f"PSW{i}" for i in range(1, 5)],
    "Terlambat (menit)",
    "Pulang cepat (menit)",
    "Aktivitas disetujui (menit)",
    "Potongan TPP (%)",
]


def rekap_cells(row: Rekap) -> list:
    return [
        row.nip,
        row.nama,
        row.opd,
        *[row.per_status[s.value] for s in Status],
        *row.tl,
        *row.psw,
        row.terlambat_menit,
        row.pulang_cepat_menit,
        row.aktivitas_menit,
        row.potongan_tpp,
    ]
