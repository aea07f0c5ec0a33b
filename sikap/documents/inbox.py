"""Uploaded documents waiting for BKD's verification, in the one inbox (`sikap.core.inbox`)."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from sikap.core import inbox
from sikap.documents.selectors import verification_queue


class DokumenSource:
    kind = "documents.dokumen"
    label = "Dokumen untuk diverifikasi"

    def _queryset(self, user, filters: inbox.Filters):
        queryset = verification_queue(user)
        if filters.opd_id is not None:
            queryset = queryset.filter(pegawai__opd_id=filters.opd_id)
        if filters.older_than_days:
            since = timezone.now() - timedelta(days=filters.older_than_days)
            queryset = queryset.filter(uploaded_at__lte=since)
        return queryset

    def count(self, user, filters):
        return self._queryset(user, filters).count()

    def items(self, user, filters, limit):
        rows = self._queryset(user, filters).select_related("pegawai__opd", "jenis")[:limit]
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
