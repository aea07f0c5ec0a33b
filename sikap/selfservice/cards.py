"""Home card of self-service for a pegawai: requests that came back (with the reason), were
refused lately, or are still on their way, each with its state in words. Two queries."""

from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from sikap.core import home
from sikap.core.models import CaseEvent
from sikap.selfservice.models import MENUNGGU, Status, UsulanPerubahan

# A decision stays on the home page this long after it was taken.
DECISION_SHOWN = timedelta(days=30)
ACTION = (Status.DIKEMBALIKAN, Status.DRAF)


@home.card
def usulan_saya(user, today):
    if not user.pegawai_id:
        return
    recent = timezone.now() - DECISION_SHOWN
    usulan = list(
        UsulanPerubahan.objects.filter(pegawai_id=user.pegawai_id)
        .filter(
            state__in=(*ACTION, *MENUNGGU, Status.DITOLAK, Status.DISETUJUI),
        )
        .exclude(state__in=(Status.DITOLAK, Status.DISETUJUI), diputuskan_pada__lt=recent)
        .select_related("jenis")
        .order_by("-dibuat")[:20]
    )
    decided = [str(u.pk) for u in usulan if u.state in (Status.DIKEMBALIKAN, Status.DITOLAK)]
    reasons = {}
    if decided:
        events = CaseEvent.objects.filter(
            content_type=ContentType.objects.get_for_model(UsulanPerubahan),
            object_id__in=decided,
            to_state__in=(Status.DIKEMBALIKAN, Status.DITOLAK),
        ).order_by("at", "id")
        reasons = {int(e.object_id): e.reason for e in events}  # the latest wins
    order = {Status.DIKEMBALIKAN: 0, Status.DITOLAK: 1, Status.DRAF: 2}
    rows = sorted(
        ({"usulan": u, "alasan": reasons.get(u.pk, "")} for u in usulan),
        key=lambda r: order.get(r["usulan"].state, 3),
    )
    needs_action = any(u.state in ACTION for u in usulan)
    yield home.Card(
        key="selfservice.usulan_saya",
        title="Usulan perubahan data Anda",
        template="selfservice/cards/usulan_saya.html",
        order=home.TODO + (6 if needs_action else 20),
        context={"rows": rows},
        empty=not rows,
    )
