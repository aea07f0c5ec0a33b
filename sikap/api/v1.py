"""/api/v1/: the phone API. Thin endpoints over the services and selectors the web uses."""

from ninja import NinjaAPI

from sikap.api import (
    akun,
    errors,
    hasil_kompetensi,
    kenaikan_pangkat,
    kompetensi,
    pensiun,
    presensi,
    saya,
)
from sikap.api.auth import auth, throttle

api = NinjaAPI(
    title="SIKAP API",
    version="1",
    description="API untuk aplikasi ponsel SIKAP. Lihat docs/api.md.",
    auth=auth(),
    throttle=throttle(),
    urls_namespace="api-v1",
)
errors.install(api)
api.add_router("/auth", akun.router)
api.add_router("/me", saya.router)
api.add_router("/me/pension", pensiun.router)
api.add_router("/me/kenaikan-pangkat", kenaikan_pangkat.router)
api.add_router("/presensi", presensi.router)
api.add_router("/kompetensi", kompetensi.router)
api.add_router("/hasil-kompetensi", hasil_kompetensi.router)
