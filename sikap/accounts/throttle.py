"""Log-in throttling: django-axes counts failures per user name and address; this handler adds
the limit per address across every user name, against password spraying (one guess tried on
many NIPs). It reads axes' own records, so every server behind a load balancer agrees."""

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_ip_address, get_cool_off
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from django.utils import timezone


def address_failures(ip_address: str) -> int:
    """Failures from `ip_address` within the cool-off, whatever the user name."""
    since = timezone.now() - get_cool_off()
    recent = AccessAttempt.objects.filter(ip_address=ip_address, attempt_time__gte=since)
    return recent.aggregate(n=Sum("failures_since_start"))["n"] or 0


def _address_locked(request) -> bool:
    ip_address = getattr(request, "axes_ip_address", None) or get_client_ip_address(request)
    limit = settings.SIKAP_LOGIN_ADDRESS_FAILURE_LIMIT
    return bool(ip_address) and address_failures(ip_address) >= limit


class Handler(AxesDatabaseHandler):
    def is_locked(self, request, credentials=None) -> bool:
        return super().is_locked(request, credentials) or _address_locked(request)

    def user_login_failed(self, sender, credentials, request=None, **kwargs):
        """A failure that reaches the address limit answers with the lockout page, as one that
        reaches the per-name limit does (axes flags the request; its middleware answers)."""
        super().user_login_failed(sender, credentials, request, **kwargs)
        if request is not None and not getattr(request, "axes_locked_out", False):
            if _address_locked(request):
                request.axes_locked_out = True
                request.axes_credentials = credentials
