"""Writes of SIMANTUN TANDUK: the per-pegawai BUP, opening a pension file (by the daily job,
an admin OPD, or a death record) with its checklist filled from the digital file, attaching
and uploading documents, the workflow steps with their data (pertek, SK), and on the SK's TMT
the kedudukan the decree gives. Each write is audited; steps run through `pension/flows.py`."""

from dataclasses import dataclass, field
from datetime import date

from django.db import IntegrityError, transaction
from django.db.models import BooleanField, ExpressionWrapper
from django.utils import timezone

from sikap.accounts import access
from sikap.core import audit, audited, kinds
from sikap.core.errors import Kode, SikapError, tidak_berhak
from sikap.core.models import AuditEntry
from sikap.core.validators import no_formula
from sikap.documents.completeness import applies_to
from sikap.documents.models import Dokumen, Wajib
from sikap.documents.services import upload_dokumen
from sikap.pension import kependudukan, selectors
from sikap.pension.flows import FLOW
from sikap.pension.models import (
    BerkasPensiun,
    BupPegawai,
    JenisPensiun,
    LampiranBerkas,
    SyaratDokumen,
)
from sikap.people.models import Kedudukan, Pegawai
from sikap.people.services import end_service
from sikap.rules import RuleError
from sikap.rules.pension import periksa_bup, tambah_bulan

S = BerkasPensiun.Status
L = LampiranBerkas.Status
ASSEMBLING = (S.DIBUKA, S.DPCP_DIKONFIRMASI, S.DIKEMBALIKAN)
JENIS_SK_PENSIUN = "sk_pensiun"  # the JenisDokumen seeded by this app's migration
LATE_YEARS = 10  # how far back the daily job looks for someone past their TMT without a file


def _invalid(message: str, field_name: str | None = None) -> SikapError:
    return SikapError(
        Kode.DATA_TIDAK_VALID, message, {field_name: [message]} if field_name else None
    )


def _text(value: str, label: str, field_name: str) -> str:
    value = (value or "").strip()
    if not value:
        raise _invalid(f"{label} wajib diisi.", field_name)
    try:
        no_formula(value)
    except Exception:
        raise _invalid(f"{label} tidak boleh diawali =, +, - atau @.", field_name) from None
    return value


def _past_date(value: date | None, label: str, field_name: str) -> date:
    if value is None:
        raise _invalid(f"{label} wajib diisi.", field_name)
    if value > timezone.localdate():
        raise _invalid(f"{label} tidak boleh di masa depan.", field_name)
    return value


# --- BUP of one pegawai ----------------------------------------------------------------------


def set_bup(pegawai: Pegawai, bup: int, dasar_hukum: str, *, actor) -> BupPegawai:
    """Record a pegawai's own BUP with its legal basis (a law, a BKN letter)."""
    if not access.may_set_bup(actor, pegawai):
        raise tidak_berhak(
            "Hanya admin BKD yang dapat menetapkan BUP khusus, bukan untuk diri sendiri."
        )
    try:
        bup = periksa_bup(bup)
    except RuleError as e:
        raise _invalid(e.message, "bup") from None
    dasar_hukum = _text(dasar_hukum, "Dasar hukum", "dasar_hukum")
    existing = BupPegawai.objects.filter(pegawai=pegawai).first()
    if existing is None:
        row = BupPegawai(pegawai=pegawai, bup=bup, dasar_hukum=dasar_hukum, dicatat_oleh=actor)
        return audited.save(row, actor=actor)
    with audited.change(BupPegawai, existing.pk, actor=actor) as row:
        row.bup, row.dasar_hukum, row.dicatat_oleh = bup, dasar_hukum, actor
    return row


def clear_bup(pegawai: Pegawai, *, actor) -> None:
    if not access.may_set_bup(actor, pegawai):
        raise tidak_berhak("Hanya admin BKD yang dapat menghapus BUP khusus.")
    row = BupPegawai.objects.filter(pegawai=pegawai).first()
    if row is not None:
        audited.delete(row, actor=actor)


# --- opening a file --------------------------------------------------------------------------


def _tmt_for(pegawai: Pegawai, jenis: str, tmt: date | None) -> tuple[date, int | None]:
    if jenis == JenisPensiun.BUP:
        r = selectors.project(pegawai, timezone.localdate())
        if r.masalah:
            raise _invalid(f"TMT pensiun {pegawai.nama} tidak dapat dihitung: {r.masalah}.")
        return r.tmt, r.bup
    if tmt is None:
        raise _invalid("TMT pensiun wajib diisi untuk jenis pensiun ini.", "tmt")
    return tmt, None


def _applicable(pegawai: Pegawai, jenis: str) -> list[tuple[SyaratDokumen, bool]]:
    """The checklist of `jenis` for this pegawai: (requirement, whether it is required), each
    condition asked once, in one query."""
    syarat = list(SyaratDokumen.objects.filter(jenis_pensiun=jenis).select_related("jenis_dokumen"))
    conditions = {s.berlaku_untuk for s in syarat} - {Wajib.TIDAK}
    flags = (
        Pegawai.objects.filter(pk=pegawai.pk)
        .annotate(
            **{f"w_{c}": ExpressionWrapper(applies_to(c), BooleanField()) for c in conditions}
        )
        .values(*(f"w_{c}" for c in conditions))
        .first()
        if conditions
        else {}
    )
    return [(s, bool(flags.get(f"w_{s.berlaku_untuk}", False))) for s in syarat]


def _archive(pegawai_id: int) -> dict[int, Dokumen]:
    """The pegawai's current, not rejected, document of each type in the digital file."""
    found: dict[int, Dokumen] = {}
    for d in (
        Dokumen.objects.filter(pegawai_id=pegawai_id)
        .current()
        .exclude(state=Dokumen.Status.DITOLAK)
        .order_by("uploaded_at", "pk")
    ):
        found[d.jenis_id] = d  # the newest last
    return found


def _from_archive(item: LampiranBerkas, archive: dict[int, Dokumen] | None = None) -> bool:
    """Attach the current, not rejected, version of the item's type from the digital file."""
    archive = archive if archive is not None else _archive(item.berkas.pegawai_id)
    found = archive.get(item.jenis_dokumen_id)
    if found is None:
        return False
    item.dokumen, item.status, item.alasan = found, L.MENUNGGU, ""
    return True


def open_file(
    pegawai: Pegawai,
    jenis: str,
    *,
    actor,
    tmt: date | None = None,
    keterangan: str = "",
    check_registry: bool = True,
) -> BerkasPensiun:
    """Open a pegawai's pension file with its checklist, documents already in the digital file
    attached; then check the pegawai's and family's data against the population registry (the
    file is kept whatever the registry answers)."""
    if jenis not in JenisPensiun.values:
        raise _invalid("Jenis pensiun tidak dikenal.", "jenis")
    if not access.may_open_pension_file(actor, pegawai):
        if access.is_own_record(actor, pegawai.pk):
            raise tidak_berhak("Berkas pensiun Anda sendiri dibuka oleh admin OPD atau BKD.")
        raise tidak_berhak("Anda tidak berhak membuka berkas pensiun pegawai ini.")
    gone = (Kedudukan.PENSIUN, Kedudukan.BERHENTI)
    if jenis != JenisPensiun.JANDA_DUDA:
        gone += (Kedudukan.MENINGGAL,)
    if pegawai.kedudukan in gone:
        raise _invalid(f"{pegawai.nama} sudah tidak berdinas ({pegawai.get_kedudukan_display()}).")
    keterangan = keterangan.strip()
    if keterangan:
        keterangan = _text(keterangan, "Keterangan", "keterangan")
    tmt, bup = _tmt_for(pegawai, jenis, tmt)
    with transaction.atomic():
        existing = BerkasPensiun.objects.select_for_update().filter(pegawai=pegawai).open().first()
        if existing is not None:
            raise SikapError(
                Kode.DUPLIKAT,
                f"{pegawai.nama} sudah mempunyai berkas pensiun "
                f"({existing.get_jenis_display()}, status: {existing.get_status_display()}).",
            )
        berkas = BerkasPensiun(
            pegawai=pegawai, jenis=jenis, bup=bup, tmt_pensiun=tmt, state=S.DIBUKA,
            keterangan=keterangan, dibuka_oleh=actor,
        )  # fmt: skip
        try:
            with transaction.atomic():
                berkas.save()
        except IntegrityError:
            raise SikapError(
                Kode.DUPLIKAT, f"{pegawai.nama} sudah mempunyai berkas pensiun."
            ) from None
        audit.record(
            berkas, actor=actor, action=AuditEntry.Aksi.CREATE,
            kind=kinds.of(berkas, AuditEntry.Aksi.CREATE),
            note=f"{berkas.get_jenis_display()}, TMT {tmt:%d-%m-%Y}",
        )  # fmt: skip
        archive = _archive(pegawai.pk)
        items = []
        for syarat, wajib in _applicable(pegawai, jenis):
            item = LampiranBerkas(
                berkas=berkas, jenis_dokumen=syarat.jenis_dokumen, wajib=wajib,
                urutan=syarat.urutan,
            )  # fmt: skip
            _from_archive(item, archive)
            items.append(item)
        LampiranBerkas.objects.bulk_create(items)
    if check_registry:
        kependudukan.check(berkas, actor=actor)
    return berkas


# --- documents of a file ---------------------------------------------------------------------


def _item_for_assembly(item: LampiranBerkas, actor) -> BerkasPensiun:
    berkas = item.berkas
    if not access.may_assemble_pension_file(actor, berkas):
        raise tidak_berhak("Dokumen berkas pensiun dilengkapi oleh admin OPD pegawai ini.")
    if berkas.state not in ASSEMBLING:
        raise SikapError(
            Kode.LANGKAH_TIDAK_SAH,
            f"Dokumen tidak dapat diubah pada status '{berkas.get_status_display()}'.",
        )
    if item.status == L.DITERIMA:
        raise SikapError(Kode.LANGKAH_TIDAK_SAH, "Dokumen ini sudah diterima BKD.")
    return berkas


@transaction.atomic
def attach(item: LampiranBerkas, dokumen: Dokumen, *, actor) -> LampiranBerkas:
    """Attach a document from the pegawai's digital file to a checklist item."""
    berkas = _item_for_assembly(item, actor)
    if dokumen.pegawai_id != berkas.pegawai_id:
        raise _invalid("Dokumen itu milik pegawai lain; lampirkan dokumen pegawai ini.", "dokumen")
    if dokumen.jenis_id != item.jenis_dokumen_id:
        raise _invalid(f"Dokumen itu bukan {item.jenis_dokumen.nama}.", "dokumen")
    if dokumen.state == Dokumen.Status.DITOLAK:
        raise _invalid("Dokumen itu ditolak verifikator; unggah yang baru.", "dokumen")
    with audited.change(LampiranBerkas, item.pk, actor=actor) as locked:
        locked.dokumen, locked.status, locked.alasan = dokumen, L.MENUNGGU, ""
    return locked


def upload(item: LampiranBerkas, uploaded_file, *, actor) -> LampiranBerkas:
    """Upload a missing or returned document into the digital file and attach it."""
    _item_for_assembly(item, actor)
    with transaction.atomic():
        dokumen = upload_dokumen(
            item.berkas.pegawai, item.jenis_dokumen.kode, uploaded_file, actor=actor
        )
        return attach(item, dokumen, actor=actor)


def refresh_from_archive(berkas: BerkasPensiun, *, actor) -> int:
    """Attach what has been uploaded to the digital file since the file opened."""
    if not access.may_assemble_pension_file(actor, berkas) or berkas.state not in ASSEMBLING:
        raise tidak_berhak("Dokumen berkas pensiun dilengkapi oleh admin OPD pegawai ini.")
    count, archive = 0, _archive(berkas.pegawai_id)
    with transaction.atomic():
        for item in berkas.lampiran.filter(status=L.KOSONG).select_related("berkas"):
            if _from_archive(item, archive):
                audited.save(item, actor=actor, note="Dari arsip digital")
                count += 1
    return count


@transaction.atomic
def review(item: LampiranBerkas, *, actor, accept: bool, reason: str = "") -> LampiranBerkas:
    """The BKD's verdict on one document of a submitted file."""
    berkas = item.berkas
    if not access.may_verify_pension_file(actor, berkas):
        raise tidak_berhak("Dokumen berkas pensiun diperiksa oleh verifikator atau admin BKD.")
    if berkas.state != S.DIAJUKAN:
        raise SikapError(Kode.LANGKAH_TIDAK_SAH, "Berkas ini tidak sedang diverifikasi.")
    if item.status == L.KOSONG:
        raise _invalid("Belum ada dokumen yang dilampirkan untuk diperiksa.")
    reason = reason.strip()
    if not accept and not reason:
        raise _invalid("Alasan wajib diisi untuk mengembalikan dokumen.", "alasan")
    with audited.change(LampiranBerkas, item.pk, actor=actor, note=reason) as locked:
        locked.status = L.DITERIMA if accept else L.DIKEMBALIKAN
        locked.alasan = "" if accept else reason
        locked.diperiksa_oleh = actor
    return locked


# --- workflow steps --------------------------------------------------------------------------


def confirm_dpcp(berkas: BerkasPensiun, *, actor, expected_version=None) -> BerkasPensiun:
    return FLOW.run(berkas, "konfirmasi_dpcp", actor=actor, expected_version=expected_version)


def submit(berkas: BerkasPensiun, *, actor, expected_version=None) -> BerkasPensiun:
    with transaction.atomic():
        berkas = FLOW.run(berkas, "ajukan", actor=actor, expected_version=expected_version)
        BerkasPensiun.objects.filter(pk=berkas.pk).update(diajukan_oleh=actor, alasan_kembali="")
    berkas.diajukan_oleh = actor
    return berkas


def send_back(berkas, *, actor, reason: str, expected_version=None) -> BerkasPensiun:
    with transaction.atomic():
        berkas = FLOW.run(
            berkas, "kembalikan", actor=actor, reason=reason, expected_version=expected_version
        )
        BerkasPensiun.objects.filter(pk=berkas.pk).update(alasan_kembali=reason.strip())
    return berkas


def step(berkas: BerkasPensiun, name: str, *, actor, reason: str = "", expected_version=None):
    """A step that carries no data of its own: verifikasi, kirim_bkn, serahkan, batalkan."""
    if name not in ("verifikasi", "kirim_bkn", "serahkan", "batalkan"):
        raise _invalid(f"Langkah '{name}' tidak dikenal.")
    return FLOW.run(berkas, name, actor=actor, reason=reason, expected_version=expected_version)


def record_pertek(berkas, *, actor, nomor: str, tanggal: date | None, expected_version=None):
    nomor = _text(nomor, "Nomor pertek BKN", "nomor")
    tanggal = _past_date(tanggal, "Tanggal pertek BKN", "tanggal")
    with transaction.atomic():
        _ensure_step(berkas, "catat_pertek", actor)
        BerkasPensiun.objects.filter(pk=berkas.pk).update(
            pertek_nomor=nomor, pertek_tanggal=tanggal
        )
        return FLOW.run(berkas, "catat_pertek", actor=actor, expected_version=expected_version)


def record_sk(
    berkas, *, actor, nomor: str, tanggal: date | None, tmt: date | None, uploaded_file,
    expected_version=None,
):  # fmt: skip
    """The SK pensiun: its number, date and TMT, and the signed decree uploaded into the
    pegawai's digital file."""
    nomor = _text(nomor, "Nomor SK pensiun", "nomor")
    tanggal = _past_date(tanggal, "Tanggal SK pensiun", "tanggal")
    if tmt is None:
        raise _invalid("TMT pensiun pada SK wajib diisi.", "tmt")
    if tmt.day != 1:
        raise _invalid("TMT pensiun selalu tanggal 1 suatu bulan.", "tmt")
    # A BUP pension falls on the date the rule gives; an SK saying otherwise is a typing error
    # that would retire the pegawai on the wrong day (the daily job acts on the SK's TMT).
    if berkas.jenis == JenisPensiun.BUP and tmt != berkas.tmt_pensiun:
        raise _invalid(
            f"TMT pensiun BUP pada berkas ini {berkas.tmt_pensiun:%d-%m-%Y}; periksa TMT pada SK.",
            "tmt",
        )
    if uploaded_file is None:
        raise _invalid("Unggah berkas SK pensiun yang sudah ditandatangani.", "berkas")
    with transaction.atomic():
        _ensure_step(berkas, "terbitkan_sk", actor)
        dokumen = upload_dokumen(berkas.pegawai, JENIS_SK_PENSIUN, uploaded_file, actor=actor)
        BerkasPensiun.objects.filter(pk=berkas.pk).update(
            sk_nomor=nomor, sk_tanggal=tanggal, sk_tmt=tmt, sk_dokumen=dokumen
        )
        return FLOW.run(berkas, "terbitkan_sk", actor=actor, expected_version=expected_version)


def _ensure_step(berkas: BerkasPensiun, name: str, actor) -> None:
    """Refuse before writing the step's data, with the workflow's own words."""
    transition = FLOW.get(name)
    if berkas.state not in transition.source:
        raise SikapError(
            Kode.LANGKAH_TIDAK_SAH,
            f"'{transition.label}' tidak dapat dilakukan pada status "
            f"'{berkas.get_status_display()}'.",
        )
    if not transition.allowed(actor, berkas):
        raise tidak_berhak(f"Anda tidak berhak melakukan '{transition.label}'.")


# --- the daily job ---------------------------------------------------------------------------


@dataclass
class Ringkasan:
    dibuka: int = 0
    pensiun: int = 0
    masalah: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        return (
            f"{self.dibuka} berkas pensiun BUP dibuka, {self.pensiun} pegawai berkedudukan "
            f"pensiun, {len(self.masalah)} perlu perhatian"
        )


def buka_bulan() -> int:
    from django.conf import settings

    return settings.SIKAP_PENSIUN_BUKA_BULAN


def open_due(
    as_of: date, *, actor, summary: Ringkasan | None = None, check_registry: bool = True
) -> Ringkasan:
    """Open a BUP file for everyone whose TMT falls within the configured months, once."""
    summary = summary or Ringkasan()
    limit = tambah_bulan(as_of, buka_bulan() + 1)
    has_file = BerkasPensiun.objects.exclude(state=S.DIBATALKAN).values("pegawai_id")
    people = selectors.candidates().exclude(pk__in=has_file)
    for r in selectors.unprojectable(people, as_of):
        summary.masalah.append(f"{r.pegawai.nama} ({r.pegawai.nip}): {r.masalah}.")
    # Those past their TMT yet still in service are opened too: their file is overdue.
    since = tambah_bulan(as_of, -12 * LATE_YEARS)
    for r in selectors.projections(selectors.reaching(people, since, limit), as_of):
        if r.masalah or r.tmt >= limit:
            continue
        try:
            open_file(r.pegawai, JenisPensiun.BUP, actor=actor, check_registry=check_registry)
        except SikapError as e:
            summary.masalah.append(f"{r.pegawai.nama} ({r.pegawai.nip}): {e.message}")
        else:
            summary.dibuka += 1
    return summary


def apply_due(today: date, *, actor, summary: Ringkasan | None = None) -> Ringkasan:
    """On the SK's TMT the pegawai's kedudukan becomes what the decree says (pensiun, or
    meninggal for a death case), once; they then drop out of every in-service list."""
    summary = summary or Ringkasan()
    due = BerkasPensiun.objects.filter(
        state__in=(S.SK_TERBIT, S.DISERAHKAN), sk_tmt__lte=today, kedudukan_diubah__isnull=True
    ).select_related("pegawai")
    for berkas in due:
        kedudukan = (
            Kedudukan.MENINGGAL if berkas.jenis == JenisPensiun.JANDA_DUDA else Kedudukan.PENSIUN
        )
        with transaction.atomic():
            if berkas.pegawai.kedudukan != kedudukan:
                end_service(
                    berkas.pegawai, kedudukan, actor=actor,
                    note=f"SK pensiun {berkas.sk_nomor} TMT {berkas.sk_tmt:%d-%m-%Y}",
                )  # fmt: skip
                summary.pensiun += 1
            BerkasPensiun.objects.filter(pk=berkas.pk).update(kedudukan_diubah=timezone.now())
    overdue = selectors.candidates().filter(
        berkas_pensiun__state__in=[
            s for s in S.values if s not in (S.SK_TERBIT, S.DISERAHKAN, S.DIBATALKAN)
        ],
        berkas_pensiun__tmt_pensiun__lte=today,
    )
    for p in overdue.distinct():
        summary.masalah.append(
            f"{p.nama} ({p.nip}) sudah melewati TMT pensiun tetapi SK-nya belum terbit."
        )
    return summary


# --- configuration (admin BKD, at /kelola/) --------------------------------------------------


def save_setting(obj: SyaratDokumen, *, actor):
    if not access.may_manage_master_data(actor):
        raise tidak_berhak("Hanya admin BKD yang dapat mengubah syarat dokumen pensiun.")
    return audited.save(obj, actor=actor)


def delete_setting(obj: SyaratDokumen, *, actor) -> None:
    if not access.may_manage_master_data(actor):
        raise tidak_berhak("Hanya admin BKD yang dapat mengubah syarat dokumen pensiun.")
    audited.delete(obj, actor=actor)
