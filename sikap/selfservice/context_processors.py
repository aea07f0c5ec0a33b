"""Navigation data of the self-service module for every page: unread notifications."""

from sikap.core.notifications import unread_count


def selfservice(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    # A callable: the count query runs only when a template shows it.
    return {"notifikasi_baru": lambda: unread_count(user)}
