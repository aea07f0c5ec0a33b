"""The WSGI application `bench/attendance_load.py` serves with gunicorn: SIKAP itself on a
working morning's clock (the server decides with its own clock, so the load runs at 07.41 WIB
of the bench's Tuesday), plus, for the benchmark only, the bare insert endpoint of
`bench/attendance.py` on the same API. Never deployed."""

from django.utils import timezone

from sikap.wsgi import application  # noqa: F401 (what gunicorn serves; sets Django up)


def _mount() -> None:
    from bench.attendance import NOW, bare_router
    from sikap.api.v1 import api

    timezone.now = lambda: NOW
    api.add_router("/bench", bare_router())


_mount()
