"""Home cards of the core: the work waiting in the user's inbox, and unread notifications."""

from django.utils import timezone

from sikap.accounts import access
from sikap.core import home, inbox
from sikap.core.models import Notifikasi

LATEST = 5


@home.card
def kotak_masuk(user, today):
    """By kind: how many wait and how long the oldest has waited, each linking to the inbox."""
    waiting = inbox.waiting(user)
    total = sum(w.count for w in waiting)
    if not total and not access.may_use_inbox(user):
        return []
    now = timezone.now()
    rows = [
        {
            "kind": w.source.kind,
            "label": w.source.label,
            "count": w.count,
            "umur": (now - w.oldest).days if w.oldest else None,
        }
        for w in waiting
        if w.count
    ]
    yield home.Card(
        key="core.kotak_masuk",
        title="Menunggu keputusan Anda",
        template="core/cards/kotak_masuk.html",
        order=home.TODO + 1,
        context={"rows": rows, "total": total},
        empty=not total,
    )


@home.card
def notifikasi(user, today):
    unread = Notifikasi.objects.filter(user=user, read_at__isnull=True)
    latest = list(unread[:LATEST])
    count = len(latest) if len(latest) < LATEST else unread.count()
    yield home.Card(
        key="core.notifikasi",
        title="Notifikasi baru",
        template="core/cards/notifikasi.html",
        order=home.TODO + 40,
        context={"latest": latest, "count": count},
        empty=not latest,
    )
