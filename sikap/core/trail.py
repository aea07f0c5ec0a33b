"""The audit trail of a pegawai in words: field labels and display values instead of columns
and raw JSON (`AuditEntry.changes` holds `{attname: [before, after]}` as stored)."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from django.contrib.contenttypes.models import ContentType
from django.db import models

from sikap.core import kinds
from sikap.core.models import AuditEntry
from sikap.rules import RuleError
from sikap.rules.formatting import rupiah, tanggal
from sikap.rules.nip import format_nip

KOSONG = "—"
# Bookkeeping columns that say nothing to a reader.
_HIDDEN = {"id", "pegawai_id"}


@dataclass
class Change:
    label: str
    before: str
    after: str


@dataclass
class Row:
    entry: object
    what: str  # "Pegawai", "Riwayat pangkat", …
    changes: list[Change]
    kind: str  # "Riwayat pangkat dibuat", "Dokumen: verifikasi", …
    source: str  # "Web", "Pekerjaan latar", …


def readable(entries) -> list[Row]:
    """Rows for a page of `AuditEntry` (actor selected). Foreign keys are named with one query
    per related model for the whole page."""
    entries = list(entries)
    models_of = {
        e.pk: ContentType.objects.get_for_id(e.content_type_id).model_class() for e in entries
    }
    names = _related_names(entries, models_of)
    rows = []
    for entry in entries:
        model = models_of[entry.pk]
        fields = {f.attname: f for f in model._meta.concrete_fields} if model else {}
        rows.append(
            Row(
                entry=entry,
                what=_capfirst(str(model._meta.verbose_name)) if model else entry.object_repr,
                changes=_changes(entry, fields, names),
                kind=kinds.label(entry.kind) if entry.kind else KOSONG,
                source=entry.get_source_display(),
            )
        )
    return rows


def _changes(entry, fields: dict, names: dict) -> list[Change]:
    """In the model's field order; a creation lists only what was filled in, a deletion only
    what there was."""
    order = list(fields)
    attnames = sorted(
        (a for a in entry.changes if a not in _HIDDEN),
        key=lambda a: order.index(a) if a in order else len(order),
    )
    changes = []
    for attname in attnames:
        before, after = entry.changes[attname]
        shown = after if entry.action == AuditEntry.Aksi.CREATE else before
        if entry.action in (AuditEntry.Aksi.CREATE, AuditEntry.Aksi.DELETE) and shown in ("", None):
            continue
        field = fields.get(attname)
        changes.append(
            Change(
                label=_label(field, attname),
                before=_display(field, before, names),
                after=_display(field, after, names),
            )
        )
    return changes


def _capfirst(text: str) -> str:
    return text[:1].upper() + text[1:]


# Foreign keys declared without a verbose name would read "Opd", "Unit".
_LABELS = {"opd_id": "OPD", "unit_id": "Unit kerja", "jabatan_id": "Jabatan"}


def _label(field, attname: str) -> str:
    if attname in _LABELS:
        return _LABELS[attname]
    return _capfirst(str(field.verbose_name)) if field else attname


def _related_names(entries, models_of) -> dict:
    """{(related model, pk as str): its name} for every foreign key value on the page."""
    wanted: dict = {}
    for entry in entries:
        model = models_of[entry.pk]
        if model is None:
            continue
        for field in model._meta.concrete_fields:
            if (
                field.is_relation
                and field.attname in entry.changes
                and field.attname not in _HIDDEN
            ):
                ids = wanted.setdefault(field.related_model, set())
                ids.update(v for v in entry.changes[field.attname] if v is not None)
    names = {}
    for related, ids in wanted.items():
        for obj in related._default_manager.filter(pk__in=ids):
            names[(related, str(obj.pk))] = str(obj)
    return names


def _display(field, value, names) -> str:
    if value is None or value == "":
        return KOSONG
    if field is None:
        return str(value)
    if field.is_relation:
        return names.get((field.related_model, str(value)), f"#{value} (sudah dihapus)")
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if field.name == "nip":
        try:
            return format_nip(value)
        except RuleError:
            return value
    if isinstance(field, models.BooleanField):
        return "Ya" if value else "Tidak"
    if isinstance(field, models.DateField) and isinstance(value, str):
        try:
            return tanggal(date.fromisoformat(value[:10]))
        except ValueError:
            return value
    if isinstance(field, models.DecimalField) and field.name.startswith("gaji"):
        try:
            return rupiah(Decimal(value))
        except InvalidOperation:
            return str(value)
    return str(value)
