from django.apps import AppConfig


class PerformanceConfig(AppConfig):
    name = "sikap.performance"
    label = "performance"
    verbose_name = "SAKIP"
