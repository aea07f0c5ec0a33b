"""Salary tables between the database, files and the pure rule: `tables_for(untuk)` hands the
rule every table of a kind as `rules.salary.TabelGaji` values; `parse_rows` reads an uploaded
CSV/XLSX (golongan, MKG, gaji pokok) through the one table reader."""

import re
from decimal import Decimal, InvalidOperation
from pathlib import Path

from sikap.core.errors import Kode, SikapError
from sikap.core.tabular import Column, missing_columns, read_table
from sikap.rules import RuleError
from sikap.rules.ranks import parse_golongan
from sikap.rules.salary import GajiTable, TabelGaji, load_table

PP5_2024_CSV = Path(__file__).resolve().parent.parent / "data" / "gaji_pokok_pns_pp5_2024.csv"

_THOUSANDS = re.compile(r"\d{1,3}(\.\d{3})+(,\d+)?")
COLUMNS = (
    Column("golongan", aliases=("golongan ruang", "gol", "golongan_ruang"), required=True),
    Column("mkg", aliases=("mkg tahun", "mkg_tahun", "masa kerja"), required=True),
    Column("gaji pokok", aliases=("gaji_pokok", "gaji pokok rp", "gaji_pokok_rp"), required=True),
)


def _rupiah(value) -> Decimal:
    """A number as a spreadsheet holds it, or typed as `2.785.700`, `Rp 2.785.700,00`."""
    if isinstance(value, Decimal):
        return value
    text = str(value).replace("Rp", "").replace(" ", "")
    if _THOUSANDS.fullmatch(text):
        text = text.replace(".", "").replace(",", ".")
    return Decimal(text)


def parse_rows(data: bytes) -> list[tuple[str, int, Decimal]]:
    """(golongan, mkg_tahun, gaji_pokok) rows of a file, all checked; the first bad row is
    refused with its row number and nothing is returned."""
    table = read_table(data, COLUMNS)
    if table.missing:
        raise missing_columns(table.missing, table.unknown, "Kolom: golongan, mkg, gaji pokok.")
    rows = []
    for row in table.rows():
        try:
            golongan = parse_golongan(row.text("golongan"))
            mkg = int(Decimal(row.text("mkg")))
            amount = _rupiah(row.value("gaji pokok"))
        except (RuleError, InvalidOperation, ValueError) as e:
            detail = e.message if isinstance(e, RuleError) else "MKG dan gaji pokok harus angka"
            raise SikapError(Kode.DATA_TIDAK_VALID, f"Baris {row.number}: {detail}.") from None
        rows.append((golongan, mkg, amount))
    try:
        load_table(rows)  # duplicates, negative MKG, zero pay
    except RuleError as e:
        raise SikapError(Kode.DATA_TIDAK_VALID, e.message + ".") from None
    return rows


def pp5_2024_rows() -> list[tuple[str, int, Decimal]]:
    """The PP 5/2024 table shipped with SIKAP (the data migration and the demo read it)."""
    return parse_rows(PP5_2024_CSV.read_bytes())


def pp5_2024_table() -> GajiTable:
    return load_table(pp5_2024_rows())


def tables_for(untuk: str = "pns") -> list[TabelGaji]:
    """Every table of a kind as values for the rule (two queries)."""
    from sikap.salary.models import BarisGaji
    from sikap.salary.models import TabelGaji as TabelModel

    tabel = {t.pk: t for t in TabelModel.objects.filter(untuk=untuk)}
    rows: dict[int, list] = {pk: [] for pk in tabel}
    for b in BarisGaji.objects.filter(tabel__in=tabel).values_list(
        "tabel_id", "golongan", "mkg_tahun", "gaji_pokok"
    ):
        rows[b[0]].append(b[1:])
    return [
        TabelGaji(kode=t.kode, regulasi=t.regulasi, berlaku_mulai=t.berlaku_mulai,
                  table=load_table(rows[pk]))
        for pk, t in tabel.items()
        if rows[pk]
    ]  # fmt: skip
