from django.conf import settings


def sikap(request):
    return {"instansi": settings.SIKAP_INSTANSI, "nama_bkd": settings.SIKAP_NAMA_BKD}


def kotak_masuk(request):
    """The number of waiting items in the user's inbox, for the menu. A callable: it is counted
    only where a template shows it (each source costs at most one query)."""
    from sikap.core import inbox

    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"kotak_masuk_baru": lambda: inbox.total(user)}
