from django.apps import AppConfig


class PromotionConfig(AppConfig):
    name = "sikap.promotion"
    verbose_name = "Kenaikan pangkat (e-Pangkat)"
