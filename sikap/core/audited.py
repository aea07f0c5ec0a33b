"""Saving and deleting one configuration or master-data record with its audit row.

Apps keep their own permission check (who may change what differs per app) and call these for
the write itself, so validation, refusal messages and audit rows are the same everywhere.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import ProtectedError

from sikap.core import audit
from sikap.core.errors import Kode, SikapError
from sikap.core.models import AuditEntry


def _validate(obj) -> None:
    try:
        obj.full_clean()
    except ValidationError as e:
        errors = {field: list(messages) for field, messages in e.message_dict.items()}
        first = next(iter(errors.values()))[0]
        raise SikapError(Kode.DATA_TIDAK_VALID, first, errors) from None


@transaction.atomic
def save(obj, *, actor):
    before = (
        audit.snapshot(type(obj).objects.select_for_update().get(pk=obj.pk)) if obj.pk else None
    )
    _validate(obj)
    obj.save()
    action = AuditEntry.Aksi.UPDATE if before is not None else AuditEntry.Aksi.CREATE
    audit.record(obj, actor=actor, action=action, before=before)
    return obj


@transaction.atomic
def delete(obj, *, actor, in_use_message: str = "") -> None:
    entry = audit.build_entry(
        obj, actor=actor, action=AuditEntry.Aksi.DELETE, changes=audit.diff(audit.snapshot(obj), {})
    )
    try:
        with transaction.atomic():
            obj.delete()
    except ProtectedError as e:
        raise SikapError(
            Kode.DATA_TIDAK_VALID,
            in_use_message or f"{obj} tidak dapat dihapus karena masih dipakai oleh data lain.",
        ) from e
    entry.save()
