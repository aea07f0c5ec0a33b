from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "sikap.documents"
    label = "documents"
    verbose_name = "Arsip Digital"

    def ready(self) -> None:
        from sikap.documents import ringkasan

        ringkasan.connect()
