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
from functools import lru_cache

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
        primitives = tuple(dict.fromkeys(p for terms in self.terms.values() for p in terms))
        found = self._count(primitives, scope or Scope(), by_opd)
        if not by_opd:  # the regency, even if empty
            found = {None: found.get(None) or [0] * len(primitives)}
        at = {p: i for i, p in enumerate(primitives)}
        terms = {key: [(at[p], coef) for p, coef in t.items()] for key, t in self.terms.items()}
        return {
            group: {key: sum(coef * counts[i] for i, coef in t) for key, t in terms.items()}
            for group, counts in found.items()
        }

    def _count(self, primitives, scope, by_opd) -> dict[int | None, list[int]]:
        """Run the one query and add each group's counts to the primitives whose row tests
        the group passes: {OPD or None: a count per primitive, in order}. The query always
        runs: grouped by OPD it makes the OPD groups."""
        shape = (self.year, self.window, frozenset(primitives), by_opd, history_in_pegawai_query())
        if scope.visible is None:
            statement = _compiled(connection.vendor, scope.opd_id, *shape)
        else:  # a user's visible pegawai: a queryset, compiled each time
            statement = _compile(scope, *shape)
        with connection.cursor() as cursor:
            cursor.execute(statement.sql, statement.params)
            rows = cursor.fetchall()
        fields, width = statement.fields, len(statement.fields) + by_opd
        # Hashing criteria is dear: look each distinct row test and column up once.
        row_tests = list(dict.fromkeys(p.row for p in primitives))
        test_at = {test: i for i, test in enumerate(row_tests)}
        column = {test: width + i for i, test in enumerate(statement.tests)}
        reads = [(test_at[p.row], column[(p.kind, p.test)]) for p in primitives]
        matching: dict[tuple, list[tuple[int, int]]] = {}  # row values → (primitive, column)
        found: dict[int | None, list[int]] = {}
        for row in rows:
            key = row[: len(fields)]
            if key not in matching:
                facts = self._facts(fields, key)
                passes = [matches(t, facts, self.year, self.window) for t in row_tests]
                matching[key] = [(i, col) for i, (t, col) in enumerate(reads) if passes[t]]
            group = row[width - 1] if by_opd else None
            counts = found.setdefault(group, [0] * len(primitives))
            for i, col in matching[key]:
                counts[i] += row[col] or 0
        return found

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


@dataclass(frozen=True)
class Statement:
    sql: str
    params: tuple
    fields: tuple[str, ...]  # the row tests its leading columns hold (then the OPD if grouped)
    tests: tuple[tuple, ...]  # (kind, test) of each count after them


def _compile(scope, year, window, primitives, by_opd, inline) -> Statement:
    """The one query: the pegawai (LEFT JOIN the year's SKP when a predikat is tested) with a
    flag per test that is answered on the pegawai's row, grouped by the row columns tested.

    History tests are such flags with `inline` (`has()`: an IN list on SQLite); otherwise
    each history table becomes one row per person, holding how many of their rows in the
    window pass each test, LEFT JOINed (hash joins on PostgreSQL, which spill to disk
    gracefully) and counted as `COUNT(*) FILTER (WHERE h.t1 > 0)`. Django cannot join a
    derived table, so the statement is put together from the SQL Django compiles for each
    part; every value stays a parameter."""
    qn = connection.ops.quote_name
    fields = tuple(f for f in ROW_FIELDS if any(getattr(p.row, f) is not None for p in primitives))
    columns = [ROW_COLUMNS[f] for f in fields] + (["opd_id"] if by_opd else [])
    tests = tuple(dict.fromkeys((p.kind, p.test) for p in primitives))
    alias = {test: f"t{i}" for i, test in enumerate(tests)}
    joined = {"hukdis": "h", "diklat": "d"} if not inline else {}
    flags = {
        alias[(kind, test)]: ExpressionWrapper(_flag_q(kind, test, year, window), BooleanField())
        for kind, test in tests
        if kind != "pegawai" and kind not in joined
    }
    people = _pegawai(scope, year, window, "predikat" in fields)
    sql, params = people.values("id", *columns, **flags).query.sql_with_params()
    joins, params = [], list(params)
    for kind, table in joined.items():
        mine = [test for test in tests if test[0] == kind]
        if not mine:
            continue
        per_person = (
            _history(kind, scope, year, window, [test for _, test in mine])
            .values("pegawai_id")
            .annotate(**{alias[t]: Count("pk", filter=_history_q(*t)) for t in mine})
        )
        part, part_params = per_person.query.sql_with_params()
        joins.append(f"LEFT JOIN ({part}) {table} ON {table}.{qn('pegawai_id')} = p.{qn('id')}")
        params.extend(part_params)
    counts = []
    for kind, test in tests:
        name = qn(alias[(kind, test)])
        if kind == "pegawai":
            counts.append("COUNT(*)")
        elif kind in joined:
            counts.append(f"COUNT(*) FILTER (WHERE {joined[kind]}.{name} > 0)")
        else:
            counts.append(f"COUNT(*) FILTER (WHERE p.{name})")
    selected = [f"p.{qn(c)}" for c in columns]
    statement = (
        f"SELECT {', '.join(selected + (counts or ['COUNT(*)']))} FROM ({sql}) p "
        + " ".join(joins)
        + (f" GROUP BY {', '.join(selected)}" if selected else "")
    )
    return Statement(statement, tuple(params), fields, tests)


@lru_cache(maxsize=64)
def _compiled(vendor, opd_id, year, window, primitives, by_opd, inline) -> Statement:
    """`_compile` once per process for each shape of plan: the statement depends only on
    these arguments (never on the data or on the configuration's weights), and building it
    through the ORM costs as much as the query itself at a regency's size."""
    return _compile(Scope(opd_id), year, window, primitives, by_opd, inline)


def _pegawai(scope, year, window, with_skp) -> QuerySet:
    queryset = scope.visible if scope.visible is not None else Pegawai.objects.all()
    if scope.opd_id is not None:
        queryset = queryset.filter(opd_id=scope.opd_id)
    if with_skp:
        skp_year = window.skp_year(year)
        queryset = queryset.annotate(
            **{SKP_ALIAS: FilteredRelation("riwayat_skp", condition=Q(riwayat_skp__tahun=skp_year))}
        )
    return queryset.order_by()


def _flag_q(kind, test, year, window) -> Q:
    """A test answered on the pegawai's row: a criterion outside the fast shapes (`umum`), or
    a history test as `has()`."""
    if kind == "umum":
        q = Q()
        for criterion in test:
            q &= criterion_q(criterion, year=year, window=window)
        return q
    if kind == "hukdis":
        return has(hukdis_rows(year, window, test))
    return has(diklat_rows(year, window, test))


def _history(kind, scope, year, window, tests) -> QuerySet:
    """A history table's rows in the window that any of `tests` may count."""
    if kind == "hukdis":
        queryset = hukdis_rows(year, window, HUKDIS)
    else:
        start, end = window.diklat_range(year)
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
