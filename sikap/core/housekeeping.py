"""The daily housekeeping job: remove what nobody needs any more."""

from datetime import timedelta

from django.conf import settings
from django.contrib.sessions.models import Session
from django.utils import timezone

from sikap.core.jobs import job
from sikap.core.models import Notifikasi


@job
def clean_up(*, actor) -> str:
    """Expired log-in sessions (the database session store keeps them until deleted) and
    notifications read more than SIKAP_NOTIFIKASI_SIMPAN_HARI days ago. Idempotent: a second run
    finds nothing left to remove."""
    now = timezone.now()
    sessions, _ = Session.objects.filter(expire_date__lt=now).delete()
    cutoff = now - timedelta(days=settings.SIKAP_NOTIFIKASI_SIMPAN_HARI)
    notes, _ = Notifikasi.objects.filter(read_at__lt=cutoff).delete()
    return f"{sessions} sesi kedaluwarsa dan {notes} notifikasi lama dihapus."
