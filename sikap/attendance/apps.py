from django.apps import AppConfig


class AttendanceConfig(AppConfig):
    name = "sikap.attendance"
    label = "attendance"
    verbose_name = "Presensi (SIPERLU)"

    def ready(self) -> None:
        from sikap.attendance import konteks

        konteks.connect()
