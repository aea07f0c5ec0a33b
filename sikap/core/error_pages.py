"""SIKAP's own 404 and 500 pages while DEBUG is on (`make run`, the README's settings).

With DEBUG on Django answers a missing page or a crash with its English technical page, which
shows settings, code and URL patterns. Only a superuser (the developer) still gets those; every
other user gets SIKAP's `404.html` / `500.html`, as in production. Production (DEBUG off) is
untouched: Django's own handlers render the same templates there. Why not DEBUG off in the
demo: docs/decisions.md ("SIKAP's error pages under make run").
"""

import logging

from django.conf import settings
from django.core.exceptions import BadRequest, PermissionDenied, SuspiciousOperation
from django.http import Http404
from django.shortcuts import render

logger = logging.getLogger("django.request")
# Django renders these itself (400/403 pages), DEBUG or not.
_HANDLED_BY_DJANGO = (PermissionDenied, BadRequest, SuspiciousOperation)


def _developer(request) -> bool:
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_superuser)


def _applies(request) -> bool:
    # The API answers with its own JSON errors.
    return settings.DEBUG and not _developer(request) and not request.path.startswith("/api/")


class ErrorPagesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        # A URL that matches no pattern never reaches a view (so not process_exception):
        # Django's technical 404 comes back here as a response.
        if response.status_code == 404 and request.resolver_match is None and _applies(request):
            return render(request, "404.html", status=404)
        return response

    def process_exception(self, request, exception):
        if not _applies(request) or isinstance(exception, _HANDLED_BY_DJANGO):
            return None
        if isinstance(exception, Http404):
            return render(request, "404.html", status=404)
        # Logged as Django logs an uncaught exception, then the page a user may see.
        logger.error(
            "Internal Server Error: %s",
            request.path,
            exc_info=exception,
            extra={"status_code": 500, "request": request},
        )
        return render(request, "500.html", status=500)
