from django.apps import AppConfig


class CompetencyConfig(AppConfig):
    name = "sikap.competency"
    label = "competency"
    verbose_name = "Uji kompetensi (SIJI KOMANDO)"
