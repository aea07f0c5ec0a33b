"""Kenaikan gaji berkala (KGB): when the next one falls due, what it pays, and whether it is
deferred (PP 7/1977 Pasal 11–13 as amended, RULES.md §3).

The basis is the last pay-setting decision (SK CPNS, PNS, KP or the last KGB) with its own TMT
and MKG: the next TMT is the first day of the month in which the MKG reaches the ruang's next
listed step, paid from the table in force at that TMT. The MKG keeps running through a deferral,
so a deferral counts in full toward the KGB after it.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from sikap.rules import RuleError
from sikap.rules.ranks import GOLONGAN, ruang_group
from sikap.rules.salary import (
    DiBawahLangkahPertama,
    TabelGaji,
    below_first_step,
    gaji_pokok,
    in_force,
    next_step_mkg,
)

# SKP predicates best first (PermenPANRB 6/2022), as stored in people.Predikat.
PREDIKAT = ("sangat_baik", "baik", "butuh_perbaikan", "kurang", "sangat_kurang")
PREDIKAT_LABEL = {
    "sangat_baik": "Sangat Baik",
    "baik": "Baik",
    "butuh_perbaikan": "Butuh Perbaikan",
    "kurang": "Kurang/Misconduct",
    "sangat_kurang": "Sangat Kurang",
}
MAX_DEFERRALS = 5  # each at most a year (Pasal 13); beyond this a person must look


@dataclass(frozen=True)
class Aturan:
    """The configurable conventions (docs/rules.md)."""

    predikat_minimum: str = "baik"
    di_bawah: DiBawahLangkahPertama = DiBawahLangkahPertama.LANGKAH_PERTAMA
    # MKG cut in years when a KP crosses from golongan group a to b (RULES.md §3 [S]).
    potongan_kp: Mapping[tuple[int, int], int] = field(
        default_factory=lambda: {(1, 2): 6, (2, 3): 5}
    )


@dataclass(frozen=True)
class DasarGaji:
    """A pay-setting decision from the salary history."""

    jenis: str  # cpns, pns, kp, kgb, pp
    golongan: str
    tmt: date
    mkg_tahun: int
    mkg_bulan: int
    gaji_pokok: Decimal
    sk_nomor: str = ""


@dataclass(frozen=True)
class Hukuman:
    """A disciplinary punishment that defers a KGB while it runs (the caller decides which
    do, by configuration); `selesai` None: not yet ended."""

    mulai: date
    selesai: date | None
    uraian: str = ""


@dataclass(frozen=True)
class DataPegawai:
    tanggal_lahir: date
    in_service: bool = True
    cpns: bool = False
    skp: Mapping[int, str] = field(default_factory=dict)  # year -> predikat code
    hukuman: tuple[Hukuman, ...] = ()
    riwayat_gaji: tuple[DasarGaji, ...] = ()  # every pay-setting SK, to check a KP's MKG


@dataclass(frozen=True)
class Penundaan:
    mulai: date  # the TMT that was due
    berlaku: date  # the TMT it takes effect from instead
    alasan: str


@dataclass(frozen=True)
class HasilKgb:
    dasar: DasarGaji
    tmt_jatuh: date  # when it fell due
    tmt: date  # when it takes effect (after any deferral)
    golongan: str
    mkg_tahun: int
    mkg_bulan: int
    gaji_pokok: Decimal | None  # None when no table is in force at the TMT (see hambatan)
    tabel: TabelGaji | None
    berikutnya: date | None  # the KGB after this one; None at the top of the table
    penundaan: tuple[Penundaan, ...] = ()
    hambatan: str = ""  # why it cannot be granted yet (waits on the due list)
    perhatian: tuple[str, ...] = ()  # for the verifier's attention


def first_of_month(d: date) -> date:
    return d.replace(day=1)


def add_months(d: date, months: int) -> date:
    """Same day `months` later, clamped to the month's last day."""
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    for day in (d.day, 30, 29, 28):
        try:
            return date(year, month, day)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def _months_between(start: date, end: date) -> int:
    """Whole calendar months from the first of `start`'s month to the first of `end`'s."""
    return (end.year - start.year) * 12 + end.month - start.month


def check_dasar(rows: Sequence[DasarGaji], tanggal_lahir: date) -> DasarGaji:
    """The latest pay-setting decision, after refusing a history that cannot be the basis of a
    letter: none at all, two with the same TMT, MKG months ≥ 12, a TMT before birth, an
    unknown golongan."""
    if not rows:
        raise RuleError(
            "Riwayat gaji tidak memuat SK penetapan gaji (CPNS, PNS, KP atau KGB); "
            "lengkapi riwayat gaji lebih dahulu"
        )
    seen: set[date] = set()
    for row in rows:
        if row.tmt in seen:
            raise RuleError(
                f"Dua SK penetapan gaji ber-TMT sama ({row.tmt:%d-%m-%Y}); perbaiki riwayat gaji"
            )
        seen.add(row.tmt)
        if not 0 <= row.mkg_bulan < 12:
            raise RuleError(
                f"MKG bulan pada SK TMT {row.tmt:%d-%m-%Y} tidak valid ({row.mkg_bulan}); "
                "harus 0–11"
            )
        if row.mkg_tahun < 0:
            raise RuleError(f"MKG tahun pada SK TMT {row.tmt:%d-%m-%Y} tidak boleh negatif")
        if row.tmt < tanggal_lahir:
            raise RuleError(
                f"TMT SK {row.tmt:%d-%m-%Y} sebelum tanggal lahir {tanggal_lahir:%d-%m-%Y}"
            )
        if row.golongan not in GOLONGAN:
            raise RuleError(
                f"Golongan '{row.golongan}' pada SK TMT {row.tmt:%d-%m-%Y} tidak dikenal"
            )
    return max(rows, key=lambda r: r.tmt)


def mkg_setelah_kp(
    golongan_lama: str, golongan_baru: str, mkg_tahun: int, mkg_bulan: int, aturan: Aturan
) -> tuple[int, int]:
    """The MKG carried into the new golongan: unchanged within a group, cut by the configured
    years for each group boundary crossed (I→II, II→III), never below zero."""
    cut = sum(
        aturan.potongan_kp.get((g, g + 1), 0)
        for g in range(ruang_group(golongan_lama), ruang_group(golongan_baru))
    )
    total = max(mkg_tahun * 12 + mkg_bulan - cut * 12, 0)
    return divmod(total, 12)[0], total % 12


def catatan_kp(dasar: DasarGaji, riwayat: Sequence[DasarGaji], aturan: Aturan) -> str:
    """When the basis is a KP, the MKG its SK records should be the MKG carried from the SK
    before it to the KP's TMT, cut by `aturan.potongan_kp` for each group boundary crossed
    (`mkg_setelah_kp`, RULES §3). The SK decides; a difference is for the verifier to check
    ("" when there is none, or nothing earlier to compare with)."""
    if dasar.jenis != "kp":
        return ""
    earlier = [r for r in riwayat if r.tmt < dasar.tmt]
    if not earlier:
        return ""
    prev = max(earlier, key=lambda r: r.tmt)
    carried = _mkg_at(prev, dasar.tmt)
    tahun, bulan = mkg_setelah_kp(
        prev.golongan, dasar.golongan, carried // 12, carried % 12, aturan
    )
    if (dasar.mkg_tahun, dasar.mkg_bulan) == (tahun, bulan):
        return ""
    return (
        f"MKG pada SK KP ({dasar.mkg_tahun} tahun {dasar.mkg_bulan} bulan) berbeda dari MKG "
        f"yang dibawa dari SK {prev.golongan} TMT {prev.tmt:%d-%m-%Y} ({tahun} tahun {bulan} "
        "bulan); periksa SK KP"
    )


def _mkg_at(dasar: DasarGaji, on: date) -> int:
    """The MKG in months on `on`, counted from the basis."""
    return dasar.mkg_tahun * 12 + dasar.mkg_bulan + _months_between(dasar.tmt, on)


def _step_date(dasar: DasarGaji, step: int) -> date:
    """First of the month in which the MKG reaches `step` years."""
    needed = step * 12 - (dasar.mkg_tahun * 12 + dasar.mkg_bulan)
    return first_of_month(add_months(dasar.tmt, needed))


def _skp_year(tmt: date, data: DataPegawai) -> int:
    """The SKP of the year before the TMT; early in a year, before that SKP is final, the last
    one assessed (the year before), which the letter notes for the verifier."""
    tahun = tmt.year - 1
    if tahun not in data.skp and tahun - 1 in data.skp:
        return tahun - 1
    return tahun


def _obstacle(tmt: date, data: DataPegawai, aturan: Aturan) -> tuple[str, date | None, bool]:
    """(reason, when the obstacle ends, whether it defers) — reason "" when there is none.
    A missing SKP or leaving service does not defer: the case waits for a person."""
    if not data.in_service:
        return "Pegawai tidak dalam status aktif bekerja", None, False
    for h in data.hukuman:
        if h.mulai <= tmt and (h.selesai is None or tmt <= h.selesai):
            uraian = f" ({h.uraian})" if h.uraian else ""
            return f"Sedang menjalani hukuman disiplin{uraian}", h.selesai, True
    tahun = _skp_year(tmt, data)
    predikat = data.skp.get(tahun)
    if predikat is None:
        return f"SKP tahun {tahun} belum tercatat", None, False
    if predikat not in PREDIKAT:
        return f"Predikat SKP tahun {tahun} tidak dikenal ({predikat})", None, False
    if PREDIKAT.index(predikat) > PREDIKAT.index(aturan.predikat_minimum):
        return (
            f"Predikat SKP tahun {tahun} {PREDIKAT_LABEL[predikat]}, di bawah "
            f"{PREDIKAT_LABEL[aturan.predikat_minimum]}",
            None,
            True,
        )
    return "", None, False


def _structure(tables: Sequence[TabelGaji], on: date) -> TabelGaji:
    """The table whose listed steps apply on `on`; before the first table held, the earliest
    (the steps of a ruang have not changed between the PP amendments, only the amounts)."""
    if not tables:
        raise RuleError("Belum ada tabel gaji")
    earlier = [t for t in tables if t.berlaku_mulai <= on]
    return in_force(tables, on) if earlier else min(tables, key=lambda t: t.berlaku_mulai)


def next_due(dasar: DasarGaji, tables: Sequence[TabelGaji]) -> date | None:
    """Only when the next step falls due (no pay, no eligibility): the cheap question the
    daily job asks of every pegawai before the full rule runs on those due."""
    if not 0 <= dasar.mkg_bulan < 12:
        raise RuleError(f"MKG bulan tidak valid ({dasar.mkg_bulan}); harus 0–11")
    step = next_step_mkg(_structure(tables, dasar.tmt).table, dasar.golongan, dasar.mkg_tahun)
    return _step_date(dasar, step) if step is not None else None


def hitung(
    dasar: DasarGaji,
    tables: Sequence[TabelGaji],
    data: DataPegawai | None = None,
    aturan: Aturan | None = None,
) -> HasilKgb | None:
    """The next KGB from `dasar`; None at the top of the table (no next KGB). Without `data`
    only the arithmetic is done (the calculator)."""
    aturan = aturan or Aturan()
    if not 0 <= dasar.mkg_bulan < 12:
        raise RuleError(f"MKG bulan tidak valid ({dasar.mkg_bulan}); harus 0–11")
    basis_table = _structure(tables, dasar.tmt).table
    perhatian: list[str] = []
    if below_first_step(basis_table, dasar.golongan, dasar.mkg_tahun):
        if aturan.di_bawah == DiBawahLangkahPertama.TOLAK:
            raise RuleError(
                f"MKG {dasar.mkg_tahun} tahun di bawah langkah pertama tabel golongan "
                f"{dasar.golongan}; tentukan gaji secara manual"
            )
        perhatian.append(
            f"MKG dasar {dasar.mkg_tahun} tahun di bawah langkah pertama tabel golongan "
            f"{dasar.golongan}: dibayar langkah pertama"
        )
    step = next_step_mkg(basis_table, dasar.golongan, dasar.mkg_tahun)
    if step is None:
        return None
    jatuh = _step_date(dasar, step)
    tmt = jatuh
    penundaan: list[Penundaan] = []
    hambatan = ""
    if data is not None:
        if jatuh < data.tanggal_lahir:
            raise RuleError("TMT dasar sebelum tanggal lahir pegawai")
        for _ in range(MAX_DEFERRALS + 1):
            reason, until, defers = _obstacle(tmt, data, aturan)
            if not reason:
                break
            if not defers or len(penundaan) == MAX_DEFERRALS:
                hambatan = reason
                break
            year_end = add_months(tmt, 12) - timedelta(days=1)
            end = min(until, year_end) if until else year_end
            berlaku = first_of_month(add_months(end, 1))
            penundaan.append(Penundaan(tmt, berlaku, reason))
            tmt = berlaku
    if data is not None and (kp := catatan_kp(dasar, data.riwayat_gaji, aturan)):
        perhatian.append(kp)
    if data is not None and not hambatan and _skp_year(tmt, data) != tmt.year - 1:
        perhatian.append(
            f"SKP tahun {tmt.year - 1} belum tercatat; dipakai SKP tahun {tmt.year - 2}"
        )
    mkg = _mkg_at(dasar, tmt)
    tabel: TabelGaji | None = None
    pay: Decimal | None = None
    if any(t.berlaku_mulai <= tmt for t in tables):
        tabel = in_force(tables, tmt)
        pay = gaji_pokok(
            tabel.table,
            dasar.golongan,
            mkg // 12,
            cpns=bool(data and data.cpns),
            di_bawah=aturan.di_bawah,
        )
        if dasar.gaji_pokok and pay < dasar.gaji_pokok:
            perhatian.append("Gaji pokok baru lebih rendah dari gaji pokok pada SK dasar")
    elif not hambatan:
        hambatan = f"Tabel gaji yang berlaku pada {tmt:%d-%m-%Y} belum tersedia"
    nxt = next_step_mkg(_structure(tables, tmt).table, dasar.golongan, mkg // 12)
    berikutnya = _step_date(dasar, nxt) if nxt is not None else None
    return HasilKgb(
        dasar=dasar,
        tmt_jatuh=jatuh,
        tmt=tmt,
        golongan=dasar.golongan,
        mkg_tahun=mkg // 12,
        mkg_bulan=mkg % 12,
        gaji_pokok=pay,
        tabel=tabel,
        berikutnya=berikutnya,
        penundaan=tuple(penundaan),
        hambatan=hambatan,
        perhatian=tuple(perhatian),
    )
