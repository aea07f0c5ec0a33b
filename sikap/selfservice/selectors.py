"""Reads of the self-service module: who verifies, and the queue of requests awaiting a user."""

from datetime import timedelta

from django.utils import timezone

from sikap.accounts import access
from sikap.selfservice.models import Status, UsulanPerubahan


def antrian_for(user):
    """Requests waiting for `user`'s decision, oldest submission first: an admin OPD's at the
    OPD step for the OPDs they manage, BKD staff's at the BKD step. Never one's own."""
    queryset = UsulanPerubahan.objects.none()
    if access.is_bkd_staff(user):
        queryset = UsulanPerubahan.objects.filter(state=Status.MENUNGGU_BKD)
    elif access.is_admin_opd(user):
        queryset = UsulanPerubahan.objects.filter(
            state=Status.MENUNGGU_OPD, pegawai__opd__in=user.opd_scope.all()
        )
    if user.pegawai_id:
        queryset = queryset.exclude(pegawai_id=user.pegawai_id)
    return queryset.exclude(dibuat_oleh=user).order_by("diajukan_pada", "id")


def filter_antrian(queryset, *, opd=None, jenis=None, umur_hari: int | None = None):
    if opd is not None:
        queryset = queryset.filter(pegawai__opd=opd)
    if jenis is not None:
        queryset = queryset.filter(jenis=jenis)
    if umur_hari:
        queryset = queryset.filter(diajukan_pada__lte=timezone.now() - timedelta(days=umur_hari))
    return queryset


def umur_hari(usulan: UsulanPerubahan) -> int | None:
    """Whole days since the request was (last) submitted."""
    if usulan.diajukan_pada is None:
        return None
    return (timezone.now() - usulan.diajukan_pada).days
