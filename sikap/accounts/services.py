"""Writes to user accounts; admin BKD manages them, every change audited (never the hash)."""

from django.db import transaction

from sikap.accounts import access
from sikap.core import audit, kinds
from sikap.core.errors import tidak_berhak
from sikap.core.models import AuditEntry

_SECRET_FIELDS = {"password", "last_login"}


def _snapshot(user) -> dict:
    return {k: v for k, v in audit.snapshot(user).items() if k not in _SECRET_FIELDS}


@transaction.atomic
def save_user(user, *, actor, scope=None):
    """Create or change an account; `scope` (OPD queryset/list) replaces the admin_opd scope."""
    if not access.is_admin_bkd(actor):
        raise tidak_berhak("Hanya admin BKD yang dapat mengelola akun pengguna.")
    before = _snapshot(type(user).objects.get(pk=user.pk)) if user.pk else {}
    old_scope = sorted(user.opd_scope.values_list("pk", flat=True)) if user.pk else []
    user.save()
    if scope is not None:
        user.opd_scope.set(scope)
    changes = audit.diff(before, _snapshot(user))
    new_scope = sorted(user.opd_scope.values_list("pk", flat=True))
    if new_scope != old_scope:
        changes["opd_scope"] = [old_scope, new_scope]
    action = AuditEntry.Aksi.UPDATE if before else AuditEntry.Aksi.CREATE
    kind = kinds.of(user, action)
    audit.build_entry(user, actor=actor, action=action, kind=kind, changes=changes).save()
    return user


def record_password_change(user, *, actor) -> None:
    """An admin set someone's password: the trail says so, never what it is."""
    audit.build_entry(
        user,
        actor=actor,
        action=AuditEntry.Aksi.UPDATE,
        kind=kinds.PASSWORD_CHANGED,
        changes={},
        note="Kata sandi diganti",
    ).save()
