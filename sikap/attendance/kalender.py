"""Working time of many pegawai over a few dates, loaded in a fixed number of queries (the
day-close job and the check-in use the same answers).

A pegawai's day, most specific first: their roster shift that date; no work if they are on a
roster that month but not that date; no work on a holiday; else the week of the schedule in
force for their unit, else their OPD, else the region (the latest-starting one in a scope, so a
Ramadan period overrides the default while it lasts)."""

from datetime import date

from django.db.models import Q
from django.db.models.functions import ExtractMonth, ExtractYear

from sikap.attendance.models import HariLibur, JadwalKerja, JadwalShift
from sikap.rules.jam_kerja import JamKerja


class Kalender:
    def __init__(self, days: list[date], pegawai_ids: list[int] | None = None):
        lo, hi = min(days), max(days)
        self.libur = set(
            HariLibur.objects.filter(tanggal__in=days).values_list("tanggal", flat=True)
        )
        self.jadwal = list(
            JadwalKerja.objects.filter(berlaku_mulai__lte=hi)
            .filter(Q(berlaku_sampai__isnull=True) | Q(berlaku_sampai__gte=lo))
            .order_by("-berlaku_mulai", "-pk")
            .prefetch_related("hari")
        )
        shifts = JadwalShift.objects.all()
        if pegawai_ids is not None:
            shifts = shifts.filter(pegawai_id__in=pegawai_ids)
        self.shift = {
            (s.pegawai_id, s.tanggal): s.shift.jam
            for s in shifts.filter(tanggal__in=days).select_related("shift")
        }
        month_start = lo.replace(day=1)
        self.rostered = set(
            shifts.filter(tanggal__gte=month_start, tanggal__lte=_month_end(hi))
            .annotate(y=ExtractYear("tanggal"), m=ExtractMonth("tanggal"))
            .values_list("pegawai_id", "y", "m")
            .distinct()
        )

    def jadwal_for(self, opd_id: int, unit_id: int | None, day: date) -> JadwalKerja | None:
        effective = [
            j
            for j in self.jadwal
            if j.berlaku_mulai <= day and (j.berlaku_sampai is None or j.berlaku_sampai >= day)
        ]
        for matches in (
            lambda j: unit_id is not None and j.unit_id == unit_id,
            lambda j: j.unit_id is None and j.opd_id == opd_id,
            lambda j: j.unit_id is None and j.opd_id is None,
        ):
            for jadwal in effective:  # latest-starting first
                if matches(jadwal):
                    return jadwal
        return None

    def jam(self, pegawai_id: int, opd_id: int, unit_id: int | None, day: date) -> JamKerja | None:
        """The pegawai's working time on `day`, or None when it is not a working day."""
        if (pegawai_id, day) in self.shift:
            return self.shift[(pegawai_id, day)]
        if (pegawai_id, day.year, day.month) in self.rostered or day in self.libur:
            return None
        jadwal = self.jadwal_for(opd_id, unit_id, day)
        if jadwal is None:
            return None
        days = {h.hari: h.jam for h in jadwal.hari.all()}
        return days.get(day.weekday())


def _month_end(day: date) -> date:
    following = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return date.fromordinal(following.toordinal() - 1)
