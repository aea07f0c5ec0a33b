"""Every write to personnel data: one function per use case, atomic, permission-checked, audited.

Views, imports and commands call these; they keep the current fields of `Pegawai` in step with
the histories (`refresh_current`).
"""

from django.db import IntegrityError, transaction

from sikap.accounts import access
from sikap.core import audit, audited, kinds
from sikap.core.errors import Kode, SikapError, tidak_berhak
from sikap.core.models import AuditEntry
from sikap.people.models import (
    Pegawai,
    RiwayatGaji,
    RiwayatJabatan,
    RiwayatPangkat,
    RiwayatPendidikan,
)
from sikap.people.validation import identity_errors
from sikap.rules import kedudukan as kedudukan_rule
from sikap.rules.education import tingkat_order

IDENTITY_FIELDS = ("nip", "status", "tanggal_lahir", "jenis_kelamin", "nik", "tmt_cpns")


def ensure_can_edit(pegawai: Pegawai, actor, *, approved_request=None) -> None:
    """Admins edit directly; anyone else only by applying an approved change request, which is
    authority for one change to its own pegawai by the verifier who approved it
    (`sikap.selfservice`: `approved_request.authorises(pegawai, actor)`)."""
    if approved_request is not None:
        if not approved_request.authorises(pegawai, actor):
            raise tidak_berhak(
                "Usulan perubahan ini belum disetujui oleh Anda, sudah diterapkan, "
                "atau bukan untuk pegawai ini."
            )
        return
    if pegawai.pk and access.is_own_record(actor, pegawai.pk):
        raise tidak_berhak(access.OWN_RECORD_REFUSAL)
    if pegawai.pk and not Pegawai.objects.editable_by(actor).filter(pk=pegawai.pk).exists():
        raise tidak_berhak("Anda tidak berhak mengubah data pegawai ini.")


def _note(approved_request) -> str:
    return f"Diterapkan dari {approved_request}" if approved_request is not None else ""


NIP_NOT_AVAILABLE = (
    "Pegawai dengan NIP ini tidak dapat ditambahkan atau disimpan dengan akun Anda. "
    "Hubungi admin BKD bila pegawai ini seharusnya berada di OPD Anda."
)


def _check_identity(pegawai: Pegawai, actor) -> None:
    errors = identity_errors(**{f: getattr(pegawai, f) for f in IDENTITY_FIELDS})
    if errors:
        raise SikapError(Kode.DATA_TIDAK_VALID, "Data identitas pegawai tidak valid.", errors)
    duplicate = Pegawai.objects.filter(nip=pegawai.nip).exclude(pk=pegawai.pk)
    if duplicate.visible_to(actor).exists():
        raise SikapError(
            Kode.DUPLIKAT,
            f"NIP {pegawai.nip} sudah terdaftar.",
            {"nip": [f"NIP {pegawai.nip} sudah dipakai pegawai lain."]},
        )
    if duplicate.exists():
        # Taken where the actor cannot see: say no more than that this user cannot save it.
        raise SikapError(Kode.DUPLIKAT, NIP_NOT_AVAILABLE, {"nip": [NIP_NOT_AVAILABLE]})


def _save(obj, actor, action, before=None, note=""):
    try:
        with transaction.atomic():
            obj.save()
    except IntegrityError as e:
        raise SikapError(Kode.DUPLIKAT, f"Data bentrok dengan data yang sudah ada ({e}).") from e
    audit.record(
        obj, actor=actor, action=action, kind=kinds.of(obj, action), before=before, note=note
    )


def _ensure_placement(pegawai: Pegawai, actor, *, approved_request=None) -> None:
    """The pegawai's OPD must be one the actor manages (unless an approved change request is
    the authority, checked by `ensure_can_edit`), and the unit must belong to it."""
    if approved_request is None and not access.may_edit_personnel(actor):
        raise tidak_berhak("Anda tidak berhak mengelola data pegawai.")
    if (
        approved_request is None
        and not access.is_admin_bkd(actor)
        and not actor.opd_scope.filter(pk=pegawai.opd_id).exists()
    ):
        raise tidak_berhak("Anda hanya dapat menempatkan pegawai di OPD yang Anda kelola.")
    if pegawai.unit_id and pegawai.unit.opd_id != pegawai.opd_id:
        raise SikapError(Kode.DATA_TIDAK_VALID, "Unit kerja tidak berada di OPD yang dipilih.")


@transaction.atomic
def create_pegawai(pegawai: Pegawai, *, actor) -> Pegawai:
    _ensure_placement(pegawai, actor)
    _check_identity(pegawai, actor)
    _save(pegawai, actor, AuditEntry.Aksi.CREATE)
    return pegawai


@transaction.atomic
def update_pegawai(pegawai: Pegawai, changes: dict, *, actor, approved_request=None) -> Pegawai:
    """Change identity, contact or employment fields (not the derived current fields)."""
    ensure_can_edit(pegawai, actor, approved_request=approved_request)
    note = _note(approved_request)
    with audited.change(Pegawai, pegawai.pk, actor=actor, note=note) as locked:
        old_nip = locked.nip
        identity = {f: getattr(locked, f) for f in access.BKD_ONLY_FIELDS}
        for field, value in changes.items():
            setattr(locked, field, value)
        if approved_request is None:
            _ensure_identity_rights(identity, locked, actor)
        _ensure_placement(locked, actor, approved_request=approved_request)
        _check_identity(locked, actor)
    if locked.nip != old_nip:
        _follow_nip(locked, old_nip, actor=actor, note=note)
    return locked


def _ensure_identity_rights(before: dict, pegawai: Pegawai, actor) -> None:
    """NIP, status, birth date, TMT CPNS and kedudukan are admin BKD's to change directly
    (an approved change request carries its own chain of verifiers)."""
    if access.may_change_identity(actor):
        return
    changed = [f for f, value in before.items() if getattr(pegawai, f) != value]
    if changed:
        labels = ", ".join(str(Pegawai._meta.get_field(f).verbose_name) for f in changed)
        raise tidak_berhak(f"Hanya admin BKD yang dapat mengubah {labels}.")


def _follow_nip(pegawai: Pegawai, old_nip: str, *, actor, note: str) -> None:
    """A pegawai logs in with their NIP: the linked account's user name follows a new NIP."""
    from sikap.accounts.models import User

    for user in User.objects.select_for_update().filter(pegawai=pegawai, username=old_nip):
        if User.objects.filter(username=pegawai.nip).exclude(pk=user.pk).exists():
            raise SikapError(
                Kode.DUPLIKAT,
                f"Nama log-in {pegawai.nip} sudah dipakai akun lain; NIP tidak diubah.",
            )
        before = audit.snapshot(user)
        user.username = pegawai.nip
        user.save(update_fields=["username"])
        audit.record(
            user,
            actor=actor,
            action=AuditEntry.Aksi.UPDATE,
            kind=kinds.USERNAME_FOLLOWS_NIP,
            before=before,
            note=note or f"NIP berubah dari {old_nip}",
        )


@transaction.atomic
def save_riwayat(riwayat, *, actor, approved_request=None):
    """Add or correct one history row, then re-derive the pegawai's current fields."""
    pegawai = Pegawai.objects.select_for_update().get(pk=riwayat.pegawai_id)
    ensure_can_edit(pegawai, actor, approved_request=approved_request)
    note = _note(approved_request)
    if riwayat.pk:
        before = audit.snapshot(type(riwayat).objects.get(pk=riwayat.pk))
        if before["pegawai_id"] != riwayat.pegawai_id:
            raise SikapError(Kode.DATA_TIDAK_VALID, "Riwayat tidak dapat dipindah ke pegawai lain.")
        _save(riwayat, actor, AuditEntry.Aksi.UPDATE, before, note)
    else:
        _save(riwayat, actor, AuditEntry.Aksi.CREATE, note=note)
    refresh_current(pegawai, actor=actor, note=note)
    return riwayat


@transaction.atomic
def delete_riwayat(riwayat, *, actor, approved_request=None) -> None:
    pegawai = Pegawai.objects.select_for_update().get(pk=riwayat.pegawai_id)
    ensure_can_edit(pegawai, actor, approved_request=approved_request)
    note = _note(approved_request)
    audited.delete(riwayat, actor=actor, note=note)
    refresh_current(pegawai, actor=actor, note=note)


def derive_current(pegawai: Pegawai) -> dict:
    """The current fields as the histories say they are."""
    values = {}
    pangkat = RiwayatPangkat.objects.filter(pegawai=pegawai).order_by("-tmt", "-id").first()
    if pangkat:
        values.update(golongan=pangkat.golongan, tmt_golongan=pangkat.tmt)
    jabatan = RiwayatJabatan.objects.filter(pegawai=pegawai).order_by("-tmt", "-id").first()
    if jabatan:
        values.update(jabatan_id=jabatan.jabatan_id, jenis_jabatan=jabatan.jenis_jabatan)
        if jabatan.unit_id:
            values.update(unit_id=jabatan.unit_id, opd_id=jabatan.unit.opd_id)
    pendidikan = RiwayatPendidikan.objects.filter(pegawai=pegawai).values_list("tingkat", flat=True)
    if pendidikan:
        values["tingkat_pendidikan"] = max(pendidikan, key=tingkat_order)
    gaji = RiwayatGaji.objects.filter(pegawai=pegawai).order_by("-tmt", "-id").first()
    if gaji:
        values["gaji_pokok"] = gaji.gaji_pokok
    return values


def refresh_current(pegawai: Pegawai, *, actor, note: str = "") -> Pegawai:
    before = audit.snapshot(pegawai)
    for field, value in derive_current(pegawai).items():
        setattr(pegawai, field, value)
    if audit.diff(before, audit.snapshot(pegawai)):
        pegawai.save()
        audit.record(
            pegawai,
            actor=actor,
            action=AuditEntry.Aksi.UPDATE,
            kind=kinds.PEGAWAI_SYNCED,
            before=before,
            note="Data terkini diperbarui dari riwayat" + (f" ({note})" if note else ""),
        )
    return pegawai


@transaction.atomic
def end_service(pegawai: Pegawai, kedudukan: str, *, actor, note: str) -> Pegawai:
    """A decree ends the service (SK pensiun on its TMT): kedudukan becomes pensiun or
    meninggal, audited with the decree in the note. The system actor (the daily job) or
    admin BKD, never on one's own record."""
    if kedudukan not in kedudukan_rule.LEFT_SERVICE:
        raise SikapError(Kode.DATA_TIDAK_VALID, "Kedudukan ini tidak mengakhiri masa dinas.")
    if access.is_own_record(actor, pegawai.pk):
        raise tidak_berhak(access.OWN_RECORD_REFUSAL)
    if not (access.is_system(actor) or access.may_change_identity(actor)):
        raise tidak_berhak("Hanya admin BKD atau sistem yang dapat mengubah kedudukan hukum.")
    with audited.change(Pegawai, pegawai.pk, actor=actor, note=note) as locked:
        locked.kedudukan = kedudukan
    return locked
