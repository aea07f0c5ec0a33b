from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class IpAsnConfig(AppConfig):
    name = "sikap.ipasn"
    label = "ipasn"
    verbose_name = "Indeks Profesionalitas ASN"

    def ready(self):
        from sikap.core.request_memo import forget
        from sikap.ipasn.models import Band, Category, Configuration, Dimension

        # The configuration in force is kept for a request (`engine.config_in_force`).
        for model in (Configuration, Dimension, Category, Band):
            post_save.connect(forget, sender=model, dispatch_uid=f"memo-{model.__name__}-save")
            post_delete.connect(forget, sender=model, dispatch_uid=f"memo-{model.__name__}-del")
