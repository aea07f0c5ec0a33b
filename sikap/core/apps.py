from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "sikap.core"
    label = "core"
    verbose_name = "Inti"
