"""Writes of the IP ASN app: its configuration (admin BKD) and user-defined indicators (admin
BKD and perencana). Each runs in a transaction, checks the actor's role and leaves an audit row."""

from django.db import transaction

from sikap.accounts import access
from sikap.core import audited
from sikap.core.errors import tidak_berhak
from sikap.ipasn.models import Indicator

may_configure = access.may_manage_master_data
may_define_indicators = access.may_define_indicators


@transaction.atomic
def save_config_object(obj, *, actor):
    """A configuration, dimension, category or band."""
    if not may_configure(actor):
        raise tidak_berhak("Hanya admin BKD yang dapat mengubah konfigurasi IP ASN.")
    return audited.save(obj, actor=actor)


@transaction.atomic
def delete_config_object(obj, *, actor) -> None:
    if not may_configure(actor):
        raise tidak_berhak("Hanya admin BKD yang dapat mengubah konfigurasi IP ASN.")
    audited.delete(obj, actor=actor)


@transaction.atomic
def save_indicator(indicator: Indicator, *, actor) -> Indicator:
    if not may_define_indicators(actor):
        raise tidak_berhak("Hanya admin BKD dan perencana yang dapat menyusun indikator.")
    return audited.save(indicator, actor=actor)


@transaction.atomic
def delete_indicator(indicator: Indicator, *, actor) -> None:
    if not may_define_indicators(actor):
        raise tidak_berhak("Hanya admin BKD dan perencana yang dapat menyusun indikator.")
    audited.delete(indicator, actor=actor)
