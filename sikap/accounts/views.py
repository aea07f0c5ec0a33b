"""The account's own pages: log-in, password change, forgotten password (e-mail link or a
one-time code from the admin OPD), the second factor, the devices linked to the API."""

from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import password_validation, update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import PasswordChangeForm, SetPasswordForm
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import override
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp import match_token

from sikap.accounts import access, second_factor, services
from sikap.accounts.forms import KodeMasukForm, LoginForm, TokenForm
from sikap.accounts.models import Token, User
from sikap.accounts.tokens import revoke_token
from sikap.core import kinds
from sikap.core.errors import SikapError
from sikap.core.forms import show_error


class MasukView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def form_valid(self, form):
        response = super().form_valid(form)
        services.use_one_time_code(form.get_user())
        return response


def indonesian(view):
    """Django's own texts on these pages (field labels, the password rules and their errors)
    in Indonesian, whatever language the browser asks for: every other word here is."""

    @wraps(view)
    def wrapper(*args, **kwargs):
        with override("id"):
            response = view(*args, **kwargs)
            if hasattr(response, "render"):
                response.render()
            return response

    return wrapper


def _next(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    allowed = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if allowed else settings.LOGIN_REDIRECT_URL


_LABELS = {
    "old_password": "Kata sandi lama",
    "new_password1": "Kata sandi baru",
    "new_password2": "Ulangi kata sandi baru",
}


def _labelled(form):
    for name, field in form.fields.items():
        field.label = _LABELS.get(name, field.label)
    return form


@indonesian
def kata_sandi(request):
    """Everyone changes their own password here; after an admin set it or a one-time code
    opened the account, this is the first page (accounts/gate.py) and the old one is not
    asked again."""
    user = request.user
    if not access.may_change_own_password(user):
        raise PermissionDenied("Akun ini tidak dapat mengganti kata sandi.")
    forced = user.wajib_ganti_sandi
    form_class = SetPasswordForm if forced else PasswordChangeForm
    form = _labelled(form_class(user, request.POST or None))
    if request.method == "POST" and form.is_valid():
        try:
            services.change_own_password(user, form.cleaned_data["new_password1"])
        except SikapError as error:
            show_error(error, form)
        else:
            update_session_auth_hash(request, user)
            messages.success(request, "Kata sandi Anda sudah diganti.")
            return redirect(_next(request))
    context = {
        "form": form,
        "forced": forced,
        "next": _next(request),
        "rules": password_validation.password_validators_help_texts(),
    }
    return render(request, "accounts/kata_sandi.html", context)


def kode_masuk(request):
    """The admin OPD gives a pegawai of their OPD a one-time code for a forgotten password.
    Whatever makes a NIP ineligible gets the same answer, so the page reveals no NIP."""
    if not access.is_admin_opd(request.user):
        raise PermissionDenied("Kode masuk sekali pakai diberikan oleh admin OPD.")
    form = KodeMasukForm(request.POST or None)
    issued = None
    if request.method == "POST" and form.is_valid():
        nip = form.cleaned_data["nip"]
        target = User.objects.select_related("pegawai").filter(pegawai__nip=nip).first()
        if request.user.pegawai_id and request.user.pegawai.nip == nip:
            form.add_error(
                "nip",
                "Kode tidak diberikan untuk akun Anda sendiri; ganti kata sandi "
                "Anda di halaman Kata sandi.",
            )
        elif target is None or not access.may_issue_reset_code(request.user, target):
            form.add_error("nip", "Tidak ada akun pegawai dengan NIP ini di OPD yang Anda kelola.")
        else:
            code = services.issue_one_time_code(target, actor=request.user)
            target.refresh_from_db()
            issued = {"user": target, "code": code, "until": target.kode_berlaku_sampai}
            form = KodeMasukForm()
    return render(request, "accounts/kode_masuk.html", {"form": form, "issued": issued})


@method_decorator(indonesian, name="dispatch")
class LupaSandiView(auth_views.PasswordResetView):
    template_name = "accounts/lupa_sandi.html"
    email_template_name = "accounts/email_atur_ulang.txt"
    subject_template_name = "accounts/email_atur_ulang_subjek.txt"
    success_url = reverse_lazy("accounts:lupa_sandi_terkirim")
    extra_email_context = {"instansi": settings.SIKAP_NAMA_BKD}

    def form_valid(self, form):
        """At most SIKAP_PASSWORD_RESET_MAILS_PER_HOUR links per address: the form cannot be
        used to flood someone's mailbox. Beyond it the answer is the same page, with no mail,
        so the page still reveals nothing about which addresses exist."""
        key = "sikap:lupa-sandi:" + form.cleaned_data["email"].strip().lower()
        sent = cache.get_or_set(key, 0, timeout=3600)
        if sent >= settings.SIKAP_PASSWORD_RESET_MAILS_PER_HOUR:
            return HttpResponseRedirect(self.get_success_url())
        cache.incr(key)
        return super().form_valid(form)


@method_decorator(indonesian, name="dispatch")
class AturUlangView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/atur_ulang.html"
    success_url = reverse_lazy("accounts:atur_ulang_selesai")

    def get_form(self, form_class=None):
        return _labelled(super().get_form(form_class))

    def form_valid(self, form):
        # Through the service: the policy, the end of a forced change, the audit row.
        services.change_own_password(
            form.user, form.cleaned_data["new_password1"], kind=kinds.PASSWORD_RESET
        )
        del self.request.session[auth_views.INTERNAL_RESET_SESSION_TOKEN]
        return HttpResponseRedirect(self.get_success_url())


def dua_langkah(request):
    """Enrol (QR code, first code, recovery codes shown once) or switch off the second factor."""
    user = request.user
    if not access.is_admin_role(user):
        raise PermissionDenied("Verifikasi dua langkah tersedia untuk admin BKD dan admin OPD.")
    form = TokenForm(request.POST or None)
    if second_factor.enrolled(user):
        if request.method == "POST" and form.is_valid():
            if match_token(user, form.cleaned_data["token"]) is None:
                form.add_error("token", "Kode salah atau sudah dipakai.")
            else:
                try:
                    second_factor.remove(user, actor=user)
                except SikapError as error:
                    show_error(error, form)
                else:
                    messages.success(request, "Verifikasi dua langkah dinonaktifkan.")
                    return redirect("accounts:dua_langkah")
        context = {"form": form, "required": second_factor.required(user)}
        return render(request, "accounts/dua_langkah_aktif.html", context)
    device = second_factor.pending_device(user)
    if request.method == "POST" and form.is_valid():
        codes = second_factor.confirm(user, device, form.cleaned_data["token"])
        if codes is not None:
            otp_login(request, device)
            context = {"codes": codes, "next": _next(request)}
            return render(request, "accounts/dua_langkah_kode_pemulihan.html", context)
        form.add_error("token", "Kode salah. Periksa bahwa jam ponsel tepat, lalu coba lagi.")
    context = {
        "form": form,
        "qr": second_factor.qr_svg(device),
        "secret": second_factor.secret_for_typing(device),
        "next": _next(request),
    }
    return render(request, "accounts/dua_langkah.html", context)


def dua_langkah_verifikasi(request):
    """The second step of a log-in: a code from the app or one recovery code."""
    if not second_factor.enrolled(request.user) or request.user.is_verified():
        return redirect(_next(request))
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(request.user, form.cleaned_data["token"])
        if device is not None:
            otp_login(request, device)
            return redirect(_next(request))
        form.add_error(
            "token", "Kode salah atau sudah dipakai. Tunggu kode berikutnya di aplikasi."
        )
    return render(
        request, "accounts/dua_langkah_verifikasi.html", {"form": form, "next": _next(request)}
    )


def perangkat(request):
    tokens = Token.objects.filter(user=request.user)
    return render(request, "accounts/perangkat.html", {"tokens": tokens, "now": timezone.now()})


@require_POST
def perangkat_cabut(request, pk):
    token = get_object_or_404(Token, pk=pk, user=request.user)
    revoke_token(token, actor=request.user)
    messages.success(request, f"Perangkat {token.perangkat} tidak lagi tertaut.")
    return redirect("accounts:perangkat")
