from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "sikap.people"
    label = "people"
    verbose_name = "Kepegawaian (SIMAK)"
