"""The optional second factor for admin roles (docs/security.md): a TOTP app on the phone
(django-otp), enrolled by scanning a QR code, with ten recovery codes for a lost phone.
SIKAP_TOTP_REQUIRED makes it compulsory for admin roles."""

from base64 import b32encode

import segno
from django.conf import settings
from django.db import transaction
from django_otp import user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from sikap.accounts import access
from sikap.core import audit, kinds
from sikap.core.errors import tidak_berhak

RECOVERY_CODES = 10
_NAME = "SIKAP"


def enrolled(user) -> bool:
    return user_has_device(user, confirmed=True)


def required(user) -> bool:
    return settings.SIKAP_TOTP_REQUIRED and access.is_admin_role(user)


def pending_device(user) -> TOTPDevice:
    """The unconfirmed TOTP device being enrolled (one per user: reloading the page keeps the
    QR code that was scanned)."""
    if not access.is_admin_role(user):
        raise tidak_berhak("Verifikasi dua langkah tersedia untuk admin BKD dan admin OPD.")
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name=_NAME, confirmed=False)


def qr_svg(device: TOTPDevice) -> str:
    """The otpauth:// address as an inline SVG QR code (markup, no script: fine for the CSP)."""
    return segno.make(device.config_url, error="m").svg_inline(scale=4, dark="#000", light="#fff")


def secret_for_typing(device: TOTPDevice) -> str:
    """The base32 secret in groups of four, for an app that cannot scan."""
    secret = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


@transaction.atomic
def confirm(user, device: TOTPDevice, token: str) -> list[str] | None:
    """The first code from the app proves the scan worked: the device counts from now on and
    the recovery codes (shown once, kept as given) replace any earlier ones. None if the code
    is wrong."""
    if device.user_id != user.pk or device.confirmed or not device.verify_token(token):
        return None
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    StaticDevice.objects.filter(user=user).delete()
    recovery = StaticDevice.objects.create(user=user, name="Kode pemulihan", confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    recovery.token_set.bulk_create([StaticToken(device=recovery, token=c) for c in codes])
    audit.record_event(user, actor=user, kind=kinds.SECOND_FACTOR_ENROLLED)
    return codes


@transaction.atomic
def remove(user, *, actor) -> None:
    """The owner switches it off (not while it is required), or admin BKD for someone who lost
    both the phone and the recovery codes."""
    if actor.pk == user.pk and required(user):
        raise tidak_berhak("Verifikasi dua langkah wajib untuk peran Anda.")
    if actor.pk != user.pk and not access.may_manage_master_data(actor):
        raise tidak_berhak("Hanya admin BKD yang dapat menonaktifkan verifikasi dua langkah.")
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    audit.record_event(user, actor=actor, kind=kinds.SECOND_FACTOR_REMOVED)
