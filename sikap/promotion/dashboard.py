"""A period's figures: proposals by status and OPD, the average days a proposal spends in each
stage (from the workflow timeline), returned documents by reason. A fixed number of queries."""

from collections import Counter, defaultdict

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count

from sikap.core.models import CaseEvent
from sikap.promotion.models import BerkasUsulan, UsulanKp

S = UsulanKp.Status
# The stages timed: a proposal's time in a state, from entering it to leaving it.
STAGES = (S.DRAF, S.DIAJUKAN, S.DIKEMBALIKAN, S.LENGKAP, S.DITERUSKAN, S.SK_TERBIT)


def counts_per_period(qs) -> dict[int, int]:
    return dict(qs.values_list("periode").annotate(n=Count("pk")).values_list("periode", "n"))


def _days_per_stage(qs) -> list[tuple[str, float | None, int]]:
    """(stage label, average days, proposals timed) — a draft's time counts from its creation."""
    cases = dict(qs.values_list("pk", "dibuat"))
    events = defaultdict(list)
    for object_id, created, from_state, to_state in (
        CaseEvent.objects.filter(
            content_type=ContentType.objects.get_for_model(UsulanKp),
            object_id__in=[str(pk) for pk in cases],
        )
        .order_by("at", "pk")
        .values_list("object_id", "at", "from_state", "to_state")
    ):
        events[int(object_id)].append((created, from_state, to_state))
    spent: dict[str, list[float]] = defaultdict(list)
    for pk, created in cases.items():
        entered = {S.DRAF: created}
        for at, source, target in events[pk]:
            if source != target and source in entered:
                spent[source].append((at - entered.pop(source)).total_seconds() / 86400)
            entered[target] = at
    labels = dict(S.choices)
    return [
        (labels[s], round(sum(spent[s]) / len(spent[s]), 1) if spent[s] else None, len(spent[s]))
        for s in STAGES
    ]


def summary(qs) -> dict:
    states = [s for s, _ in S.choices]
    by_opd: dict[str, Counter] = defaultdict(Counter)
    for opd, state, n in (
        qs.values_list("opd__nama", "state").annotate(n=Count("pk")).order_by("opd__nama")
    ):
        by_opd[opd][state] = n
    totals = Counter()
    for counter in by_opd.values():
        totals.update(counter)
    returned = (
        BerkasUsulan.objects.filter(usulan__in=qs, status=BerkasUsulan.Status.BTL)
        .values("syarat__jenis_dokumen__nama", "alasan")
        .annotate(n=Count("pk"))
        .order_by("-n", "syarat__jenis_dokumen__nama", "alasan")
    )
    return {
        "states": S.choices,
        "per_opd": [(opd, [c[s] for s in states], sum(c.values())) for opd, c in by_opd.items()],
        "totals": [totals[s] for s in states],
        "total": sum(totals.values()),
        "stages": _days_per_stage(qs),
        "returned": list(returned),
    }
