"""What a logged-in user must do before anything else (after AuthenticationMiddleware and
django-otp's OTPMiddleware): prove the second factor if they enrolled one, choose their own
password if an admin set it or a one-time code opened the account, and enrol the second factor
if their role requires it. Every other page redirects there; the API answers 403."""

from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from sikap.accounts import access, second_factor


def pending_step(user) -> str | None:
    """The URL name of the step this user must take first, or None."""
    if not user.is_authenticated or user.is_system:
        return None
    # Only admin roles enrol, so nobody else pays the device lookup on every request.
    admin = access.is_admin_role(user)
    if admin and not user.is_verified() and second_factor.enrolled(user):
        return "accounts:dua_langkah_verifikasi"
    if user.wajib_ganti_sandi:
        return "accounts:kata_sandi"
    if admin and second_factor.required(user) and not second_factor.enrolled(user):
        return "accounts:dua_langkah"
    return None


_MESSAGES = {
    "accounts:dua_langkah_verifikasi": "Masukkan kode verifikasi dua langkah di SIKAP web.",
    "accounts:kata_sandi": "Ganti kata sandi awal Anda di SIKAP web terlebih dahulu.",
    "accounts:dua_langkah": "Aktifkan verifikasi dua langkah di SIKAP web terlebih dahulu.",
}


class AccountGateMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        step = pending_step(request.user)
        if step is None:
            return self.get_response(request)
        target = reverse(step)
        if request.path in (target, reverse("accounts:logout")):
            return self.get_response(request)
        if request.path.startswith("/api/"):
            from sikap.api.errors import galat

            return galat(403, _MESSAGES[step])
        query = urlencode({"next": request.get_full_path()}) if request.method == "GET" else ""
        return redirect(f"{target}?{query}" if query else target)
