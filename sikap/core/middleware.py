from urllib.parse import urlencode

from django.shortcuts import redirect
from django.urls import reverse

# Paths open to anonymous visitors; everything else sends them to the log-in page. The API
# authenticates its own requests (tokens or session) and answers 401 in JSON.
PUBLIC_PREFIXES = ("/api/", "/masuk/", "/static/", "/verifikasi/", "/i18n/", "/favicon.ico")


class LoginRequiredMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.user.is_authenticated and not request.path.startswith(PUBLIC_PREFIXES):
            return redirect(f"{reverse('login')}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)
