"""The periodic jobs SIKAP ships with. They are rows of django-q2's `Schedule`, which admin BKD
sees and changes at /kelola/ (time, interval; repeats 0 pauses one). `ensure_schedules` runs after
every migrate and only adds the ones that are missing, so an admin's changes stay."""

from django.db import connections
from django.utils import timezone
from django_q.models import Schedule

from sikap.attendance import day_close, disiplin, konteks
from sikap.competency import jobs as competency_jobs
from sikap.core import housekeeping, operations
from sikap.core.jobs import path_of
from sikap.documents import ringkasan
from sikap.lkj import jobs as lkj_jobs
from sikap.pension import jobs as pension_jobs
from sikap.salary import jobs as salary_jobs

# (name shown at /kelola/, job, django-q2 schedule type)
SCHEDULES = [
    ("Pembersihan harian", housekeeping.clean_up, Schedule.DAILY),
    ("Pembersihan proses latar", operations.clean_up_operations, Schedule.DAILY),
    ("Draf dan pencatatan KGB harian", salary_jobs.daily, Schedule.DAILY),
    ("Tutup hari presensi (kemarin)", day_close.close_yesterday, Schedule.DAILY),
    (
        "Siapkan konteks presensi (hari ini dan besok)",
        konteks.siapkan_konteks_harian,
        Schedule.DAILY,
    ),
    (
        "Usulan disiplin PP 94/2021 (sampai akhir bulan lalu)",
        disiplin.usulan_bulanan,
        Schedule.MONTHLY,
    ),
    ("Berkas pensiun BUP dan kedudukan pensiun harian", pension_jobs.daily, Schedule.DAILY),
    ("Temuan LKj yang menunggu konfirmasi", lkj_jobs.refresh_waiting_findings, Schedule.DAILY),
    ("Ringkasan kelengkapan dokumen (bangun ulang)", ringkasan.bangun_ulang, Schedule.DAILY),
    # Every minute: an attempt left open when its time ran out is closed (and scored) soon.
    ("Tutup percobaan ujian yang habis waktunya", competency_jobs.close_expired, Schedule.MINUTES),
]


def ensure_schedules(using: str = "default", **_) -> None:
    if Schedule._meta.db_table not in connections[using].introspection.table_names():
        return  # migrate stopped before django_q's tables; the next migrate adds them
    for name, func, schedule_type in SCHEDULES:
        Schedule.objects.using(using).get_or_create(
            name=name,
            defaults={
                "func": path_of(func),
                "schedule_type": schedule_type,
                "repeats": -1,
                # The first run is right away, so a new install sees a result in the admin.
                "next_run": timezone.now(),
            },
        )
