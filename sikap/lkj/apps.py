from django.apps import AppConfig


class LkjConfig(AppConfig):
    name = "sikap.lkj"
    verbose_name = "Laporan Kinerja (LKj)"
