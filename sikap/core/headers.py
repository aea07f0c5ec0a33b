"""Response headers every page carries (docs/security.md): the Content-Security-Policy, the
Permissions-Policy (the browser's geolocation and camera only under the attendance pages), and
`Cache-Control: private, no-store` on whatever a logged-in user receives — pages, PDFs, exports,
documents — so that no shared cache or browser back-button keeps personal data.

Static files are answered by WhiteNoise further in, without a user, and keep its caching.
"""

from django.conf import settings

_NO_STORE = "private, no-store"


def _policy(features: dict[str, str]) -> str:
    return ", ".join(f"{name}={allow}" for name, allow in features.items())


# Features SIKAP never uses are off everywhere; attendance (`/presensi/`) takes the position and
# a photo in the browser of the pegawai checking in.
_DENIED = {
    "geolocation": "()",
    "camera": "()",
    "microphone": "()",
    "payment": "()",
    "usb": "()",
}
PERMISSIONS_POLICY = _policy(_DENIED)
PERMISSIONS_POLICY_PRESENSI = _policy({**_DENIED, "geolocation": "(self)", "camera": "(self)"})


def permissions_policy(path: str) -> str:
    return PERMISSIONS_POLICY_PRESENSI if path.startswith("/presensi/") else PERMISSIONS_POLICY


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", settings.SIKAP_CSP)
        response.headers.setdefault("Permissions-Policy", permissions_policy(request.path))
        user = getattr(request, "user", None)
        if user is None:
            return response  # a static file (WhiteNoise answered before the session was read)
        # Anonymous pages (log-in, the public verification of a letter) are not cached either,
        # unless a view chose its own caching (the favicon redirect).
        if user.is_authenticated or "Cache-Control" not in response.headers:
            response.headers["Cache-Control"] = _NO_STORE
        return response
