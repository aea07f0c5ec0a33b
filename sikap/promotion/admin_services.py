"""Audited writes of e-Pangkat's configuration (admin BKD): periods, types with their document
checklists, and the ujian dinas records the eligibility rule reads."""

from sikap.accounts import access
from sikap.core import audited
from sikap.core.errors import tidak_berhak


def _ensure(actor) -> None:
    if not access.may_configure_kp(actor):
        raise tidak_berhak("Hanya admin BKD yang dapat mengubah pengaturan kenaikan pangkat.")


def save_setting(obj, *, actor):
    _ensure(actor)
    access.refuse_own_row(actor, obj)
    return audited.save(obj, actor=actor)


def delete_setting(obj, *, actor) -> None:
    _ensure(actor)
    access.refuse_own_row(actor, obj)
    audited.delete(
        obj, actor=actor, in_use_message=f"{obj} sudah dipakai oleh usul kenaikan pangkat."
    )
