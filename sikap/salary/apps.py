from django.apps import AppConfig


class SalaryConfig(AppConfig):
    name = "sikap.salary"
    verbose_name = "Gaji dan KGB"
