from django.apps import AppConfig
from django.db.models.signals import post_migrate


class CoreConfig(AppConfig):
    name = "sikap.core"
    label = "core"
    verbose_name = "Inti"

    def ready(self):
        from sikap.core.schedules import ensure_schedules

        post_migrate.connect(ensure_schedules, sender=self)
