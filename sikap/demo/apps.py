from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo data of every module and `sikap demo`; no models."""

    name = "sikap.demo"
    label = "demo"
    verbose_name = "Data demo"
