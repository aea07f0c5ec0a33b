"""Completeness of the digital personnel file: which mandatory documents each pegawai lacks.

Both rules live here once, as SQL expressions, so the per-pegawai page, the per-OPD dashboard and
the XLSX export always agree:

- a type *applies* to a pegawai by its `wajib_untuk` (all, PNS, PPPK, married, with children);
- a type is *present* when its current version exists and was not rejected (a version awaiting
  verification counts: the pegawai has done their part).

A type that attaches to a history row (ijazah, SK pangkat, …) is present with one such document.

`flag_rows` evaluates both per type for the pegawai it is given (each rule once per pegawai and
type): one pegawai's page, one page of a list. Over a whole regency or province `counted` asks
the database for a few numbers a pegawai (mandatory types that apply; those present, from one
grouped pass over the documents), from which `per_opd` sums the OPDs and `lacking` picks the
ids to page; the page then reads the names of what is missing for its fifty rows only. A fixed
number of queries however many pegawai there are.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import (
    BooleanField,
    Case,
    Count,
    Exists,
    ExpressionWrapper,
    IntegerField,
    OuterRef,
    Q,
    Value,
    When,
)

from sikap.documents.models import Dokumen, JenisDokumen, Wajib
from sikap.people.models import AnggotaKeluarga, StatusKawin, StatusPegawai


def mandatory_types() -> list[JenisDokumen]:
    return list(JenisDokumen.objects.filter(aktif=True).exclude(wajib_untuk=Wajib.TIDAK))


def applies(jenis: JenisDokumen, via: str = "") -> Q:
    """The pegawai who must have a document of `jenis`; `via` is the lookup path from the
    queried model to the pegawai ("" when querying pegawai, "pegawai__" for their documents)."""
    return applies_to(jenis.wajib_untuk, via)


def applies_to(wajib: str, via: str = "") -> Q:
    """The pegawai a `Wajib` value names (also a pension checklist's condition)."""
    match wajib:
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


def _present_counts(queryset, types: list[JenisDokumen]) -> dict[int, int]:
    """pegawai id → how many mandatory types that apply to them they have a current, not
    rejected document of: one grouped pass over the documents (the unique current version per
    type makes a count of documents a count of types)."""
    applicable = Q(pk__in=[])
    for t in types:
        applicable |= Q(jenis=t) & applies(t, via="pegawai__")
    found = (
        _current()
        .filter(applicable, pegawai__in=queryset.values("pk"))
        .order_by()
        .values("pegawai_id")
        .annotate(n=Count("pk"))
        .values_list("pegawai_id", "n")
    )
    return dict(found)


@dataclass(frozen=True)
class Tally:
    """One pegawai's completeness in numbers: mandatory types that apply, those present, and
    whether the type asked about (if any) is missing."""

    pk: int
    opd_id: int
    opd_nama: str
    wajib: int
    ada: int
    kurang_jenis: bool = False


def counted(queryset, types: list[JenisDokumen], jenis: JenisDokumen | None = None):
    """`Tally` of every pegawai of `queryset`, by OPD, name and NIP: two queries, one over the
    pegawai (what applies: tests of their own columns) and one over the documents (what is
    present), never a subquery per pegawai and type (bench/completeness.py)."""
    extra = {"kurang": _flag(applies(jenis) & ~present(jenis))} if jenis is not None else {}
    values = (
        queryset.annotate(wajib_n=_sum_of([applies(t) for t in types]), **extra)
        .order_by("opd__nama", "nama", "nip")
        .values_list("pk", "opd_id", "opd__nama", "wajib_n", *extra)
    )
    ada = _present_counts(queryset, types) if types else {}
    return [
        Tally(pk, opd, nama, wajib, ada.get(pk, 0), *rest) for pk, opd, nama, wajib, *rest in values
    ]


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

    def add(self, row: Tally) -> None:
        self.pegawai += 1
        self.lengkap += row.ada == row.wajib
        self.wajib += row.wajib
        self.terpenuhi += row.ada


def per_opd(rows: list[Tally]) -> tuple[list[OpdSummary], OpdSummary]:
    """One summary per OPD (in the rows' OPD order) and the total over all of them."""
    by_opd: dict[int, OpdSummary] = {}
    total = OpdSummary(opd_id=0, nama="Semua OPD")
    for row in rows:
        by_opd.setdefault(row.opd_id, OpdSummary(row.opd_id, row.opd_nama)).add(row)
        total.add(row)
    return list(by_opd.values()), total


def lacking(rows: list[Tally], jenis: JenisDokumen | None = None) -> list[int]:
    """The ids of those missing any mandatory document, or `jenis` (the one `counted` was
    asked about), in the rows' order."""
    if jenis is None:
        return [r.pk for r in rows if r.ada < r.wajib]
    return [r.pk for r in rows if r.kurang_jenis]


def missing_names(pegawai: list, types: list[JenisDokumen]) -> list[tuple[object, list[str]]]:
    """(pegawai, the names of the mandatory types they lack) for a page of pegawai, in the
    page's order: one query."""
    if not pegawai:
        return []
    model = type(pegawai[0])
    rows = {r.pk: r for r in flag_rows(model.objects.filter(pk__in=[p.pk for p in pegawai]), types)}
    return [(p, names(rows[p.pk].missing, types)) for p in pegawai]
