"""The WSGI application `bench/competency.py` serves with gunicorn: SIKAP itself, plus, for the
benchmark only, a bare endpoint on the same API (same token auth and throttle, then one INSERT)
that the answer-save endpoint is measured against. Never deployed."""

import itertools

from django.utils import timezone
from ninja import Router, Schema

from sikap.wsgi import application  # noqa: F401 (what gunicorn serves; sets Django up)


class Bare(Schema):
    percobaan: int


def bare_router() -> Router:
    from sikap.competency.models import LogFokus

    router = Router()
    counter = itertools.count()

    @router.post("", response={201: dict})
    def bare(request, body: Bare):
        LogFokus.objects.create(
            percobaan_id=body.percobaan, jenis="kembali", waktu=timezone.now(),
            urutan_butir=next(counter) % 1000,
        )  # fmt: skip
        return 201, {"ok": True}

    return router


def _mount() -> None:
    from sikap.api.v1 import api

    api.add_router("/bench-kompetensi", bare_router())


_mount()
