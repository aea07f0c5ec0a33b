"""Per-device API tokens: issued once after a password log-in, then checked by digest.

A token is `secrets.token_urlsafe(32)` (256 bits), so SHA-256 of it cannot be reversed or
guessed and a check is one indexed lookup — no password hash per request."""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from sikap.accounts import access
from sikap.accounts.models import Token
from sikap.core import audit, kinds
from sikap.core.errors import Kode, SikapError, tidak_berhak
from sikap.core.models import AuditEntry

# The account jobs and commands act as; it never logs in, so it never holds a token.
# Writing last-used on every request would turn each read into a write; once a minute is enough.
LAST_USED_RESOLUTION = timedelta(minutes=1)


def _snapshot(token: Token) -> dict:
    # The digest stays out of the audit trail, which admins read.
    return {k: v for k, v in audit.snapshot(token).items() if k != "digest"}


def digest_of(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def may_hold_token(user) -> bool:
    """A device token is issued on the password alone: not while an initial password or a
    one-time code awaits its change, nor to an account with a second factor (docs/security.md)."""
    from sikap.accounts import second_factor

    return (
        user.is_authenticated
        and user.is_active
        and not user.is_system
        and user.has_usable_password()
        and not user.wajib_ganti_sandi
        and not second_factor.enrolled(user)
        and not second_factor.required(user)
    )


@transaction.atomic
def issue_token(user, perangkat: str, *, actor) -> tuple[Token, str]:
    """A new token for `user`'s device; the raw secret is returned here and never again."""
    if actor.pk != user.pk or not may_hold_token(user):
        raise tidak_berhak("Token hanya dapat dibuat oleh pemilik akun yang aktif.")
    perangkat = " ".join(perangkat.split())[:100]
    if not perangkat:
        message = "Nama perangkat wajib diisi."
        raise SikapError(Kode.DATA_TIDAK_VALID, message, {"perangkat": [message]})
    raw = secrets.token_urlsafe(32)
    token = Token.objects.create(
        user=user,
        perangkat=perangkat,
        prefix=raw[:8],
        digest=digest_of(raw),
        expires_at=timezone.now() + timedelta(days=settings.SIKAP_API_TOKEN_DAYS),
    )
    audit.build_entry(
        token,
        actor=actor,
        action=AuditEntry.Aksi.CREATE,
        kind=kinds.TOKEN_ISSUED,
        changes=audit.diff({}, _snapshot(token)),
        note=f"Token perangkat {token}",
    ).save()
    return token, raw


@transaction.atomic
def revoke_token(token: Token, *, actor) -> Token:
    """The owner or admin BKD ends a token; revoking one already revoked changes nothing."""
    if not (actor.is_authenticated and (actor.pk == token.user_id or access.is_admin_bkd(actor))):
        raise tidak_berhak("Hanya pemilik token atau admin BKD yang dapat mencabutnya.")
    token = Token.objects.select_for_update().get(pk=token.pk)
    if token.revoked_at is None:
        before = _snapshot(token)
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        audit.build_entry(
            token,
            actor=actor,
            action=AuditEntry.Aksi.UPDATE,
            kind=kinds.TOKEN_REVOKED,
            changes=audit.diff(before, _snapshot(token)),
            note=f"Token perangkat {token} dicabut",
        ).save()
    return token


def authenticate_token(raw: str) -> Token | None:
    """The valid token for `raw` with its user, or None. One indexed query (plus, at most once
    a minute per token, an UPDATE of last-used)."""
    now = timezone.now()
    token = (
        Token.objects.berlaku(now)
        .filter(digest=digest_of(raw), user__is_active=True)
        .select_related("user")
        .first()
    )
    if token is None:
        return None
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_RESOLUTION:
        Token.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token
