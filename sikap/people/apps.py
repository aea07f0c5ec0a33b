from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class PeopleConfig(AppConfig):
    name = "sikap.people"
    label = "people"
    verbose_name = "Kepegawaian (SIMAK)"

    def ready(self):
        from sikap.core.request_memo import forget
        from sikap.org.models import Jabatan, TugasTambahan, UnitKerja
        from sikap.people.models import Pegawai

        # The unit trees (`selectors.struktur`) kept for a request are built from these rows.
        for model in (UnitKerja, Jabatan, TugasTambahan, Pegawai):
            post_save.connect(forget, sender=model, dispatch_uid=f"memo-{model.__name__}-save")
            post_delete.connect(forget, sender=model, dispatch_uid=f"memo-{model.__name__}-del")
