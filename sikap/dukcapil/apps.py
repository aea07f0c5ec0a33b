from django.apps import AppConfig


class DukcapilConfig(AppConfig):
    name = "sikap.dukcapil"
    verbose_name = "Data kependudukan (Dukcapil)"

    def ready(self) -> None:
        # A mapping file that does not fit the agreement stops SIKAP at start, with the file,
        # the key and what is wrong — not at the first pension file weeks later.
        from sikap.dukcapil.client import pemetaan_terpasang

        pemetaan_terpasang()
