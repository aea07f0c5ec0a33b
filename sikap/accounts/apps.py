from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "sikap.accounts"
    label = "accounts"
    verbose_name = "Akun"
