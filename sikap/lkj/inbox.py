"""Severity-A findings of a year's LKj waiting for admin BKD's confirmation, in the one inbox
(`sikap.core.inbox`): publishing is refused until each one is confirmed with a reason or its
data corrected. They belong to BKD's own report, not to an OPD: filtering the inbox by an OPD
leaves them out. Reads the rows the checks leave (`TemuanMenunggu`): one query a call."""

from django.urls import reverse

from sikap.accounts import access
from sikap.core import inbox
from sikap.lkj.models import TemuanMenunggu


class TemuanSource:
    kind = "lkj.temuan"
    label = "Temuan LKj untuk dikonfirmasi"

    def pending(self, user, filters: inbox.Filters):
        if not access.may_publish_lkj(user):
            return TemuanMenunggu.objects.none()
        rows = inbox.narrowed(TemuanMenunggu.objects.all(), filters, since="sejak", opd=None)
        return rows.order_by("sejak", "pk")

    def count(self, user, filters: inbox.Filters) -> int:
        return self.pending(user, filters).count()

    def items(self, user, filters: inbox.Filters, limit: int):
        return [
            inbox.Item(
                kind=self.kind,
                key=str(t.pk),
                title=f"LKj {t.tahun}: {t.lokasi}",
                url=reverse("lkj:lkj_tahun", args=[t.tahun]) + "#temuan",
                waiting_since=t.sejak,
            )
            for t in self.pending(user, filters)[:limit]
        ]


inbox.register(TemuanSource())
