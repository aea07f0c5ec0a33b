"""The periodic close of attempts whose time ran out and that nobody touched since, and the
scoring of any closed attempt left unscored (scoring after a commit is best effort: a worker
killed or a database lost at that moment would otherwise leave "sedang dihitung" for ever)."""

from sikap.competency import scoring, services
from sikap.competency.models import Percobaan
from sikap.core.jobs import job

BATCH = 500  # attempts scored per run; the next minute takes the rest


@job
def close_expired(*, actor) -> str:
    closed = services.close_expired(actor=actor)
    unscored = Percobaan.objects.filter(status__in=scoring.CLOSED, dinilai__isnull=True)
    scored = scoring.score(list(unscored.order_by("pk").values_list("pk", flat=True)[:BATCH]))
    return (
        f"{closed} percobaan ujian ditutup karena waktunya habis; "
        f"{scored} percobaan yang belum dinilai dinilai."
    )
