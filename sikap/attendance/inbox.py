"""Attendance cases waiting for the user's decision: leave requests (their subordinates' at the
atasan step, every OPD's at the BKD step for admin BKD: `access.ketidakhadiran_to_decide`, the
one definition the decision itself checks), activities, discipline proposals, temporary places,
and new check-in phones for admin BKD. A fixed number of queries."""

from datetime import datetime
from urllib.parse import urlencode

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from sikap.accounts import access
from sikap.attendance.aktivitas import menunggu_untuk
from sikap.attendance.models import (
    PengajuanKetidakhadiran,
    PengajuanLokasi,
    PerangkatPresensi,
    UsulanDisiplin,
)
from sikap.core import inbox


def _case_items(kind, found, limit, title):
    """Inbox items for attendance cases waiting since they were made, the oldest first."""
    rows = found.select_related("pegawai__opd").order_by("dibuat_pada", "pk")[:limit]
    return [
        inbox.Item(
            kind=kind,
            key=str(c.pk),
            title=title(c),
            url=c.get_absolute_url(),
            waiting_since=c.dibuat_pada,
            pegawai_nip=c.pegawai.nip,
            pegawai_nama=c.pegawai.nama,
            opd_nama=c.pegawai.opd.nama,
        )
        for c in rows
    ]


class CutiSource:
    kind = "attendance.cuti"
    label = "Cuti dan izin"

    def pending(self, user, filters):
        found = PengajuanKetidakhadiran.objects.filter(access.ketidakhadiran_to_decide(user))
        return inbox.narrowed(found, filters, since="dibuat_pada")

    def count(self, user, filters) -> int:
        return self.pending(user, filters).count()

    def items(self, user, filters, limit):
        return _case_items(
            self.kind,
            self.pending(user, filters),
            limit,
            lambda c: f"{c} ({c.hari_kerja} hari kerja)",
        )


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


class DisiplinSource:
    kind = "attendance.disiplin"
    label = "Usulan disiplin (PP 94/2021)"

    def pending(self, user, filters):
        waiting = UsulanDisiplin.objects.filter(state=UsulanDisiplin.Status.MENUNGGU)
        q = access.atasan_case_q(user) & Q(ke_bkd=False)
        if access.is_admin_bkd(user):
            q |= Q(ke_bkd=True)
        found = waiting.filter(q)
        if user.pegawai_id:
            found = found.exclude(pegawai_id=user.pegawai_id)
        return inbox.narrowed(found, filters, since="dibuat_pada")

    def count(self, user, filters) -> int:
        return self.pending(user, filters).count()

    def items(self, user, filters, limit):
        return _case_items(
            self.kind,
            self.pending(user, filters),
            limit,
            lambda u: f"{u.hukuman} ({u.kumulatif} hari tanpa keterangan)",
        )


inbox.register(DisiplinSource())


class LokasiSource:
    kind = "attendance.lokasi"
    label = "Lokasi sementara"

    def pending(self, user, filters):
        waiting = PengajuanLokasi.objects.filter(state=PengajuanLokasi.Status.DIAJUKAN)
        found = waiting.filter(access.atasan_case_q(user)).exclude(dibuat_oleh_id=user.pk)
        return inbox.narrowed(found, filters, since="dibuat_pada")

    def count(self, user, filters) -> int:
        return self.pending(user, filters).count()

    def items(self, user, filters, limit):
        return _case_items(
            self.kind, self.pending(user, filters), limit, lambda c: f"Lokasi sementara {c}"
        )


inbox.register(LokasiSource())


class PerangkatSource:
    """A pegawai's new phone waits for admin BKD (`access.may_approve_attendance_device`): until
    it is approved, every check-in from it is refused, so it belongs in the inbox, not only in
    /kelola/. The item opens the /kelola/ list of that pegawai's waiting phones."""

    kind = "attendance.perangkat"
    label = "Perangkat presensi baru"

    def pending(self, user, filters):
        if not access.may_configure_attendance(user):
            return PerangkatPresensi.objects.none()
        found = PerangkatPresensi.objects.filter(status=PerangkatPresensi.Status.MENUNGGU)
        if user.pegawai_id:
            found = found.exclude(pegawai_id=user.pegawai_id)
        return inbox.narrowed(found, filters, since="dibuat")

    def count(self, user, filters) -> int:
        return self.pending(user, filters).count()

    def items(self, user, filters, limit):
        rows = self.pending(user, filters).select_related("pegawai__opd").order_by("dibuat", "pk")
        changelist = reverse("admin:attendance_perangkatpresensi_changelist")
        return [
            inbox.Item(
                kind=self.kind,
                key=str(d.pk),
                title=f"Perangkat baru {d.pegawai.nama}",
                url=f"{changelist}?{urlencode({'status__exact': d.status, 'q': d.pegawai.nip})}",
                waiting_since=d.dibuat,
                pegawai_nip=d.pegawai.nip,
                pegawai_nama=d.pegawai.nama,
                opd_nama=d.pegawai.opd.nama,
            )
            for d in rows[:limit]
        ]


inbox.register(PerangkatSource())
