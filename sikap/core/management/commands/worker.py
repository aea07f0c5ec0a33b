"""`sikap worker`: the background-job worker and the scheduler (django-q2's cluster); Ctrl-C or
SIGTERM stops it after the running jobs finish. `--run-once` starts, works and stops."""

from django_q.management.commands.qcluster import Command as ClusterCommand


class Command(ClusterCommand):
    help = "Jalankan pekerja latar belakang dan penjadwal (antrean pekerjaan SIKAP)."
