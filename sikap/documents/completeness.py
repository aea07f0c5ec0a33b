"""Completeness of the digital personnel file: which mandatory documents each pegawai lacks.

Both rules live here once, as SQL expressions, so the per-pegawai page, the per-OPD dashboard and
the XLSX export always agree:

- a type *applies* to a pegawai by its `wajib_untuk` (all, PNS, PPPK, married, with children);
- a type is *present* when its current version exists and was not rejected (a version awaiting
  verification counts: the pegawai has done their part).

A type that attaches to a history row (ijazah, SK pangkat, …) is present with one such document.

`flag_rows` evaluates both for the pegawai it is given in one query (each rule once per pegawai
and type): one pegawai's page, one page of a list. Over a whole regency or province the work
stays in the database: `per_opd` sums the counts per OPD in one grouped query and `lacking` is
a queryset that a page paginates (a count and one page of rows), so the completeness page costs
a fixed number of queries and moves no more rows than it shows, however many pegawai there are.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import (
    BooleanField,
    Case,
    Count,
    Exists,
    ExpressionWrapper,
    F,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce

from sikap.documents.models import Dokumen, JenisDokumen, Wajib
from sikap.people.models import AnggotaKeluarga, StatusKawin, StatusPegawai


def mandatory_types() -> list[JenisDokumen]:
    return list(JenisDokumen.objects.filter(aktif=True).exclude(wajib_untuk=Wajib.TIDAK))


def applies(jenis: JenisDokumen, via: str = "") -> Q:
    """The pegawai who must have a document of `jenis`; `via` is the lookup path from the
    queried model to the pegawai ("" when querying pegawai, "pegawai__" for their documents)."""
    match jenis.wajib_untuk:
        case Wajib.SEMUA:
            return Q(**{f"{via}pk__isnull": False})
        case Wajib.PNS_CPNS:
            return Q(**{f"{via}status__in": (StatusPegawai.PNS, StatusPegawai.CPNS)})
        case Wajib.PNS:
            return Q(**{f"{via}status": StatusPegawai.PNS})
        case Wajib.PPPK:
            return Q(**{f"{via}status": StatusPegawai.PPPK})
        case Wajib.KAWIN:
            return Q(**{f"{via}status_kawin": StatusKawin.KAWIN})
        case Wajib.PUNYA_ANAK:
            children = AnggotaKeluarga.objects.filter(
                pegawai=OuterRef(f"{via}id"), hubungan=AnggotaKeluarga.Hubungan.ANAK
            )
            return Q(Exists(children))
    return Q(pk__in=[])


def _current():
    """The documents that count: current versions not rejected."""
    return Dokumen.objects.filter(aktif=True).exclude(state=Dokumen.Status.DITOLAK)


def present(jenis: JenisDokumen) -> Q:
    return Q(Exists(_current().filter(pegawai=OuterRef("pk"), jenis=jenis)))


def _flag(q: Q) -> ExpressionWrapper:
    return ExpressionWrapper(q, output_field=BooleanField())


@dataclass(frozen=True)
class Row:
    """One pegawai's completeness: the mandatory types (ids) that apply, and those missing."""

    pk: int
    opd_id: int
    opd_nama: str
    required: tuple[int, ...]
    missing: tuple[int, ...]


def flag_rows(queryset, types: list[JenisDokumen]) -> list[Row]:
    """Completeness of every pegawai in `queryset`, ordered by OPD, name and NIP. One query."""
    flags = {}
    for t in types:
        flags[f"w{t.pk}"] = _flag(applies(t))
        flags[f"a{t.pk}"] = _flag(present(t))
    values = (
        queryset.annotate(**flags)
        .order_by("opd__nama", "nama", "nip")
        .values("pk", "opd_id", "opd__nama", *flags)
    )
    rows = []
    for v in values:
        required = tuple(t.pk for t in types if v[f"w{t.pk}"])
        missing = tuple(pk for pk in required if not v[f"a{pk}"])
        rows.append(Row(v["pk"], v["opd_id"], v["opd__nama"], required, missing))
    return rows


def applicable_types(pegawai, types: list[JenisDokumen]) -> list[JenisDokumen]:
    """The mandatory types that apply to one pegawai."""
    if not types:
        return []
    [row] = flag_rows(type(pegawai).objects.filter(pk=pegawai.pk), types)
    return [t for t in types if t.pk in row.required]


def names(ids: Iterable[int], types: list[JenisDokumen]) -> list[str]:
    """Type names in the configured display order."""
    wanted = set(ids)
    return [t.nama for t in types if t.pk in wanted]


def _sum_of(flags: list[Q]):
    """The number of `flags` that hold, as an integer expression."""
    terms = [Case(When(q, then=Value(1)), default=Value(0)) for q in flags]
    total = sum(terms[1:], terms[0]) if terms else Value(0)
    return ExpressionWrapper(total, output_field=IntegerField())


def with_counts(queryset, types: list[JenisDokumen]):
    """Each pegawai with `wajib_n` (mandatory types that apply: tests of their own columns) and
    `ada_n` (those present: one count of their current documents of a type that applies to
    them, which the unique current version per type makes a count of types). One subquery per
    pegawai, not one per pegawai and type: at 55,845 pegawai and 13 types that was seconds
    (bench/completeness.py)."""
    if not types:
        return queryset.annotate(wajib_n=Value(0), ada_n=Value(0))
    applicable = Q(pk__in=[])
    for t in types:
        applicable |= Q(jenis=t) & applies(t, via="pegawai__")
    count = (
        _current()
        .filter(applicable, pegawai=OuterRef("pk"))
        .order_by()
        .values("pegawai")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return queryset.annotate(
        wajib_n=_sum_of([applies(t) for t in types]),
        ada_n=Coalesce(Subquery(count, output_field=IntegerField()), Value(0)),
    )


@dataclass
class OpdSummary:
    opd_id: int
    nama: str
    pegawai: int = 0
    lengkap: int = 0
    wajib: int = 0
    terpenuhi: int = 0

    @property
    def persen_pegawai(self) -> float:
        return 100 * self.lengkap / self.pegawai if self.pegawai else 100.0

    @property
    def persen_dokumen(self) -> float:
        return 100 * self.terpenuhi / self.wajib if self.wajib else 100.0


def per_opd(queryset, types: list[JenisDokumen]) -> tuple[list[OpdSummary], OpdSummary]:
    """One summary per OPD of `queryset`'s pegawai (by OPD name) and the total over all of
    them: one grouped query."""
    grouped = (
        with_counts(queryset, types)
        .values("opd_id", "opd__nama")
        .annotate(
            n=Count("pk"),
            lengkap_n=Sum(Case(When(wajib_n=F("ada_n"), then=Value(1)), default=Value(0))),
            wajib_sum=Sum("wajib_n"),
            ada_sum=Sum("ada_n"),
        )
        .order_by("opd__nama", "opd_id")
    )
    summary = [
        OpdSummary(
            g["opd_id"], g["opd__nama"], g["n"], g["lengkap_n"], g["wajib_sum"], g["ada_sum"]
        )
        for g in grouped
    ]
    total = OpdSummary(
        0,
        "Semua OPD",
        sum(s.pegawai for s in summary),
        sum(s.lengkap for s in summary),
        sum(s.wajib for s in summary),
        sum(s.terpenuhi for s in summary),
    )
    return summary, total


def lacking(queryset, types: list[JenisDokumen], jenis: JenisDokumen | None = None):
    """The pegawai of `queryset` missing any mandatory document, or `jenis` in particular,
    by OPD, name and NIP (a queryset: page it)."""
    if jenis is None:
        missing = with_counts(queryset, types).filter(wajib_n__gt=F("ada_n"))
    else:
        missing = queryset.filter(applies(jenis) & ~present(jenis))
    return missing.order_by("opd__nama", "nama", "nip")


class Counted:
    """A queryset whose row count is known already, for a paginator: the per-OPD summary gives
    how many lack something, so the page does not count them again."""

    def __init__(self, queryset, count: int):
        self.queryset, self._count = queryset, count
        self.ordered = queryset.ordered

    def count(self) -> int:
        return self._count

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, index):
        return self.queryset[index]


def missing_names(pegawai: list, types: list[JenisDokumen]) -> list[tuple[object, list[str]]]:
    """(pegawai, the names of the mandatory types they lack) for a page of pegawai, in the
    page's order: one query."""
    if not pegawai:
        return []
    model = type(pegawai[0])
    rows = {r.pk: r for r in flag_rows(model.objects.filter(pk__in=[p.pk for p in pegawai]), types)}
    return [(p, names(rows[p.pk].missing, types)) for p in pegawai]
