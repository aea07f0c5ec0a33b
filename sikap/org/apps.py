from django.apps import AppConfig


class OrgConfig(AppConfig):
    name = "sikap.org"
    label = "org"
    verbose_name = "Organisasi"
