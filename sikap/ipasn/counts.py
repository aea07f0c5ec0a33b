"""Counting many criteria at once, in one aggregate query.

Every count the engine needs ("active PNS with an S2", "active PNS whose heaviest punishment in
the window is ringan", …) is rewritten as a signed sum of *primitive* counts. A primitive is a
test on the pegawai row (status, kedudukan, jenjang, jenis jabatan, the SKP predikat of the
window year) and at most one test on a history table in the window. One query reads
people_pegawai LEFT JOIN the year's SKP (unique per person and year), groups by the row columns
the primitives test (and by OPD when asked) and counts, per group, once per distinct history
test — a person counts once per category however many courses they took. Where a history test
is answered depends on the database (`history_in_pegawai_query`):

- SQLite: inside the pegawai query, `COUNT(*) FILTER (WHERE pegawai.id IN (SELECT pegawai_id
  FROM … window …))`;
- PostgreSQL: LEFT JOIN one row per person and history table, holding how many of their rows
  in the window pass each test, and `COUNT(*) FILTER (WHERE h.t1 > 0)`.

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
from django.db.models import BooleanField, Count, ExpressionWrapper, FilteredRelation, Q, QuerySet

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
        primitives = list({p for terms in self.terms.values() for p in terms})
        found = self._count(primitives, scope or Scope(), by_opd)
        groups = found if by_opd else {None: found[None]}  # the regency, even if empty
        return {
            group: {
                key: sum(coef * counts.get(p, 0) for p, coef in terms.items())
                for key, terms in self.terms.items()
            }
            for group, counts in groups.items()
        }

    def _count(self, primitives, scope, by_opd) -> dict[int | None, dict[Primitive, int]]:
        """One query over the pegawai, grouped by the row columns the primitives test (and by
        OPD when asked), with one count per distinct non-row test; the row tests are then
        applied to each group. The query always runs: grouped by OPD it makes the OPD groups."""
        fields = [f for f in ROW_FIELDS if any(getattr(p.row, f) is not None for p in primitives)]
        aliases: dict[tuple, str] = {}
        for p in primitives:
            aliases.setdefault((p.kind, p.test), f"t{len(aliases)}")
        columns = [ROW_COLUMNS[f] for f in fields] + (["opd_id"] if by_opd else [])
        people = self._pegawai(scope, "predikat" in fields)
        count_rows = self._rows_inline if history_in_pegawai_query() else self._rows_joined
        rows = count_rows(people, scope, columns, aliases)
        position = {test: len(columns) + i for i, test in enumerate(aliases)}
        matching: dict[tuple, list[Primitive]] = {}  # row values → primitives they pass
        found: dict[int | None, dict[Primitive, int]] = defaultdict(lambda: defaultdict(int))
        for row in rows:
            key = tuple(row[: len(fields)])
            if key not in matching:
                facts = self._facts(fields, key)
                matching[key] = [
                    p for p in primitives if matches(p.row, facts, self.year, self.window)
                ]
            counts = found[row[len(columns) - 1] if by_opd else None]
            for p in matching[key]:
                counts[p] += row[position[(p.kind, p.test)]] or 0
        return found

    def _pegawai(self, scope, with_skp) -> QuerySet:
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
        return queryset.order_by()

    def _rows_inline(self, people, scope, columns, aliases) -> list[tuple]:
        """Every test an aggregate of the pegawai query; history tests as `has()` (SQLite)."""
        aggregates = {alias: self._inline(*test) for test, alias in aliases.items()}
        if not columns:
            found = people.aggregate(**aggregates)
            return [tuple(found[alias] for alias in aliases.values())]
        return list(people.values_list(*columns).annotate(**aggregates))

    def _inline(self, kind: str, test) -> Count:
        if kind == "pegawai":
            return Count("pk")
        if kind == "umum":
            return Count("pk", filter=self._umum_q(test))
        rows = (
            hukdis_rows(self.year, self.window, test)
            if kind == "hukdis"
            else diklat_rows(self.year, self.window, test)
        )
        return Count("pk", filter=has(rows))

    def _umum_q(self, criteria) -> Q:
        q = Q()
        for criterion in criteria:
            q &= criterion_q(criterion, year=self.year, window=self.window)
        return q

    def _rows_joined(self, people, scope, columns, aliases) -> list[tuple]:
        """The pegawai LEFT JOINed to one row per person and history table, holding how many
        of their rows in the window pass each history test (PostgreSQL: hash joins, which
        spill to disk gracefully), counted per group as `COUNT(*) FILTER (WHERE … > 0)`.

        Django cannot join a derived table, so the statement is put together from the SQL
        Django compiles for each part; every value stays a parameter."""
        qn = connection.ops.quote_name
        flags = {
            alias: ExpressionWrapper(self._umum_q(test[1]), output_field=BooleanField())
            for test, alias in aliases.items()
            if test[0] == "umum"
        }
        sql, params = people.values("id", *columns, **flags).query.sql_with_params()
        joins, params = [], list(params)
        for kind, table in (("hukdis", "h"), ("diklat", "d")):
            tests = {alias: test for test, alias in aliases.items() if test[0] == kind}
            if not tests:
                continue
            per_person = (
                self._history(kind, scope, [test for _, test in tests.values()])
                .values("pegawai_id")
                .annotate(**{a: Count("pk", filter=_history_q(*t)) for a, t in tests.items()})
            )
            part, part_params = per_person.query.sql_with_params()
            joins.append(f"LEFT JOIN ({part}) {table} ON {table}.{qn('pegawai_id')} = p.{qn('id')}")
            params.extend(part_params)
        where = {"pegawai": None, "umum": "p.{}", "hukdis": "h.{} > 0", "diklat": "d.{} > 0"}
        selected = [f"p.{qn(c)}" for c in columns]
        counts = [
            f"COUNT(*) FILTER (WHERE {where[kind].format(qn(alias))})"
            if where[kind]
            else "COUNT(*)"
            for (kind, _), alias in aliases.items()
        ]
        statement = (
            f"SELECT {', '.join(selected + (counts or ['COUNT(*)']))} FROM ({sql}) p "
            + " ".join(joins)
            + (f" GROUP BY {', '.join(selected)}" if selected else "")
        )
        with connection.cursor() as cursor:
            cursor.execute(statement, params)
            return cursor.fetchall()

    def _history(self, kind, scope, tests) -> QuerySet:
        """A history table's rows in the window that any of `tests` may count."""
        if kind == "hukdis":
            queryset = hukdis_rows(self.year, self.window, HUKDIS)
        else:
            start, end = self.window.diklat_range(self.year)
            # Only the kategori asked about, so the (kategori, tanggal_selesai) index applies.
            queryset = RiwayatDiklat.objects.filter(
                tanggal_selesai__range=(start, end),
                kategori__in=sorted({test.kategori for test in tests}),
            )
        if scope.opd_id is not None:
            queryset = queryset.filter(pegawai__opd_id=scope.opd_id)
        if scope.visible is not None:
            queryset = queryset.filter(pegawai__in=scope.visible)
        return queryset.order_by()

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
    in-memory index. On PostgreSQL a hashed IN must fit in work_mem (4 MB by default) or it
    rescans the list per row, and probing per pegawai costs an index lookup per row; grouping
    the window's rows per person and hash-joining them spills to disk gracefully. Both ways
    are one query, give the same numbers and are tested on both databases."""
    return connection.vendor == "sqlite"


def _jenjang(tingkat: str | None) -> str | None:
    if not tingkat:
        return None
    try:
        return jenjang(tingkat)
    except RuleError:  # a code outside BKN's list (an old import) is in no category
        return None
