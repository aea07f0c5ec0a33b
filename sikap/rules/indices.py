"""Indeks Profesionalitas ASN (PermenPANRB 38/2018, Peraturan BKN 8/2019; RULES.md §0 and §6).

Every ASN scores, per dimension, the sum of the weights of the categories they fall into; a
dimension's sub-index is the mean score over that dimension's own population. An ASN counts at
most once per category, so that mean equals Σ(weight × count) / population: the engine counts in
the database and this module combines the counts. `person_score` is the same rule seen from one
person, for drill-down and to prove the two agree.

Categories and populations are `Criterion`s: a conjunction of tests on a person's current data
(status, kedudukan, jenjang, jenis jabatan) and on their histories inside the reference window
(SKP predikat of the window's year, punishments, trainings). The vocabulary is the same for the
configured ladder and for user-defined counts, written as small JSON specs (`criterion_from_spec`).
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from sikap.rules import RuleError
from sikap.rules.formatting import angka, angka_ringkas
from sikap.rules.kedudukan import AKTIF, KEDUDUKAN
from sikap.rules.rounding import Rounding, bulatkan

STATUS = ("pns", "cpns", "pppk")
JENJANG = ("SD", "SMP", "SMA", "D1", "D2", "D3", "D4", "S1", "S2", "S3")
JENIS_JABATAN = ("jpt", "ja", "jp", "jf", "pelaksana")
PREDIKAT = ("sangat_baik", "baik", "butuh_perbaikan", "kurang", "sangat_kurang")
HUKDIS = ("ringan", "sedang", "berat")  # lightest first: the order "heaviest" is taken in
TIDAK_ADA = "tidak_ada"  # the heaviest punishment of someone who has none
DIKLAT = ("kepemimpinan", "fungsional", "teknis", "seminar")
ROUNDING = tuple(Rounding)

_LISTS = {
    "status": STATUS,
    "kedudukan": KEDUDUKAN,
    "jenjang": JENJANG,
    "jenis_jabatan": JENIS_JABATAN,
    "predikat": PREDIKAT,
    "hukdis": HUKDIS,
    "hukdis_terberat": (TIDAK_ADA, *HUKDIS),
}
SPEC_KEYS = (*_LISTS, "diklat")


@dataclass(frozen=True)
class DiklatTest:
    """Has a training of this kategori, of at least `min_jp` hours, finished in the window."""

    kategori: str
    min_jp: int = 0


@dataclass(frozen=True)
class Criterion:
    """All given tests must hold; a test left as None is not applied.

    `predikat` looks at the SKP of the window's year; `hukdis` is "has a punishment at one of
    these levels in the window"; `hukdis_terberat` is "the heaviest punishment in the window is
    one of these" (`tidak_ada` for none), which puts every person in exactly one level.
    """

    status: frozenset[str] | None = None
    kedudukan: frozenset[str] | None = None
    jenjang: frozenset[str] | None = None
    jenis_jabatan: frozenset[str] | None = None
    predikat: frozenset[str] | None = None
    hukdis: frozenset[str] | None = None
    hukdis_terberat: frozenset[str] | None = None
    diklat: DiklatTest | None = None

    def spec(self) -> dict[str, object]:
        """The JSON form `criterion_from_spec` reads, lists in vocabulary order."""
        result: dict[str, object] = {}
        for key, allowed in _LISTS.items():
            values = getattr(self, key)
            if values is not None:
                result[key] = [v for v in allowed if v in values]
        if self.diklat is not None:
            result["diklat"] = {"kategori": self.diklat.kategori, "min_jp": self.diklat.min_jp}
        return result


def criterion_from_spec(spec: Mapping[str, object]) -> Criterion:
    """Read a JSON spec such as {"status": ["pns"], "jenjang": ["S2", "S3"]}.

    `diklat` is {"kategori": "teknis", "min_jp": 20} (min_jp optional, default 0).
    """
    if not isinstance(spec, Mapping):
        raise RuleError('Syarat harus berupa objek JSON, mis. {"status": ["pns"]}')
    unknown = [key for key in spec if key not in SPEC_KEYS]
    if unknown:
        raise RuleError(
            f"Syarat '{unknown[0]}' tidak dikenal; yang dikenal: {', '.join(SPEC_KEYS)}"
        )
    values: dict[str, Any] = {key: _value_set(key, spec[key]) for key in _LISTS if key in spec}
    if "diklat" in spec:
        values["diklat"] = _diklat_test(spec["diklat"])
    return Criterion(**values)


def _value_set(key: str, raw: object) -> frozenset[str]:
    allowed = _LISTS[key]
    if not isinstance(raw, list) or not raw:
        raise RuleError(
            f"Syarat '{key}' harus berupa daftar yang tidak kosong, mis. [\"{allowed[0]}\"]"
        )
    for value in raw:
        if value not in allowed:
            raise RuleError(
                f"Nilai '{value}' tidak dikenal untuk '{key}'; pilihan: {', '.join(allowed)}"
            )
    return frozenset(raw)


def _diklat_test(raw: object) -> DiklatTest:
    if not isinstance(raw, Mapping) or set(raw) - {"kategori", "min_jp"}:
        raise RuleError('Syarat \'diklat\' harus berbentuk {"kategori": …, "min_jp": …}')
    kategori = raw.get("kategori")
    if kategori not in DIKLAT:
        raise RuleError(f"Kategori diklat '{kategori}' tidak dikenal; pilihan: {', '.join(DIKLAT)}")
    min_jp = raw.get("min_jp", 0)
    if not isinstance(min_jp, int) or isinstance(min_jp, bool) or not 0 <= min_jp <= 1000:
        raise RuleError("'min_jp' harus bilangan bulat 0–1000")
    return DiklatTest(kategori, min_jp)


@dataclass(frozen=True)
class Window:
    """Which history counts for report year Y: the SKP of Y + offset (0 in the seed, −1 in BKN's
    "previous year" reading), punishments with TMT and trainings finished in the last N calendar
    years up to Y (N = 1 is the seed's "in 2023")."""

    skp_year_offset: int = 0
    hukdis_years: int = 1
    diklat_years: int = 1

    def __post_init__(self) -> None:
        if self.hukdis_years < 1 or self.diklat_years < 1:
            raise RuleError("Jendela hukuman disiplin dan diklat paling sedikit 1 tahun")

    def skp_year(self, year: int) -> int:
        return year + self.skp_year_offset

    def hukdis_range(self, year: int) -> tuple[date, date]:
        return date(year - self.hukdis_years + 1, 1, 1), date(year, 12, 31)

    def diklat_range(self, year: int) -> tuple[date, date]:
        return date(year - self.diklat_years + 1, 1, 1), date(year, 12, 31)


# User-defined counts speak of "the year": this window.
CALENDAR_YEAR = Window()


@dataclass(frozen=True)
class Category:
    code: str
    label: str
    weight: Decimal
    criterion: Criterion


@dataclass(frozen=True)
class Dimension:
    code: str
    label: str
    population: Criterion
    categories: tuple[Category, ...]

    def weights(self) -> dict[str, Decimal]:
        return {c.code: c.weight for c in self.categories}


@dataclass(frozen=True)
class Band:
    """Values above the previous band's `upper` and up to this `upper` (half-open)."""

    label: str
    upper: Decimal


@dataclass(frozen=True)
class IndexConfig:
    dimensions: tuple[Dimension, ...]
    bands: tuple[Band, ...]
    window: Window = Window()
    rounding: str = "half_up"
    decimals: int = 2


@dataclass(frozen=True)
class PersonFacts:
    """What the rule needs to know about one ASN. Histories may include rows outside the
    window; the rule applies the window itself."""

    status: str
    kedudukan: str = AKTIF
    jenjang: str | None = None
    jenis_jabatan: str = ""
    skp: Mapping[int, str] = field(default_factory=dict)  # tahun → predikat
    hukdis: tuple[tuple[date, str], ...] = ()  # (tmt, tingkat)
    diklat: tuple[tuple[date, str, int], ...] = ()  # (tanggal_selesai, kategori, jp)


def heaviest_hukdis(facts: PersonFacts, year: int, window: Window) -> str:
    start, end = window.hukdis_range(year)
    levels = [HUKDIS.index(t) for tmt, t in facts.hukdis if start <= tmt <= end]
    return HUKDIS[max(levels)] if levels else TIDAK_ADA


def matches(criterion: Criterion, facts: PersonFacts, year: int, window: Window) -> bool:
    c = criterion
    if c.status is not None and facts.status not in c.status:
        return False
    if c.kedudukan is not None and facts.kedudukan not in c.kedudukan:
        return False
    if c.jenjang is not None and facts.jenjang not in c.jenjang:
        return False
    if c.jenis_jabatan is not None and facts.jenis_jabatan not in c.jenis_jabatan:
        return False
    if c.predikat is not None and facts.skp.get(window.skp_year(year)) not in c.predikat:
        return False
    if c.hukdis is not None:
        start, end = window.hukdis_range(year)
        if not any(start <= tmt <= end and t in c.hukdis for tmt, t in facts.hukdis):
            return False
    if c.hukdis_terberat is not None:
        if heaviest_hukdis(facts, year, window) not in c.hukdis_terberat:
            return False
    if c.diklat is not None:
        start, end = window.diklat_range(year)
        if not any(
            start <= selesai <= end and kategori == c.diklat.kategori and jp >= c.diklat.min_jp
            for selesai, kategori, jp in facts.diklat
        ):
            return False
    return True


def person_score(facts: PersonFacts, config: IndexConfig, year: int) -> dict[str, Decimal | None]:
    """Per dimension: the sum of the weights of the categories the person falls into, or None
    when the person is outside that dimension's population."""
    scores: dict[str, Decimal | None] = {}
    for dim in config.dimensions:
        if not matches(dim.population, facts, year, config.window):
            scores[dim.code] = None
            continue
        scores[dim.code] = sum(
            (c.weight for c in dim.categories if matches(c.criterion, facts, year, config.window)),
            Decimal(0),
        )
    return scores


def weighted_sum(counts: Mapping[str, int], weights: Mapping[str, Decimal]) -> Decimal:
    unknown = set(counts) - set(weights)
    if unknown:
        raise RuleError(f"Kategori '{sorted(unknown)[0]}' tidak ada dalam daftar bobot")
    if any(n < 0 for n in counts.values()):
        raise RuleError("Jumlah pegawai tidak boleh negatif")
    return sum((Decimal(w) * counts.get(code, 0) for code, w in weights.items()), Decimal(0))


def sub_index(
    counts: Mapping[str, int], weights: Mapping[str, Decimal], population: int
) -> Decimal:
    """Σ(weight × count) / population, unrounded."""
    if population <= 0:
        raise RuleError("Populasi kosong: indeks tidak dapat dihitung")
    return weighted_sum(counts, weights) / Decimal(population)


def round_index(value: Decimal, mode: str, decimals: int) -> Decimal:
    """half_up (the default) or truncate, which the seed used for 24.0959 → 24.09."""
    return bulatkan(value, decimals, mode)


def ip_asn(sub_indices_rounded: Iterable[Decimal]) -> Decimal:
    """The published total: the sum of the sub-indices as rounded, not the rounded sum."""
    return sum(sub_indices_rounded, Decimal(0))


def kategori(total: Decimal, bands: Sequence[Band]) -> str:
    """The band holding `total`: the first whose upper bound is ≥ total. Bands are half-open
    (previous upper, upper], so 80.5 is Tinggi and 90 is Tinggi, 90.01 Sangat Tinggi."""
    ordered = sorted(bands, key=lambda b: b.upper)
    if len({b.upper for b in ordered}) != len(ordered):
        raise RuleError("Batas atas kategori tidak boleh sama")
    for band in ordered:
        if total <= band.upper:
            return band.label
    raise RuleError(f"Nilai {angka(total)} di atas batas kategori tertinggi")


def number_text(value: int | Decimal) -> str:
    """'5.508', '22,5', '25': Indonesian form without trailing zeros."""
    return angka_ringkas(value)


def formula_text(
    terms: Sequence[tuple[int, Decimal]], population: int, result: Decimal, decimals: int
) -> str:
    """'{(0 × 25) + (235 × 20) + …} / 5.508 = 12,38', the formula with its numbers."""
    body = " + ".join(f"({number_text(n)} × {number_text(w)})" for n, w in terms)
    return f"{{{body}}} / {number_text(population)} = {angka(result, decimals)}"


STATUS_NOUN = {"pns": "PNS", "cpns": "CPNS", "pppk": "PPPK"}
PREDIKAT_TEXT = {
    "sangat_baik": "sangat baik",
    "baik": "baik",
    "butuh_perbaikan": "butuh perbaikan",
    "kurang": "kurang",
    "sangat_kurang": "sangat kurang",
}


def _joined(words: Sequence[str]) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} dan {words[-1]}"


def population_noun(population: Criterion) -> str:
    """Who a population counts, by status: 'PNS', 'PNS dan PPPK', or 'ASN' when all."""
    if population.status is None or set(STATUS) <= population.status:
        return "ASN"
    return _joined([STATUS_NOUN[s] for s in STATUS if s in population.status])


def population_text(population: Criterion, skp_year: int) -> str:
    """The population a sub-index divides by, named for what it counts: 'PNS aktif',
    'PNS dan PPPK aktif yang memiliki nilai SKP tahun 2023' (issue 15: the LKj said 'Jumlah
    ASN' for a count of PNS)."""
    text = population_noun(population)
    if population.kedudukan is not None and population.kedudukan == frozenset({AKTIF}):
        text += " aktif"
    elif population.kedudukan is not None:
        text += f" berkedudukan {_joined(sorted(population.kedudukan))}"
    if population.predikat is not None:
        if set(PREDIKAT) <= population.predikat:
            text += f" yang memiliki nilai SKP tahun {skp_year}"
        else:
            chosen = [PREDIKAT_TEXT[p] for p in PREDIKAT if p in population.predikat]
            text += f" dengan predikat SKP {_joined(chosen)} tahun {skp_year}"
    if population.jenjang is not None:
        text += f" berpendidikan {_joined([j for j in JENJANG if j in population.jenjang])}"
    if population.jenis_jabatan is not None:
        text += f" pada jabatan {_joined(sorted(population.jenis_jabatan))}"
    return text
