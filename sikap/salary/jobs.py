"""e-Berkala's background work: the daily drafting of due KGB letters and recording of
published letters whose TMT has come, and the publication of each signed letter."""

from django.utils import timezone

from sikap.core.jobs import job
from sikap.salary import services


@job
def daily(*, actor) -> str:
    """Idempotent: a KGB already drafted is not drafted again, a letter already recorded in
    the salary history is not recorded again."""
    today = timezone.localdate()
    summary = services.draft_due(today, actor=actor)
    applied, problems = services.apply_due(today, actor=actor)
    lines = [f"KGB: {summary}; {applied} dicatat ke riwayat gaji.", *problems]
    return "\n".join(lines)


@job
def publish_kgb(kgb_id: int, *, actor) -> str:
    kgb = services.publish(kgb_id, actor=actor)
    return f"{kgb} terbit: {kgb.dokumen.nomor}" if kgb else "Tidak ada yang diterbitkan."
