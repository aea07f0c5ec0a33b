"""Writes to the organisation master data (OPD, units, positions, office locations).

Only admin BKD maintains the structure; every change leaves an audit row.
"""

from django.db import transaction
from django.db.models import ProtectedError

from sikap.core import audit
from sikap.core.errors import Kode, SikapError, tidak_berhak
from sikap.core.models import AuditEntry


def ensure_can_manage_org(actor) -> None:
    if not (actor.is_authenticated and (actor.is_superuser or actor.peran == "admin_bkd")):
        raise tidak_berhak("Hanya admin BKD yang dapat mengubah struktur organisasi.")


@transaction.atomic
def save_org_object(obj, *, actor):
    ensure_can_manage_org(actor)
    if obj.pk:
        before = audit.snapshot(type(obj).objects.select_for_update().get(pk=obj.pk))
        obj.full_clean()
        obj.save()
        audit.record(obj, actor=actor, action=AuditEntry.Aksi.UPDATE, before=before)
    else:
        obj.full_clean()
        obj.save()
        audit.record(obj, actor=actor, action=AuditEntry.Aksi.CREATE)
    return obj


@transaction.atomic
def delete_org_object(obj, *, actor) -> None:
    ensure_can_manage_org(actor)
    entry = audit.build_entry(
        obj, actor=actor, action=AuditEntry.Aksi.DELETE, changes=audit.diff(audit.snapshot(obj), {})
    )
    try:
        obj.delete()
    except ProtectedError as e:
        raise SikapError(
            Kode.DATA_TIDAK_VALID,
            f"{obj} tidak dapat dihapus karena masih dipakai oleh data lain.",
        ) from e
    entry.save()
