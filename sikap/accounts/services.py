"""Writes to user accounts; admin BKD manages them, every change audited (never the hash)."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import password_validation
from django.db import transaction
from django.utils import timezone

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
    """An admin set someone's password at /kelola/: the trail says so, never what it is, and
    the owner chooses their own at the next log-in (unless the admin set their own)."""
    if user.pk != actor.pk:
        type(user).objects.filter(pk=user.pk).update(wajib_ganti_sandi=True)
    audit.record_event(user, actor=actor, kind=kinds.PASSWORD_CHANGED)


@transaction.atomic
def change_own_password(user, new_password: str, *, kind=kinds.PASSWORD_CHANGED) -> None:
    """The owner sets their password (the change page, a reset link, the first log-in): the
    policy applies, a pending one-time code and the forced change end."""
    if not access.may_change_own_password(user):
        raise tidak_berhak("Akun ini tidak dapat mengganti kata sandi.")
    password_validation.validate_password(new_password, user)
    user.set_password(new_password)
    user.wajib_ganti_sandi = False
    user.kode_berlaku_sampai = None
    user.save(update_fields=["password", "wajib_ganti_sandi", "kode_berlaku_sampai"])
    audit.record_event(user, actor=user, kind=kind)


# Letters and digits that cannot be misread when read out or typed from paper (no 0/O, 1/l/I).
_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 12


@transaction.atomic
def issue_one_time_code(target, *, actor) -> str:
    """A forgotten password without an e-mail address: the admin OPD gives the pegawai a code
    that opens their account once, within SIKAP_ONE_TIME_CODE_HOURS, and leads straight to
    the password change. The old password stops working; the code is kept only as a hash."""
    if not access.may_issue_reset_code(actor, target):
        raise tidak_berhak(
            "Kode sekali pakai hanya dapat diberikan oleh admin OPD kepada pegawai OPD-nya, "
            "tidak untuk akun sendiri."
        )
    code = "".join(secrets.choice(_CODE_ALPHABET) for _ in range(CODE_LENGTH))
    target = type(target).objects.select_for_update().get(pk=target.pk)
    target.set_password(code)
    target.wajib_ganti_sandi = True
    target.kode_berlaku_sampai = timezone.now() + timedelta(
        hours=settings.SIKAP_ONE_TIME_CODE_HOURS
    )
    target.save(update_fields=["password", "wajib_ganti_sandi", "kode_berlaku_sampai"])
    audit.record_event(target, actor=actor, kind=kinds.ONE_TIME_CODE_ISSUED)
    return code


def use_one_time_code(user) -> None:
    """A log-in with a one-time code spends it: the session goes on to the password change,
    another log-in with the same code is refused (accounts/forms.LoginForm)."""
    if user.kode_berlaku_sampai is not None:
        type(user).objects.filter(pk=user.pk).update(kode_berlaku_sampai=timezone.now())
