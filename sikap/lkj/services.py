"""Writes of the LKj module: the year's texts, by perencana and admin BKD, audited; and the
published LKj, a numbered PDF in the issued-document register, by admin BKD."""

import hashlib
import io

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from pypdf import PdfReader

from sikap.accounts import access
from sikap.core import audited, kinds, upload_limits
from sikap.core.errors import Kode, SikapError, tidak_berhak
from sikap.documents.models import DokumenTerbit
from sikap.documents.services import register_issued
from sikap.documents.storage import delete_quietly, read_limited
from sikap.documents.validation import clean_original_name, inspect
from sikap.lkj.builder import build_lkj
from sikap.lkj.models import (
    AnalisisIndikator,
    KonfirmasiTemuan,
    LkjTeks,
    LkjTerbit,
    PindaianPk,
    TemuanMenunggu,
)
from sikap.lkj.pdf import lkj_pdf, paper
from sikap.performance.checks import A as SEVERITY_A
from sikap.performance.models import IndikatorTarget, Program, Renja
from sikap.performance.permissions import ensure_can_edit
from sikap.performance.selectors import findings_for_year

JENIS_LKJ = "lkj"  # the PenomoranSurat seeded by documents migration 0003


def save_texts(year: int, values: dict, *, actor) -> LkjTeks:
    """Create or update the texts of `year` from cleaned form values."""
    ensure_can_edit(actor)
    with transaction.atomic():
        teks = LkjTeks.objects.select_for_update().filter(tahun=year).first()
        teks = teks or LkjTeks.for_year(year)
        for field, value in values.items():
            setattr(teks, field, value)
        return audited.save(teks, actor=actor)


def save_analysis(year: int, indikator_id: int, *, penyebab: str, solusi: str, programs, actor):
    """The causes, solutions and supporting programmes of one IKU indicator of `year`."""
    ensure_can_edit(actor)
    if not IndikatorTarget.objects.filter(tahun=year, indikator_id=indikator_id).exists():
        raise SikapError(
            Kode.TIDAK_DITEMUKAN, f"Indikator itu bukan indikator kinerja utama tahun {year}."
        )
    chosen = list(Program.objects.filter(renja__tahun=year, pk__in=[p.pk for p in programs]))
    if len(chosen) != len(programs):
        raise SikapError(Kode.DATA_TIDAK_VALID, f"Program yang dipilih bukan program Renja {year}.")
    with transaction.atomic():
        row = (
            AnalisisIndikator.objects.select_for_update()
            .filter(tahun=year, indikator_id=indikator_id)
            .first()
        ) or AnalisisIndikator(tahun=year, indikator_id=indikator_id)
        row.penyebab, row.solusi = penyebab.strip(), solusi.strip()
        row = audited.save(row, actor=actor)
        row.program.set(chosen)
    return row


MIN_REASON = 20  # characters: a reason an inspector can read, not "ok"


def open_findings(year: int, findings=None) -> list:
    """The year's severity-A findings, each with its confirmation or None; `findings` are
    those a built report already holds (`Lkj.temuan`), so the checks do not run again. The
    inbox's list of unconfirmed ones is brought in step on the way."""
    if findings is None:
        findings = findings_for_year(year)
    confirmed = {k.kunci: k for k in KonfirmasiTemuan.objects.filter(tahun=year)}
    found = [(f, confirmed.get(f.key)) for f in findings if f.severity == SEVERITY_A]
    sync_waiting(year, [f for f, c in found if c is None])
    return found


def sync_waiting(year: int, waiting) -> None:
    """Make the inbox rows of `year` exactly the unconfirmed A findings `waiting`; a finding
    already listed keeps the time it was first found (the inbox's age)."""
    keys = {f.key: f for f in waiting}
    with transaction.atomic():
        rows = TemuanMenunggu.objects.filter(tahun=year)
        rows.exclude(kunci__in=list(keys)).delete()
        listed = set(rows.values_list("kunci", flat=True))
        TemuanMenunggu.objects.bulk_create(
            TemuanMenunggu(tahun=year, kunci=k, lokasi=f.location[:500], masalah=f.problem)
            for k, f in keys.items()
            if k not in listed
        )


def refresh_waiting() -> int:
    """Every SAKIP year's unconfirmed A findings, from its checks (the daily job): changes to
    realisations since the LKj was last opened reach the inbox within a day. The count."""
    total = 0
    for year in Renja.objects.values_list("tahun", flat=True).distinct():
        waiting = [f for f, confirmed in open_findings(year) if confirmed is None]
        total += len(waiting)
    TemuanMenunggu.objects.exclude(tahun__in=Renja.objects.values("tahun")).delete()
    return total


def confirm_finding(year: int, key: str, reason: str, *, actor) -> KonfirmasiTemuan:
    """Admin BKD confirms that an open A finding stands in the published report, and why."""
    if not access.may_publish_lkj(actor):
        raise tidak_berhak("Hanya admin BKD yang dapat mengonfirmasi temuan LKj.")
    reason = " ".join((reason or "").split())
    if len(reason) < MIN_REASON:
        raise SikapError(
            Kode.DATA_TIDAK_VALID,
            f"Tuliskan alasan konfirmasi (sekurang-kurangnya {MIN_REASON} karakter): mengapa "
            "angka ini dibiarkan dalam LKj yang diterbitkan.",
        )
    finding = next((f for f, _ in open_findings(year) if f.key == key), None)
    if finding is None:
        raise SikapError(
            Kode.TIDAK_DITEMUKAN,
            f"Temuan itu tidak (lagi) ada di antara temuan tingkat A tahun {year}.",
        )
    with transaction.atomic():
        row = KonfirmasiTemuan.objects.select_for_update().filter(tahun=year, kunci=key).first()
        row = row or KonfirmasiTemuan(tahun=year, kunci=key)
        row.temuan = f"{finding.location}: {finding.problem}"
        row.alasan, row.oleh = reason, actor
        TemuanMenunggu.objects.filter(tahun=year, kunci=key).delete()
        return audited.save(row, actor=actor, kind=kinds.LKJ_FINDING_CONFIRMED)


def publish_lkj(year: int, *, actor, paper_code: str = "a4") -> DokumenTerbit:
    """Register the LKj of `year` as an issued document: a new number and version each time,
    the number and the QR code of its verification URL printed on the cover. The audit row
    is written by `register_issued`."""
    if not access.may_publish_lkj(actor):
        raise tidak_berhak("Hanya admin BKD yang dapat menerbitkan LKj bernomor.")
    kertas = paper(paper_code).code
    lkj = build_lkj(year)  # refuses a year without SAKIP data before any number is taken
    waiting = [f for f, confirmed in open_findings(year, lkj.temuan) if confirmed is None]
    if waiting:
        raise SikapError(
            Kode.DATA_TIDAK_VALID,
            f"LKj {year} belum dapat diterbitkan: {len(waiting)} temuan tingkat A belum "
            "dikonfirmasi admin BKD dengan alasan (mis. "
            f"{waiting[0].location}). Perbaiki datanya, atau konfirmasi setiap temuan.",
        )
    versi = 0
    with transaction.atomic():

        def render(terbit: DokumenTerbit) -> bytes:
            # Runs while register_issued holds the lock on the numbering counter, so
            # concurrent publishers queue here and count the versions one after another.
            nonlocal versi
            versi = LkjTerbit.objects.filter(tahun=year).count() + 1
            terbit.nama_berkas = f"LKj-{year}-{kertas.upper()}-v{versi}.pdf"
            return lkj_pdf(lkj, kertas, terbit=terbit, versi=versi)

        terbit = register_issued(
            render,
            jenis=JENIS_LKJ,
            holder=None,
            actor=actor,
            filename=f"LKj-{year}-{kertas.upper()}.pdf",  # named with its version in render
            kind=kinds.LKJ_PUBLISHED,
        )
        try:
            LkjTerbit.objects.create(tahun=year, versi=versi, kertas=kertas, dokumen=terbit)
        except Exception:
            delete_quietly(terbit.file.name)
            raise
    return terbit


PINDAIAN_FORMATS = ("pdf", "jpeg", "png")
PINDAIAN_NAMA = "Pindaian Perjanjian Kinerja"


def upload_pk_scan(year: int, uploaded_file, *, actor) -> PindaianPk:
    """Keep the signed Perjanjian Kinerja of `year` as scanned, checked by its content; it
    becomes the one the LKj appendix carries. Nothing is kept when the file is refused."""
    ensure_can_edit(actor)
    if not Renja.objects.filter(tahun=year).exists():
        raise SikapError(Kode.TIDAK_DITEMUKAN, f"Belum ada data SAKIP (Renja) tahun {year}.")
    upload_limits.check_rate(actor)
    limit = settings.SIKAP_LKJ_PINDAIAN_PK_MAKS_KB * 1024
    data = read_limited(uploaded_file, limit)
    found = inspect(data, allowed=PINDAIAN_FORMATS, max_bytes=limit, jenis_nama=PINDAIAN_NAMA)
    digest = hashlib.sha256(data).hexdigest()
    current = PindaianPk.latest(year)
    if current is not None and current.sha256 == digest:
        raise SikapError(
            Kode.DUPLIKAT, f"Berkas ini sama persis dengan pindaian Perjanjian Kinerja {year} "
            "yang sudah terlampir.",
        )  # fmt: skip
    row = PindaianPk(
        tahun=year,
        format=found.format,
        mime=found.mime,
        keterangan=found.detail[:100],
        halaman=_pages(data) if found.format == "pdf" else 1,
        nama_asli=clean_original_name(getattr(uploaded_file, "name", "")),
        sha256=digest,
        ukuran=len(data),
        diunggah_oleh=actor,
    )
    row.berkas.save(f"pk-{year}", ContentFile(data), save=False)
    try:
        with transaction.atomic():
            return audited.save(row, actor=actor, note=f"{row.nama_asli}, {found.detail}")
    except Exception:
        delete_quietly(row.berkas.name)
        raise


def _pages(data: bytes) -> int:
    return len(PdfReader(io.BytesIO(data)).pages)  # inspect has already opened it once
