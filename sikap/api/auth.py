"""Who is calling: a phone with its device token (Authorization: Bearer …) or the web's own
pages with the session cookie (CSRF checked for unsafe methods)."""

from django.conf import settings
from ninja.security import APIKeyCookie, HttpBearer
from ninja.throttling import AuthRateThrottle
from ninja.utils import check_csrf

from sikap.accounts.tokens import authenticate_token
from sikap.core.errors import tidak_berhak


class TokenPerangkat(HttpBearer):
    def authenticate(self, request, token):
        found = authenticate_token(token)
        if found is None:
            return None
        request.user = found.user
        return found


class SesiWeb(APIKeyCookie):
    """Django's session; only consulted (and CSRF-checked) when the session cookie is sent,
    so a phone with a bad token gets 401, not a CSRF refusal."""

    param_name = settings.SESSION_COOKIE_NAME

    def _get_key(self, request):
        key = request.COOKIES.get(self.param_name)
        if key and request.user.is_authenticated and check_csrf(request):
            raise tidak_berhak("Permintaan dari sesi web memerlukan token CSRF (X-CSRFToken).")
        return key

    def authenticate(self, request, key):
        return request.user if key and request.user.is_authenticated else None


class PerToken(AuthRateThrottle):
    """Per token for phones, per account for the web session; the rate is read from settings
    on each request (SIKAP_API_RATE)."""

    def __init__(self):
        super().__init__(rate=settings.SIKAP_API_RATE)

    def allow_request(self, request):
        self.num_requests, self.duration = self.parse_rate(settings.SIKAP_API_RATE)
        return super().allow_request(request)

    def get_cache_key(self, request):
        caller = request.auth
        ident = f"token-{caller.digest}" if hasattr(caller, "digest") else f"user-{caller.pk}"
        return self.cache_format % {"scope": self.scope, "ident": ident}


def auth():
    return [TokenPerangkat(), SesiWeb()]


def throttle():
    return [PerToken()]
