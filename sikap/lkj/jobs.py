"""The LKj module's background work: keeping the inbox's list of unconfirmed findings in step
with the consistency checks."""

from sikap.core.jobs import job
from sikap.lkj import services


@job
def refresh_waiting_findings(*, actor) -> str:
    """Daily; idempotent (the rows become what the checks find)."""
    count = services.refresh_waiting()
    return f"{count} temuan LKj tingkat A menunggu konfirmasi admin BKD."
