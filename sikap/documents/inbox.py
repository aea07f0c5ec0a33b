"""Uploaded documents waiting for BKD's verification, in the one inbox (`sikap.core.inbox`)."""

from django.urls import reverse, reverse_lazy

from sikap.core import inbox
from sikap.documents.selectors import verification_queue


class DokumenSource:
    kind = "documents.dokumen"
    label = "Dokumen untuk diverifikasi"
    batch_url = reverse_lazy("documents:antrian_verifikasi")

    def pending(self, user, filters: inbox.Filters):
        return inbox.narrowed(verification_queue(user), filters, since="uploaded_at")

    def count(self, user, filters):
        return self.pending(user, filters).count()

    def items(self, user, filters, limit):
        rows = self.pending(user, filters).select_related("pegawai__opd", "jenis")[:limit]
        return [
            inbox.Item(
                kind=self.kind,
                key=str(d.pk),
                title=f"{d.jenis.nama} versi {d.versi}",
                url=reverse("documents:dokumen_detail", args=[d.pk]),
                waiting_since=d.uploaded_at,
                pegawai_nip=d.pegawai.nip,
                pegawai_nama=d.pegawai.nama_lengkap,
                opd_nama=d.pegawai.opd.nama,
            )
            for d in rows
        ]


inbox.register(DokumenSource())
