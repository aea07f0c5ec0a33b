"""KGB letters in the one inbox: drafts to verify (BKD staff) and verified letters to sign
(the configured signers), never one's own. Oldest first: ordered by how long a letter has
waited in its queue, not by its TMT. One query per call."""

from dataclasses import dataclass

from django.db.models import F
from django.db.models.functions import Coalesce

from sikap.accounts import access
from sikap.core import inbox
from sikap.salary.models import Kgb
from sikap.workflow import last_step_at


@dataclass(frozen=True)
class _KgbSource:
    kind: str
    label: str
    verb: str
    state: str
    may: object  # the user predicate that opens this queue

    def pending(self, user, filters: inbox.Filters):
        # In the queue since its last step (verified, redrafted), or since it was drafted.
        waiting = Kgb.objects.annotate(menunggu_sejak=Coalesce(last_step_at(Kgb), F("dibuat")))
        if not self.may(user):
            return waiting.none()
        qs = waiting.visible_to(user).filter(state=self.state)
        if user.pegawai_id:
            qs = qs.exclude(pegawai_id=user.pegawai_id)
        if self.state == Kgb.Status.DIVERIFIKASI:
            qs = qs.exclude(diverifikasi_oleh=user)
        return inbox.narrowed(qs, filters, since="menunggu_sejak")

    def count(self, user, filters: inbox.Filters) -> int:
        return self.pending(user, filters).count()

    def items(self, user, filters: inbox.Filters, limit: int):
        rows = (
            self.pending(user, filters)
            .select_related("pegawai__opd")
            .order_by("menunggu_sejak", "pk")
        )
        return [
            inbox.Item(
                kind=self.kind,
                key=str(k.pk),
                title=f"{self.verb} KGB TMT {k.tmt:%d-%m-%Y}",
                url=k.get_absolute_url(),
                waiting_since=k.menunggu_sejak,
                pegawai_nip=k.pegawai.nip,
                pegawai_nama=k.pegawai.nama,
                opd_nama=k.pegawai.opd.nama if k.pegawai.opd_id else "",
            )
            for k in rows[:limit]
        ]


inbox.register(
    _KgbSource(
        "salary.verifikasi",
        "KGB untuk diverifikasi",
        "Verifikasi",
        Kgb.Status.DRAF,
        access.is_bkd_staff,
    )  # fmt: skip
)
inbox.register(
    _KgbSource(
        "salary.tandatangan", "KGB untuk ditandatangani", "Tandatangani",
        Kgb.Status.DIVERIFIKASI,
        access.is_kgb_signer,
    )
)  # fmt: skip
