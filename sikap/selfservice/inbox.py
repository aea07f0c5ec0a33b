"""Change requests waiting for the user's decision, in the one inbox (`sikap.core.inbox`)."""

from django.urls import reverse_lazy

from sikap.core import inbox
from sikap.selfservice.selectors import antrian_for


class UsulanSource:
    kind = "selfservice.usulan"
    label = "Usulan perubahan data"
    batch_url = reverse_lazy("selfservice:antrian")

    def pending(self, user, filters: inbox.Filters):
        return inbox.narrowed(antrian_for(user), filters, since="diajukan_pada")

    def count(self, user, filters):
        return self.pending(user, filters).count()

    def items(self, user, filters, limit):
        rows = self.pending(user, filters).select_related("pegawai__opd", "jenis")[:limit]
        return [
            inbox.Item(
                kind=self.kind,
                key=str(u.pk),
                title=f"{u.jenis.nama} · {u.get_state_display()}",
                url=u.get_absolute_url(),
                waiting_since=u.diajukan_pada or u.dibuat,
                pegawai_nip=u.pegawai.nip,
                pegawai_nama=u.pegawai.nama_lengkap,
                opd_nama=u.pegawai.opd.nama,
            )
            for u in rows
        ]


inbox.register(UsulanSource())
