"""A year's performance: every indicator's target, realisation and capaian, and the budget
absorbed per program, kegiatan, sub kegiatan and quarter, as plain dataclasses.

`year_capaian` is what the pages, `sikap sakip capaian --json` and the LKj generator call.
Money is spent in the sub kegiatan: a kegiatan's or program's anggaran and realisation are the
sums of its children (its own indicator rows only when it has no children with money), which is
how the seed's budget table reaches 532.945.599 for program A although the program row's own
quarters leave out A.1.e (seed_inconsistencies.md 1.1).
"""

from dataclasses import dataclass
from decimal import Decimal

from sikap.core.errors import SikapError
from sikap.ipasn.engine import ip_asn_for_report
from sikap.performance.models import (
    Agregasi,
    IndikatorTarget,
    Kegiatan,
    Program,
    SubKegiatan,
    Sumber,
)
from sikap.performance.selectors import indicator_rows, latest_agreement, rule_for_year, unpadded
from sikap.rules import RuleError
from sikap.rules.capaian import CapaianRule, aggregate, band, capaian, percentage

AUTO = "auto"
IP_ASN_TOTAL = "ip_asn"  # the formula key of the index itself; other keys name a sub-index


@dataclass(frozen=True)
class Quarter:
    triwulan: int
    k: Decimal | None
    rp: Decimal | None
    state: str


@dataclass(frozen=True)
class IndicatorResult:
    id: int
    code: str
    level: str
    name: str
    indicator: str
    unit: str
    direction: str
    aggregation: str
    target: Decimal
    realisasi: Decimal | None
    capaian: Decimal | None
    predikat: str | None
    note: str
    anggaran: Decimal | None
    realisasi_rp: Decimal | None
    quarters: tuple[Quarter, ...]
    # The annual K as printed in an imported, signed report (None when there is none).
    published: Decimal | None = None

    @property
    def aggregation_label(self) -> str:
        return dict(Agregasi.choices).get(self.aggregation, "")


@dataclass(frozen=True)
class IkuResult:
    id: int  # IndikatorTarget
    tujuan: str
    sasaran: str
    indicator: str
    unit: str
    direction: str
    target: Decimal
    target_source: str
    realisasi: Decimal | None
    capaian: Decimal | None
    predikat: str | None
    source: str  # "manual" or "formula": where the realisation came from
    formula: str
    note: str
    # The realisation entered by hand (for a computed indicator: the figure the signed report
    # printed), kept to show where the computation differs from it.
    entered: Decimal | None = None


@dataclass(frozen=True)
class Absorption:
    level: str
    code: str
    name: str
    parent_code: str
    anggaran: Decimal
    quarters: tuple[Decimal, Decimal, Decimal, Decimal]
    realisasi: Decimal
    persen: Decimal | None


@dataclass(frozen=True)
class YearCapaian:
    year: int
    rule: CapaianRule
    iku: tuple[IkuResult, ...]
    indicators: tuple[IndicatorResult, ...]
    absorption: tuple[Absorption, ...]  # programs, each followed by its kegiatan and their subs
    total: Absorption

    def level(self, level: str) -> list[Absorption]:
        return [a for a in self.absorption if a.level == level]

    def as_json(self) -> dict:
        def d(value):
            return None if value is None else str(value)

        def absorbed(a: Absorption) -> dict:
            return {
                "kode": a.code,
                "nama": a.name,
                "induk": a.parent_code,
                "anggaran": d(a.anggaran),
                "realisasi": d(a.realisasi),
                "persen": d(a.persen),
                "triwulan": [d(q) for q in a.quarters],
            }

        return {
            "tahun": self.year,
            "pengaturan": {
                "rumus_semakin_rendah": str(self.rule.lower_convention),
                "desimal": self.rule.decimals,
                "pembulatan": str(self.rule.rounding),
                "desimal_realisasi": self.rule.realisation_decimals,
            },
            "iku": [
                {
                    "tujuan": i.tujuan,
                    "sasaran": i.sasaran,
                    "indikator": i.indicator,
                    "satuan": i.unit,
                    "target": d(i.target),
                    "sumber_target": i.target_source,
                    "realisasi": d(i.realisasi),
                    "capaian": d(i.capaian),
                    "predikat": i.predikat,
                    "sumber": i.source,
                    "rumus": i.formula,
                    "catatan": i.note,
                }
                for i in self.iku
            ],
            "indikator": [
                {
                    "kode": i.code,
                    "tingkat": i.level,
                    "nama": i.name,
                    "indikator": i.indicator,
                    "satuan": i.unit,
                    "agregasi": i.aggregation,
                    "target": d(i.target),
                    "realisasi": d(i.realisasi),
                    "capaian": d(i.capaian),
                    "predikat": i.predikat,
                    "catatan": i.note,
                    "anggaran": d(i.anggaran),
                    "realisasi_rp": d(i.realisasi_rp),
                    "triwulan": [
                        {"triwulan": q.triwulan, "k": d(q.k), "rp": d(q.rp), "status": q.state}
                        for q in i.quarters
                    ],
                }
                for i in self.indicators
            ],
            "anggaran": {
                level: [absorbed(a) for a in self.level(level)]
                for level in ("program", "kegiatan", "sub_kegiatan")
            }
            | {"total": absorbed(self.total)},
        }


def _sum(values) -> Decimal | None:
    filled = [v for v in values if v is not None]
    return sum(filled, Decimal(0)) if filled else None


def _capaian(target, realisasi, direction, rule) -> tuple[Decimal | None, str | None, str]:
    if realisasi is None:
        return None, None, "Belum ada realisasi."
    try:
        value = capaian(target, realisasi, direction=direction, rule=rule)
    except RuleError as e:
        return None, None, e.message
    return value, band(value, rule.bands), ""


def _indicators(year: int, rule: CapaianRule, verified_only: bool) -> list:
    results, rows = [], list(indicator_rows(year, verified_only=verified_only))
    for row in rows:
        quarters = tuple(
            Quarter(q.triwulan, unpadded(q.k), unpadded(q.rp), q.state) for q in row.quarters
        )
        realisasi = aggregate([q.k for q in quarters], row.agregasi)
        result, predikat, note = _capaian(row.target, realisasi, row.arah, rule)
        results.append(
            IndicatorResult(
                id=row.pk,
                code=row.kode,
                level=row.tingkat,
                name=row.node.nama,
                indicator=row.indikator,
                unit=row.satuan,
                direction=row.arah,
                aggregation=row.agregasi,
                target=unpadded(row.target),
                realisasi=realisasi,
                capaian=result,
                predikat=predikat,
                note=note,
                anggaran=unpadded(row.anggaran),
                realisasi_rp=_sum(q.rp for q in quarters),
                quarters=quarters,
                published=row.laporan_realisasi_k if row.ada_laporan else None,
            )
        )
    return results


def _absorption(year: int, indicators: list[IndicatorResult]) -> tuple[list, Absorption]:
    own: dict[tuple[str, str], list[IndicatorResult]] = {}
    for i in indicators:
        own.setdefault((i.level, i.code), []).append(i)
    programs = Program.objects.filter(renja__tahun=year).order_by("urutan")
    kegiatan = Kegiatan.objects.filter(program__renja__tahun=year).order_by("urutan")
    subs = SubKegiatan.objects.filter(kegiatan__program__renja__tahun=year).order_by("urutan")
    children = {}
    for k in kegiatan:
        children.setdefault(("program", k.program_id), []).append(k)
    for s in subs:
        children.setdefault(("kegiatan", s.kegiatan_id), []).append(s)
    level_of = {Program: "program", Kegiatan: "kegiatan", SubKegiatan: "sub_kegiatan"}
    out: list[Absorption] = []

    def visit(node, parent_code: str) -> Absorption:
        level = level_of[type(node)]
        position = len(out)
        out.append(None)  # keep the parent before its children in the listing
        kids = [visit(child, node.kode) for child in children.get((level, node.pk), [])]
        with_money = [k for k in kids if k.anggaran or k.realisasi]
        if with_money:
            anggaran = sum((k.anggaran for k in kids), Decimal(0))
            quarters = tuple(sum((k.quarters[q] for k in kids), Decimal(0)) for q in range(4))
        else:
            rows = own.get((level, node.kode), [])
            anggaran = _sum(r.anggaran for r in rows) or Decimal(0)
            quarters = tuple(
                _sum(q.rp for r in rows for q in r.quarters if q.triwulan == n) or Decimal(0)
                for n in (1, 2, 3, 4)
            )
        out[position] = result = _absorbed(
            level, node.kode, node.nama, parent_code, anggaran, quarters
        )
        return result

    tops = [visit(p, p.urusan_kode) for p in programs]
    quarters = tuple(sum((p.quarters[q] for p in tops), Decimal(0)) for q in range(4))
    total = _absorbed(
        "total", "", "JUMLAH", "", sum((p.anggaran for p in tops), Decimal(0)), quarters
    )
    return out, total


def _absorbed(level, code, name, parent_code, anggaran, quarters) -> Absorption:
    realisasi = sum(quarters, Decimal(0))
    persen = percentage(realisasi, anggaran) if anggaran else None
    return Absorption(level, code, name, parent_code, anggaran, quarters, realisasi, persen)


def _ip_asn(year: int, ip_asn):
    """(result or None, why it is None)."""
    if ip_asn is None:
        return None, "Perhitungan IP ASN tidak diminta: realisasi diisi manual."
    if ip_asn != AUTO:
        return ip_asn, ""
    try:  # the figure the configuration names: one index or the per-status roll-up
        return ip_asn_for_report(year)[0], ""
    except SikapError as e:
        return None, f"IP ASN tidak dapat dihitung ({e.message}): realisasi diisi manual."


def _formula_value(result, key: str) -> Decimal | None:
    if key == IP_ASN_TOTAL:
        return result.total
    for sub in result.sub_indices:
        if sub.code == key:
            return sub.rounded
    return None


def _iku(year: int, rule: CapaianRule, ip_asn) -> list[IkuResult]:
    targets = list(
        IndikatorTarget.objects.filter(tahun=year)
        .select_related("indikator__tujuan", "indikator__sasaran")
        .order_by("indikator__urutan", "indikator_id")
    )
    agreement = latest_agreement(year)
    agreed = {t.indikator_id: t.target for t in agreement.targets.all()} if agreement else {}
    result, why = None, ""
    if any(t.indikator.sumber == Sumber.FORMULA for t in targets):
        result, why = _ip_asn(year, ip_asn)
    out = []
    for t in targets:
        indikator = t.indikator
        target, target_source = unpadded(t.target), "target indikator"
        if indikator.pk in agreed:
            target = unpadded(agreed[indikator.pk])
            target_source = f"Perjanjian Kinerja versi {agreement.nomor_versi}"
        realisasi, source, note = unpadded(t.realisasi), Sumber.MANUAL, ""
        if indikator.sumber == Sumber.FORMULA:
            computed = _formula_value(result, indikator.formula) if result else None
            if computed is not None:
                realisasi, source = computed, Sumber.FORMULA
            else:
                note = why or (
                    f"Modul IP ASN tidak menghasilkan nilai '{indikator.formula}' untuk {year} "
                    "(populasinya kosong, atau kunci itu tidak dikenalnya): realisasi diisi manual."
                )
        value, predikat, capaian_note = _capaian(target, realisasi, indikator.arah, rule)
        out.append(
            IkuResult(
                id=t.pk,
                tujuan=indikator.tujuan.nama,
                sasaran=indikator.sasaran.nama if indikator.sasaran else "",
                indicator=indikator.nama,
                unit=indikator.satuan,
                direction=indikator.arah,
                target=target,
                target_source=target_source,
                realisasi=realisasi,
                capaian=value,
                predikat=predikat,
                source=str(source),
                formula=indikator.formula,
                note=" ".join(n for n in (note, capaian_note) if n),
                entered=unpadded(t.realisasi),
            )
        )
    return out


def year_capaian(year: int, *, ip_asn=AUTO, verified_only: bool = False) -> YearCapaian:
    """`ip_asn`: AUTO computes formula indicators with sikap.ipasn when it is installed; None
    uses the manual realisation; an IP ASN result already computed is used as given.
    `verified_only` counts only verified quarters (the LKj's view)."""
    rule = rule_for_year(year)
    indicators = _indicators(year, rule, verified_only)
    absorption, total = _absorption(year, indicators)
    return YearCapaian(
        year=year,
        rule=rule,
        iku=tuple(_iku(year, rule, ip_asn)),
        indicators=tuple(indicators),
        absorption=tuple(absorption),
        total=total,
    )
