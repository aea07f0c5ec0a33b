"""`sikap worker`: the background-job worker and the scheduler (django-q2's cluster); Ctrl-C or
SIGTERM stops it after the running jobs finish. `--run-once` starts, works and stops."""

from django_q.management.commands.qcluster import Command as ClusterCommand
from django_q.scheduler import scheduler


class Command(ClusterCommand):
    help = "Jalankan pekerja latar belakang dan penjadwal (antrean pekerjaan SIKAP)."

    def handle(self, *args, **options):
        # The cluster's own scheduler first looks about 30 s after start: queue what fell due
        # while no worker ran (a restart, a deployment) at once. Several workers starting
        # together queue each schedule once (the scheduler locks the rows it takes).
        scheduler()
        super().handle(*args, **options)
