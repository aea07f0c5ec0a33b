"""Every write to the digital personnel file and the issued-document register: one function per
use case, atomic, permission-checked, audited.

Files are checked by content (`validation.inspect`) before anything is stored, written under a
random name, and removed again if the row that would point to them is not saved.
"""

import hashlib
import secrets
from collections.abc import Callable

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Count, Max, Q, Sum
from django.utils import timezone

from sikap.accounts import access
from sikap.accounts.models import User
from sikap.core import audit, audited, kinds, upload_limits
from sikap.core.errors import Kode, SikapError, tidak_berhak
from sikap.core.models import AuditEntry
from sikap.documents import ringkasan
from sikap.documents.models import (
    Dokumen,
    DokumenTerbit,
    JenisDokumen,
    NomorUrut,
    PenomoranSurat,
)
from sikap.documents.storage import delete_quietly, read_limited
from sikap.documents.validation import clean_original_name, inspect
from sikap.people.models import RIWAYAT_MODELS, Pegawai
from sikap.workflow import Transition, Workflow, because

Status = Dokumen.Status
ISSUED_MAX_BYTES = 50 * 1024 * 1024

Aksi = AuditEntry.Aksi


# --- who may do what -------------------------------------------------------------------------


def _ensure_admin_bkd(actor) -> None:
    if not access.is_admin_bkd(actor):
        raise tidak_berhak("Hanya admin BKD yang dapat mengubah pengaturan dokumen.")


# --- uploads ---------------------------------------------------------------------------------


def upload_dokumen(
    pegawai: Pegawai, jenis_kode: str, uploaded_file, *, actor, riwayat=None
) -> Dokumen:
    """Check `uploaded_file` by content and keep it as the new current version of the type
    (for `riwayat`'s history row, when given); the previous version stays, marked superseded."""
    if not access.may_upload_dokumen(actor, pegawai):
        raise tidak_berhak(
            "Anda hanya dapat mengunggah dokumen milik sendiri atau pegawai yang Anda kelola."
        )
    jenis = JenisDokumen.objects.filter(kode=jenis_kode, aktif=True).first()
    if jenis is None:
        raise SikapError(
            Kode.DATA_TIDAK_VALID, f"Jenis dokumen '{jenis_kode}' tidak dikenal atau tidak aktif."
        )
    riwayat_kind, riwayat_id = _riwayat_link(jenis, pegawai, riwayat)
    upload_limits.check_rate(actor)
    data = read_limited(uploaded_file, jenis.max_bytes)
    found = inspect(data, allowed=jenis.formats, max_bytes=jenis.max_bytes, jenis_nama=jenis.nama)
    used = Dokumen.objects.filter(pegawai=pegawai).aggregate(n=Count("pk"), size=Sum("ukuran"))
    upload_limits.check_quota(
        used_files=used["n"], used_bytes=used["size"] or 0, adding=len(data), nama=pegawai.nama
    )
    dokumen = Dokumen(
        pegawai=pegawai,
        jenis=jenis,
        format=found.format,
        nama_asli=clean_original_name(getattr(uploaded_file, "name", "")),
        sha256=hashlib.sha256(data).hexdigest(),
        ukuran=len(data),
        mime=found.mime,
        riwayat_kind=riwayat_kind,
        riwayat_id=riwayat_id,
        uploaded_by=actor,
        state=Status.MENUNGGU if jenis.perlu_verifikasi else Status.TANPA_VERIFIKASI,
    )
    dokumen.file.save("berkas", ContentFile(data), save=False)  # the name comes from upload_to
    try:
        _save_new_version(dokumen, actor=actor, note=f"{dokumen.nama_asli}, {found.detail}")
    except Exception:
        delete_quietly(dokumen.file.name)
        raise
    return dokumen


def _riwayat_link(jenis: JenisDokumen, pegawai: Pegawai, riwayat) -> tuple[str, int | None]:
    if riwayat is None:
        return "", None
    model = RIWAYAT_MODELS.get(jenis.riwayat_kind)
    if model is None or not isinstance(riwayat, model):
        raise SikapError(
            Kode.DATA_TIDAK_VALID, f"{jenis.nama} tidak dapat dilekatkan pada riwayat ini."
        )
    if riwayat.pegawai_id != pegawai.pk:
        raise SikapError(Kode.DATA_TIDAK_VALID, "Riwayat itu bukan milik pegawai ini.")
    return jenis.riwayat_kind, riwayat.pk


@transaction.atomic
def _save_new_version(dokumen: Dokumen, *, actor, note: str) -> None:
    # Lock the pegawai so two uploads of the same type cannot both become version n+1.
    Pegawai.objects.select_for_update().filter(pk=dokumen.pegawai_id).first()
    same = Dokumen.objects.filter(
        pegawai_id=dokumen.pegawai_id, jenis=dokumen.jenis, riwayat_id=dokumen.riwayat_id
    )
    current = same.filter(aktif=True).first()
    if current and current.sha256 == dokumen.sha256:
        raise SikapError(
            Kode.DUPLIKAT,
            f"Berkas ini sama persis dengan {dokumen.jenis.nama} versi {current.versi} "
            "yang sudah tersimpan.",
        )
    dokumen.versi = (same.aggregate(n=Max("versi"))["n"] or 0) + 1
    if current:
        before = audit.snapshot(current)
        current.aktif = False
        current.save(update_fields=["aktif"])  # frees the one-current-version constraint
    dokumen.save()
    audit.record(dokumen, actor=actor, action=Aksi.CREATE, kind=kinds.of(dokumen, Aksi.CREATE),
                 note=note)  # fmt: skip
    if current:
        current.superseded_by = dokumen
        current.save(update_fields=["superseded_by"])
        audit.record(
            current,
            actor=actor,
            action=Aksi.UPDATE,
            kind=kinds.of(current, Aksi.UPDATE),
            before=before,
            note=f"Digantikan versi {dokumen.versi}",
        )


# --- verification (the workflow) -------------------------------------------------------------


def _is_current(dokumen: Dokumen) -> str | None:
    if not dokumen.aktif:
        return "Dokumen ini sudah digantikan versi lain; periksa versi yang berlaku."
    return None


def _restore_previous(dokumen: Dokumen, actor) -> None:
    """A rejected upload must not leave the pegawai without the version that was fine: the
    one it superseded becomes current again, unless that one was rejected as well."""
    previous = (
        Dokumen.objects.filter(superseded_by=dokumen, aktif=False)
        .exclude(state=Status.DITOLAK)
        .values_list("pk", flat=True)
        .first()
    )
    if previous is None:
        return
    before = audit.snapshot(dokumen)
    dokumen.aktif = False
    dokumen.save(update_fields=["aktif"])
    audit.record(dokumen, actor=actor, action=Aksi.UPDATE, kind=kinds.of(dokumen, Aksi.UPDATE),
                 before=before)  # fmt: skip
    with audited.change(
        Dokumen,
        previous,
        actor=actor,
        note=f"Berlaku kembali karena versi {dokumen.versi} ditolak",
        update_fields=["aktif", "superseded_by"],
    ) as restored:
        restored.aktif = True
        restored.superseded_by = None


def _owner_accounts(dokumen: Dokumen):
    return User.objects.filter(Q(pegawai_id=dokumen.pegawai_id) | Q(pk=dokumen.uploaded_by_id))


def _whose(dokumen: Dokumen, user) -> str:
    """ "KTP Anda" to the pegawai, "KTP Paiman yang Anda unggah" to whoever uploaded it."""
    if user.pegawai_id == dokumen.pegawai_id:
        return f"{dokumen.jenis.nama} Anda"
    return f"{dokumen.jenis.nama} {dokumen.pegawai.nama} yang Anda unggah"


def _verified_notice(dokumen: Dokumen, reason: str, user) -> str:
    return f"{_whose(dokumen, user)} sudah diverifikasi."


def _rejected_notice(dokumen: Dokumen, reason: str, user) -> str:
    return f"{_whose(dokumen, user)} ditolak{because(reason)}. Unggah ulang."


VERIFICATION = Workflow(
    [
        Transition(
            "verifikasi",
            "Verifikasi",
            source=(Status.MENUNGGU,),
            target=Status.TERVERIFIKASI,
            allowed=access.may_verify_dokumen,
            requires=(_is_current,),
            recipients=_owner_accounts,
            notice=_verified_notice,
        ),
        Transition(
            "tolak",
            "Tolak",
            source=(Status.MENUNGGU,),
            target=Status.DITOLAK,
            allowed=access.may_verify_dokumen,
            requires=(_is_current,),
            needs_reason=True,
            effect=_restore_previous,
            recipients=_owner_accounts,
            notice=_rejected_notice,
        ),
    ],
    labels=dict(Status.choices),
)


def verify_dokumen(
    dokumen: Dokumen,
    *,
    actor,
    approve: bool,
    reason: str = "",
    expected_version: int | None = None,
) -> Dokumen:
    """Approve or reject (with a reason) an uploaded document awaiting verification."""
    name = "verifikasi" if approve else "tolak"
    with transaction.atomic():
        done = VERIFICATION.run(
            dokumen, name, actor=actor, reason=reason, expected_version=expected_version
        )
        # The workflow moves the state with an UPDATE, which sends no signal.
        ringkasan.usang([done.pegawai_id])
    return done


# --- configuration (admin BKD, at /kelola/) --------------------------------------------------


def save_setting(obj: JenisDokumen | PenomoranSurat, *, actor):
    _ensure_admin_bkd(actor)
    return audited.save(obj, actor=actor)


def delete_setting(obj: JenisDokumen | PenomoranSurat, *, actor) -> None:
    _ensure_admin_bkd(actor)
    audited.delete(
        obj,
        actor=actor,
        in_use_message=f"{obj} sudah dipakai oleh dokumen tersimpan dan tidak dapat dihapus; "
        "nonaktifkan saja.",
    )


# --- issued documents ------------------------------------------------------------------------


def _next_seq(penomoran: PenomoranSurat, year: int) -> int:
    """The next number of the year. The counter row stays locked until the caller's
    transaction ends, so concurrent issuers queue and a failed issue leaves no gap."""
    counter, _ = NomorUrut.objects.get_or_create(penomoran=penomoran, tahun=year)
    counter = NomorUrut.objects.select_for_update().get(pk=counter.pk)
    counter.terakhir += 1
    counter.save(update_fields=["terakhir"])
    return counter.terakhir


def register_issued(
    file_bytes: bytes | Callable[[DokumenTerbit], bytes],
    *,
    jenis: str,
    holder: Pegawai | None,
    actor,
    filename: str,
    kind: str = "",
) -> DokumenTerbit:
    """Number, hash, keep and make verifiable a PDF that SIKAP issues; `kind` names the event in
    the audit trail (default `dokumen_terbit.created`).

    `file_bytes` is the finished PDF, or a function that renders it from the numbered, unsaved
    record — so the letter can print its own `nomor` and the QR code of `verification_url`.
    `jenis` is the `PenomoranSurat.kode` whose pattern numbers it.
    """
    if not access.may_issue_documents(actor):
        raise tidak_berhak("Hanya verifikator atau admin BKD yang dapat menerbitkan dokumen.")
    penomoran = PenomoranSurat.objects.filter(kode=jenis).first()
    if penomoran is None:
        raise SikapError(Kode.DATA_TIDAK_VALID, f"Penomoran surat '{jenis}' belum diatur.")
    stored = ""
    try:
        with transaction.atomic():
            now = timezone.now()
            local = timezone.localtime(now)
            seq = _next_seq(penomoran, local.year)
            terbit = DokumenTerbit(
                jenis=penomoran,
                tahun=local.year,
                urut=seq,
                nomor=penomoran.format_nomor(seq, local.year, local.month),
                pegawai=holder,
                token=secrets.token_urlsafe(24),
                issued_by=actor,
                issued_at=now,
                nama_berkas=clean_original_name(filename),
            )
            data = file_bytes(terbit) if callable(file_bytes) else file_bytes
            inspect(data, allowed=("pdf",), max_bytes=ISSUED_MAX_BYTES, jenis_nama=penomoran.nama)
            terbit.sha256 = hashlib.sha256(data).hexdigest()
            terbit.ukuran = len(data)
            terbit.file.save("berkas", ContentFile(data), save=False)
            stored = terbit.file.name
            terbit.save()
            audit.record(
                terbit, actor=actor, action=Aksi.CREATE, note=terbit.nomor,
                kind=kind or kinds.of(terbit, Aksi.CREATE),
            )  # fmt: skip
    except IntegrityError as e:
        if stored:
            delete_quietly(stored)
        raise SikapError(
            Kode.DUPLIKAT,
            "Nomor yang dihasilkan pola penomoran sudah pernah dipakai; periksa pola "
            f"'{penomoran.pola}'.",
        ) from e
    except Exception:
        if stored:
            delete_quietly(stored)
        raise
    return terbit
