"""Writes of the IP ASN app: its configuration (admin BKD) and user-defined indicators (admin
BKD and perencana). Each runs in a transaction, checks the actor's role and leaves an audit row."""

from django.core.exceptions import ValidationError
from django.db import transaction

from sikap.accounts.models import Peran
from sikap.core import audit
from sikap.core.errors import Kode, SikapError, tidak_berhak
from sikap.core.models import AuditEntry
from sikap.ipasn.models import Indicator

INDICATOR_AUTHORS = (Peran.ADMIN_BKD, Peran.PERENCANA)


def may_configure(actor) -> bool:
    return actor.is_authenticated and (actor.is_superuser or actor.peran == Peran.ADMIN_BKD)


def may_define_indicators(actor) -> bool:
    return actor.is_authenticated and (actor.is_superuser or actor.peran in INDICATOR_AUTHORS)


def _validated(obj) -> None:
    try:
        obj.full_clean()
    except ValidationError as e:
        errors = {field: list(messages) for field, messages in e.message_dict.items()}
        first = next(iter(errors.values()))[0]
        raise SikapError(Kode.DATA_TIDAK_VALID, first, errors) from None


def _save(obj, *, actor):
    if obj.pk:
        before = audit.snapshot(type(obj).objects.select_for_update().get(pk=obj.pk))
        _validated(obj)
        obj.save()
        audit.record(obj, actor=actor, action=AuditEntry.Aksi.UPDATE, before=before)
    else:
        _validated(obj)
        obj.save()
        audit.record(obj, actor=actor, action=AuditEntry.Aksi.CREATE)
    return obj


def _delete(obj, *, actor) -> None:
    entry = audit.build_entry(
        obj, actor=actor, action=AuditEntry.Aksi.DELETE, changes=audit.diff(audit.snapshot(obj), {})
    )
    obj.delete()
    entry.save()


@transaction.atomic
def save_config_object(obj, *, actor):
    """A configuration, dimension, category or band."""
    if not may_configure(actor):
        raise tidak_berhak("Hanya admin BKD yang dapat mengubah konfigurasi IP ASN.")
    return _save(obj, actor=actor)


@transaction.atomic
def delete_config_object(obj, *, actor) -> None:
    if not may_configure(actor):
        raise tidak_berhak("Hanya admin BKD yang dapat mengubah konfigurasi IP ASN.")
    _delete(obj, actor=actor)


@transaction.atomic
def save_indicator(indicator: Indicator, *, actor) -> Indicator:
    if not may_define_indicators(actor):
        raise tidak_berhak("Hanya admin BKD dan perencana yang dapat menyusun indikator.")
    return _save(indicator, actor=actor)


@transaction.atomic
def delete_indicator(indicator: Indicator, *, actor) -> None:
    if not may_define_indicators(actor):
        raise tidak_berhak("Hanya admin BKD dan perencana yang dapat menyusun indikator.")
    _delete(indicator, actor=actor)
