"""Writing the audit trail. Services call these; nothing else writes `AuditEntry` rows.

Each row says where the change came from (`source`): every entry point sets it once — the
middleware for web and API requests, the job wrapper, the SIASN importer. What runs outside all of
them (a management command, `sikap shell`) is a command: that is the declared default below.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, datetime, time
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models.fields.files import FieldFile

from sikap.core import kinds
from sikap.core.models import AuditEntry

Sumber = AuditEntry.Sumber
_source: ContextVar[str] = ContextVar("audit_source", default=Sumber.COMMAND)


def current_source() -> str:
    return _source.get()


@contextmanager
def source(value: str) -> Iterator[None]:
    """Audit rows written inside this block say they came from `value`."""
    token = _source.set(Sumber(value))
    try:
        yield
    finally:
        _source.reset(token)


def snapshot(obj: models.Model) -> dict:
    """The concrete field values of a model instance, as JSON-safe values."""
    values = {}
    for field in obj._meta.concrete_fields:
        values[field.attname] = _jsonable(getattr(obj, field.attname))
    return values


def diff(before: dict, after: dict) -> dict:
    """{field: [old, new]} for every field whose value changed."""
    keys = before.keys() | after.keys()
    return {k: [before.get(k), after.get(k)] for k in sorted(keys) if before.get(k) != after.get(k)}


def _jsonable(value):
    if isinstance(value, FieldFile):
        return value.name or ""
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def _pegawai_id(obj: models.Model) -> int | None:
    if obj._meta.label == "people.Pegawai":
        return obj.pk
    return getattr(obj, "pegawai_id", None)


def build_entry(
    obj: models.Model, *, actor, action: str, kind: str, changes: dict, note: str = ""
) -> AuditEntry:
    """An unsaved entry, for callers that write many at once with `bulk_create`."""
    if not kind:
        raise ValueError("an audit entry needs a kind (sikap.core.kinds)")
    return AuditEntry(
        actor=actor if actor.is_authenticated else None,
        action=action,
        source=current_source(),
        kind=kind,
        content_type=ContentType.objects.get_for_model(obj),
        object_id=str(obj.pk),
        object_repr=str(obj)[:255],
        pegawai_id=_pegawai_id(obj),
        changes=changes,
        note=note[:255],
    )


def record(
    obj: models.Model,
    *,
    actor,
    action: str,
    kind: str,
    before: dict | None = None,
    note: str = "",
) -> AuditEntry:
    """Write one entry for `obj` as it is now; `before` is its snapshot before the change."""
    after = {} if action == AuditEntry.Aksi.DELETE else snapshot(obj)
    entry = build_entry(
        obj, actor=actor, action=action, kind=kind, changes=diff(before or {}, after), note=note
    )
    entry.save()
    return entry


def record_event(obj: models.Model, *, actor, kind: str) -> AuditEntry:
    """An event on `obj` whose values stay out of the trail (a password set, a one-time code
    issued, a second factor enrolled): no field changes, the kind's label as the note."""
    entry = build_entry(
        obj, actor=actor, action=AuditEntry.Aksi.UPDATE, kind=kind, changes={},
        note=kinds.label(kind),
    )  # fmt: skip
    entry.save()
    return entry


def history_of(obj: models.Model):
    ct = ContentType.objects.get_for_model(obj)
    return AuditEntry.objects.filter(content_type=ct, object_id=str(obj.pk)).select_related("actor")


class SourceMiddleware:
    """Audit rows written while serving a request say `web`, or `api` under /api/."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        kind = Sumber.API if request.path.startswith("/api/") else Sumber.WEB
        with source(kind):
            return self.get_response(request)
