"""Reading SAKIP data: the capaian configuration of a year, and a year's tables as the plain rows
the consistency checks take."""

from decimal import Decimal

from django.db.models import Prefetch

from sikap.performance.checks import (
    AgreementRow,
    BudgetTableRow,
    Finding,
    IkuRow,
    PlanRow,
    Tables,
    TotalRow,
    run_checks,
)
from sikap.performance.models import (
    IndikatorRenja,
    IndikatorTarget,
    LaporanAnggaran,
    LaporanTotal,
    PengaturanCapaian,
    PerjanjianKinerja,
    RealisasiTriwulan,
    Renja,
    Status,
)
from sikap.rules import RuleError
from sikap.rules.capaian import (
    DEFAULT_BANDS,
    Band,
    CapaianRule,
    LowerConvention,
    Rounding,
    plain,
)


def years() -> list[int]:
    return list(Renja.objects.order_by("-tahun").values_list("tahun", flat=True))


def bands_of(rows: list) -> tuple[Band, ...]:
    """[[minimum or null, label], …] as stored → bands; malformed rows raise RuleError."""
    try:
        return tuple(
            Band(None if minimum is None else Decimal(str(minimum)), str(label))
            for minimum, label in rows
        )
    except (TypeError, ValueError, ArithmeticError):
        raise RuleError("Predikat harus berupa daftar [batas bawah, nama predikat].") from None


def rule_of(pengaturan: PengaturanCapaian) -> CapaianRule:
    return CapaianRule(
        lower_convention=LowerConvention(pengaturan.konvensi_turun),
        decimals=pengaturan.desimal,
        rounding=Rounding(pengaturan.pembulatan),
        realisation_decimals=pengaturan.desimal_realisasi,
        bands=bands_of(pengaturan.predikat) if pengaturan.predikat else DEFAULT_BANDS,
    )


def rule_for_year(year: int) -> CapaianRule:
    pengaturan = PengaturanCapaian.objects.filter(berlaku_mulai__lte=year).first()
    return rule_of(pengaturan) if pengaturan else CapaianRule()


def indicator_rows(year: int, *, verified_only: bool = False):
    """The year's Renja indicator rows with their node, parent and four quarters."""
    quarters = RealisasiTriwulan.objects.order_by("triwulan")
    if verified_only:
        quarters = quarters.filter(state=Status.TERVERIFIKASI)
    return (
        IndikatorRenja.objects.filter(renja__tahun=year)
        .select_related("program", "kegiatan__program", "sub_kegiatan__kegiatan")
        .prefetch_related(Prefetch("realisasi", queryset=quarters, to_attr="quarters"))
        .order_by("id")
    )


def unpadded(number: Decimal | None) -> Decimal | None:
    """A stored K or Rp without the zeros its column pads it with (67.0000 → 67)."""
    return None if number is None else plain(number)


def quarter_values(row: IndikatorRenja) -> tuple[tuple, tuple]:
    by_quarter = {q.triwulan: q for q in row.quarters}
    k = tuple(unpadded(by_quarter[q].k) if q in by_quarter else None for q in (1, 2, 3, 4))
    rp = tuple(unpadded(by_quarter[q].rp) if q in by_quarter else None for q in (1, 2, 3, 4))
    return k, rp


def parent_code(row: IndikatorRenja) -> str:
    if row.program_id:
        return row.program.urusan_kode
    if row.kegiatan_id:
        return row.kegiatan.program.kode
    return row.sub_kegiatan.kegiatan.kode


def latest_agreement(year: int) -> PerjanjianKinerja | None:
    return (
        PerjanjianKinerja.objects.filter(tahun=year)
        .prefetch_related("targets__indikator", "anggaran__program")
        .order_by("-nomor_versi")
        .first()
    )


def tables_for_year(year: int) -> Tables:
    plan = []
    budgets: dict[str, Decimal] = {}
    for row in indicator_rows(year):
        k, rp = quarter_values(row)
        if row.program_id and row.anggaran is not None:
            budgets[row.kode] = budgets.get(row.kode, Decimal(0)) + unpadded(row.anggaran)
        plan.append(
            PlanRow(
                code=row.kode,
                level=row.tingkat,
                parent_code=parent_code(row),
                name=row.node.nama,
                indicator=row.indikator,
                target=unpadded(row.target),
                unit=row.satuan,
                budget=unpadded(row.anggaran),
                direction=row.arah,
                aggregation=row.agregasi,
                quarters_k=k,
                quarters_rp=rp,
                reported=row.ada_laporan,
                report_name=row.node.laporan_nama,
                report_indicator=row.laporan_indikator,
                report_target=unpadded(row.laporan_target),
                report_unit=row.laporan_satuan,
                report_budget=unpadded(row.laporan_anggaran),
                annual_k=row.laporan_realisasi_k,
                annual_rp=unpadded(row.laporan_realisasi_rp),
                realised_unit=row.satuan_realisasi,
            )
        )
    totals = tuple(
        TotalRow(
            t.kode,
            t.tingkat,
            unpadded(t.anggaran),
            tuple(unpadded(v) for v in (t.rp_tw1, t.rp_tw2, t.rp_tw3, t.rp_tw4)),
            t.realisasi_k,
            t.satuan,
            unpadded(t.realisasi_rp),
        )
        for t in LaporanTotal.objects.filter(renja__tahun=year).order_by("id")
    )
    budget_table = tuple(
        BudgetTableRow(
            r.program.kode if r.program else "",
            r.nama,
            unpadded(r.anggaran),
            unpadded(r.realisasi),
            r.persen,
        )
        for r in LaporanAnggaran.objects.filter(renja__tahun=year).select_related("program")
    )
    targets = {
        t.indikator_id: t
        for t in IndikatorTarget.objects.filter(tahun=year).select_related("indikator")
    }
    iku = tuple(
        IkuRow(
            t.indikator.nama,
            unpadded(t.target),
            unpadded(t.realisasi),
            t.laporan_capaian,
            t.indikator.arah,
            t.indikator.formula,
        )
        for t in sorted(targets.values(), key=lambda t: (t.indikator.urutan, t.indikator_id))
    )
    agreement = []
    if pk := latest_agreement(year):
        for t in pk.targets.all():
            planned = targets.get(t.indikator_id)
            agreement.append(
                AgreementRow(
                    "target",
                    t.indikator.nama,
                    unpadded(t.target),
                    planned and unpadded(planned.target),
                )
            )
        for a in pk.anggaran.all():
            agreement.append(
                AgreementRow(
                    "anggaran", a.program.kode, unpadded(a.anggaran), budgets.get(a.program.kode)
                )
            )
    return Tables(
        year=year,
        plan=tuple(plan),
        totals=totals,
        budget_table=budget_table,
        iku=iku,
        agreement=tuple(agreement),
        rule=rule_for_year(year),
    )


def findings_for_year(year: int) -> list[Finding]:
    return run_checks(tables_for_year(year))
