"""The phone page `/presensi/`: the day's state, the distance to the nearest allowed place and
one big button. The browser's geolocation and the check-in call live in
`static/sikap/js/presensi.js` (no inline script); the check-in itself is the API's
`POST /api/v1/presensi` with the session, so the web and the phone share one path."""

from pathlib import Path

from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from sikap.accounts import access
from sikap.attendance import selectors
from sikap.attendance.models import PengaturanPresensi
from sikap.people.models import Pegawai

_WORKER = Path(__file__).with_name("sw.js")


def _pegawai(request) -> Pegawai:
    if not access.may_check_in(request.user):
        raise PermissionDenied(
            "Presensi hanya untuk akun yang terhubung dengan data pegawai; akun ini tidak."
        )
    return Pegawai.objects.select_related("opd").get(pk=request.user.pegawai_id)


@require_GET
@never_cache
def presensi(request):
    pegawai = _pegawai(request)
    setting = PengaturanPresensi.current()
    now = timezone.localtime().replace(tzinfo=None)
    day = selectors.hari_ini(pegawai, now, setting.jendela)
    return render(
        request,
        "attendance/presensi.html",
        {"pegawai": pegawai, "hari": day, "akurasi_maks_m": setting.akurasi_maks_m},
    )


@login_not_required
@require_GET
def service_worker(request):
    """Served from /presensi/ so that it may control the page (a worker's scope is its path);
    a static script, no data, so it needs no log-in."""
    response = HttpResponse(_WORKER.read_text(), content_type="application/javascript")
    response["Cache-Control"] = "no-cache"
    return response
