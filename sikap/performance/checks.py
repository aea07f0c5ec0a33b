"""Consistency checks of a year's SAKIP tables: pure functions over plain rows.

Each check recomputes a published figure from its parts and reports every figure that does not
close: quarters against the annual column (Rp by sum, K by each indicator's aggregation),
children against their parent (sub kegiatan → kegiatan → program), the report's total rows,
the targets of the realisation table against the Renja, units and texts that change, the budget
table, the IKU capaian and the Perjanjian Kinerja. A figure is compared at the precision it is
published with (96 against a mean of 95.78 closes; 94.63 against a sum of 94 does not).

Severity, as in seed_inconsistencies.md: A = arithmetic that does not close; C = a label, unit or
convention inconsistency. The rows come from the database (`selectors.tables_for_year`), so the
same checks run on import, in `sikap sakip check` and on the web page.
"""

import hashlib
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal

from sikap.rules import RuleError
from sikap.rules.capaian import (
    DEFAULT_RULE,
    Aggregation,
    CapaianRule,
    aggregate,
    capaian,
    percentage,
    plain,
    precision_of,
    round_to,
)
from sikap.rules.formatting import angka, rupiah

A, C = "A", "C"
TOTAL = ""  # the indicator of a location that is a program's or kegiatan's total
RP_COLUMNS = ("target_rp", "q1_rp", "q2_rp", "q3_rp", "q4_rp", "annual_rp")
LEVEL_NAME = {"program": "program", "kegiatan": "kegiatan", "sub_kegiatan": "sub kegiatan"}
# The import files' column names in words, for pages (a finding's `column` stays the file's name
# in the JSON/CSV output, where the perencana matches it to the file).
COLUMN_LABELS = {
    "code": "kode",
    "level": "tingkat",
    "parent_code": "kode induk",
    "name": "nama program/kegiatan",
    "indicator": "indikator",
    "target": "target",
    "target_value": "target",
    "target_k": "target kinerja",
    "target_unit": "satuan target",
    "target_budget": "pagu anggaran",
    "target_rp": "target anggaran (Rp)",
    "annual_k": "realisasi kinerja tahunan",
    "annual_rp": "realisasi anggaran tahunan (Rp)",
    "unit": "satuan",
    "anggaran": "anggaran",
    "realisasi": "realisasi",
    "persentase": "persentase",
    "capaian_percent": "capaian (%)",
    **{
        f"q{q}_k": f"realisasi kinerja TW {r}"
        for q, r in zip((1, 2, 3, 4), ("I", "II", "III", "IV"), strict=True)
    },
    **{
        f"q{q}_rp": f"realisasi anggaran TW {r} (Rp)"
        for q, r in zip((1, 2, 3, 4), ("I", "II", "III", "IV"), strict=True)
    },
}


def _label(column: str) -> str:
    """A column as people read it ("realisasi anggaran tahunan (Rp)"), never its code."""
    return COLUMN_LABELS.get(column, column.replace("_", " "))


AGGREGATION_NAME = {
    Aggregation.SUM: "jumlah triwulan",
    Aggregation.LAST: "triwulan terakhir",
    Aggregation.AVERAGE: "rata-rata triwulan",
    Aggregation.MAXIMUM: "nilai tertinggi",
}


@dataclass(frozen=True)
class PlanRow:
    """A Renja indicator row and, when a realisation table was published, its twin there."""

    code: str
    level: str
    parent_code: str
    name: str
    indicator: str
    target: Decimal | None
    unit: str
    budget: Decimal | None
    direction: str
    aggregation: str
    quarters_k: tuple = (None, None, None, None)
    quarters_rp: tuple = (None, None, None, None)
    reported: bool = False
    report_name: str = ""
    report_indicator: str = ""
    report_target: Decimal | None = None
    report_unit: str = ""
    report_budget: Decimal | None = None
    annual_k: Decimal | None = None
    annual_rp: Decimal | None = None
    realised_unit: str = ""

    def rp(self, column: str) -> Decimal | None:
        if column == "target_rp":
            return self.report_budget
        if column == "annual_rp":
            return self.annual_rp
        return self.quarters_rp[int(column[1]) - 1]


@dataclass(frozen=True)
class TotalRow:
    """The report's own total row under a program or kegiatan."""

    code: str
    level: str
    budget: Decimal | None
    quarters_rp: tuple
    annual_k: Decimal | None
    unit: str
    annual_rp: Decimal | None

    def rp(self, column: str) -> Decimal | None:
        if column == "target_rp":
            return self.budget
        if column == "annual_rp":
            return self.annual_rp
        return self.quarters_rp[int(column[1]) - 1]


@dataclass(frozen=True)
class BudgetTableRow:
    code: str  # empty for the JUMLAH row
    name: str
    anggaran: Decimal
    realisasi: Decimal | None
    persen: Decimal | None


@dataclass(frozen=True)
class IkuRow:
    indicator: str
    target: Decimal
    realisasi: Decimal | None
    capaian: Decimal | None  # as published
    direction: str
    formula: str = ""  # "ip_asn" for the index, a dimension's key for its sub-index


@dataclass(frozen=True)
class AgreementRow:
    """A Perjanjian Kinerja figure against the plan: an IKU target or a program budget."""

    column: str  # "target" or "anggaran"
    label: str
    agreed: Decimal
    planned: Decimal | None


@dataclass(frozen=True)
class Tables:
    year: int
    plan: tuple[PlanRow, ...]
    totals: tuple[TotalRow, ...] = ()
    budget_table: tuple[BudgetTableRow, ...] = ()
    iku: tuple[IkuRow, ...] = ()
    agreement: tuple[AgreementRow, ...] = ()
    rule: CapaianRule = DEFAULT_RULE


@dataclass(frozen=True)
class Finding:
    check: str
    severity: str
    table: str  # renja, realisasi, anggaran, iku, pk
    code: str
    indicator: str
    column: str
    published: Decimal | str | None
    recomputed: Decimal | str | None
    problem: str
    remedy: str

    @property
    def key(self) -> str:
        """Stable between runs while the finding stands: what, where and which column."""
        text = "|".join((self.check, self.table, self.code, self.indicator, self.column))
        return hashlib.sha256(text.encode()).hexdigest()[:20]

    @property
    def column_label(self) -> str:
        return _label(self.column)

    @property
    def location(self) -> str:
        where = "baris total" if self.indicator == TOTAL else self.indicator
        return f"{self.code} · {where} · {self.column_label}"

    def as_dict(self) -> dict:
        def plain(value):
            return str(value) if isinstance(value, Decimal) else value

        return {
            "pemeriksaan": self.check,
            "tingkat": self.severity,
            "tabel": self.table,
            "kode": self.code,
            "indikator": self.indicator or "(baris total)",
            "kolom": self.column,
            "tercetak": plain(self.published),
            "hitung_ulang": plain(self.recomputed),
            "masalah": self.problem,
            "penutup": self.remedy,
        }


def run_checks(tables: Tables) -> list[Finding]:
    findings = []
    for check in CHECKS:
        findings.extend(check(tables))
    return findings


# Formatting and arithmetic helpers


def _rp(value: Decimal | None) -> str:
    return "kosong" if value is None else rupiah(value, sen=False)


def _k(value: Decimal | None) -> str:
    return "kosong" if value is None else angka(value, precision_of(value))


def _sum(values) -> Decimal | None:
    """The sum of the filled cells; None when every cell is empty."""
    filled = [v for v in values if v is not None]
    return sum(filled, Decimal(0)) if filled else None


def _same_text(a: str, b: str) -> bool:
    return "".join(a.split()).casefold() == "".join(b.split()).casefold()


def _closes(published: Decimal, recomputed: Decimal) -> bool:
    return round_to(recomputed, precision_of(published)) == published


def _gap(published: Decimal | None, recomputed: Decimal | None) -> str:
    gap = (published or Decimal(0)) - (recomputed or Decimal(0))
    return rupiah(abs(gap), sen=False)


def _rows_by_code(plan: Sequence[PlanRow]) -> dict[str, list[PlanRow]]:
    by_code: dict[str, list[PlanRow]] = defaultdict(list)
    for row in plan:
        by_code[row.code].append(row)
    return by_code


# Checks


def quarters_vs_annual_rp(tables: Tables) -> Iterator[Finding]:
    rows = [(r.code, r.indicator, r.quarters_rp, r.annual_rp) for r in tables.plan if r.reported]
    rows += [(t.code, TOTAL, t.quarters_rp, t.annual_rp) for t in tables.totals]
    for code, indicator, quarters, annual in rows:
        quarter_sum = _sum(quarters)
        if (quarter_sum or 0) == (annual or 0):
            continue
        yield Finding(
            "rp_triwulan_vs_tahunan",
            A,
            "realisasi",
            code,
            indicator,
            "annual_rp",
            annual,
            quarter_sum,
            f"Jumlah Rp triwulan I–IV {_rp(quarter_sum)} tidak sama dengan realisasi "
            f"tahunan {_rp(annual)} (selisih {_gap(annual, quarter_sum)}).",
            f"Tempatkan selisih {_gap(annual, quarter_sum)} pada triwulan tempat uang itu "
            f"dibelanjakan, atau perbaiki realisasi tahunan menjadi {_rp(quarter_sum)}.",
        )


def quarters_vs_annual_k(tables: Tables) -> Iterator[Finding]:
    for row in tables.plan:
        if not row.reported:
            continue
        exact = aggregate(row.quarters_k, row.aggregation)
        published = row.annual_k
        if exact is None and published is None:
            continue
        if exact is not None and published is not None and _closes(published, exact):
            continue
        how = AGGREGATION_NAME[Aggregation(row.aggregation)]
        recomputed = None  # as shown: 65.33, not 65.3333…
        if exact is not None:
            recomputed = plain(round_to(exact, max(precision_of(published or 0), 2)))
        if published is None:
            problem = f"Realisasi K tahunan kosong, padahal {how} = {_k(recomputed)}."
            remedy = f"Isi realisasi K tahunan {_k(recomputed)} ({row.realised_unit or row.unit})."
        elif recomputed is None:
            problem = f"Realisasi K tahunan {_k(published)} tanpa realisasi K di triwulan mana pun."
            remedy = "Isi realisasi K triwulan yang menghasilkan nilai tahunan itu."
        else:
            problem = (
                f"Realisasi K tahunan {_k(published)} tidak sama dengan {how} "
                f"({' / '.join(_k(q) for q in row.quarters_k)} → {_k(recomputed)})."
            )
            remedy = _k_remedy(row, published, exact)
        yield Finding(
            "k_triwulan_vs_tahunan",
            A,
            "realisasi",
            row.code,
            row.indicator,
            "annual_k",
            published,
            recomputed,
            problem,
            remedy,
        )


def _k_remedy(row: PlanRow, published: Decimal, recomputed: Decimal) -> str:
    others = [
        AGGREGATION_NAME[method]
        for method in Aggregation
        if method != row.aggregation
        and (value := aggregate(row.quarters_k, method)) is not None
        and _closes(published, value)
    ]
    fix = f"perbaiki realisasi tahunan menjadi {_k(round_to(recomputed, precision_of(published)))}"
    if others:
        return (
            f"Nilai tahunan cocok dengan {' / '.join(others)}: bila indikator ini memang "
            f"diukur demikian, ubah agregasinya; bila tidak, {fix}."
        )
    return (
        "Tidak ada cara agregasi (jumlah, terakhir, rata-rata, tertinggi) yang menghasilkan "
        f"nilai tahunan ini: periksa nilai triwulan, atau {fix}."
    )


def total_rows(tables: Tables) -> Iterator[Finding]:
    """The report's total rows against the rows above them, and against the Renja budget."""
    by_code = _rows_by_code(tables.plan)
    for total in tables.totals:
        rows = [r for r in by_code.get(total.code, []) if r.reported]
        what = LEVEL_NAME.get(total.level, total.level)
        for column in RP_COLUMNS:
            recomputed = _sum(r.rp(column) for r in rows)
            printed = total.rp(column)
            if (printed or 0) == (recomputed or 0):
                continue
            empty = printed is None
            yield Finding(
                "baris_total",
                A,
                "realisasi",
                total.code,
                TOTAL,
                column,
                printed,
                recomputed,
                (
                    f"Sel {_label(column)} baris total {what} {total.code} kosong, padahal "
                    f"baris indikatornya berjumlah {_rp(recomputed)}."
                    if empty
                    else f"Baris total {what} {total.code}, {_label(column)} {_rp(printed)}, tidak "
                    f"sama dengan jumlah baris indikatornya {_rp(recomputed)}."
                ),
                f"Isi/perbaiki sel menjadi {_rp(recomputed)}.",
            )
        planned = _sum(r.budget for r in by_code.get(total.code, []))
        if (total.budget or 0) != (planned or 0):
            yield Finding(
                "renja_vs_realisasi",
                A,
                "realisasi",
                total.code,
                TOTAL,
                "target_rp",
                total.budget,
                planned,
                f"Target Rp baris total {what} {total.code} {_rp(total.budget)} berbeda dari "
                f"anggaran {what} di Renja {_rp(planned)} (selisih "
                f"{_gap(total.budget, planned)}).",
                f"Pakai anggaran Renja {_rp(planned)}, atau catat perubahan anggarannya "
                "(Renja/DPA perubahan).",
            )
        if total.annual_k is not None:
            yield from _total_k(total)


def _total_k(total: TotalRow) -> Iterator[Finding]:
    financial = None
    if total.budget and total.annual_rp is not None:
        financial = percentage(total.annual_rp, total.budget)
    if total.unit.strip() == "%" and financial is not None:
        if _closes(total.annual_k, financial):
            return
        yield Finding(
            "persen_tercetak",
            A,
            "realisasi",
            total.code,
            TOTAL,
            "annual_k",
            total.annual_k,
            financial,
            f"Baris total {total.code} mencetak {_k(total.annual_k)} %, padahal realisasi "
            f"keuangannya {_rp(total.annual_rp)} ÷ {_rp(total.budget)} = {_k(financial)} %.",
            f"Cetak {_k(financial)} % (realisasi keuangan), atau kosongkan sel K baris total.",
        )
    else:
        yield Finding(
            "baris_total",
            C,
            "realisasi",
            total.code,
            TOTAL,
            "annual_k",
            total.annual_k,
            None,
            f"Baris total {total.code} memuat K {_k(total.annual_k)} tanpa satuan; baris total "
            "hanya merangkum Rp dan K indikator yang berbeda tidak dapat dijumlah.",
            "Kosongkan sel K baris total, atau pindahkan nilainya ke baris indikator asalnya.",
        )


def children_vs_parent(tables: Tables) -> Iterator[Finding]:
    by_code = _rows_by_code(tables.plan)
    children: dict[str, list[str]] = defaultdict(list)
    for code, rows in by_code.items():
        if rows[0].parent_code in by_code and code not in children[rows[0].parent_code]:
            children[rows[0].parent_code].append(code)
    for parent, kids in children.items():
        what = LEVEL_NAME[by_code[parent][0].level]
        kid_what = LEVEL_NAME[by_code[kids[0]][0].level]
        listed = ", ".join(kids)
        planned = _sum(r.budget for r in by_code[parent])
        planned_kids = _sum(r.budget for kid in kids for r in by_code[kid])
        if (planned or 0) != (planned_kids or 0):
            yield Finding(
                "anak_vs_induk",
                A,
                "renja",
                parent,
                TOTAL,
                "target_budget",
                planned,
                planned_kids,
                f"Anggaran {what} {parent} di Renja {_rp(planned)} tidak sama dengan jumlah "
                f"{kid_what} {listed}: {_rp(planned_kids)}.",
                f"Samakan anggaran {what} dengan jumlah {kid_what}nya ({_rp(planned_kids)}).",
            )
        parent_rows = [r for r in by_code[parent] if r.reported]
        kid_rows = [r for kid in kids for r in by_code[kid] if r.reported]
        if not parent_rows or not kid_rows:
            continue
        for column in RP_COLUMNS:
            own = _sum(r.rp(column) for r in parent_rows)
            from_kids = _sum(r.rp(column) for r in kid_rows)
            if (own or 0) == (from_kids or 0):
                continue
            yield Finding(
                "anak_vs_induk",
                A,
                "realisasi",
                parent,
                TOTAL,
                column,
                own,
                from_kids,
                f"{what.capitalize()} {parent}, {_label(column)}: {_rp(own)}, sedangkan jumlah "
                f"{kid_what} {listed} {_rp(from_kids)} (selisih {_gap(own, from_kids)}).",
                f"Perbaiki angka {what} atau {kid_what} yang keliru sehingga {what} = jumlah "
                f"{kid_what} ({_rp(from_kids)}).",
            )


def plan_vs_report(tables: Tables) -> Iterator[Finding]:
    """The realisation table repeats the Renja's targets, units and texts: every difference."""
    named = set()
    for row in tables.plan:
        if not row.reported:
            continue
        if row.report_target != row.target:
            yield _differs(row, "target_k", row.report_target, row.target, _k, "target K")
        if (row.report_budget or 0) != (row.budget or 0):
            yield _differs(row, "target_rp", row.report_budget, row.budget, _rp, "target Rp")
        if row.report_unit and not _same_text(row.report_unit, row.unit):
            yield _unit(row, "target_unit", row.report_unit, "Satuan target")
        if row.realised_unit and not _same_text(row.realised_unit, row.unit):
            yield _unit(row, "unit", row.realised_unit, "Satuan realisasi")
        if row.report_indicator and not _same_text(row.report_indicator, row.indicator):
            yield _text(row, "indicator", row.report_indicator, row.indicator)
        if row.report_name and row.code not in named and not _same_text(row.report_name, row.name):
            named.add(row.code)
            yield _text(row, "name", row.report_name, row.name)


def _differs(row: PlanRow, column: str, printed, planned, show, what: str) -> Finding:
    return Finding(
        "renja_vs_realisasi",
        A,
        "realisasi",
        row.code,
        row.indicator,
        column,
        printed,
        planned,
        f"{what[0].upper()}{what[1:]} di tabel realisasi {show(printed)} berbeda dari Renja "
        f"{show(planned)}.",
        f"Pakai {what} Renja {show(planned)}, atau catat perubahannya (Renja/DPA perubahan) agar "
        "kedua tabel sama.",
    )


def _unit(row: PlanRow, column: str, unit: str, what: str) -> Finding:
    return Finding(
        "satuan",
        C,
        "realisasi",
        row.code,
        row.indicator,
        column,
        unit,
        row.unit,
        f"{what} '{unit}' berbeda dari satuan target Renja '{row.unit}'.",
        f"Laporkan realisasi dalam satuan target ('{row.unit}'), atau ubah target dalam Renja.",
    )


def _text(row: PlanRow, column: str, printed: str, planned: str) -> Finding:
    what = "Nama" if column == "name" else "Teks indikator"
    return Finding(
        "teks",
        C,
        "realisasi",
        row.code,
        row.indicator,
        column,
        printed,
        planned,
        f"{what} di tabel realisasi berbeda dari Renja: '{printed}' vs '{planned}'.",
        "Salin teks dari Renja.",
    )


def zero_targets_and_missing_k(tables: Tables) -> Iterator[Finding]:
    for row in tables.plan:
        realised = aggregate(row.quarters_k, row.aggregation)
        if realised is None and row.reported:
            realised = row.annual_k
        if row.target == 0 and realised:
            yield Finding(
                "target_nol",
                C,
                "renja",
                row.code,
                row.indicator,
                "target_k",
                row.target,
                realised,
                f"Realisasi {_k(realised)} {row.unit} terhadap target 0: capaian tidak dapat "
                "dihitung.",
                "Tetapkan target dalam Renja (perubahan) bila keluaran ini memang direncanakan.",
            )
        spent = _sum(row.quarters_rp) or (row.annual_rp if row.reported else None)
        if spent and realised is None and row.target:
            yield Finding(
                "k_kosong",
                C,
                "realisasi",
                row.code,
                row.indicator,
                "annual_k",
                None,
                None,
                f"Anggaran {_rp(spent)} terserap, tetapi tidak ada realisasi K di triwulan mana "
                f"pun (target {_k(row.target)} {row.unit}).",
                "Isi realisasi K keluaran yang dibiayai anggaran itu.",
            )


def budget_table(tables: Tables) -> Iterator[Finding]:
    if not tables.budget_table:
        return
    by_code = _rows_by_code(tables.plan)
    programs = [r for r in tables.budget_table if r.code]
    for row in tables.budget_table:
        if row.code:
            rows = by_code.get(row.code, [])
            planned = _sum(r.budget for r in rows)
            reported = _sum(r.annual_rp for r in rows if r.reported)
            where = f"program {row.code}"
        else:
            planned = _sum(r.anggaran for r in programs)
            reported = _sum(r.realisasi for r in programs)
            where = "baris JUMLAH"
        code = row.code or "JUMLAH"
        if row.anggaran != (planned or 0):
            yield _table(code, row, "anggaran", row.anggaran, planned, where, _rp)
        if row.realisasi is not None and reported is not None and row.realisasi != reported:
            yield _table(code, row, "realisasi", row.realisasi, reported, where, _rp)
        if row.persen is not None and row.realisasi is not None and row.anggaran:
            recomputed = percentage(row.realisasi, row.anggaran)
            if not _closes(row.persen, recomputed):
                yield _table(code, row, "persentase", row.persen, recomputed, where, _k)


def _table(code, row: BudgetTableRow, column, printed, recomputed, where, show) -> Finding:
    source = {
        "anggaran": "jumlah anggaran Renja",
        "realisasi": "jumlah realisasi tahunan di tabel realisasi",
        "persentase": "realisasi ÷ anggaran × 100",
    }[column]
    return Finding(
        "tabel_anggaran",
        A,
        "anggaran",
        code,
        row.name,
        column,
        printed,
        recomputed,
        f"Tabel anggaran, {where}: {column} {show(printed)}, sedangkan {source} = "
        f"{show(recomputed)}.",
        f"Cetak {show(recomputed)}.",
    )


def iku_capaian(tables: Tables) -> Iterator[Finding]:
    for row in tables.iku:
        if row.capaian is None or row.realisasi is None:
            continue
        try:
            recomputed = capaian(
                row.target, row.realisasi, direction=row.direction, rule=tables.rule
            )
        except RuleError as e:
            yield Finding(
                "iku_capaian",
                A,
                "iku",
                "IKU",
                row.indicator,
                "capaian_percent",
                row.capaian,
                None,
                e.message,
                "Isi target IKU dari Perjanjian Kinerja.",
            )
            continue
        if not _closes(row.capaian, recomputed):
            yield Finding(
                "iku_capaian",
                A,
                "iku",
                "IKU",
                row.indicator,
                "capaian_percent",
                row.capaian,
                recomputed,
                f"Capaian tercetak {_k(row.capaian)} %, sedangkan realisasi {_k(row.realisasi)} "
                f"terhadap target {_k(row.target)} memberi {_k(recomputed)} %.",
                f"Cetak {_k(recomputed)} %.",
            )


IP_ASN = "ip_asn"


def ip_asn_sum(tables: Tables) -> Iterator[Finding]:
    """A published IP ASN is the sum of its dimensions (RULES.md §6). Each part is rounded (or
    truncated) to its printed precision, so the sum may differ by at most one unit of that
    precision per part; more than that is a figure that does not add up (it happens in real
    published reports)."""
    total = next((r for r in tables.iku if r.formula == IP_ASN and r.realisasi is not None), None)
    parts = [r for r in tables.iku if r.formula not in ("", IP_ASN) and r.realisasi is not None]
    if total is None or len(parts) < 2:
        return
    summed = sum((r.realisasi for r in parts), Decimal(0))
    decimals = max(max(precision_of(r.realisasi) for r in parts), 2)
    tolerance = len(parts) * Decimal(1).scaleb(-decimals)
    if abs(total.realisasi - summed) <= tolerance:
        return
    terms = " + ".join(_k(r.realisasi) for r in parts)
    yield Finding(
        "ip_asn_jumlah_dimensi",
        A,
        "iku",
        "IKU",
        total.indicator,
        "realisasi",
        total.realisasi,
        summed,
        f"IP ASN tercetak {_k(total.realisasi)}, sedangkan jumlah dimensinya {terms} = "
        f"{_k(summed)} (selisih {_k(abs(total.realisasi - summed))}, lebih dari pembulatan "
        f"{len(parts)} bagiannya).",
        "Periksa nilai tiap dimensi dan IP ASN; IP ASN adalah jumlah keempat dimensinya.",
    )


def agreement(tables: Tables) -> Iterator[Finding]:
    for row in tables.agreement:
        if row.planned is not None and row.agreed == row.planned:
            continue
        show = _rp if row.column == "anggaran" else _k
        what = "Anggaran program" if row.column == "anggaran" else "Target IKU"
        yield Finding(
            "perjanjian_kinerja",
            A,
            "pk",
            "PK",
            row.label,
            row.column,
            row.agreed,
            row.planned,
            f"{what} dalam Perjanjian Kinerja {show(row.agreed)} berbeda dari rencana "
            f"{show(row.planned)}.",
            "Buat Perjanjian Kinerja perubahan, atau samakan rencananya.",
        )


def _is_percent(row: PlanRow) -> bool:
    return "%" in (row.unit.strip(), (row.realised_unit or "").strip())


def percent_range(tables: Tables) -> Iterator[Finding]:
    """A percentage stays within 0–100: a quarter, the annual value SIKAP aggregates or the
    printed one above 100 % is arithmetic that cannot be (the seed sums 102 % to 120 %)."""
    for row in tables.plan:
        if not _is_percent(row):
            continue
        recomputed = aggregate(row.quarters_k, row.aggregation)
        values = [
            (f"TW {name}", f"q{n}_k", value)
            for n, (name, value) in enumerate(
                zip(("I", "II", "III", "IV"), row.quarters_k, strict=True), 1
            )
        ]
        how = AGGREGATION_NAME[Aggregation(row.aggregation)]
        values.append((f"tahunan ({how})", "annual_k", recomputed))
        if row.reported:
            values.append(("tahunan tercetak", "annual_k", row.annual_k))
        over = [(where, column, v) for where, column, v in values if v is not None and v > 100]
        if not over:
            continue
        listed = ", ".join(f"{where} {_k(v)} %" for where, _, v in over)
        remedy = "Periksa nilai triwulan: persentase tidak dapat melebihi 100 %."
        if row.aggregation == Aggregation.SUM and recomputed is not None and recomputed > 100:
            remedy += (
                " Persentase tidak dijumlahkan antartriwulan: ubah agregasinya menjadi "
                "triwulan terakhir atau rata-rata triwulan."
            )
        yield Finding(
            "persen_di_luar_rentang",
            A,
            "realisasi",
            row.code,
            row.indicator,
            over[-1][1],  # the annual column when the annual figure is out of range
            row.annual_k,
            recomputed,
            f"Satuan % tetapi nilainya melebihi 100: {listed}.",
            remedy,
        )


def doubtful_sum(tables: Tables) -> Iterator[Finding]:
    """Quarters that each report the whole annual target (3/3/3/3 against 3) are a level read
    each quarter, not four outputs: summing them reports 400 %."""
    for row in tables.plan:
        reported = [q for q in row.quarters_k if q is not None]
        if (
            row.aggregation != Aggregation.SUM
            or len(reported) < 2
            or not row.target
            or any(q != row.target for q in reported)
        ):
            continue
        total = sum(reported, Decimal(0))
        yield Finding(
            "agregasi_meragukan",
            C,
            "renja",
            row.code,
            row.indicator,
            "agregasi",
            None,
            total,
            f"Setiap triwulan melaporkan {_k(row.target)} {row.unit}, sama dengan target "
            f"tahunan; dijumlahkan menjadi {_k(total)} {row.unit} "
            f"({_k(percentage(total, row.target))} %).",
            "Bila nilai triwulan adalah keadaan (bukan keluaran baru tiap triwulan), ubah "
            "agregasinya menjadi triwulan terakhir.",
        )


CHECKS = (
    quarters_vs_annual_rp,
    quarters_vs_annual_k,
    total_rows,
    children_vs_parent,
    plan_vs_report,
    zero_targets_and_missing_k,
    budget_table,
    iku_capaian,
    agreement,
    percent_range,
    doubtful_sum,
    ip_asn_sum,
)
