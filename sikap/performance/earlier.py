"""Earlier years' published realisation of the IKU indicators, entered at /kelola/ or imported
from a CSV/XLSX file (`sikap sakip riwayat FILE`): indikator, tahun, realisasi[, sumber].

The LKj compares a year with N−1 and N−2 from these figures, as the signed reports of those
years printed them. The whole file is checked first: one bad row refuses it, nothing is saved.
"""

from decimal import Decimal, InvalidOperation

from django.db import transaction

from sikap.accounts import access
from sikap.core import audited
from sikap.core.errors import SikapError, tidak_berhak
from sikap.core.tabular import Column, read_table
from sikap.performance.importer import ImportRefused, Issue
from sikap.performance.models import Indikator, RealisasiTerbit
from sikap.performance.permissions import NOT_A_PLANNER

COLUMNS = (
    Column("indikator", ("indicator", "nama indikator"), required=True),
    Column("tahun", ("year",), required=True),
    Column("realisasi", ("realisation", "nilai"), required=True),
    Column("sumber", ("source", "keterangan")),
)
FIRST_YEAR, LAST_YEAR = 2000, 2100


def _indicators() -> dict[str, list[Indikator]]:
    by_name: dict[str, list[Indikator]] = {}
    for i in Indikator.objects.select_related("tujuan__renstra"):
        by_name.setdefault(" ".join(i.nama.split()).casefold(), []).append(i)
    return by_name


def _pick(found: list[Indikator], tahun: int) -> Indikator | None:
    """The indicator of the Renstra whose period holds the year, when a name recurs."""
    if len(found) == 1:
        return found[0]
    inside = [
        i for i in found if i.tujuan.renstra.tahun_awal <= tahun <= i.tujuan.renstra.tahun_akhir
    ]
    return inside[0] if len(inside) == 1 else None


def parse(name: str, data: bytes) -> list[tuple[Indikator, int, Decimal, str]]:
    try:
        table = read_table(data, COLUMNS)
        if table.missing:
            raise ImportRefused(
                [Issue(name, 1, c, f"Kolom '{c}' wajib ada.") for c in table.missing]
            )
        rows = list(table.rows())
    except ImportRefused:
        raise
    except SikapError as e:
        raise ImportRefused([Issue(name, None, "", e.message)]) from None
    by_name, issues, out, seen = _indicators(), [], [], set()
    for row in rows:
        text = row.text("indikator")
        found = by_name.get(" ".join(text.split()).casefold(), [])
        try:
            tahun = int(row.text("tahun"))
        except ValueError:
            issues.append(Issue(name, row.number, "tahun", f"'{row.text('tahun')}' bukan tahun."))
            continue
        if not FIRST_YEAR <= tahun <= LAST_YEAR:
            issues.append(
                Issue(name, row.number, "tahun", f"Tahun {tahun} di luar {FIRST_YEAR}–{LAST_YEAR}.")
            )
            continue
        try:
            value = Decimal(row.text("realisasi").replace(",", "."))
        except InvalidOperation:
            issues.append(
                Issue(name, row.number, "realisasi", f"'{row.text('realisasi')}' bukan angka.")
            )
            continue
        if not value.is_finite() or value < 0:
            issues.append(Issue(name, row.number, "realisasi", "Realisasi harus angka ≥ 0."))
            continue
        indikator = _pick(found, tahun)
        if indikator is None:
            why = (
                f"Indikator '{text}' tidak ada dalam Renstra di SIKAP."
                if not found
                else f"Indikator '{text}' ada di beberapa Renstra; tak satu pun memuat {tahun}."
            )
            issues.append(Issue(name, row.number, "indikator", why))
            continue
        if (indikator.pk, tahun) in seen:
            issues.append(
                Issue(name, row.number, "tahun", f"'{text}' tahun {tahun} muncul dua kali.")
            )
            continue
        seen.add((indikator.pk, tahun))
        out.append((indikator, tahun, value, row.text("sumber")))
    if issues:
        raise ImportRefused(issues)
    return out


def import_earlier(name: str, data: bytes, *, actor) -> int:
    """Create or replace each row's figure (audited); the number of rows saved."""
    if not access.may_import_sakip(actor):
        raise tidak_berhak(NOT_A_PLANNER)
    rows = parse(name, data)
    with transaction.atomic():
        for indikator, tahun, value, sumber in rows:
            obj = RealisasiTerbit.objects.filter(indikator=indikator, tahun=tahun).first()
            obj = obj or RealisasiTerbit(indikator=indikator, tahun=tahun)
            obj.realisasi, obj.sumber = value, sumber
            audited.save(obj, actor=actor)
    return len(rows)
