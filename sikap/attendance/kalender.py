"""Working time of many pegawai over a few dates, loaded in a fixed number of queries (the
day-close job and the check-in use the same answers).

A pegawai's day, most specific first: their roster shift that date; no work if they are on a
roster that month but not that date; no work on a holiday; else the week of the schedule in
force for their unit, else their OPD, else the region (the latest-starting one in a scope, so a
Ramadan period overrides the default while it lasts).

The check-in reuses the region-wide part (schedules, holidays, office locations, unit trees)
while its mark is unchanged (`attendance/konteks.py`); the day close always reads the database.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import Q, QuerySet
from django.db.models.functions import ExtractMonth, ExtractYear

from sikap.attendance.models import (
    HariLibur,
    JadwalKerja,
    JadwalShift,
    PengaturanPresensi,
    SwafotoOpd,
)
from sikap.org.models import LokasiKantor, UnitKerja
from sikap.rules.geofence import Lingkaran
from sikap.rules.jam_kerja import JamKerja, Pekan


@dataclass(frozen=True)
class Jadwal:
    opd_id: int | None
    unit_id: int | None
    mulai: date
    sampai: date | None
    pekan: Pekan

    def berlaku(self, day: date) -> bool:
        return self.mulai <= day and (self.sampai is None or self.sampai >= day)


def load_jadwal(lo: date, hi: date) -> list[Jadwal]:
    """Schedules in force somewhere in [lo, hi], latest-starting first (2 queries)."""
    rows = (
        JadwalKerja.objects.filter(berlaku_mulai__lte=hi)
        .filter(Q(berlaku_sampai__isnull=True) | Q(berlaku_sampai__gte=lo))
        .order_by("-berlaku_mulai", "-pk")
        .prefetch_related("hari")
    )
    return [Jadwal(j.opd_id, j.unit_id, j.berlaku_mulai, j.berlaku_sampai, j.pekan()) for j in rows]


class Kalender:
    def __init__(
        self,
        days: list[date],
        pegawai_ids: list[int] | None = None,
        *,
        jadwal: list[Jadwal] | None = None,
        libur: set[date] | None = None,
    ):
        lo, hi = min(days), max(days)
        self.jadwal = load_jadwal(lo, hi) if jadwal is None else jadwal
        if libur is None:
            libur = set(
                HariLibur.objects.filter(tanggal__in=days).values_list("tanggal", flat=True)
            )
        self.libur = libur
        shifts = jadwal_shift_bulan(lo, hi)
        if pegawai_ids is not None:
            shifts = shifts.filter(pegawai_id__in=pegawai_ids)
        if pegawai_ids is not None and len(pegawai_ids) == 1:
            # One pegawai (the check-in): their month's roster in one query.
            month = list(shifts.select_related("shift").order_by())
            self.shift = {
                (s.pegawai_id, s.tanggal): s.shift.jam for s in month if s.tanggal in days
            }
            self.rostered = {(s.pegawai_id, s.tanggal.year, s.tanggal.month) for s in month}
            return
        self.shift = {
            (s.pegawai_id, s.tanggal): s.shift.jam
            for s in shifts.filter(tanggal__in=days).select_related("shift")
        }
        self.rostered = set(
            shifts.annotate(y=ExtractYear("tanggal"), m=ExtractMonth("tanggal"))
            .values_list("pegawai_id", "y", "m")
            .distinct()
        )

    def jadwal_for(self, opd_id: int, unit_id: int | None, day: date) -> Jadwal | None:
        best, rank = None, 3
        for j in self.jadwal:  # latest-starting first
            if not j.berlaku(day):
                continue
            if unit_id is not None and j.unit_id == unit_id:
                return j
            if j.unit_id is None and j.opd_id == opd_id and rank > 1:
                best, rank = j, 1
            elif j.unit_id is None and j.opd_id is None and rank > 2:
                best, rank = j, 2
        return best

    def jam(self, pegawai_id: int, opd_id: int, unit_id: int | None, day: date) -> JamKerja | None:
        """The pegawai's working time on `day`, or None when it is not a working day."""
        if (pegawai_id, day) in self.shift:
            return self.shift[(pegawai_id, day)]
        if (pegawai_id, day.year, day.month) in self.rostered:
            return None
        return self.jam_unit(opd_id, unit_id, day)

    def jam_unit(self, opd_id: int, unit_id: int | None, day: date) -> JamKerja | None:
        """The working time on `day` of every pegawai of the OPD and unit who has no roster
        that month (`jadwal_shift_bulan`): none on a holiday, else the schedule's."""
        if day in self.libur:
            return None
        jadwal = self.jadwal_for(opd_id, unit_id, day)
        return jadwal.pekan.get(day.weekday()) if jadwal else None


@dataclass(frozen=True)
class Konfigurasi:
    """The region-wide configuration a check-in needs (see the module doc)."""

    pengaturan: PengaturanPresensi
    jadwal: list[Jadwal]
    libur: set[date]
    kantor: dict[int, list[tuple[int | None, Lingkaran]]]  # opd → (unit or None, place)
    induk: dict[int, int | None]  # unit → parent unit
    swafoto_wajib: frozenset[int]  # OPDs whose check-ins need a selfie


def load_konfigurasi(today: date) -> Konfigurasi:
    """The region's configuration a check-in on `today` needs (6 queries)."""
    year_start, year_end = date(today.year - 1, 12, 1), date(today.year, 12, 31)
    kantor: dict[int, list[tuple[int | None, Lingkaran]]] = {}
    for o in LokasiKantor.objects.all():
        place = Lingkaran(o.nama, float(o.latitude), float(o.longitude), o.radius_m)
        kantor.setdefault(o.opd_id, []).append((o.unit_id, place))
    return Konfigurasi(
        pengaturan=PengaturanPresensi.current(),
        jadwal=load_jadwal(year_start, year_end),
        libur=set(
            HariLibur.objects.filter(tanggal__range=(year_start, year_end)).values_list(
                "tanggal", flat=True
            )
        ),
        kantor=kantor,
        induk=dict(UnitKerja.objects.values_list("pk", "induk_id")),
        swafoto_wajib=frozenset(
            SwafotoOpd.objects.filter(wajib=True).values_list("opd_id", flat=True)
        ),
    )


def jadwal_shift_bulan(lo: date, hi: date) -> QuerySet[JadwalShift]:
    """The roster rows of the months from `lo`'s to `hi`'s: a pegawai with one of them works
    only their roster days that month."""
    month = JadwalShift.objects.filter(tanggal__gte=lo.replace(day=1), tanggal__lte=_month_end(hi))
    return month.order_by()


def _month_end(day: date) -> date:
    following = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return date.fromordinal(following.toordinal() - 1)
