from django.apps import AppConfig


class SelfServiceConfig(AppConfig):
    name = "sikap.selfservice"
    label = "selfservice"
    verbose_name = "Usulan Perubahan Data (SIMAK)"
