"""Careers: rank (KP) and salary (CPNS, PNS, KP, KGB) histories up to the demo date.

Ranks start at the entry golongan of the diploma, rise by KP reguler at a 1 April or 1 October
period once 4 years have passed, and stop at the ceiling of the best diploma held at the time
(heads of units and JF may go on by KP pilihan).
Pay comes from the PP 5/2024 table through `rules.salary`; MKG runs from TMT CPNS.
"""

import random
from collections import defaultdict
from datetime import date, timedelta

from sikap.rules.dates import masa_kerja
from sikap.rules.ranks import GOLONGAN, golongan_order
from sikap.rules.salary import GajiTable, gaji_pokok, next_step_mkg

AS_OF = date(2023, 12, 31)  # the demo is a snapshot of the seed's year
KP_REGULER = "Reguler"
KP_PILIHAN_STRUKTURAL = "Pilihan (jabatan struktural)"
KP_PILIHAN_JF = "Pilihan (jabatan fungsional)"
_KP_TAHUN = 4
# Extra KP periods someone waits beyond the 4 years (files late, SKP, ujian dinas)
_KP_DELAY = ((0, 1, 2, 3, 4), (50, 25, 12, 8, 5))
_KODE_SK = {
    "cpns": "813.3",
    "pns": "813.3",
    "kp": "823.3",
    "kgb": "822.3",
    "jabatan": "821.2",
    "hukdis": "862.3",
    "pppk": "813.3",
    "tugas_tambahan": "821.2",
}


def add_years(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)


def kp_period(d: date) -> date:
    """The first KP period (1 April or 1 October, PP 99/2000) on or after `d`."""
    return next(
        c for c in (date(d.year, 4, 1), date(d.year, 10, 1), date(d.year + 1, 4, 1)) if c >= d
    )


class SkNumbers:
    """Running SK numbers per kind and year: '823.3/0042/427.45/2019'."""

    def __init__(self):
        self._seq: dict[tuple[str, int], int] = defaultdict(int)

    def sk(self, kind: str, tmt: date) -> dict:
        tanggal = tmt - timedelta(days=30)
        self._seq[kind, tanggal.year] += 1
        nomor = f"{_KODE_SK[kind]}/{self._seq[kind, tanggal.year]:04d}/427.45/{tanggal.year}"
        return {"sk_nomor": nomor, "sk_tanggal": tanggal}


def pangkat_history(
    rng: random.Random,
    tmt_cpns: date,
    entry: str,
    ceilings: list[tuple[date, str]],
    pilihan: tuple[str, str] | None = None,
) -> list[tuple[str, date, str]]:
    """[(golongan, tmt, jenis)] from the CPNS appointment to the last KP before AS_OF.

    `ceilings` = [(from, highest golongan by KP reguler)], one per diploma, oldest first;
    `pilihan` = (highest golongan, KP jenis) lets a position holder go on by KP pilihan
    (structural post, or angka kredit of a JF).
    """
    rows = [(entry, tmt_cpns, "Pengangkatan CPNS")]
    golongan, tmt = entry, tmt_cpns
    while golongan != GOLONGAN[-1]:
        tmt = kp_period(add_years(tmt, _KP_TAHUN))
        for _ in range(rng.choices(*_KP_DELAY)[0]):
            tmt = kp_period(tmt + timedelta(days=1))
        if tmt > AS_OF:
            break
        golongan = GOLONGAN[golongan_order(golongan) + 1]
        ceiling = [c for since, c in ceilings if since <= tmt][-1]
        if golongan_order(golongan) <= golongan_order(ceiling):
            rows.append((golongan, tmt, KP_REGULER))
        elif pilihan and golongan_order(golongan) <= golongan_order(pilihan[0]):
            rows.append((golongan, tmt, pilihan[1]))
        else:
            break
    return rows


class Payroll:
    def __init__(self, table: GajiTable, sk: SkNumbers):
        self.table = table
        self.sk = sk

    def pay(self, golongan: str, mkg_tahun: int, *, cpns: bool):
        # Below a ruang's first listed MKG the table has no cell (RULES.md §3 [U]); entrants at
        # I/c, II/b and II/c are paid the first listed step, as BKDs do in practice.
        first_step = self.table[golongan][0][0]
        return gaji_pokok(self.table, golongan, max(mkg_tahun, first_step), cpns=cpns)

    def pangkat_rows(self, tmt_cpns: date, ranks: list[tuple[str, date, str]]) -> list[dict]:
        rows = []
        for i, (golongan, tmt, jenis) in enumerate(ranks):
            mkg = masa_kerja(tmt_cpns, tmt)
            rows.append(
                {
                    "golongan": golongan,
                    "tmt": tmt,
                    "mkg_tahun": mkg.tahun,
                    "mkg_bulan": mkg.bulan,
                    "jenis": jenis,
                    **self.sk.sk("cpns" if i == 0 else "kp", tmt),
                }
            )
        return rows

    def gaji_rows(
        self, tmt_cpns: date, tmt_pns: date, ranks: list[tuple[str, date, str]]
    ) -> list[dict]:
        """Every pay-setting event: CPNS (80 %), PNS, each KP and each KGB step."""
        events = {tmt_cpns: "cpns"}
        for i, (golongan, start, _) in enumerate(ranks):
            end = ranks[i + 1][1] if i + 1 < len(ranks) else AS_OF + timedelta(days=1)
            step = next_step_mkg(self.table, golongan, masa_kerja(tmt_cpns, start).tahun)
            while step is not None and (due := add_years(tmt_cpns, step)) < end:
                events.setdefault(due, "kgb")
                step = next_step_mkg(self.table, golongan, step)
            if i:
                events[start] = "kp"
        if tmt_pns <= AS_OF and events.get(tmt_pns) != "kp":
            events[tmt_pns] = "pns"
        rows = []
        rank_i = 0
        for tmt in sorted(events):
            while rank_i + 1 < len(ranks) and ranks[rank_i + 1][1] <= tmt:
                rank_i += 1
            golongan = ranks[rank_i][0]
            mkg = masa_kerja(tmt_cpns, tmt)
            dasar = events[tmt]
            rows.append(
                {
                    "golongan": golongan,
                    "tmt": tmt,
                    "mkg_tahun": mkg.tahun,
                    "mkg_bulan": mkg.bulan,
                    "gaji_pokok": self.pay(golongan, mkg.tahun, cpns=tmt < tmt_pns),
                    "dasar": dasar,
                    **self.sk.sk(dasar, tmt),
                }
            )
        return rows
