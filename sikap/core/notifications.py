"""Telling people that something needs them or has happened: in-app rows plus e-mail.

The e-mail goes out from a job (`send_mail_for`), so a slow or failing mail server neither holds
up nor breaks the request; the job is retried, and a last failure stays in the failure list at
/kelola/.
"""

from django.core.mail import send_mass_mail
from django.db import transaction
from django.utils import timezone

from sikap.core.jobs import enqueue, job
from sikap.core.models import Notifikasi


def notify(users, message, *, target=None) -> None:
    """Called after commit: the in-app rows are written now, the e-mail is queued. `message` is
    the text, or a function giving each user's own text (phrased for its reader)."""
    users = [u for u in users if u is not None]
    url = target.get_absolute_url() if hasattr(target, "get_absolute_url") else ""
    text = message if callable(message) else (lambda u: message)
    rows = Notifikasi.objects.bulk_create(
        [Notifikasi(user=u, message=text(u)[:500], url=url) for u in users]
    )
    to_mail = [row.pk for row in rows if row.user.email]
    if to_mail:
        enqueue(send_mail_for, to_mail)


@job
def send_mail_for(ids: list[int], *, actor) -> str:
    """E-mail the notifications `ids` not yet sent. Their rows stay locked while the mail server
    takes the messages and are marked sent in the same transaction, so a second run — or a retry
    after a failure — sends nothing twice; a failure leaves them unsent for the retry."""
    with transaction.atomic():
        pending = list(
            Notifikasi.objects.select_for_update(of=("self",))
            .filter(pk__in=ids, emailed_at__isnull=True)
            .exclude(user__email="")
            .select_related("user")
        )
        if not pending:
            return "Tidak ada surel yang perlu dikirim."
        send_mass_mail(
            [(f"[SIKAP] {n.message[:70]}", n.message, None, [n.user.email]) for n in pending],
            fail_silently=False,
        )
        Notifikasi.objects.filter(pk__in=[n.pk for n in pending]).update(emailed_at=timezone.now())
    return f"{len(pending)} surel notifikasi terkirim."


def unread_count(user) -> int:
    return Notifikasi.objects.filter(user=user, read_at__isnull=True).count()


def mark_read_for(user, path: str) -> int:
    """The reader opened or decided what their notifications about `path` point to: those are
    read now (a link to a section of that page, `path#…`, counts as well). One query."""
    from django.db.models import Q

    return Notifikasi.objects.filter(
        Q(url=path) | Q(url__startswith=f"{path}#"), user=user, read_at__isnull=True
    ).update(read_at=timezone.now())
