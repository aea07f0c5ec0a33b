"""Navigation data of the self-service module for every page: unread notifications and whether
the user verifies change requests."""

from sikap.core.notifications import unread_count
from sikap.selfservice.selectors import may_verify


def selfservice(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    # A callable: the count query runs only when a template shows it.
    return {
        "notifikasi_baru": lambda: unread_count(user),
        "boleh_verifikasi_usulan": may_verify(user),
    }
