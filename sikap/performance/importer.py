"""Reading a year's SAKIP tables (docs/sakip.md, "Import"): the Renja, the quarterly realisation
table, the budget table and the IKU table, as CSV or XLSX, in the layout of
data/lumajang-2023/README.md.

`parse_bundle` validates every file and every cross-reference between them and returns either
a `Bundle` of plain rows or raises `ImportRefused` listing every problem (file, row, column,
Indonesian message). It touches no database: `services.import_sakip` writes a bundle.
"""

import re
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.conf import settings

from sikap.core.errors import Kode, SikapError
from sikap.core.tabular import Column, read_table
from sikap.rules import RuleError
from sikap.rules.capaian import Aggregation, Direction, parse_choice
from sikap.rules.formatting import angka, rupiah

RENJA, REALISASI, ANGGARAN, IKU = "renja", "realisasi", "program_budget", "iku"
KINDS = (RENJA, REALISASI, ANGGARAN, IKU)
LEVELS = ("urusan", "program", "kegiatan", "sub_kegiatan")
PARENT_LEVEL = {"program": "urusan", "kegiatan": "program", "sub_kegiatan": "kegiatan"}
QUARTER_COLUMNS = tuple(f"q{q}_{part}" for q in (1, 2, 3, 4) for part in ("k", "rp"))
# The columns each file must have; others (direction, aggregation, notes, …) are optional.
COLUMNS = {
    RENJA: (
        "code", "level", "parent_code", "source_no", "name", "indicator",
        "target_value", "target_unit", "target_budget",
    ),
    REALISASI: (
        "code", "level", "row_type", "name", "indicator", "target_k", "target_unit",
        "target_rp", *QUARTER_COLUMNS, "annual_k", "annual_rp", "unit",
    ),
    ANGGARAN: ("program", "anggaran", "realisasi", "persentase", "code"),
    IKU: ("tujuan", "sasaran", "indicator", "target", "realisasi", "capaian_percent"),
}  # fmt: skip
# Columns read when present.
OPTIONAL = {
    RENJA: ("direction", "aggregation"),
    REALISASI: ("sasaran", "notes"),
    ANGGARAN: (),
    IKU: ("no", "sasaran_no", "unit", "direction", "formula", "renstra"),
}
PERCENT = "%"
_BLANK = frozenset({"", "-"})
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")
_PERIOD = re.compile(r"(\d{4})\s*[-–]\s*(\d{4})")
_FILENAME = re.compile(r"(renja|realisasi|program_budget|iku)_(\d{4})\.(csv|xlsx)", re.IGNORECASE)


@dataclass(frozen=True)
class Issue:
    file: str
    row: int | None
    column: str
    message: str

    def __str__(self) -> str:
        where = self.file + (f" baris {self.row}" if self.row else "")
        where += f", kolom {self.column}" if self.column else ""
        return f"{where}: {self.message}"


class ImportRefused(SikapError):
    """Nothing was imported; `issues` lists every problem found."""

    def __init__(self, issues: list[Issue]):
        cap = settings.SIKAP_IMPORT_MAX_ERRORS
        message = (
            f"Impor dibatalkan: {len(issues)} masalah ditemukan; tidak ada data yang disimpan."
        )
        if len(issues) > cap:
            message += f" Hanya {angka(cap)} masalah pertama yang dicatat."
            issues = issues[:cap]
        super().__init__(Kode.BERKAS_TIDAK_VALID, message, {"berkas": [str(i) for i in issues]})
        self.issues = issues


@dataclass
class RenjaRow:
    line: int
    code: str
    level: str
    parent_code: str
    source_no: str
    name: str
    indicator: str
    target: Decimal | None
    unit: str
    budget: Decimal | None
    direction: str
    aggregation: str


@dataclass
class RealisasiRow:
    line: int
    code: str
    level: str
    row_type: str
    name: str
    indicator: str
    sasaran: str
    target_k: Decimal | None
    target_unit: str
    target_rp: Decimal | None
    quarters_k: tuple
    quarters_rp: tuple
    annual_k: Decimal | None
    annual_rp: Decimal | None
    unit: str
    notes: str


@dataclass
class BudgetRow:
    line: int
    name: str
    code: str
    anggaran: Decimal | None
    realisasi: Decimal | None
    persen: Decimal | None


@dataclass
class IkuRow:
    line: int
    no: str
    tujuan: str
    sasaran_no: str
    sasaran: str
    indicator: str
    unit: str
    target: Decimal | None
    realisasi: Decimal | None
    capaian: Decimal | None
    direction: str
    formula: str
    renstra: tuple[int, int] | None


@dataclass
class Bundle:
    year: int
    sources: list[str]
    renja: list[RenjaRow]
    realisasi: list[RealisasiRow] | None = None
    budget: list[BudgetRow] | None = None
    iku: list[IkuRow] | None = None
    # Realisation rows in renja order: {(code, ordinal): RealisasiRow}; subtotal rows by code.
    matched: dict = field(default_factory=dict)
    totals: dict = field(default_factory=dict)


# Files


def files_in_directory(directory: Path, year: int | None) -> tuple[int, dict[str, tuple]]:
    """{kind: (file name, bytes)} of the year's files in `directory` (renja_2023.csv, …)."""
    if not directory.is_dir():
        raise SikapError(Kode.BERKAS_TIDAK_VALID, f"Folder {directory} tidak ditemukan.")
    found: dict[int, dict[str, Path]] = defaultdict(dict)
    for path in sorted(directory.iterdir()):
        if m := _FILENAME.fullmatch(path.name):
            found[int(m[2])].setdefault(m[1].lower(), path)
    if year is None:
        years = sorted(y for y, kinds in found.items() if RENJA in kinds)
        if len(years) != 1:
            listed = ", ".join(map(str, years)) or "tidak ada"
            raise SikapError(
                Kode.BERKAS_TIDAK_VALID,
                f"Tentukan tahun dengan --year: berkas renja_TAHUN.csv di {directory}: {listed}.",
            )
        year = years[0]
    if RENJA not in found.get(year, {}):
        raise SikapError(
            Kode.BERKAS_TIDAK_VALID,
            f"Berkas renja_{year}.csv (atau .xlsx) tidak ada di {directory}.",
        )
    return year, {kind: (p.name, p.read_bytes()) for kind, p in found[year].items()}


def _read_table(kind: str, name: str, data: bytes) -> tuple[list[str], list]:
    """The required columns missing and [(row number in the file, {column: text})].
    A file that cannot be read at all raises ImportRefused."""
    columns = [Column(c, required=True) for c in COLUMNS[kind]]
    columns += [Column(c) for c in OPTIONAL[kind]]
    try:
        table = read_table(data, columns)
        if table.missing:
            return table.missing, []
        rows = list(table.rows())
    except SikapError as e:
        raise ImportRefused([Issue(name, None, "", e.message)]) from None
    for row in rows:
        if row.too_wide:
            raise ImportRefused([Issue(name, row.number, "", row.too_wide)])
    return [], [(row.number, {c: row.text(c) for c in table.index}) for row in rows]


# Rows


class _Reader:
    """Reads one file's rows and records every problem."""

    def __init__(self, kind: str, name: str, data: bytes, issues: list[Issue]):
        self.kind, self.name, self.issues = kind, name, issues
        missing, rows = _read_table(kind, name, data)
        quarters = [c for c in missing if c in QUARTER_COLUMNS]
        if quarters:
            self.fail(
                1,
                ", ".join(quarters),
                "Kolom triwulan tidak ada: tabel realisasi harus memuat K dan Rp keempat "
                "triwulan (q1_k, q1_rp … q4_k, q4_rp).",
            )
        for column in missing:
            if column not in quarters:
                self.fail(1, column, f"Kolom wajib '{column}' tidak ada pada baris judul.")
        self.rows = rows

    def fail(self, row: int | None, column: str, message: str) -> None:
        self.issues.append(Issue(self.name, row, column, message))

    def text(self, line: int, cells: dict, column: str, *, required: bool = False) -> str:
        value = cells.get(column, "")
        value = "" if value in _BLANK else " ".join(value.split())
        if required and not value:
            self.fail(line, column, "Wajib diisi.")
        return value

    def number(
        self, line: int, cells: dict, column: str, *, required: bool = False, what: str = "Nilai"
    ) -> Decimal | None:
        text = self.text(line, cells, column, required=required)
        if not text:
            return None
        if not _NUMBER.fullmatch(text):
            self.fail(
                line,
                column,
                f"'{text}' bukan angka; tulis dengan titik desimal tanpa pemisah ribuan "
                "(contoh 1234.5).",
            )
            return None
        try:
            value = Decimal(text)
        except InvalidOperation:
            self.fail(line, column, f"'{text}' bukan angka.")
            return None
        if value < 0:
            self.fail(line, column, f"{what} negatif ({text}) tidak diterima.")
            return None
        return value

    def choice(self, line: int, cells: dict, column: str, kind, default: str) -> str:
        text = self.text(line, cells, column).lower()
        if not text:
            return default
        try:
            return str(parse_choice(kind, text, column))
        except RuleError as e:
            self.fail(line, column, e.message)
            return default


def _same_unit(a: str, b: str) -> bool:
    return "".join(a.split()).casefold() == "".join(b.split()).casefold()


def unit_conflict(a: str, b: str) -> bool:
    """A percentage set against a count cannot give a capaian: that is refused. Two different
    count units (Lembaga vs Dokumen, as the seed itself prints) are only reported."""
    return not _same_unit(a, b) and (PERCENT in (a.strip(), b.strip()))


def default_aggregation(unit: str) -> str:
    """Without an `aggregation` column: a count adds up over the quarters; a percentage or a
    per-period count (Orang/Bulan) is a level, read at the last reported quarter."""
    if unit.strip() == PERCENT or "/" in unit:
        return Aggregation.LAST
    return Aggregation.SUM


def _parse_renja(reader: _Reader) -> list[RenjaRow]:
    rows, first_line = [], {}
    for line, cells in reader.rows:
        code = reader.text(line, cells, "code", required=True)
        level = reader.text(line, cells, "level", required=True).lower()
        if level and level not in LEVELS:
            reader.fail(
                line, "level", f"Tingkat '{level}' tidak dikenal; pilih {', '.join(LEVELS)}."
            )
            continue
        parent = reader.text(line, cells, "parent_code", required=level in PARENT_LEVEL)
        name = reader.text(line, cells, "name", required=True)
        if level == "urusan" or not code or not level:
            rows.append(RenjaRow(line, code, level, parent, "", name, "", None, "", None, "", ""))
            continue
        indicator = reader.text(line, cells, "indicator", required=True)
        unit = reader.text(line, cells, "target_unit", required=True)
        target = reader.number(line, cells, "target_value", required=True, what="Target")
        budget = reader.number(line, cells, "target_budget", what="Anggaran")
        key = (code, indicator.casefold())
        if key in first_line:
            reader.fail(
                line,
                "indicator",
                f"Indikator ganda untuk kode {code}: sudah ada di baris {first_line[key]}.",
            )
        first_line.setdefault(key, line)
        if target == 0 and (unit == PERCENT or budget):
            why = (
                "indikator persentase"
                if unit == PERCENT
                else f"anggaran {rupiah(budget, sen=False)} direncanakan"
            )
            reader.fail(
                line,
                "target_value",
                f"Target 0 pada {code} ({why}): capaian (realisasi ÷ target) tidak dapat "
                "dihitung. Isi target yang direncanakan.",
            )
        rows.append(
            RenjaRow(
                line,
                code,
                level,
                parent,
                reader.text(line, cells, "source_no"),
                name,
                indicator,
                target,
                unit,
                budget,
                reader.choice(line, cells, "direction", Direction, Direction.HIGHER),
                reader.choice(line, cells, "aggregation", Aggregation, default_aggregation(unit)),
            )
        )
    _check_tree(reader, rows)
    return rows


def _check_tree(reader: _Reader, rows: list[RenjaRow]) -> None:
    first: dict[str, RenjaRow] = {}
    for row in rows:
        if not row.code or not row.level:
            continue
        seen = first.setdefault(row.code, row)
        if seen is not row and (seen.level, seen.parent_code, seen.name) != (
            row.level,
            row.parent_code,
            row.name,
        ):
            reader.fail(
                row.line,
                "name",
                f"Kode {row.code} sudah dipakai di baris {seen.line} dengan tingkat, induk atau "
                "nama lain; baris dengan kode yang sama harus sama kecuali indikatornya.",
            )
        if seen is not row and row.level == "urusan":
            reader.fail(row.line, "code", f"Urusan {row.code} ganda (baris {seen.line}).")
    for row in rows:
        if row.level not in PARENT_LEVEL or not row.parent_code:
            continue
        parent = first.get(row.parent_code)
        if parent is None:
            reader.fail(row.line, "parent_code", f"Kode induk '{row.parent_code}' tidak ada.")
        elif parent.level != PARENT_LEVEL[row.level]:
            reader.fail(
                row.line,
                "parent_code",
                f"Induk {row.level.replace('_', ' ')} {row.code} harus "
                f"{PARENT_LEVEL[row.level].replace('_', ' ')}, bukan {parent.level}.",
            )


def _parse_realisasi(reader: _Reader) -> list[RealisasiRow]:
    rows = []
    for line, cells in reader.rows:
        row_type = reader.text(line, cells, "row_type", required=True).lower()
        if row_type == "heading":
            continue
        if row_type not in ("data", "subtotal"):
            reader.fail(
                line,
                "row_type",
                f"Jenis baris '{row_type}' tidak dikenal; pilih heading, data atau subtotal.",
            )
            continue
        data = row_type == "data"
        rows.append(
            RealisasiRow(
                line=line,
                code=reader.text(line, cells, "code", required=True),
                level=reader.text(line, cells, "level", required=True).lower(),
                row_type=row_type,
                name=reader.text(line, cells, "name"),
                indicator=reader.text(line, cells, "indicator", required=data),
                sasaran=reader.text(line, cells, "sasaran"),
                target_k=reader.number(line, cells, "target_k", what="Target K"),
                target_unit=reader.text(line, cells, "target_unit", required=data),
                target_rp=reader.number(line, cells, "target_rp", what="Anggaran"),
                quarters_k=tuple(
                    reader.number(line, cells, f"q{q}_k", what="Realisasi K") for q in range(1, 5)
                ),
                quarters_rp=tuple(
                    reader.number(line, cells, f"q{q}_rp", what="Realisasi Rp") for q in range(1, 5)
                ),
                annual_k=reader.number(line, cells, "annual_k", what="Realisasi K"),
                annual_rp=reader.number(line, cells, "annual_rp", what="Realisasi Rp"),
                unit=reader.text(line, cells, "unit"),
                notes=reader.text(line, cells, "notes"),
            )
        )
    return rows


def _parse_budget(reader: _Reader) -> list[BudgetRow]:
    rows = []
    for line, cells in reader.rows:
        row = BudgetRow(
            line=line,
            name=reader.text(line, cells, "program", required=True),
            code=reader.text(line, cells, "code"),
            anggaran=reader.number(line, cells, "anggaran", required=True, what="Anggaran"),
            realisasi=reader.number(line, cells, "realisasi", what="Realisasi"),
            persen=reader.number(line, cells, "persentase", what="Persentase"),
        )
        if row.anggaran == 0 and row.persen is not None:
            reader.fail(line, "anggaran", "Anggaran 0: persentase realisasi tidak dapat dihitung.")
        rows.append(row)
    if sum(1 for r in rows if not r.code) > 1:
        reader.fail(None, "code", "Hanya satu baris JUMLAH (tanpa kode) yang boleh ada.")
    return rows


def _parse_iku(reader: _Reader) -> list[IkuRow]:
    rows = []
    for line, cells in reader.rows:
        period = None
        if text := reader.text(line, cells, "renstra"):
            if (m := _PERIOD.fullmatch(text)) and int(m[1]) <= int(m[2]):
                period = (int(m[1]), int(m[2]))
            else:
                reader.fail(line, "renstra", f"Periode Renstra '{text}' harus berbentuk 2018-2023.")
        row = IkuRow(
            line=line,
            no=reader.text(line, cells, "no"),
            tujuan=reader.text(line, cells, "tujuan", required=True),
            sasaran_no=reader.text(line, cells, "sasaran_no"),
            sasaran=reader.text(line, cells, "sasaran"),
            indicator=reader.text(line, cells, "indicator", required=True),
            unit=reader.text(line, cells, "unit"),
            target=reader.number(line, cells, "target", required=True, what="Target"),
            realisasi=reader.number(line, cells, "realisasi", what="Realisasi"),
            capaian=reader.number(line, cells, "capaian_percent", what="Capaian"),
            direction=reader.choice(line, cells, "direction", Direction, Direction.HIGHER),
            formula=reader.text(line, cells, "formula"),
            renstra=period,
        )
        if row.target == 0:
            reader.fail(
                line,
                "target",
                f"Target 0 untuk IKU '{row.indicator}': capaian (realisasi ÷ target) tidak "
                "dapat dihitung. Isi target dari Perjanjian Kinerja.",
            )
        rows.append(row)
    periods = {r.renstra for r in rows if r.renstra}
    if len(periods) > 1:
        reader.fail(None, "renstra", "Semua baris IKU harus memakai periode Renstra yang sama.")
    return rows


# Cross-file checks


def _match(bundle: Bundle, reader: _Reader) -> None:
    """Pair each realisation data row with the renja indicator row of the same code and the
    same position among that code's rows (texts may differ slightly: 'fasilitas' vs
    'fasilitasi'; the checks report that)."""
    plan: dict[str, list[RenjaRow]] = defaultdict(list)
    for row in bundle.renja:
        if row.level != "urusan" and row.code:
            plan[row.code].append(row)
    seen: dict[str, int] = defaultdict(int)
    for row in bundle.realisasi:
        planned = plan.get(row.code)
        if planned is None:
            reader.fail(row.line, "code", f"Kode {row.code} tidak ada di Renja.")
            continue
        if row.level and row.level != planned[0].level:
            reader.fail(
                row.line,
                "level",
                f"Kode {row.code} di Renja bertingkat {planned[0].level}, bukan {row.level}.",
            )
        if row.row_type == "subtotal":
            if row.level == "sub_kegiatan":
                reader.fail(row.line, "row_type", "Sub kegiatan tidak memiliki baris total.")
            elif row.code in bundle.totals:
                reader.fail(row.line, "code", f"Baris total {row.code} ganda.")
            bundle.totals[row.code] = row
            continue
        ordinal = seen[row.code]
        seen[row.code] += 1
        if ordinal >= len(planned):
            reader.fail(
                row.line,
                "indicator",
                f"Kode {row.code} memiliki {len(planned)} indikator di Renja, tetapi tabel "
                "realisasi memuat lebih banyak baris.",
            )
            continue
        renja_row = planned[ordinal]
        bundle.matched[(row.code, ordinal)] = row
        for column, unit in (("target_unit", row.target_unit), ("unit", row.unit)):
            if unit and unit_conflict(renja_row.unit, unit):
                reader.fail(
                    row.line,
                    column,
                    f"Satuan '{unit}' tidak sebanding dengan satuan target Renja "
                    f"'{renja_row.unit}' untuk {row.code}: capaian tidak dapat dihitung.",
                )
    for code, planned in plan.items():
        if 0 < seen[code] < len(planned):
            reader.fail(
                None,
                "indicator",
                f"Kode {code} memiliki {len(planned)} indikator di Renja, tetapi hanya "
                f"{seen[code]} baris di tabel realisasi.",
            )


def _check_budget_codes(bundle: Bundle, reader: _Reader) -> None:
    programs = {r.code for r in bundle.renja if r.level == "program"}
    seen = set()
    for row in bundle.budget:
        if not row.code:
            continue
        if row.code not in programs:
            reader.fail(row.line, "code", f"Program {row.code} tidak ada di Renja.")
        elif row.code in seen:
            reader.fail(row.line, "code", f"Program {row.code} ganda di tabel anggaran.")
        seen.add(row.code)


# Which Bundle attribute each file fills, and with what.
PARSERS = {
    RENJA: ("renja", _parse_renja),
    REALISASI: ("realisasi", _parse_realisasi),
    ANGGARAN: ("budget", _parse_budget),
    IKU: ("iku", _parse_iku),
}


def parse_bundle(files: dict[str, tuple[str, bytes]], year: int) -> Bundle:
    """`files` = {kind: (file name, bytes)}; the Renja is required, the others optional."""
    if unknown := set(files) - set(KINDS):
        raise SikapError(Kode.BERKAS_TIDAK_VALID, f"Jenis berkas tidak dikenal: {sorted(unknown)}.")
    if RENJA not in files:
        raise SikapError(Kode.BERKAS_TIDAK_VALID, "Berkas Renja wajib ada untuk impor SAKIP.")
    issues: list[Issue] = []
    bundle = Bundle(year=year, sources=[name for name, _ in files.values()], renja=[])
    readers = {}
    for kind, (attribute, parse) in PARSERS.items():
        if kind not in files:
            continue
        try:
            readers[kind] = _Reader(kind, *files[kind], issues)
        except ImportRefused as e:  # the file itself cannot be read
            issues.extend(e.issues)
            continue
        setattr(bundle, attribute, parse(readers[kind]))
    # Cross-references are checked only between files that read cleanly.
    if not issues:
        if bundle.realisasi is not None:
            _match(bundle, readers[REALISASI])
        if bundle.budget is not None:
            _check_budget_codes(bundle, readers[ANGGARAN])
    if issues:
        raise ImportRefused(issues)
    return bundle
