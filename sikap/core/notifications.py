"""Telling people that something needs them or has happened: in-app rows plus e-mail."""

import logging

from django.core.mail import send_mass_mail

from sikap.core.models import Notifikasi

log = logging.getLogger(__name__)


def notify(users, message: str, *, target=None) -> None:
    """Called after commit. A failing mail server must not lose the in-app notification."""
    users = [u for u in users if u is not None]
    url = target.get_absolute_url() if hasattr(target, "get_absolute_url") else ""
    Notifikasi.objects.bulk_create(
        [Notifikasi(user=u, message=message[:500], url=url) for u in users]
    )
    mails = [(f"[SIKAP] {message[:70]}", message, None, [u.email]) for u in users if u.email]
    if mails:
        try:
            send_mass_mail(mails, fail_silently=False)
        except OSError:
            log.exception("notification e-mail failed; in-app notifications were kept")


def unread_count(user) -> int:
    return Notifikasi.objects.filter(user=user, read_at__isnull=True).count()
