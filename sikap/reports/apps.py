from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "sikap.reports"
    label = "reports"
    verbose_name = "Laporan"
