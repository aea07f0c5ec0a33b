from django.apps import AppConfig
from django.db.models.signals import post_migrate


class CoreConfig(AppConfig):
    name = "sikap.core"
    label = "core"
    verbose_name = "Inti"

    def ready(self):
        from sikap.core import home, inbox
        from sikap.core.schedules import ensure_schedules

        post_migrate.connect(ensure_schedules, sender=self)
        # Each module's cards.py and inbox.py register what it adds to the home page and inbox.
        home.discover()
        inbox.discover()
