"""Writes to the organisation master data (OPD, units, positions, office locations).

Only admin BKD maintains the structure; every change leaves an audit row.
"""

from sikap.accounts import access
from sikap.core import audited
from sikap.core.errors import tidak_berhak


def ensure_can_manage_org(actor) -> None:
    if not access.is_admin_bkd(actor):
        raise tidak_berhak("Hanya admin BKD yang dapat mengubah struktur organisasi.")


def save_org_object(obj, *, actor):
    ensure_can_manage_org(actor)
    return audited.save(obj, actor=actor)


def delete_org_object(obj, *, actor) -> None:
    ensure_can_manage_org(actor)
    audited.delete(obj, actor=actor)
