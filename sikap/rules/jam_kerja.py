"""Working time: which days are working days, when a day's work starts and ends, and in which
window a check-in or check-out is taken (shifts that cross midnight included).

Perpres 21/2023: Monday–Friday, 37 h 30 min a week without breaks, start 07.30, break 60 min
(Friday 90 min); in Ramadan 32 h 30 min, start 08.00, Friday break 60 min (RULES §9).
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta


@dataclass(frozen=True)
class JamKerja:
    """One day's working time. `pulang` at or before `masuk` means the shift ends the next day."""

    masuk: time
    pulang: time
    istirahat_menit: int = 0

    @property
    def lintas_hari(self) -> bool:
        return self.pulang <= self.masuk

    def mulai(self, tanggal: date) -> datetime:
        return datetime.combine(tanggal, self.masuk)

    def selesai(self, tanggal: date) -> datetime:
        end = datetime.combine(tanggal, self.pulang)
        return end + timedelta(days=1) if self.lintas_hari else end

    def menit_kerja(self) -> int:
        span = self.selesai(date(2000, 1, 3)) - self.mulai(date(2000, 1, 3))
        return int(span.total_seconds() // 60) - self.istirahat_menit


# Weekday (Monday = 0) → working time. A missing weekday is not a working day.
Pekan = dict[int, JamKerja]

PERPRES_21_2023: Pekan = {
    **{d: JamKerja(time(7, 30), time(16, 0), 60) for d in range(4)},
    4: JamKerja(time(7, 30), time(16, 30), 90),
}
PERPRES_21_2023_RAMADAN: Pekan = {
    **{d: JamKerja(time(8, 0), time(15, 0), 30) for d in range(4)},
    4: JamKerja(time(8, 0), time(15, 30), 60),
}


@dataclass(frozen=True)
class Jendela:
    """How long before the start a check-in opens and how long after the end a check-out is
    still taken (minutes)."""

    buka_sebelum_menit: int = 120
    tutup_setelah_menit: int = 360


@dataclass(frozen=True)
class Giliran:
    """A pegawai's working time on a working date (the date the shift starts)."""

    tanggal: date
    jam: JamKerja

    def terbuka(self, jenis: str, saat: datetime, jendela: Jendela) -> bool:
        """Whether a check-in (`masuk`) or check-out (`pulang`) at `saat` belongs to this day."""
        awal = self.jam.mulai(self.tanggal) - timedelta(minutes=jendela.buka_sebelum_menit)
        akhir = self.jam.selesai(self.tanggal) + timedelta(minutes=jendela.tutup_setelah_menit)
        if jenis == "masuk":
            return awal <= saat <= self.jam.selesai(self.tanggal)
        return awal <= saat <= akhir


def giliran_untuk(
    jenis: str, saat: datetime, giliran: list[Giliran], jendela: Jendela
) -> Giliran | None:
    """The working day a check-in or check-out at `saat` counts for: among the pegawai's
    working days around `saat` (yesterday's night shift and today's), the latest that is open."""
    open_days = [g for g in giliran if g.terbuka(jenis, saat, jendela)]
    return max(open_days, key=lambda g: g.tanggal) if open_days else None
