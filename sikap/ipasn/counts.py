"""Counting many criteria at once, in one (SQLite) or three (PostgreSQL) aggregate queries.

Every count the engine needs ("active PNS with an S2", "active PNS whose heaviest punishment in
the window is ringan", …) is rewritten as a signed sum of *primitive* counts. A primitive is a
test on the pegawai row (status, kedudukan, jenjang, jenis jabatan, the SKP predikat of the
window year) and at most one test on a history table in the window. Each query groups by the
row columns its primitives test (and by OPD when asked) and counts, per group, once per distinct
history test:

- people_pegawai LEFT JOIN the year's SKP (unique per person and year): `COUNT(*)`;
- people_riwayathukdis / people_riwayatdiklat JOIN people_pegawai: `COUNT(DISTINCT pegawai_id)
  FILTER (WHERE <history test>)` — DISTINCT is what makes a person count once per category
  however many courses they took.

On SQLite the history tests are counted inside the pegawai query instead, as
`COUNT(*) FILTER (WHERE has(…))` (see `history_in_pegawai_query`): one query in all.
The row tests are then applied to the few groups in Python with the pure rule
(`sikap.rules.indices.matches`), so a row test means exactly what it means per person.
"Heaviest punishment is sedang" = has(sedang or heavier) − has(berat); "none" = all − has(any).
A criterion outside these shapes (two history tests, or an SKP test with a history test) is
counted with its reference `Q` (criteria.criterion_q) inside the pegawai query, so every
criterion can be counted; only the common shapes take the fast road.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.db import connection
from django.db.models import Count, FilteredRelation, Q, QuerySet

from sikap.ipasn.criteria import criterion_q, diklat_rows, has, heavier_or_equal, hukdis_rows
from sikap.people.models import Pegawai, RiwayatDiklat
from sikap.rules import RuleError
from sikap.rules.education import jenjang
from sikap.rules.indices import HUKDIS, TIDAK_ADA, Criterion, PersonFacts, Window, matches

SKP_ALIAS = "skp_tahun"
# Row test → the pegawai column it reads.
ROW_COLUMNS = {
    "status": "status",
    "kedudukan": "kedudukan",
    "jenjang": "tingkat_pendidikan",
    "jenis_jabatan": "jenis_jabatan",
    "predikat": f"{SKP_ALIAS}__predikat",
}
ROW_FIELDS = tuple(ROW_COLUMNS)


@dataclass(frozen=True)
class Primitive:
    row: Criterion  # row tests only
    kind: str  # "pegawai", "hukdis", "diklat" or "umum" (counted with the reference Q)
    test: object = None  # hukdis levels, a DiklatTest, or the criteria of an "umum" count


@dataclass(frozen=True)
class Scope:
    """Whose data is counted: one OPD, and/or the pegawai a user may see (None: everyone)."""

    opd_id: int | None = None
    visible: QuerySet | None = None


def expand(criteria: tuple[Criterion, ...]) -> dict[Primitive, int]:
    """The conjunction of `criteria` as {primitive: coefficient}; {} when it is empty."""
    row = {}
    for name in ROW_FIELDS:
        sets = [getattr(c, name) for c in criteria if getattr(c, name) is not None]
        if sets:
            row[name] = frozenset.intersection(*sets)
            if not row[name]:
                return {}
    row = Criterion(**row)
    history = [
        (kind, getattr(c, kind))
        for c in criteria
        for kind in ("hukdis", "hukdis_terberat", "diklat")
        if getattr(c, kind) is not None
    ]
    if not history:
        return {Primitive(row, "pegawai"): 1}
    if len(history) > 1 or row.predikat is not None:
        return {Primitive(Criterion(), "umum", criteria): 1}
    kind, test = history[0]
    if kind == "diklat":
        return {Primitive(row, "diklat", test): 1}
    if kind == "hukdis":
        return {Primitive(row, "hukdis", test): 1}
    terms: dict[Primitive, int] = defaultdict(int)
    for level in test:
        if level == TIDAK_ADA:
            terms[Primitive(row, "pegawai")] += 1
            terms[Primitive(row, "hukdis", frozenset(HUKDIS))] -= 1
            continue
        terms[Primitive(row, "hukdis", frozenset(heavier_or_equal(level)))] += 1
        heavier = heavier_or_equal(level)[1:]
        if heavier:
            terms[Primitive(row, "hukdis", frozenset(heavier))] -= 1
    return dict(terms)


class CountPlan:
    """Collect the counts to make (`add`), then make them all at once (`run`)."""

    def __init__(self, year: int, window: Window):
        self.year = year
        self.window = window
        self.terms: dict[object, dict[Primitive, int]] = {}

    def add(self, key, *criteria: Criterion) -> None:
        self.terms[key] = expand(criteria)

    def run(self, scope: Scope | None = None, *, by_opd: bool = False) -> dict[int | None, dict]:
        """{opd_id: {key: count}} when grouped by OPD, else {None: {key: count}}."""
        scope = scope or Scope()
        inline = history_in_pegawai_query()
        by_table = defaultdict(list)
        for p in {p for terms in self.terms.values() for p in terms}:
            own_table = p.kind in ("hukdis", "diklat") and not inline
            by_table[p.kind if own_table else "pegawai"].append(p)
        found: dict[int | None, dict[Primitive, int]] = defaultdict(lambda: defaultdict(int))
        # The pegawai query always runs: grouped by OPD it is what makes the OPD groups.
        for table in ("pegawai", "hukdis", "diklat"):
            if by_table[table] or table == "pegawai":
                self._count(table, by_table[table], scope, by_opd, found)
        groups = found if by_opd else {None: found[None]}  # the regency, even if empty
        return {
            group: {
                key: sum(coef * counts.get(p, 0) for p, coef in terms.items())
                for key, terms in self.terms.items()
            }
            for group, counts in groups.items()
        }

    def _count(self, table, primitives, scope, by_opd, found) -> None:
        fields = [f for f in ROW_FIELDS if any(getattr(p.row, f) is not None for p in primitives)]
        aliases: dict[tuple, str] = {}
        for p in primitives:
            aliases.setdefault((p.kind, p.test), f"t{len(aliases)}")
        queryset, prefix = self._queryset(table, scope, "predikat" in fields, list(aliases))
        aggregates = {alias: self._aggregate(table, *test) for test, alias in aliases.items()}
        if not aggregates:  # nothing to count: the query still makes the OPD groups
            aggregates = {"t": Count("pk")}
        columns = [prefix + ROW_COLUMNS[f] for f in fields]
        if by_opd:
            columns.append(prefix + "opd_id")
        queryset = queryset.order_by()
        rows = (
            queryset.values(*columns).annotate(**aggregates)
            if columns
            else [queryset.aggregate(**aggregates)]
        )
        matching: dict[tuple, list[Primitive]] = {}  # row values → primitives they pass
        for row in rows:
            key = tuple(row[c] for c in columns[: len(fields)])
            if key not in matching:
                facts = self._facts(fields, key)
                matching[key] = [
                    p for p in primitives if matches(p.row, facts, self.year, self.window)
                ]
            counts = found[row[columns[-1]] if by_opd else None]
            for p in matching[key]:
                counts[p] += row[aliases[(p.kind, p.test)]] or 0

    def _queryset(self, table, scope, with_skp, tests):
        """The rows a table's query reads, and the path from them to the pegawai."""
        if table == "pegawai":
            queryset = scope.visible if scope.visible is not None else Pegawai.objects.all()
            if scope.opd_id is not None:
                queryset = queryset.filter(opd_id=scope.opd_id)
            if with_skp:
                skp_year = self.window.skp_year(self.year)
                queryset = queryset.annotate(
                    **{
                        SKP_ALIAS: FilteredRelation(
                            "riwayat_skp", condition=Q(riwayat_skp__tahun=skp_year)
                        )
                    }
                )
            return queryset, ""
        if table == "hukdis":
            queryset = hukdis_rows(self.year, self.window, HUKDIS)
        else:
            start, end = self.window.diklat_range(self.year)
            # Only the kategori asked about, so the (kategori, tanggal_selesai) index applies.
            queryset = RiwayatDiklat.objects.filter(
                tanggal_selesai__range=(start, end),
                kategori__in=sorted({test.kategori for _, test in tests}),
            )
        if scope.opd_id is not None:
            queryset = queryset.filter(pegawai__opd_id=scope.opd_id)
        if scope.visible is not None:
            queryset = queryset.filter(pegawai__in=scope.visible)
        return queryset, "pegawai__"

    def _aggregate(self, table: str, kind: str, test) -> Count:
        """How one test is counted in `table`'s query: rows of pegawai, or distinct pegawai
        of history rows."""
        if table != "pegawai":
            return Count("pegawai", distinct=True, filter=_history_q(kind, test))
        if kind == "pegawai":
            return Count("pk")
        if kind == "umum":
            q = Q()
            for criterion in test:
                q &= criterion_q(criterion, year=self.year, window=self.window)
            return Count("pk", filter=q)
        rows = (
            hukdis_rows(self.year, self.window, test)
            if kind == "hukdis"
            else diklat_rows(self.year, self.window, test)
        )
        return Count("pk", filter=has(rows))

    def _facts(self, fields, key) -> PersonFacts:
        """A group's row values as the facts the pure rule tests (the row tests only read
        these fields)."""
        values = dict(zip(fields, key, strict=True))
        predikat = values.get("predikat")
        return PersonFacts(
            status=values.get("status", ""),
            kedudukan=values.get("kedudukan", ""),
            jenjang=_jenjang(values.get("jenjang")),
            jenis_jabatan=values.get("jenis_jabatan", ""),
            skp={self.window.skp_year(self.year): predikat} if predikat else {},
        )


def _history_q(kind: str, test) -> Q:
    if kind == "hukdis":
        return Q(tingkat__in=sorted(test))
    q = Q(kategori=test.kategori)
    return q & Q(jp__gte=test.min_jp) if test.min_jp else q


def history_in_pegawai_query() -> bool:
    """Where history tests are counted. SQLite has no hash join: joining every training row
    to its pegawai is a random page read each, while `has()` is an IN list built once as an
    in-memory index, so there the whole index is one query. PostgreSQL joins the history rows
    in the window to their pegawai (hash join) and counts them DISTINCT, which spills to disk
    gracefully; probing per pegawai would cost an index lookup per row. Both ways give the same
    numbers and both are tested on both databases."""
    return connection.vendor == "sqlite"


def _jenjang(tingkat: str | None) -> str | None:
    if not tingkat:
        return None
    try:
        return jenjang(tingkat)
    except RuleError:  # a code outside BKN's list (an old import) is in no category
        return None
