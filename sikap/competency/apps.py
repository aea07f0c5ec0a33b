from django.apps import AppConfig


class CompetencyConfig(AppConfig):
    name = "sikap.competency"
    label = "competency"
    verbose_name = "Uji kompetensi (SIJI KOMANDO)"

    def ready(self) -> None:
        from sikap.competency import admin_standards, scoring  # noqa: F401 (registers)
        from sikap.competency.signals import percobaan_ditutup

        percobaan_ditutup.connect(scoring.on_closed, dispatch_uid="competency.scoring")
