from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "sikap.accounts"
    label = "accounts"
    verbose_name = "Akun"

    def ready(self):
        # Sets a shorter session for admin roles at log-in (a signal receiver).
        from sikap.accounts import sessions  # noqa: F401
