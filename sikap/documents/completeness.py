"""Completeness of the digital personnel file: which mandatory documents each pegawai lacks.

Both rules live here once, as SQL expressions, so the per-pegawai page, the per-OPD dashboard and
the XLSX export always agree:

- a type *applies* to a pegawai by its `wajib_untuk` (all, PNS, PPPK, married, with children);
- a type is *present* when its current version exists and was not rejected (a version awaiting
  verification counts: the pegawai has done their part).

A type that attaches to a history row (ijazah, SK pangkat, …) is present with one such document.

`flag_rows` evaluates both for every pegawai in scope in one query (each rule once per pegawai
and type); the dashboard then counts, filters and pages those rows in memory, so it costs a fixed
number of queries however many pegawai there are.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef, Q

from sikap.documents.models import Dokumen, JenisDokumen, Wajib
from sikap.people.models import AnggotaKeluarga, StatusKawin, StatusPegawai


def mandatory_types() -> list[JenisDokumen]:
    return list(JenisDokumen.objects.filter(aktif=True).exclude(wajib_untuk=Wajib.TIDAK))


def applies(jenis: JenisDokumen) -> Q:
    """The pegawai who must have a document of `jenis`."""
    return applies_to(jenis.wajib_untuk)


def applies_to(wajib: str) -> Q:
    """The pegawai a `Wajib` value names (also a pension checklist's condition)."""
    match wajib:
        case Wajib.SEMUA:
            return Q(pk__isnull=False)
        case Wajib.PNS_CPNS:
            return Q(status__in=(StatusPegawai.PNS, StatusPegawai.CPNS))
        case Wajib.PNS:
            return Q(status=StatusPegawai.PNS)
        case Wajib.PPPK:
            return Q(status=StatusPegawai.PPPK)
        case Wajib.KAWIN:
            return Q(status_kawin=StatusKawin.KAWIN)
        case Wajib.PUNYA_ANAK:
            children = AnggotaKeluarga.objects.filter(
                pegawai=OuterRef("pk"), hubungan=AnggotaKeluarga.Hubungan.ANAK
            )
            return Q(Exists(children))
    return Q(pk__in=[])


def present(jenis: JenisDokumen) -> Q:
    current = Dokumen.objects.filter(pegawai=OuterRef("pk"), jenis=jenis, aktif=True).exclude(
        state=Dokumen.Status.DITOLAK
    )
    return Q(Exists(current))


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

    def add(self, row: Row) -> None:
        self.pegawai += 1
        self.lengkap += not row.missing
        self.wajib += len(row.required)
        self.terpenuhi += len(row.required) - len(row.missing)


def per_opd(rows: list[Row]) -> tuple[list[OpdSummary], OpdSummary]:
    """One summary per OPD (in the rows' OPD order) and the total over all of them."""
    by_opd: dict[int, OpdSummary] = {}
    total = OpdSummary(opd_id=0, nama="Semua OPD")
    for row in rows:
        by_opd.setdefault(row.opd_id, OpdSummary(row.opd_id, row.opd_nama)).add(row)
        total.add(row)
    return list(by_opd.values()), total


def lacking(rows: list[Row], jenis: JenisDokumen | None = None) -> list[Row]:
    """The rows missing any mandatory document, or `jenis` in particular."""
    if jenis is None:
        return [r for r in rows if r.missing]
    return [r for r in rows if jenis.pk in r.missing]
