"""SAKIP realisations and corrections waiting for a planner's verification, in the one inbox
(`sikap.core.inbox`). They belong to BKD's own plan, not to an OPD's pegawai: filtering the inbox
by an OPD leaves them out. `pending` is the queryset `count` and `items` read, so the menu counts
them in its one query."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, OuterRef, Subquery
from django.db.models.functions import Cast
from django.utils import timezone

from sikap.accounts import access
from sikap.core import inbox
from sikap.core.models import CaseEvent
from sikap.performance.models import KoreksiRealisasi, RealisasiTriwulan, Status


def _submitted_at(model):
    """When the case was (last) submitted: its latest `ajukan` step in the timeline."""
    return Subquery(
        CaseEvent.objects.filter(
            content_type=ContentType.objects.get_for_model(model),
            object_id=Cast(OuterRef("pk"), CharField()),
            transition="ajukan",
        )
        .order_by("-at", "-id")
        .values("at")[:1]
    )


class _SakipSource:
    model: type = RealisasiTriwulan

    def pending(self, user, filters: inbox.Filters):
        if not access.may_plan(user):
            return self.model.objects.none()
        queryset = (
            self.model.objects.filter(state=Status.DIAJUKAN)
            .exclude(diajukan_oleh=user)
            .annotate(diajukan_pada=_submitted_at(self.model))
        )
        # SAKIP cases belong to the agency, not to an OPD.
        queryset = inbox.narrowed(queryset, filters, since="diajukan_pada", opd=None)
        return queryset.order_by("diajukan_pada", "pk")

    def count(self, user, filters):
        return self.pending(user, filters).count()

    def _item(self, case, quarter) -> inbox.Item:
        return inbox.Item(
            kind=self.kind,
            key=str(case.pk),
            title=f"TW {quarter.triwulan} · {quarter.indikator.kode} {quarter.indikator.indikator}",
            url=case.get_absolute_url(),
            waiting_since=case.diajukan_pada or timezone.now(),
            opd_nama="",
        )


class RealisasiSource(_SakipSource):
    kind = "performance.realisasi"
    label = "Realisasi SAKIP"
    model = RealisasiTriwulan

    def items(self, user, filters, limit):
        rows = self.pending(user, filters).select_related("indikator")[:limit]
        return [self._item(q, q) for q in rows]


class KoreksiSource(_SakipSource):
    kind = "performance.koreksi"
    label = "Koreksi realisasi SAKIP"
    model = KoreksiRealisasi

    def items(self, user, filters, limit):
        rows = self.pending(user, filters).select_related("realisasi__indikator")[:limit]
        return [self._item(k, k.realisasi) for k in rows]


inbox.register(RealisasiSource())
inbox.register(KoreksiSource())
