from django.conf import settings


def sikap(request):
    return {"instansi": settings.SIKAP_INSTANSI, "nama_bkd": settings.SIKAP_NAMA_BKD}
