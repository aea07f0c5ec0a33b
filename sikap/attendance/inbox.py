"""Leave requests waiting for the user's decision: their subordinates' at the atasan step,
every OPD's at the BKD step for admin BKD (`access.ketidakhadiran_to_decide`, the one definition
the decision itself checks). A fixed number of queries."""

from datetime import datetime

from django.urls import reverse
from django.utils import timezone

from sikap.accounts import access
from sikap.attendance.aktivitas import menunggu_untuk
from sikap.attendance.models import PengajuanKetidakhadiran
from sikap.core import inbox


class CutiSource:
    kind = "attendance.cuti"
    label = "Cuti dan izin"

    def pending(self, user, filters):
        found = PengajuanKetidakhadiran.objects.filter(access.ketidakhadiran_to_decide(user))
        return inbox.narrowed(found, filters, since="dibuat_pada")

    def count(self, user, filters) -> int:
        return self.pending(user, filters).count()

    def items(self, user, filters, limit):
        rows = (
            self.pending(user, filters)
            .select_related("pegawai__opd")
            .order_by("dibuat_pada", "pk")[:limit]
        )
        return [
            inbox.Item(
                kind=self.kind,
                key=str(c.pk),
                title=f"{c} ({c.hari_kerja} hari kerja)",
                url=c.get_absolute_url(),
                waiting_since=c.dibuat_pada,
                pegawai_nip=c.pegawai.nip,
                pegawai_nama=c.pegawai.nama,
                opd_nama=c.pegawai.opd.nama,
            )
            for c in rows
        ]


inbox.register(CutiSource())


class AktivitasSource:
    kind = "attendance.aktivitas"
    label = "Aktivitas harian"

    def pending(self, user, filters):
        return inbox.narrowed(menunggu_untuk(user), filters, since="tanggal")

    def count(self, user, filters) -> int:
        return self.pending(user, filters).count()

    def items(self, user, filters, limit):
        rows = self.pending(user, filters).select_related("pegawai__opd")
        return [
            inbox.Item(
                kind=self.kind,
                key=str(a.pk),
                title=f"Aktivitas {a}",
                url=reverse("attendance:aktivitas_persetujuan"),
                waiting_since=timezone.make_aware(datetime.combine(a.tanggal, a.selesai)),
                pegawai_nip=a.pegawai.nip,
                pegawai_nama=a.pegawai.nama,
                opd_nama=a.pegawai.opd.nama,
            )
            for a in rows.order_by("tanggal", "mulai", "pk")[:limit]
        ]


inbox.register(AktivitasSource())
