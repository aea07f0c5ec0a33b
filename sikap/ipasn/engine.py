"""The IP ASN of a year, computed live from personnel data.

`compute_ip_asn` counts every category of the configuration in force in a few aggregate queries
(`counts.py`), combines them with the pure rule (`sikap.rules.indices`) and returns the numbers
behind every figure. `members` lists the pegawai behind any count, with the same meaning.
"""

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from django.db.models import QuerySet

from sikap.core.errors import Kode, SikapError
from sikap.core.request_memo import remembered
from sikap.ipasn.counts import CountPlan, Scope
from sikap.ipasn.criteria import criterion_q
from sikap.ipasn.models import POPULASI, Configuration, GabunganStatus
from sikap.org.models import Opd
from sikap.people.models import Pegawai, RiwayatDiklat, RiwayatHukdis, RiwayatSkp
from sikap.rules import RuleError
from sikap.rules import indices as rule
from sikap.rules.education import jenjang
from sikap.rules.kedudukan import IN_SERVICE


@dataclass(frozen=True)
class CategoryCount:
    code: str
    label: str
    weight: Decimal
    count: int

    @property
    def weighted(self) -> Decimal:
        return self.weight * self.count

    @property
    def weight_text(self) -> str:
        return rule.number_text(self.weight)

    @property
    def weighted_text(self) -> str:
        return rule.number_text(self.weighted)


@dataclass(frozen=True)
class SubIndex:
    code: str
    name: str
    population: int
    categories: tuple[CategoryCount, ...]
    weighted_sum: Decimal
    value: Decimal | None  # unrounded; None when the population is empty
    rounded: Decimal | None
    decimals: int
    # Who the population counts ("PNS aktif"), and the noun for its members ("PNS").
    population_text: str = "ASN"
    population_noun: str = "ASN"

    @property
    def weighted_text(self) -> str:
        return rule.number_text(self.weighted_sum)

    @property
    def formula(self) -> str:
        """Written when asked for: a per-OPD table of forty OPDs never shows its formulas."""
        if self.rounded is None:
            return "Tidak ada pegawai dalam populasi: indeks tidak dapat dihitung."
        terms = [(c.count, c.weight) for c in self.categories]
        return rule.formula_text(terms, self.population, self.rounded, self.decimals)


@dataclass(frozen=True)
class ConfigUsed:
    id: int
    nama: str
    berlaku_mulai: date
    rounding: str
    decimals: int
    skp_year: int
    hukdis_range: tuple[date, date]
    diklat_range: tuple[date, date]


@dataclass(frozen=True)
class IpAsnResult:
    year: int
    opd: Opd | None
    sub_indices: tuple[SubIndex, ...]
    total: Decimal | None  # None when a sub-index cannot be computed
    kategori: str | None
    config: ConfigUsed

    def sub_index(self, code: str) -> SubIndex:
        return next(s for s in self.sub_indices if s.code == code)

    def as_json(self) -> dict:
        """Decimals as strings, so that 24.09 stays 24.09."""

        def text(value):
            return None if value is None else str(value)

        def plain(value: Decimal) -> str:  # 68191.00 → "68191", 22.50 → "22.5"
            return format(value.normalize(), "f")

        return {
            "tahun": self.year,
            "opd": self.opd.kode if self.opd else None,
            "indeks": [
                {
                    "dimensi": s.code,
                    "nama": s.name,
                    "populasi": s.population,
                    "komponen": [
                        {
                            "kode": c.code,
                            "nama": c.label,
                            "bobot": plain(c.weight),
                            "jumlah": c.count,
                        }
                        for c in s.categories
                    ],
                    "jumlah_tertimbang": plain(s.weighted_sum),
                    "nilai": text(s.value),
                    "nilai_dibulatkan": text(s.rounded),
                    "rumus": s.formula,
                }
                for s in self.sub_indices
            ],
            "ip_asn": text(self.total),
            "kategori": self.kategori,
            "konfigurasi": {
                "nama": self.config.nama,
                "berlaku_mulai": self.config.berlaku_mulai.isoformat(),
                "pembulatan": self.config.rounding,
                "desimal": self.config.decimals,
                "tahun_skp": self.config.skp_year,
                "hukdis": [d.isoformat() for d in self.config.hukdis_range],
                "diklat": [d.isoformat() for d in self.config.diklat_range],
            },
        }


def config_in_force(year: int, rounding: str | None = None):
    """(the Configuration row, its pure-rule form) for `year`."""
    if rounding is not None and rounding not in rule.ROUNDING:
        raise SikapError(
            Kode.DATA_TIDAK_VALID,
            f"Cara pembulatan '{rounding}' tidak dikenal; pilihan: {', '.join(rule.ROUNDING)}.",
        )
    # Once per request (a page asks for it per status, for its bands, per year tried); any
    # save or delete of the configuration's rows drops it (ipasn/apps.py).
    record = remembered(("ipasn.config", year), lambda: Configuration.objects.in_force(year))
    if record is None:
        raise SikapError(
            Kode.TIDAK_DITEMUKAN, f"Belum ada konfigurasi IP ASN yang berlaku untuk tahun {year}."
        )
    try:
        return record, record.as_rule(rounding)
    except RuleError as e:  # rows saved around the admin's validation
        raise SikapError(Kode.DATA_TIDAK_VALID, f"Konfigurasi {record}: {e.message}") from e


def resolve_opd(opd) -> Opd | None:
    if opd is None or isinstance(opd, Opd):
        return opd
    found = Opd.objects.filter(kode=opd).first()
    if found is None:
        raise SikapError(Kode.TIDAK_DITEMUKAN, f"OPD dengan kode '{opd}' tidak ditemukan.")
    return found


def scope_for(opd: Opd | None, user) -> Scope:
    visible = None
    if user is not None:
        visible = Pegawai.objects.visible_to(user)
        # A user who sees everyone needs no restriction (and the database no extra join).
        if not visible.query.has_filters():
            visible = None
    return Scope(opd.pk if opd else None, visible)


def _plan(config: rule.IndexConfig, year: int) -> CountPlan:
    plan = CountPlan(year, config.window)
    for dim in config.dimensions:
        plan.add((dim.code, POPULASI), dim.population)
        for cat in dim.categories:
            plan.add((dim.code, cat.code), dim.population, cat.criterion)
    return plan


def _result(year, opd, record, config: rule.IndexConfig, counts) -> IpAsnResult:
    subs = []
    for dim in config.dimensions:
        population = counts[(dim.code, POPULASI)]
        cats = tuple(
            CategoryCount(c.code, c.label, c.weight, counts[(dim.code, c.code)])
            for c in dim.categories
        )
        by_code = {c.code: c.count for c in cats}
        weighted = rule.weighted_sum(by_code, dim.weights())
        value = rounded = None
        if population:
            value = rule.sub_index(by_code, dim.weights(), population)
            rounded = rule.round_index(value, config.rounding, config.decimals)
        subs.append(
            SubIndex(
                dim.code,
                dim.label,
                population,
                cats,
                weighted,
                value,
                rounded,
                config.decimals,
                rule.population_text(dim.population, config.window.skp_year(year)),
                rule.population_noun(dim.population),
            )
        )
    total = kategori = None
    if subs and all(s.rounded is not None for s in subs):
        total = rule.ip_asn(s.rounded for s in subs)
        try:
            kategori = rule.kategori(total, config.bands) if config.bands else None
        except RuleError as e:  # weights that add up past the highest band
            raise SikapError(Kode.DATA_TIDAK_VALID, f"Konfigurasi {record}: {e.message}") from e
    used = ConfigUsed(
        record.pk,
        record.nama,
        record.berlaku_mulai,
        config.rounding,
        config.decimals,
        config.window.skp_year(year),
        config.window.hukdis_range(year),
        config.window.diklat_range(year),
    )
    return IpAsnResult(year, opd, tuple(subs), total, kategori, used)


def compute_ip_asn(year: int, *, opd=None, rounding: str | None = None, user=None) -> IpAsnResult:
    """The regency's (or one OPD's) IP ASN for `year`; with `user`, over what they may see."""
    record, config = config_in_force(year, rounding)
    opd = resolve_opd(opd)
    counts = _plan(config, year).run(scope_for(opd, user))[None]
    return _result(year, opd, record, config, counts)


def compute_ip_asn_per_opd(
    year: int, *, rounding: str | None = None, user=None
) -> list[IpAsnResult]:
    """Every OPD with pegawai in scope, from the same queries grouped by OPD."""
    record, config = config_in_force(year, rounding)
    grouped = _plan(config, year).run(scope_for(None, user), by_opd=True)
    opds = Opd.objects.in_bulk(list(grouped))
    results = [_result(year, opds[pk], record, config, counts) for pk, counts in grouped.items()]
    return sorted(results, key=lambda r: r.opd.nama)


# The statuses regencies publish the index for; CPNS are counted with the PNS.
STATUS_GROUPS = (("pns", "PNS", frozenset({"pns", "cpns"})), ("pppk", "PPPK", frozenset({"pppk"})))
HEADCOUNT = "jumlah_pegawai"


@dataclass(frozen=True)
class StatusIndex:
    code: str
    label: str
    headcount: int  # ASN of this status in service: the weight in the roll-up
    result: IpAsnResult


@dataclass(frozen=True)
class IpAsnPerStatus:
    year: int
    per_status: tuple[StatusIndex, ...]
    semua: IpAsnResult  # one index over all ASN
    tertimbang: Decimal | None  # Σ IP(status) × head count ÷ Σ head count
    gabungan: str  # GabunganStatus in force: which of the two is "the" IP ASN
    kategori_tertimbang: str | None = None

    @property
    def weighted(self) -> bool:
        return self.gabungan == GabunganStatus.TERTIMBANG

    @property
    def total(self) -> Decimal | None:
        return self.tertimbang if self.weighted else self.semua.total

    def as_result(self) -> IpAsnResult:
        """The IP ASN the configuration names, as one result: with the weighted roll-up its
        total and category are the roll-up's (the dimensions stay those of all ASN)."""
        if not self.weighted:
            return self.semua
        return replace(self.semua, total=self.tertimbang, kategori=self.kategori_tertimbang)


def weighted_rollup(
    parts: list[tuple[Decimal, int]], rounding: str, decimals: int
) -> Decimal | None:
    """Σ value × head count ÷ Σ head count over the statuses that have a value."""
    counted = [(v, n) for v, n in parts if v is not None and n]
    if not counted:
        return None
    weight = sum(n for _, n in counted)
    value = sum((v * n for v, n in counted), Decimal(0)) / weight
    return rule.round_index(value, rounding, decimals)


def _status_plan(config: rule.IndexConfig, year: int) -> CountPlan:
    """One index's counts plus, per status group, its head count and every count again
    restricted to the group: each status is one more set of row tests, which the pegawai
    query already groups by."""
    plan = _plan(config, year)
    in_service = rule.Criterion(kedudukan=frozenset(IN_SERVICE))
    for code, _, statuses in STATUS_GROUPS:
        only = rule.Criterion(status=statuses)
        plan.add((code, HEADCOUNT), only, in_service)
        for dim in config.dimensions:
            plan.add((code, dim.code, POPULASI), dim.population, only)
            for cat in dim.categories:
                plan.add((code, dim.code, cat.code), dim.population, cat.criterion, only)
    return plan


def _per_status(year, opd, record, config: rule.IndexConfig, counts) -> IpAsnPerStatus:
    semua = _result(year, opd, record, config, counts)
    per_status = []
    for code, label, _ in STATUS_GROUPS:
        own = {key[1:]: value for key, value in counts.items() if key[0] == code}
        per_status.append(
            StatusIndex(code, label, own[(HEADCOUNT,)], _result(year, opd, record, config, own))
        )
    rollup = weighted_rollup(
        [(s.result.total, s.headcount) for s in per_status], config.rounding, config.decimals
    )
    kategori = None
    if rollup is not None and config.bands:
        try:
            kategori = rule.kategori(rollup, config.bands)
        except RuleError as e:
            raise SikapError(Kode.DATA_TIDAK_VALID, f"Konfigurasi {record}: {e.message}") from e
    return IpAsnPerStatus(year, tuple(per_status), semua, rollup, record.gabungan_status, kategori)


def compute_ip_asn_per_status(
    year: int, *, opd=None, rounding: str | None = None, user=None
) -> IpAsnPerStatus:
    """The IP ASN of PNS, of PPPK and of all ASN, and the head-count-weighted roll-up, from
    the same grouped queries as one index."""
    record, config = config_in_force(year, rounding)
    opd = resolve_opd(opd)
    counts = _status_plan(config, year).run(scope_for(opd, user))[None]
    return _per_status(year, opd, record, config, counts)


def compute_ip_asn_per_status_per_opd(
    year: int, *, rounding: str | None = None, user=None
) -> list[IpAsnPerStatus]:
    """`compute_ip_asn_per_status` for every OPD with pegawai in scope, from the same queries
    grouped by OPD, by OPD name."""
    record, config = config_in_force(year, rounding)
    grouped = _status_plan(config, year).run(scope_for(None, user), by_opd=True)
    opds = Opd.objects.in_bulk(list(grouped))
    found = [_per_status(year, opds[pk], record, config, c) for pk, c in grouped.items()]
    return sorted(found, key=lambda f: f.semua.opd.nama)


def ip_asn_for_report(year: int) -> tuple[IpAsnResult, IpAsnPerStatus]:
    """The IP ASN a report states (one index, or the weighted roll-up, as configured) and the
    per-status figures behind it, from one set of queries."""
    found = compute_ip_asn_per_status(year)
    return found.as_result(), found


def _dimension(config: rule.IndexConfig, code: str) -> rule.Dimension:
    for dim in config.dimensions:
        if dim.code == code:
            return dim
    raise SikapError(Kode.TIDAK_DITEMUKAN, f"Dimensi '{code}' tidak ada dalam konfigurasi.")


def find_category(config: rule.IndexConfig, dimension: str, category: str):
    """(dimension, category or None for the whole population)."""
    dim = _dimension(config, dimension)
    if category == POPULASI:
        return dim, None
    for cat in dim.categories:
        if cat.code == category:
            return dim, cat
    raise SikapError(Kode.TIDAK_DITEMUKAN, f"Komponen '{category}' tidak ada dalam {dim.label}.")


def members(
    year: int, dimension: str, category: str, *, opd=None, user=None, config=None
) -> QuerySet:
    """The pegawai counted in one category (or, with category 'populasi', the population)."""
    config = config or config_in_force(year)[1]
    dim, cat = find_category(config, dimension, category)
    q = criterion_q(dim.population, year=year, window=config.window)
    if cat is not None:
        q &= criterion_q(cat.criterion, year=year, window=config.window)
    queryset = Pegawai.objects.visible_to(user) if user is not None else Pegawai.objects.all()
    opd = resolve_opd(opd)
    if opd is not None:
        queryset = queryset.filter(opd=opd)
    return queryset.filter(q)


def person_facts(pegawai: list[Pegawai], year: int, window: rule.Window) -> dict:
    """{pk: PersonFacts} for a page of pegawai, in three queries."""
    ids = [p.pk for p in pegawai]
    skp = dict(
        RiwayatSkp.objects.filter(pegawai_id__in=ids, tahun=window.skp_year(year)).values_list(
            "pegawai_id", "predikat"
        )
    )
    hukdis, diklat = {}, {}
    for pk, tmt, tingkat in RiwayatHukdis.objects.filter(
        pegawai_id__in=ids, tmt__range=window.hukdis_range(year)
    ).values_list("pegawai_id", "tmt", "tingkat"):
        hukdis.setdefault(pk, []).append((tmt, tingkat))
    for pk, selesai, kategori, jp in RiwayatDiklat.objects.filter(
        pegawai_id__in=ids, tanggal_selesai__range=window.diklat_range(year)
    ).values_list("pegawai_id", "tanggal_selesai", "kategori", "jp"):
        diklat.setdefault(pk, []).append((selesai, kategori, jp))
    return {
        p.pk: rule.PersonFacts(
            status=p.status,
            kedudukan=p.kedudukan,
            jenjang=jenjang(p.tingkat_pendidikan) if p.tingkat_pendidikan else None,
            jenis_jabatan=p.jenis_jabatan,
            skp={window.skp_year(year): skp[p.pk]} if p.pk in skp else {},
            hukdis=tuple(hukdis.get(p.pk, ())),
            diklat=tuple(diklat.get(p.pk, ())),
        )
        for p in pegawai
    }


def dimension_scores(
    pegawai: list[Pegawai], year: int, dimension: str, config: rule.IndexConfig
) -> dict[int, Decimal | None]:
    """Each listed pegawai's score in one dimension (the per-person view of the index)."""
    facts = person_facts(pegawai, year, config.window)
    return {pk: rule.person_score(f, config, year)[dimension] for pk, f in facts.items()}
