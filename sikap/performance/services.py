"""Every write to SAKIP data: one function per use case, atomic, permission-checked, audited.

Views, the import page and `sikap sakip` call these; the command line acts as the system actor
(or `--user`), every web path as the logged-in user.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import PurePath

from django.db import IntegrityError, transaction

from sikap.accounts import access
from sikap.core import audit, audited, kinds, upload_limits
from sikap.core.errors import Kode, SikapError, tidak_berhak
from sikap.core.models import AuditEntry
from sikap.documents.storage import read_limited
from sikap.documents.validation import KINDS, clean_original_name, inspect
from sikap.performance import flows
from sikap.performance.checks import Finding
from sikap.performance.importer import IKU, Bundle, ImportRefused, Issue
from sikap.performance.models import (
    EDITABLE,
    Indikator,
    IndikatorRenja,
    IndikatorTarget,
    JenisPerjanjian,
    Kegiatan,
    KoreksiRealisasi,
    LaporanAnggaran,
    LaporanTotal,
    PengaturanCapaian,
    PerjanjianKinerja,
    PerjanjianKinerjaAnggaran,
    PerjanjianKinerjaTarget,
    Program,
    RealisasiTriwulan,
    Renja,
    Renstra,
    Sasaran,
    Status,
    SubKegiatan,
    Sumber,
    Tingkat,
    Tujuan,
)
from sikap.performance.permissions import NOT_A_PLANNER, ensure_can_edit
from sikap.performance.selectors import findings_for_year, rule_of
from sikap.rules import RuleError

BUKTI_EXTENSIONS = (".pdf", ".jpg", ".jpeg", ".png", ".xlsx", ".docx")  # the picker's hint
BUKTI_FORMATS = ("pdf", "jpeg", "png", "xlsx", "docx")  # what the content check accepts
BUKTI_MAX_BYTES = 10 * 1024 * 1024


# Realisation and corrections


def _check_values(k: Decimal | None, rp: Decimal | None) -> None:
    errors = {}
    if k is not None and k < 0:
        errors["k"] = ["Realisasi K tidak boleh negatif."]
    if rp is not None and rp < 0:
        errors["rp"] = ["Realisasi Rp tidak boleh negatif."]
    if errors:
        raise SikapError(
            Kode.DATA_TIDAK_VALID, " ".join(m for v in errors.values() for m in v), errors
        )


def _check_bukti(bukti, actor) -> None:
    """The one content check of uploads (documents/validation.py), by content not by name;
    the stored name gets the extension of what the file really is."""
    if not bukti:
        return
    upload_limits.check_rate(actor)
    data = read_limited(bukti, BUKTI_MAX_BYTES)
    try:
        found = inspect(
            data, allowed=BUKTI_FORMATS, max_bytes=BUKTI_MAX_BYTES, jenis_nama="Berkas bukti"
        )
    except SikapError as e:
        raise SikapError(e.code, e.message, {"bukti": [e.message]}) from None
    stem = PurePath(clean_original_name(bukti.name)).stem or "bukti"
    bukti.name = stem + KINDS[found.format].extension
    bukti.seek(0)


def _check_entry(k, rp, bukti, *, actor, alasan: str | None = None) -> None:
    """What every quarter entry and correction must satisfy; a correction also needs a reason."""
    if alasan is not None and not alasan.strip():
        raise SikapError(
            Kode.DATA_TIDAK_VALID, "Alasan koreksi wajib diisi.", {"alasan": ["Wajib diisi."]}
        )
    _check_values(k, rp)
    _check_bukti(bukti, actor)


@transaction.atomic
def save_realisasi(
    realisasi: RealisasiTriwulan, *, k, rp, catatan: str = "", bukti=None, actor
) -> RealisasiTriwulan:
    """Enter or change a quarter's values while it is a draft or back with the perencana."""
    ensure_can_edit(actor)
    with audited.change(RealisasiTriwulan, realisasi.pk, actor=actor) as locked:
        if not locked.editable:
            raise SikapError(
                Kode.LANGKAH_TIDAK_SAH,
                f"Realisasi TW {locked.triwulan} berstatus {locked.status_label} dan tidak "
                "dapat diubah langsung"
                + ("; ajukan koreksi." if locked.state == Status.TERVERIFIKASI else "."),
            )
        _check_entry(k, rp, bukti, actor=actor)
        locked.k, locked.rp, locked.catatan = k, rp, catatan.strip()
        if bukti:
            locked.bukti = bukti
    return locked


def run_realisasi(realisasi, name: str, *, actor, reason: str = "", expected_version=None):
    return flows.REALISASI.run(
        realisasi, name, actor=actor, reason=reason, expected_version=expected_version
    )


@transaction.atomic
def create_koreksi(
    realisasi: RealisasiTriwulan, *, k, rp, alasan: str, catatan: str = "", bukti=None, actor
) -> KoreksiRealisasi:
    ensure_can_edit(actor)
    locked = RealisasiTriwulan.objects.select_for_update().get(pk=realisasi.pk)
    if locked.state != Status.TERVERIFIKASI:
        raise SikapError(
            Kode.LANGKAH_TIDAK_SAH,
            f"Koreksi hanya untuk realisasi yang sudah terverifikasi; TW {locked.triwulan} "
            f"berstatus {locked.status_label}: ubah langsung nilainya.",
        )
    _check_entry(k, rp, bukti, actor=actor, alasan=alasan)
    koreksi = KoreksiRealisasi(
        realisasi=locked,
        state=Status.DRAF,
        k=k,
        rp=rp,
        alasan=alasan.strip(),
        catatan=catatan.strip(),
        dibuat_oleh=actor,
    )
    if bukti:
        koreksi.bukti = bukti
    try:
        with transaction.atomic():
            koreksi.save()
    except IntegrityError:
        raise SikapError(
            Kode.DUPLIKAT,
            f"Realisasi TW {locked.triwulan} sudah memiliki koreksi yang belum selesai.",
        ) from None
    create = AuditEntry.Aksi.CREATE
    audit.record(koreksi, actor=actor, action=create, kind=kinds.of(koreksi, create))
    return koreksi


@transaction.atomic
def save_koreksi(
    koreksi: KoreksiRealisasi, *, k, rp, alasan: str, catatan: str = "", bukti=None, actor
):
    ensure_can_edit(actor)
    with audited.change(KoreksiRealisasi, koreksi.pk, actor=actor) as locked:
        if not locked.editable:
            raise SikapError(
                Kode.LANGKAH_TIDAK_SAH,
                f"Koreksi berstatus {locked.status_label} tidak dapat diubah.",
            )
        _check_entry(k, rp, bukti, actor=actor, alasan=alasan)
        locked.k, locked.rp = k, rp
        locked.alasan, locked.catatan = alasan.strip(), catatan.strip()
        if bukti:
            locked.bukti = bukti
    return locked


def run_koreksi(koreksi, name: str, *, actor, reason: str = "", expected_version=None):
    return flows.KOREKSI.run(
        koreksi, name, actor=actor, reason=reason, expected_version=expected_version
    )


# Targets, agreement and configuration


@transaction.atomic
def save_indikator_target(indikator_target: IndikatorTarget, *, target, realisasi, actor):
    """Change an IKU's target or its manually entered realisation."""
    ensure_can_edit(actor)
    errors = {}
    if target is None or target <= 0:
        errors["target"] = ["Target harus lebih dari 0 agar capaian dapat dihitung."]
    if realisasi is not None and realisasi < 0:
        errors["realisasi"] = ["Realisasi tidak boleh negatif."]
    if errors:
        raise SikapError(
            Kode.DATA_TIDAK_VALID, " ".join(m for v in errors.values() for m in v), errors
        )
    with audited.change(IndikatorTarget, indikator_target.pk, actor=actor) as locked:
        locked.target, locked.realisasi = target, realisasi
    return locked


@transaction.atomic
def create_perjanjian_kinerja(
    tahun: int,
    *,
    jenis: str,
    tanggal_tanda_tangan: date | None,
    targets: dict[Indikator, Decimal],
    anggaran: dict[Program, Decimal],
    catatan: str = "",
    actor,
) -> PerjanjianKinerja:
    """Sign the next version of the year's agreement; earlier versions stay as signed."""
    ensure_can_edit(actor)
    if jenis not in JenisPerjanjian.values:
        raise SikapError(
            Kode.DATA_TIDAK_VALID, f"Jenis Perjanjian Kinerja '{jenis}' tidak dikenal."
        )
    previous = PerjanjianKinerja.objects.select_for_update().filter(tahun=tahun)
    last = previous.order_by("-nomor_versi").first()
    if jenis == JenisPerjanjian.AWAL and last is not None:
        raise SikapError(
            Kode.DUPLIKAT,
            f"Perjanjian Kinerja {tahun} sudah ada (versi {last.nomor_versi}); buat perubahan.",
        )
    if jenis == JenisPerjanjian.PERUBAHAN and last is None:
        raise SikapError(
            Kode.LANGKAH_TIDAK_SAH, f"Belum ada Perjanjian Kinerja awal {tahun} untuk diubah."
        )
    problems = [f"target {i}" for i, v in targets.items() if v is None or v <= 0]
    problems += [f"anggaran {p.kode}" for p, v in anggaran.items() if v is None or v < 0]
    if problems:
        raise SikapError(
            Kode.DATA_TIDAK_VALID,
            "Nilai tidak valid (target harus > 0, anggaran tidak negatif): " + ", ".join(problems),
        )
    pk = PerjanjianKinerja.objects.create(
        tahun=tahun,
        jenis=jenis,
        nomor_versi=(last.nomor_versi + 1) if last else 1,
        tanggal_tanda_tangan=tanggal_tanda_tangan,
        catatan=catatan,
    )
    PerjanjianKinerjaTarget.objects.bulk_create(
        PerjanjianKinerjaTarget(perjanjian=pk, indikator=i, target=v) for i, v in targets.items()
    )
    PerjanjianKinerjaAnggaran.objects.bulk_create(
        PerjanjianKinerjaAnggaran(perjanjian=pk, program=p, anggaran=v) for p, v in anggaran.items()
    )
    create = AuditEntry.Aksi.CREATE
    audit.record(pk, actor=actor, action=create, kind=kinds.of(pk, create))
    return pk


@transaction.atomic
def save_pengaturan(pengaturan: PengaturanCapaian, *, actor) -> PengaturanCapaian:
    ensure_can_edit(actor)
    try:
        rule_of(pengaturan)
    except RuleError as e:
        raise SikapError(Kode.DATA_TIDAK_VALID, e.message, {"predikat": [e.message]}) from None
    before = None
    if pengaturan.pk:
        before = audit.snapshot(PengaturanCapaian.objects.select_for_update().get(pk=pengaturan.pk))
    try:
        with transaction.atomic():
            pengaturan.save()
    except IntegrityError:
        raise SikapError(
            Kode.DUPLIKAT, f"Pengaturan mulai tahun {pengaturan.berlaku_mulai} sudah ada."
        ) from None
    action = AuditEntry.Aksi.UPDATE if before else AuditEntry.Aksi.CREATE
    audit.record(
        pengaturan, actor=actor, action=action, kind=kinds.of(pengaturan, action), before=before
    )
    return pengaturan


# Import


@dataclass
class ImportResult:
    year: int
    counts: dict
    replaced: dict | None
    findings: list[Finding] = field(default_factory=list)

    @property
    def summary(self) -> str:
        parts = [f"{v} {k}" for k, v in self.counts.items() if v]
        text = f"Data SAKIP {self.year} diimpor: {', '.join(parts)}."
        if self.replaced:
            old = ", ".join(f"{v} {k}" for k, v in self.replaced.items())
            text += f" Data tahun {self.year} yang sudah ada ({old}) diganti seluruhnya."
        return text


def import_sakip(bundle: Bundle, *, actor, renstra: tuple[int, int] | None = None) -> ImportResult:
    """Write a parsed bundle, replacing everything the year already had (the Renja with its
    realisation and corrections, the report's tables, the Perjanjian Kinerja and, when an IKU
    table is given, the year's IKU targets). All or nothing. Perencana, admin BKD and the
    system actor (`sikap sakip import`, the demo) may import."""
    if not access.may_import_sakip(actor):
        raise tidak_berhak(NOT_A_PLANNER)
    with audit.source(audit.Sumber.IMPORT), transaction.atomic():
        return _import(bundle, actor, renstra)


def _import(bundle: Bundle, actor, renstra) -> ImportResult:
    year = bundle.year
    period = _renstra_period(bundle, renstra)
    replaced = _remove_year(year, with_iku=bundle.iku is not None)
    renstra_obj = None
    if period:
        renstra_obj, _ = Renstra.objects.get_or_create(tahun_awal=period[0], tahun_akhir=period[1])
    renja = Renja.objects.create(tahun=year, renstra=renstra_obj, sumber=", ".join(bundle.sources))
    indicators, programs = _write_plan(renja, bundle)
    counts = {"indikator Renja": len(indicators), "realisasi triwulan": 0}
    counts["realisasi triwulan"] = _write_realisation(renja, bundle, indicators)
    counts["baris tabel anggaran"] = _write_budget_table(renja, bundle, programs)
    iku_targets = _write_iku(renstra_obj, bundle) if bundle.iku is not None else {}
    counts["target IKU"] = len(iku_targets)
    if bundle.iku is not None or bundle.budget is not None:
        pk = PerjanjianKinerja.objects.create(
            tahun=year,
            jenis=JenisPerjanjian.AWAL,
            nomor_versi=1,
            catatan=f"Dari impor {', '.join(bundle.sources)}",
        )
        PerjanjianKinerjaTarget.objects.bulk_create(
            PerjanjianKinerjaTarget(perjanjian=pk, indikator=t.indikator, target=t.target)
            for t in iku_targets.values()
        )
        PerjanjianKinerjaAnggaran.objects.bulk_create(
            PerjanjianKinerjaAnggaran(perjanjian=pk, program=programs[r.code], anggaran=r.anggaran)
            for r in bundle.budget or ()
            if r.code
        )
    result = ImportResult(year, counts, replaced)
    audit.build_entry(
        renja,
        actor=actor,
        action=AuditEntry.Aksi.IMPORT,
        kind=kinds.SAKIP_IMPORTED,
        changes={"impor": [None, counts], "diganti": [replaced, None]},
        note=result.summary,
    ).save()
    result.findings = findings_for_year(year)
    return result


def _renstra_period(bundle: Bundle, given: tuple[int, int] | None) -> tuple[int, int] | None:
    if given:
        return given
    from_file = next((r.renstra for r in bundle.iku or () if r.renstra), None)
    if from_file:
        return from_file
    existing = Renstra.objects.filter(
        tahun_awal__lte=bundle.year, tahun_akhir__gte=bundle.year
    ).first()
    if existing:
        return existing.tahun_awal, existing.tahun_akhir
    if bundle.iku is not None:
        name = next(n for n in bundle.sources if n.lower().startswith(IKU))
        raise ImportRefused(
            [
                Issue(
                    name,
                    None,
                    "renstra",
                    f"Periode Renstra yang memuat tahun {bundle.year} belum ada: isi kolom "
                    "renstra (mis. 2018-2023) atau pilih periodenya saat mengimpor.",
                )
            ]
        )
    return None


def _remove_year(year: int, *, with_iku: bool) -> dict | None:
    old = Renja.objects.filter(tahun=year).first()
    pks = PerjanjianKinerja.objects.filter(tahun=year)
    targets = (
        IndikatorTarget.objects.filter(tahun=year) if with_iku else IndikatorTarget.objects.none()
    )
    replaced = {}
    if old:
        quarters = RealisasiTriwulan.objects.filter(indikator__renja=old)
        replaced["indikator Renja"] = old.indikator.count()
        replaced["realisasi triwulan"] = quarters.exclude(k=None, rp=None).count()
        files = [f for f in quarters.exclude(bukti="").values_list("bukti", flat=True)]
        files += list(
            KoreksiRealisasi.objects.filter(realisasi__indikator__renja=old)
            .exclude(bukti="")
            .values_list("bukti", flat=True)
        )
        storage = RealisasiTriwulan._meta.get_field("bukti").storage
        transaction.on_commit(lambda: [storage.delete(name) for name in files])
        old.delete()
    if pks.exists():
        replaced["versi Perjanjian Kinerja"] = pks.count()
        pks.delete()
    if targets.exists():
        replaced["target IKU"] = targets.count()
        targets.delete()
    return replaced or None


def _write_plan(renja: Renja, bundle: Bundle):
    urusan = {r.code: r.name for r in bundle.renja if r.level == "urusan"}
    rows = [r for r in bundle.renja if r.level != "urusan"]
    nodes: dict[str, object] = {}
    programs: dict[str, Program] = {}
    for position, row in enumerate(rows):
        if row.code in nodes:
            continue
        common = {"kode": row.code, "nomor": row.source_no, "nama": row.name, "urutan": position}
        if row.level == "program":
            nodes[row.code] = programs[row.code] = Program.objects.create(
                renja=renja,
                urusan_kode=row.parent_code,
                urusan_nama=urusan.get(row.parent_code, ""),
                **common,
            )
    for level, model, parent_field in (
        ("kegiatan", Kegiatan, "program"),
        ("sub_kegiatan", SubKegiatan, "kegiatan"),
    ):
        for position, row in enumerate(rows):
            if row.level == level and row.code not in nodes:
                nodes[row.code] = model.objects.create(
                    kode=row.code,
                    nomor=row.source_no,
                    nama=row.name,
                    urutan=position,
                    **{parent_field: nodes[row.parent_code]},
                )
    ordinal: dict[str, int] = {}
    indicators = []
    for row in rows:
        n = ordinal[row.code] = ordinal.get(row.code, -1) + 1
        indicators.append(
            IndikatorRenja(
                renja=renja,
                tingkat=Tingkat(row.level),
                **{row.level: nodes[row.code]},
                kode=row.code,
                urutan=n,
                indikator=row.indicator,
                satuan=row.unit,
                target=row.target,
                anggaran=row.budget,
                arah=row.direction,
                agregasi=row.aggregation,
            )
        )
    IndikatorRenja.objects.bulk_create(indicators)
    return {(i.kode, i.urutan): i for i in indicators}, programs


def _write_realisation(renja: Renja, bundle: Bundle, indicators: dict) -> int:
    quarters, filled = [], 0
    changed_nodes = {}
    for key, indicator in indicators.items():
        row = bundle.matched.get(key)
        values = (row.quarters_k, row.quarters_rp) if row else ((None,) * 4, (None,) * 4)
        for q, (k, rp) in enumerate(zip(*values, strict=True), 1):
            # A published report's figures are verified; an empty quarter stays open for entry.
            state = Status.DRAF if k is None and rp is None else Status.TERVERIFIKASI
            filled += state == Status.TERVERIFIKASI
            quarters.append(
                RealisasiTriwulan(indikator=indicator, triwulan=q, k=k, rp=rp, state=state)
            )
        if row is None:
            continue
        indicator.ada_laporan = True
        indicator.laporan_indikator = row.indicator
        indicator.laporan_target = row.target_k
        indicator.laporan_satuan = row.target_unit
        indicator.laporan_anggaran = row.target_rp
        indicator.laporan_realisasi_k = row.annual_k
        indicator.laporan_realisasi_rp = row.annual_rp
        indicator.satuan_realisasi = row.unit
        indicator.catatan = row.notes
        node = indicator.node
        if not node.laporan_nama:
            node.laporan_nama, node.sasaran = row.name, row.sasaran
            changed_nodes[(type(node), node.pk)] = node
    RealisasiTriwulan.objects.bulk_create(quarters)
    IndikatorRenja.objects.bulk_update(
        [i for i in indicators.values() if i.ada_laporan],
        [
            "ada_laporan",
            "laporan_indikator",
            "laporan_target",
            "laporan_satuan",
            "laporan_anggaran",
            "laporan_realisasi_k",
            "laporan_realisasi_rp",
            "satuan_realisasi",
            "catatan",
        ],
    )
    for node in changed_nodes.values():
        node.save(update_fields=["laporan_nama", "sasaran"])
    LaporanTotal.objects.bulk_create(
        LaporanTotal(
            renja=renja,
            kode=row.code,
            tingkat=Tingkat(row.level),
            anggaran=row.target_rp,
            rp_tw1=row.quarters_rp[0],
            rp_tw2=row.quarters_rp[1],
            rp_tw3=row.quarters_rp[2],
            rp_tw4=row.quarters_rp[3],
            realisasi_k=row.annual_k,
            satuan=row.unit,
            realisasi_rp=row.annual_rp,
        )
        for row in bundle.totals.values()
    )
    return filled


def _write_budget_table(renja: Renja, bundle: Bundle, programs: dict) -> int:
    rows = bundle.budget or []
    LaporanAnggaran.objects.bulk_create(
        LaporanAnggaran(
            renja=renja,
            program=programs.get(row.code),
            nama=row.name,
            anggaran=row.anggaran,
            realisasi=row.realisasi,
            persen=row.persen,
            urutan=n,
        )
        for n, row in enumerate(rows)
    )
    return len(rows)


def _write_iku(renstra: Renstra, bundle: Bundle) -> dict:
    targets = {}
    for n, row in enumerate(bundle.iku):
        tujuan, _ = Tujuan.objects.get_or_create(
            renstra=renstra, nama=row.tujuan, defaults={"nomor": row.no, "urutan": n}
        )
        sasaran = None
        if row.sasaran:
            sasaran, _ = Sasaran.objects.get_or_create(
                tujuan=tujuan, nama=row.sasaran, defaults={"nomor": row.sasaran_no, "urutan": n}
            )
        indikator, _ = Indikator.objects.update_or_create(
            tujuan=tujuan,
            sasaran=sasaran,
            nama=row.indicator,
            defaults={
                "satuan": row.unit,
                "arah": row.direction,
                "sumber": Sumber.FORMULA if row.formula else Sumber.MANUAL,
                "formula": row.formula,
                "urutan": n,
            },
        )
        targets[indikator.pk] = IndikatorTarget.objects.create(
            indikator=indikator,
            tahun=bundle.year,
            target=row.target,
            realisasi=row.realisasi,
            laporan_capaian=row.capaian,
        )
    return targets


# Plans edited by hand at /kelola/ (Renstra, Renja and their rows)


def save_plan_object(obj, *, actor):
    ensure_can_edit(actor)
    return audited.save(obj, actor=actor)


def delete_plan_object(obj, *, actor) -> None:
    """Deletes the object and its tree, row by row audited — unless realisation beneath it has
    been submitted or verified: that data changes only through a correction (koreksi)."""
    ensure_can_edit(actor)
    audited.delete(obj, actor=actor, refuse=_submitted_realisation)


def _submitted_realisation(row) -> str:
    if isinstance(row, RealisasiTriwulan) and row.state not in EDITABLE:
        return (
            f"realisasi triwulan {row.triwulan} indikator {row.indikator.kode} sudah "
            f"{row.status_label.lower()}. Data yang sudah diajukan atau diverifikasi hanya "
            "berubah melalui koreksi."
        )
    return ""
