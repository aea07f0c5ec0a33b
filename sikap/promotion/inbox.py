"""KP files in the one inbox: submitted files to verify (BKD staff), returned files to fix
(the admin OPD); never one's own nor, for BKD, one's own opening. Two queries per call."""

from dataclasses import dataclass

from sikap.accounts import access
from sikap.core import inbox
from sikap.promotion.models import UsulanKp

S = UsulanKp.Status


@dataclass(frozen=True)
class _KpSource:
    kind: str
    label: str
    verb: str
    state: str
    may: object  # the user predicate that opens this queue

    def pending(self, user, filters: inbox.Filters):
        if not self.may(user):
            return UsulanKp.objects.none()
        qs = UsulanKp.objects.visible_to(user).filter(state=self.state)
        if user.pegawai_id:
            qs = qs.exclude(pegawai_id=user.pegawai_id)
        if self.state == S.DIAJUKAN:
            qs = qs.exclude(dibuat_oleh=user)
        else:
            qs = qs.filter(opd__in=user.opd_scope.all())
        return inbox.narrowed(qs, filters, since="diajukan", opd="opd_id")

    def count(self, user, filters: inbox.Filters) -> int:
        return self.pending(user, filters).count()

    def items(self, user, filters: inbox.Filters, limit: int):
        rows = self.pending(user, filters).select_related("pegawai", "opd", "periode")
        return [
            inbox.Item(
                kind=self.kind,
                key=str(u.pk),
                title=f"{self.verb} usul KP {u.golongan_asal}→{u.golongan_tujuan} "
                f"(periode {u.periode.tanggal:%d-%m-%Y})",
                url=u.get_absolute_url(),
                waiting_since=u.diajukan or u.dibuat,
                pegawai_nip=u.pegawai.nip,
                pegawai_nama=u.pegawai.nama,
                opd_nama=u.opd.nama,
            )
            for u in rows.order_by("diajukan", "pk")[:limit]
        ]


inbox.register(
    _KpSource("promotion.verifikasi", "Berkas KP untuk diverifikasi", "Verifikasi",
              S.DIAJUKAN, access.is_bkd_staff)
)  # fmt: skip
inbox.register(
    _KpSource("promotion.btl", "Berkas KP dikembalikan (BTL)", "Perbaiki", S.DIKEMBALIKAN,
              access.is_admin_opd)
)  # fmt: skip
