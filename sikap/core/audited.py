"""The one way to write a record with its audit row.

`change(Model, pk, actor=..., kind=...)` locks the row, snapshots it, lets the caller change it,
saves it and writes the audit row with the diff, all in one transaction. `save` and `delete` do
the same for a configuration or master-data record edited as a whole (the /kelola/ forms).
Callers keep their own permission check (who may change what differs per app); these do the
write, so validation, refusal messages and audit rows are the same everywhere.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, router, transaction
from django.db.models import ProtectedError, RestrictedError
from django.db.models.deletion import Collector

from sikap.core import audit, kinds
from sikap.core.errors import Kode, SikapError
from sikap.core.models import AuditEntry


@contextmanager
def change(
    model,
    pk,
    *,
    actor,
    kind: str | None = None,
    note: str = "",
    select_related=(),
    update_fields=None,
) -> Iterator:
    """`with change(Pegawai, pk, actor=user) as pegawai: pegawai.nama = …` — the row is locked
    (select_for_update) until the transaction ends; an exception inside leaves it unchanged,
    and a save that breaks a unique constraint is refused as a duplicate."""
    with transaction.atomic():
        obj = model.objects.select_for_update().select_related(*select_related).get(pk=pk)
        before = audit.snapshot(obj)
        yield obj
        try:
            with transaction.atomic():
                obj.save(update_fields=update_fields)
        except IntegrityError as e:
            raise SikapError(
                Kode.DUPLIKAT, f"Data bentrok dengan data yang sudah ada ({e})."
            ) from e
        audit.record(
            obj,
            actor=actor,
            action=AuditEntry.Aksi.UPDATE,
            kind=kind or kinds.of(model, AuditEntry.Aksi.UPDATE),
            before=before,
            note=note,
        )


def _validate(obj) -> None:
    try:
        obj.full_clean()
    except ValidationError as e:
        errors = {field: list(messages) for field, messages in e.message_dict.items()}
        first = next(iter(errors.values()))[0]
        raise SikapError(Kode.DATA_TIDAK_VALID, first, errors) from None


@transaction.atomic
def save(obj, *, actor, kind: str | None = None, note: str = ""):
    """Create or update `obj` as the caller filled it in (validated first)."""
    before = (
        audit.snapshot(type(obj).objects.select_for_update().get(pk=obj.pk)) if obj.pk else None
    )
    _validate(obj)
    obj.save()
    action = AuditEntry.Aksi.UPDATE if before is not None else AuditEntry.Aksi.CREATE
    audit.record(
        obj,
        actor=actor,
        action=action,
        kind=kind or kinds.of(obj, action),
        before=before,
        note=note,
    )
    return obj


class _EveryRow(Collector):
    """Django deletes some cascaded rows without loading them; each needs its audit row."""

    def can_fast_delete(self, *args, **kwargs):
        return False


@transaction.atomic
def delete(
    obj,
    *,
    actor,
    kind: str | None = None,
    note: str = "",
    in_use_message: str = "",
    refuse: Callable[[models.Model], str] | None = None,
):
    """Delete `obj` and whatever cascades from it: one audit row per deleted row, and the files
    only they referenced removed once the transaction commits. `refuse(row)` may name a reason
    to keep a cascaded row (a verified quarter): then nothing is deleted."""
    collector = _EveryRow(using=router.db_for_write(type(obj)))
    try:
        collector.collect([obj])
    except (ProtectedError, RestrictedError) as e:
        raise SikapError(
            Kode.DATA_TIDAK_VALID,
            in_use_message or f"{obj} tidak dapat dihapus karena masih dipakai oleh data lain.",
        ) from e
    rows = _whole_rows(collector)
    for row in rows if refuse else ():
        if reason := refuse(row):
            raise SikapError(Kode.DATA_TIDAK_VALID, f"{obj} tidak dapat dihapus: {reason}")
    entries = [_deletion_entry(row, obj, actor=actor, kind=kind, note=note) for row in rows]
    files = [(type(row), f) for row in rows for f in _files_of(row)]
    collector.delete()
    AuditEntry.objects.bulk_create(entries)
    orphaned = [
        f
        for model, f in files
        if not model._default_manager.filter(**{f.field.name: f.name}).exists()
    ]
    transaction.on_commit(lambda: _remove(orphaned))


def _remove(files) -> None:
    for f in files:
        f.storage.delete(f.name)


def _whole_rows(collector) -> list:
    """The collected rows with every field: Django loads cascaded rows with only their keys,
    and reading the rest one by one would cost a query per field per row. The rows' required
    parents come along, which their names for the audit (`str(row)`) often read."""
    rows = []
    for model, instances in collector.data.items():
        pks = [obj.pk for obj in instances]
        whole = model._base_manager.select_related()
        for start in range(0, len(pks), 500):
            rows.extend(whole.in_bulk(pks[start : start + 500]).values())
    return rows


def _deletion_entry(row, deleted, *, actor, kind, note) -> AuditEntry:
    top = type(row) is type(deleted) and row.pk == deleted.pk
    return audit.build_entry(
        row,
        actor=actor,
        action=AuditEntry.Aksi.DELETE,
        kind=(kind if top and kind else kinds.of(row, AuditEntry.Aksi.DELETE)),
        changes=audit.diff(audit.snapshot(row), {}),
        note=note if top else f"Ikut terhapus bersama {deleted}",
    )


def _files_of(row) -> list:
    return [
        getattr(row, field.name)
        for field in row._meta.concrete_fields
        if isinstance(field, models.FileField) and getattr(row, field.attname)
    ]
