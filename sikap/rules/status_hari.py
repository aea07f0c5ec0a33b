"""A working day's status from what happened, the month's TPP deduction, and the PP 94/2021
level that unexcused absence reaches (RULES §8–9). Bands and rates are configuration; the
defaults below are the printed examples, labelled as such where they are shown."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from enum import StrEnum


class Status(StrEnum):
    HADIR = "hadir"
    TK = "tk"  # tanpa keterangan
    IZIN = "izin"
    SAKIT = "sakit"
    CUTI = "cuti"
    DINAS_LUAR = "dinas_luar"
    TUGAS_BELAJAR = "tugas_belajar"
    LIBUR = "libur"


LABEL_STATUS = {
    Status.HADIR: "Hadir",
    Status.TK: "Tanpa keterangan",
    Status.IZIN: "Izin",
    Status.SAKIT: "Sakit",
    Status.CUTI: "Cuti",
    Status.DINAS_LUAR: "Dinas luar",
    Status.TUGAS_BELAJAR: "Tugas belajar",
    Status.LIBUR: "Libur",
}

# Lower bounds in minutes of TL1/PSW1 … TL4/PSW4 (Permentan 68/2012: 1, 31, 61, 91).
PITA_BAWAAN: tuple[int, int, int, int] = (1, 31, 61, 91)


def kategori(menit: int, pita: Sequence[int] = PITA_BAWAAN) -> int:
    """0 for none, else the band 1–4 the minutes fall in."""
    level = 0
    for i, bawah in enumerate(pita, start=1):
        if menit >= bawah:
            level = i
    return level


@dataclass(frozen=True, slots=True)
class Hari:
    status: Status
    terlambat_menit: int = 0
    pulang_cepat_menit: int = 0
    tl: int = 0  # 1–4; 4 also when there is no check-in
    psw: int = 0  # 1–4; 4 also when there is no check-out

    @property
    def label(self) -> str:
        parts = [LABEL_STATUS[self.status]]
        parts += [f"TL{self.tl}"] if self.tl else []
        parts += [f"PSW{self.psw}"] if self.psw else []
        return " · ".join(parts)


def menit_lewat(later: datetime, earlier: datetime) -> int:
    """Whole minutes `later` is after `earlier`; a started minute counts (07.30.01 is 1 late)."""
    seconds = (later - earlier).total_seconds()
    return max(0, -int(-seconds // 60))


def status_hari(
    *,
    mulai: datetime | None,
    selesai: datetime | None,
    masuk: datetime | None,
    pulang: datetime | None,
    tidak_hadir: Status | None = None,
    pita: Sequence[int] = PITA_BAWAAN,
) -> Hari:
    """`mulai`/`selesai`: the day's working time (None: not a working day); `masuk`/`pulang`:
    the accepted check-in and check-out; `tidak_hadir`: approved leave, permission, duty away.
    The times count only through the minutes late and early, which are 0 for a check-in at or
    before the start and a check-out at or after the end (`hari_lazim`)."""
    if mulai is None or selesai is None:
        return Hari(Status.LIBUR)  # leave counts working days only
    if tidak_hadir is not None:
        return Hari(tidak_hadir)
    if masuk is None and pulang is None:
        return Hari(Status.TK)
    late = menit_lewat(masuk, mulai) if masuk else 0
    early = menit_lewat(selesai, pulang) if pulang else 0
    return Hari(
        Status.HADIR,
        terlambat_menit=late,
        pulang_cepat_menit=early,
        tl=kategori(late, pita) if masuk else 4,
        psw=kategori(early, pita) if pulang else 4,
    )


@dataclass(frozen=True, slots=True)
class HariLazim:
    """What `status_hari` makes of the days that need no clock, whatever the working time:
    a day off, a working day without leave and without check-in or check-out, and one without
    leave checked in at or before the start and out at or after the end."""

    libur: Hari
    tk: Hari
    tepat_waktu: Hari


def hari_lazim(pita: Sequence[int] = PITA_BAWAAN) -> HariLazim:
    """Asked of `status_hari` itself with a working time of one instant (the day close writes
    these days set-based in SQL and only the others through `status_hari` one by one)."""
    t = datetime(2000, 1, 3, tzinfo=UTC)
    return HariLazim(
        libur=status_hari(mulai=None, selesai=None, masuk=None, pulang=None, pita=pita),
        tk=status_hari(mulai=t, selesai=t, masuk=None, pulang=None, pita=pita),
        tepat_waktu=status_hari(mulai=t, selesai=t, masuk=t, pulang=t, pita=pita),
    )


@dataclass(frozen=True)
class Tarif:
    """Deduction in percent of the month's TPP per occurrence."""

    tl: tuple[Decimal, Decimal, Decimal, Decimal] = (
        Decimal("0.5"),
        Decimal("1"),
        Decimal("1.5"),
        Decimal("2"),
    )
    psw: tuple[Decimal, Decimal, Decimal, Decimal] = (
        Decimal("0.5"),
        Decimal("1"),
        Decimal("1.5"),
        Decimal("2"),
    )
    tk: Decimal = Decimal("4")
    maksimum: Decimal = Decimal("100")


TARIF_BAWAAN = Tarif()


def potongan_tpp(hari: Iterable[Hari], tarif: Tarif = TARIF_BAWAAN) -> Decimal:
    """The month's deduction in percent, capped at `tarif.maksimum`."""
    tl, psw, tk = [0, 0, 0, 0], [0, 0, 0, 0], 0
    for h in hari:
        if h.status == Status.TK:
            tk += 1
            continue
        if h.tl:
            tl[h.tl - 1] += 1
        if h.psw:
            psw[h.psw - 1] += 1
    return potongan_dari_jumlah(tl, psw, tk, tarif)


def potongan_dari_jumlah(
    tl: Sequence[int], psw: Sequence[int], tk: int, tarif: Tarif = TARIF_BAWAAN
) -> Decimal:
    """The same from counts: days in TL1–TL4, in PSW1–PSW4, and TK days (a recap row)."""
    total = tarif.tk * tk
    total += sum((r * n for r, n in zip(tarif.tl, tl, strict=True)), Decimal(0))
    total += sum((r * n for r, n in zip(tarif.psw, psw, strict=True)), Decimal(0))
    return min(total, tarif.maksimum)


# PP 94/2021 Pasal 11: cumulative unexcused working days in a year → punishment.
AMBANG_PP94: tuple[tuple[int, str, str], ...] = (
    (3, "ringan", "teguran lisan"),
    (4, "ringan", "teguran tertulis"),
    (7, "ringan", "pernyataan tidak puas secara tertulis"),
    (11, "sedang", "pemotongan tunjangan kinerja 25% selama 6 bulan"),
    (14, "sedang", "pemotongan tunjangan kinerja 25% selama 9 bulan"),
    (17, "sedang", "pemotongan tunjangan kinerja 25% selama 12 bulan"),
    (21, "berat", "penurunan jabatan setingkat lebih rendah selama 12 bulan"),
    (25, "berat", "pembebasan dari jabatan menjadi jabatan pelaksana selama 12 bulan"),
    (28, "berat", "pemberhentian dengan hormat tidak atas permintaan sendiri"),
)
BERTURUT_PDHTAPS = 10


@dataclass(frozen=True)
class Ambang:
    hari: int
    tingkat: str
    hukuman: str


def ambang_disiplin(kumulatif: int, berturut: int) -> Ambang | None:
    """The highest threshold reached by `kumulatif` unexcused working days in a year, or by
    `berturut` consecutive ones (10 → PDHTAPS). A proposal, never a punishment."""
    if berturut >= BERTURUT_PDHTAPS:
        _, tingkat, hukuman = AMBANG_PP94[-1]
        return Ambang(berturut, tingkat, hukuman)
    reached = [a for a in AMBANG_PP94 if kumulatif >= a[0]]
    return Ambang(kumulatif, reached[-1][1], reached[-1][2]) if reached else None


def berturut_terpanjang(tk: Iterable[bool]) -> int:
    """The longest run of unexcused days in a pegawai's working days in order (True = TK;
    days off are not in the sequence, so a weekend does not break a run)."""
    longest = run = 0
    for absent in tk:
        run = run + 1 if absent else 0
        longest = max(longest, run)
    return longest


@dataclass(frozen=True)
class Usulan:
    """A PP 94/2021 proposal: the threshold reached (`dasar` kumulatif: 3, 4, 7, … 28 days in
    the year; berturut: 10 consecutive working days) and the punishment it names."""

    dasar: str
    ambang: int
    tingkat: str
    hukuman: str

    @property
    def berat_ke(self) -> int:
        """Its place in the ladder (10 consecutive days sits with ≥28 cumulative)."""
        if self.dasar == "berturut":
            return len(AMBANG_PP94) - 1
        return [a[0] for a in AMBANG_PP94].index(self.ambang)


def usulan_disiplin(kumulatif: int, berturut: int, sudah: Iterable[Usulan]) -> Usulan | None:
    """The proposal to file now, or None: the most severe threshold reached, unless a
    proposal this severe or more was already filed this year (one per threshold; a higher
    threshold supersedes the ones it skipped)."""
    reached = []
    if berturut >= BERTURUT_PDHTAPS:
        _, tingkat, hukuman = AMBANG_PP94[-1]
        reached.append(Usulan("berturut", BERTURUT_PDHTAPS, tingkat, hukuman))
    steps = [a for a in AMBANG_PP94 if kumulatif >= a[0]]
    if steps:
        reached.append(Usulan("kumulatif", *steps[-1]))
    if not reached:
        return None
    best = max(reached, key=lambda u: (u.berat_ke, u.dasar == "berturut"))
    filed = [u.berat_ke for u in sudah]
    return best if not filed or best.berat_ke > max(filed) else None


def sisa_cuti_tahunan(kuota: int, dibawa_maks: int, dipakai_lalu: int, dipakai_kini: int) -> int:
    """Annual leave left this year: this year's quota plus what last year left unused (at most
    `dibawa_maks`), minus what this year already used."""
    dibawa = min(dibawa_maks, max(0, kuota - dipakai_lalu))
    return kuota + dibawa - dipakai_kini
