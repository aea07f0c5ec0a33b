from django.apps import AppConfig


class IpAsnConfig(AppConfig):
    name = "sikap.ipasn"
    label = "ipasn"
    verbose_name = "Indeks Profesionalitas ASN"
