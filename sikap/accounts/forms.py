from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils import timezone


class LoginForm(AuthenticationForm):
    username = forms.CharField(
        label="NIP atau nama pengguna",
        max_length=150,
        widget=forms.TextInput(
            attrs={"autofocus": True, "autocomplete": "username", "inputmode": "text"}
        ),
    )

    error_messages = {
        "invalid_login": "NIP/nama pengguna atau kata sandi salah.",
        "inactive": "Akun ini tidak aktif. Hubungi admin BKD.",
    }

    def clean_username(self):
        # People type NIPs in the display form with spaces: 19660710 199203 1 007.
        return "".join(self.cleaned_data["username"].split())

    def confirm_login_allowed(self, user):
        super().confirm_login_allowed(user)
        # A one-time code opens the account once, before it expires (accounts/services.py).
        if user.kode_berlaku_sampai is not None and user.kode_berlaku_sampai <= timezone.now():
            raise forms.ValidationError(
                "Kode sekali pakai ini sudah dipakai atau kedaluwarsa. Minta kode baru kepada "
                "admin OPD Anda.",
                code="code_expired",
            )


class KodeMasukForm(forms.Form):
    nip = forms.CharField(label="NIP pegawai", max_length=30)

    def clean_nip(self):
        return "".join(self.cleaned_data["nip"].split())


class TokenForm(forms.Form):
    token = forms.CharField(
        label="Kode",
        max_length=16,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )

    def clean_token(self):
        return "".join(self.cleaned_data["token"].split())
