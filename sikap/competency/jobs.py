"""The periodic close of attempts whose time ran out and that nobody touched since."""

from sikap.competency import services
from sikap.core.jobs import job


@job
def close_expired(*, actor) -> str:
    closed = services.close_expired(actor=actor)
    return f"{closed} percobaan ujian ditutup karena waktunya habis."
