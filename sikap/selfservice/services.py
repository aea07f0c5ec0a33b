"""Every write of the self-service module: proposing, editing, moving a request through its
workflow (one at a time or in bulk), the change-type configuration, and reading notifications.

Each is atomic, checks permission and writes an audit row; approval applies the change through
`sikap.people.services` (see `apply.py`).
"""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from sikap.accounts import access
from sikap.core import audit, audited, kinds
from sikap.core.errors import Kode, SikapError, tidak_berhak
from sikap.core.models import AuditEntry, Notifikasi
from sikap.documents.services import upload_dokumen
from sikap.selfservice.flows import FLOW, goes_on_to_bkd, starts_at_opd
from sikap.selfservice.forms import cleaned_values, current_values, proposal_form
from sikap.selfservice.models import TERBUKA, JenisPerubahan, Operasi, UsulanPerubahan


def _ensure_own(pegawai, actor) -> None:
    if not actor.is_authenticated or actor.pegawai_id is None or actor.pegawai_id != pegawai.pk:
        raise tidak_berhak("Usulan perubahan hanya dapat dibuat untuk data Anda sendiri.")


def _row(jenis: JenisPerubahan, pegawai, target_id):
    """The pegawai's own history row a correction or removal acts on."""
    row = jenis.model.objects.filter(pk=target_id, pegawai=pegawai).first() if target_id else None
    if row is None:
        raise SikapError(
            Kode.TIDAK_DITEMUKAN,
            f"{jenis.model._meta.verbose_name.capitalize()} tidak ditemukan pada data Anda.",
        )
    return row


def _proposal(jenis: JenisPerubahan, pegawai, values: dict | None, target_id, actor):
    """(data, basis) of a proposal, checked by the admin's form; refuses with field errors."""
    if jenis.is_identity:
        instance = type(pegawai).objects.get(pk=pegawai.pk)
    elif jenis.needs_row:
        instance = _row(jenis, pegawai, target_id)
    else:
        instance = None
    basis = current_values(jenis, instance) if instance is not None else {}
    if jenis.operasi == Operasi.REMOVE:
        return dict(basis), basis
    form = proposal_form(jenis, pegawai, user=actor, data=values or {}, instance=instance)
    if not form.is_valid():
        raise SikapError(
            Kode.DATA_TIDAK_VALID,
            "Usulan belum dapat disimpan: periksa isian yang ditandai.",
            {name: list(errors) for name, errors in form.errors.items()},
        )
    data = cleaned_values(form)
    if jenis.operasi != Operasi.ADD and data == basis:
        raise SikapError(Kode.DATA_TIDAK_VALID, "Tidak ada perubahan dibanding data sekarang.")
    return data, basis


def _upload(usulan: UsulanPerubahan, berkas, actor) -> None:
    """Keep the supporting document in the pegawai's personnel file (a new version awaiting the
    documents module's verification), attached to the row being corrected where its type
    belongs to rows of that kind."""
    wajib = usulan.jenis.dokumen_wajib
    if berkas is None or wajib is None:
        return
    row = usulan.target() if wajib.riwayat_kind == usulan.jenis.kind else None
    try:
        usulan.dokumen = upload_dokumen(
            usulan.pegawai, wajib.kode, berkas, actor=actor, riwayat=row
        )
    except SikapError as e:  # name the field of this page, not the documents page's
        raise SikapError(e.code, e.message, {"berkas": e.errors.get("file", [e.message])}) from e


def _check_reason(jenis: JenisPerubahan, keterangan: str) -> None:
    if jenis.operasi == Operasi.REMOVE and not keterangan.strip():
        raise SikapError(
            Kode.DATA_TIDAK_VALID,
            "Alasan penghapusan wajib diisi.",
            {"keterangan": ["Alasan penghapusan wajib diisi."]},
        )


@transaction.atomic
def create_usulan(
    pegawai,
    jenis: JenisPerubahan,
    values: dict | None,
    *,
    actor,
    target_id=None,
    keterangan="",
    berkas=None,
) -> UsulanPerubahan:
    """A draft request to change `pegawai`'s own data, with the supporting document `berkas`
    (an uploaded file) when given; the record itself does not change."""
    _ensure_own(pegawai, actor)
    if not jenis.aktif:
        raise SikapError(Kode.DATA_TIDAK_VALID, f"Jenis perubahan '{jenis}' tidak aktif.")
    _check_reason(jenis, keterangan)
    data, basis = _proposal(jenis, pegawai, values, target_id, actor)
    usulan = UsulanPerubahan(
        pegawai=pegawai,
        jenis=jenis,
        rantai=jenis.rantai,
        target_id=target_id if jenis.needs_row else None,
        data=data,
        basis=basis,
        keterangan=keterangan.strip(),
        dibuat_oleh=actor,
        state="draf",
    )
    _upload(usulan, berkas, actor)
    usulan.save()
    create = AuditEntry.Aksi.CREATE
    audit.record(usulan, actor=actor, action=create, kind=kinds.of(usulan, create))
    return usulan


@transaction.atomic
def update_usulan(
    usulan: UsulanPerubahan,
    values: dict | None,
    *,
    actor,
    keterangan="",
    berkas=None,
    expected_version: int | None = None,
) -> UsulanPerubahan:
    """The pegawai edits a draft or a returned request; a new `berkas` replaces the document.
    The version moves, so a page opened before the edit cannot submit or decide on what it did
    not show."""
    with audited.change(
        UsulanPerubahan, usulan.pk, actor=actor, select_related=("jenis",)
    ) as locked:
        seen = usulan.version if expected_version is None else expected_version
        if locked.version != seen:
            raise SikapError(Kode.KEDALUWARSA, "Usulan ini sudah berubah. Muat ulang halaman.")
        _ensure_own(locked.pegawai, actor)
        if locked.state not in TERBUKA:
            raise SikapError(
                Kode.LANGKAH_TIDAK_SAH,
                f"Usulan berstatus '{locked.get_state_display()}' tidak dapat diubah.",
            )
        _check_reason(locked.jenis, keterangan)
        locked.data, locked.basis = _proposal(
            locked.jenis, locked.pegawai, values, locked.target_id, actor
        )
        locked.keterangan = keterangan.strip()
        locked.rantai = locked.jenis.rantai
        _upload(locked, berkas, actor)
        locked.version += 1
    return locked


def take_step(
    usulan: UsulanPerubahan,
    name: str,
    *,
    actor,
    reason: str = "",
    expected_version: int | None = None,
) -> UsulanPerubahan:
    """Run one workflow transition (permission, compare-and-set, timeline, audit, effect and
    notifications are the workflow's)."""
    return FLOW.run(usulan, name, actor=actor, reason=reason, expected_version=expected_version)


def submit_usulan(usulan: UsulanPerubahan, *, actor, expected_version=None) -> UsulanPerubahan:
    """Submit to the first verifier of the request's chain."""
    name = "ajukan" if starts_at_opd(usulan) else "ajukan_ke_bkd"
    return take_step(usulan, name, actor=actor, expected_version=expected_version)


@dataclass
class BulkResult:
    usulan: UsulanPerubahan
    ok: bool
    message: str


def bulk_approve(items: list[tuple[UsulanPerubahan, int | None]], *, actor) -> list[BulkResult]:
    """Approve each (request, version seen) of a simple type, each in its own transaction
    through the workflow, so one that cannot be applied does not hold back the others."""
    results = []
    for usulan, seen in items:
        if not usulan.jenis.sederhana:
            results.append(BulkResult(usulan, False, "Jenis ini harus diperiksa satu per satu."))
            continue
        name = "teruskan" if goes_on_to_bkd(usulan) else "setujui"
        try:
            moved = take_step(usulan, name, actor=actor, expected_version=seen)
        except SikapError as e:
            results.append(BulkResult(usulan, False, e.message))
        else:
            results.append(BulkResult(moved, True, moved.get_state_display()))
    return results


def _ensure_admin_bkd(actor) -> None:
    if not access.is_admin_bkd(actor):
        raise tidak_berhak("Hanya admin BKD yang dapat mengatur jenis perubahan data.")


def save_jenis_perubahan(jenis: JenisPerubahan, *, actor) -> JenisPerubahan:
    _ensure_admin_bkd(actor)
    return audited.save(jenis, actor=actor)


@transaction.atomic
def delete_jenis_perubahan(jenis: JenisPerubahan, *, actor) -> None:
    _ensure_admin_bkd(actor)
    if jenis.usulan.exists():
        raise SikapError(
            Kode.DATA_TIDAK_VALID,
            f"Jenis '{jenis}' sudah dipakai usulan; nonaktifkan saja.",
        )
    audited.delete(jenis, actor=actor)


# Reading a notification changes nothing anyone else relies on, so it is not audited.
def mark_read(notifikasi: Notifikasi, *, actor) -> None:
    if notifikasi.user_id != actor.pk:
        raise tidak_berhak("Notifikasi ini bukan untuk Anda.")
    Notifikasi.objects.filter(pk=notifikasi.pk, read_at__isnull=True).update(read_at=timezone.now())


def mark_all_read(*, actor) -> int:
    return Notifikasi.objects.filter(user=actor, read_at__isnull=True).update(
        read_at=timezone.now()
    )
