"""The one refusal page: a view that refuses, and Django's 403 handler, render refused.html."""

from django.contrib.auth.decorators import login_not_required
from django.shortcuts import render

DEFAULT_REFUSAL = (
    "Peran Anda tidak mengizinkan tindakan ini. Jika Anda merasa ini keliru, hubungi admin BKD."
)


def refuse(request, message: str = DEFAULT_REFUSAL, *, status: int = 403):
    return render(request, "refused.html", {"message": message}, status=status)


@login_not_required
def permission_denied(request, exception=None):
    """`handler403`: a `PermissionDenied("…")` raised anywhere shows its message."""
    message = str(exception) if exception is not None and str(exception) else DEFAULT_REFUSAL
    return refuse(request, message)
