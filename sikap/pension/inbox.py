"""Pension files in the one inbox: files to complete (the admin OPD), files to verify (BKD
staff), the DPCP to confirm (the pegawai); never one's own file for staff."""

from dataclasses import dataclass

from django.urls import reverse

from sikap.accounts import access
from sikap.core import inbox
from sikap.pension.models import BerkasPensiun, JenisPensiun

S = BerkasPensiun.Status


@dataclass(frozen=True)
class _Source:
    kind: str
    label: str
    verb: str
    states: tuple[str, ...]
    may: object  # the user predicate that opens this queue

    def pending(self, user, filters: inbox.Filters):
        if not self.may(user):
            return BerkasPensiun.objects.none()
        qs = BerkasPensiun.objects.visible_to(user).filter(state__in=self.states)
        if self.kind == "pension.dpcp":
            qs = qs.filter(pegawai_id=user.pegawai_id).exclude(jenis=JenisPensiun.JANDA_DUDA)
        elif user.pegawai_id:
            qs = qs.exclude(pegawai_id=user.pegawai_id)
        if self.kind == "pension.verifikasi":
            qs = qs.exclude(diajukan_oleh=user)
        return inbox.narrowed(qs, filters, since="dibuka")

    def count(self, user, filters: inbox.Filters) -> int:
        return self.pending(user, filters).count()

    def items(self, user, filters: inbox.Filters, limit: int):
        rows = (
            self.pending(user, filters).select_related("pegawai__opd").order_by("tmt_pensiun", "pk")
        )
        return [
            inbox.Item(
                kind=self.kind,
                key=str(b.pk),
                title=f"{self.verb} berkas pensiun TMT {b.tmt_pensiun:%d-%m-%Y}",
                url=b.get_absolute_url()
                if self.kind != "pension.dpcp"
                else reverse("pension:saya"),
                waiting_since=b.dibuka,
                pegawai_nip=b.pegawai.nip,
                pegawai_nama=b.pegawai.nama,
                opd_nama=b.pegawai.opd.nama if b.pegawai.opd_id else "",
            )
            for b in rows[:limit]
        ]


inbox.register(
    _Source("pension.lengkapi", "Berkas pensiun untuk dilengkapi", "Lengkapi",
            (S.DIBUKA, S.DPCP_DIKONFIRMASI, S.DIKEMBALIKAN), access.is_admin_opd)
)  # fmt: skip
inbox.register(
    _Source("pension.verifikasi", "Berkas pensiun untuk diverifikasi", "Verifikasi",
            (S.DIAJUKAN,), access.is_bkd_staff)
)  # fmt: skip
inbox.register(
    _Source("pension.dpcp", "DPCP untuk diperiksa", "Periksa DPCP",
            (S.DIBUKA,), lambda u: u.is_authenticated and u.pegawai_id is not None)
)  # fmt: skip
