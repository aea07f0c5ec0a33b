"""The password policy's own rule (settings.AUTH_PASSWORD_VALIDATORS has the rest: length,
similarity, common passwords, digits only): a password must not carry who the user is."""

from django.core.exceptions import ValidationError


def _identities(user) -> list[str]:
    """The NIP or user name, the NIK and the birth date as people type them."""
    found = [user.username]
    pegawai = getattr(user, "pegawai", None)
    if pegawai is not None:
        found += [pegawai.nip, pegawai.nik]
        lahir = pegawai.tanggal_lahir
        found += [lahir.strftime("%Y%m%d"), lahir.strftime("%d%m%Y")] if lahir else []
    return ["".join(value.split()).lower() for value in found if value and len(value) >= 4]


class IdentityValidator:
    def validate(self, password, user=None):
        if user is None:
            return
        typed = "".join(password.split()).lower()
        if any(value in typed for value in _identities(user)):
            raise ValidationError(
                "Kata sandi tidak boleh memuat NIP, nama pengguna, NIK atau tanggal lahir Anda.",
                code="password_contains_identity",
            )

    def get_help_text(self):
        return "Kata sandi tidak boleh memuat NIP, nama pengguna, NIK atau tanggal lahir Anda."
