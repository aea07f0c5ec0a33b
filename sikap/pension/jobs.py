"""SIMANTUN TANDUK's daily work: open the BUP files whose TMT comes within the configured
months, and on an SK's TMT record the kedudukan it gives."""

from django.utils import timezone

from sikap.core.jobs import job
from sikap.pension import services


@job
def daily(*, actor) -> str:
    """Idempotent: a pegawai with a file gets no second one; a kedudukan is changed once."""
    today = timezone.localdate()
    summary = services.open_due(today, actor=actor)
    services.apply_due(today, actor=actor, summary=summary)
    return "\n".join([f"Pensiun: {summary}.", *summary.masalah])
