from django.apps import AppConfig


class PensionConfig(AppConfig):
    name = "sikap.pension"
    label = "pension"
    verbose_name = "Pensiun (SIMANTUN TANDUK)"
