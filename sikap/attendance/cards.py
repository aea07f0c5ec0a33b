"""Home cards: today's attendance state for a pegawai, today's counts for whoever monitors
(heads for their subordinates, admin OPD for their OPD, BKD-wide readers for the region).
Each card answers with a fixed number of queries."""

from django.utils import timezone

from sikap.accounts import access
from sikap.attendance import monitoring, selectors
from sikap.core import home
from sikap.people.models import Pegawai


@home.card
def presensi_saya(user, today):
    if not access.may_check_in(user):
        return []
    now = timezone.localtime().replace(tzinfo=None)
    day, _ = selectors.hari_ini_pegawai(user.pegawai_id, now)
    return [
        home.Card(
            key="attendance.hari_ini",
            title="Presensi hari ini",
            template="attendance/cards/hari_ini.html",
            order=home.TODO if day["berikutnya"] else home.SUMMARY,
            context={"hari": day},
            empty=not day["berikutnya"],
        )
    ]


@home.card
def presensi_pantauan(user, today):
    if not access.may_monitor_attendance(user):
        return []
    people = Pegawai.objects.visible_to(user)
    if user.pegawai_id:
        people = people.exclude(pk=user.pegawai_id)
    if not access.manages_opd_data(user) and not people.exists():
        return []  # a pegawai who leads nobody
    found = monitoring.pantau(people, today)
    return [
        home.Card(
            key="attendance.pantauan",
            title="Kehadiran hari ini",
            template="attendance/cards/pantauan.html",
            order=home.SUMMARY,
            context={"summary": found.summary()},
        )
    ]
