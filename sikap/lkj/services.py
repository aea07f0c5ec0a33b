"""Writes of the LKj module: the year's texts, by perencana and admin BKD, audited."""

from django.db import transaction

from sikap.core import audit
from sikap.core.models import AuditEntry
from sikap.lkj.models import LkjTeks
from sikap.performance.permissions import ensure_can_edit


def save_texts(year: int, values: dict, *, actor) -> LkjTeks:
    """Create or update the texts of `year` from cleaned form values."""
    ensure_can_edit(actor)
    with transaction.atomic():
        teks = LkjTeks.objects.select_for_update().filter(tahun=year).first()
        created = teks is None
        if created:
            teks = LkjTeks.for_year(year)
        before = {} if created else audit.snapshot(teks)
        for field, value in values.items():
            setattr(teks, field, value)
        teks.full_clean()
        teks.save()
        action = AuditEntry.Aksi.CREATE if created else AuditEntry.Aksi.UPDATE
        audit.record(teks, actor=actor, action=action, before=before)
    return teks
