"""The phone page `/presensi/`: the day's state, the distance to the nearest allowed place and
one big button. The browser's geolocation and the check-in call live in
`static/sikap/js/presensi.js` (no inline script); the check-in itself is the API's
`POST /api/v1/presensi` with the session, so the web and the phone share one path."""

from datetime import date
from pathlib import Path

from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from sikap.accounts import access
from sikap.attendance import monitoring, selectors
from sikap.attendance.models import PengaturanPresensi
from sikap.org.models import Opd
from sikap.people.models import Pegawai
from sikap.reports.xlsx import xlsx_response
from sikap.rules.status_hari import LABEL_STATUS, Status

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


def _opd_choices(request):
    """The OPDs the user may pick from, and the one picked (None: a superior's own people)."""
    if access.sees_all_opd(request.user):
        choices = list(Opd.objects.order_by("nama"))
    elif access.is_admin_opd(request.user):
        choices = list(request.user.opd_scope.order_by("nama"))
    else:
        return [], None
    wanted = request.GET.get("opd", "")
    picked = next((o for o in choices if str(o.pk) == wanted), choices[0] if choices else None)
    return choices, picked


def _scope(request):
    """Whom the page covers: the picked OPD, or a superior's subordinates; never oneself on
    the monitoring page."""
    choices, picked = _opd_choices(request)
    people = Pegawai.objects.visible_to(request.user)
    if picked is not None:
        people = people.filter(opd=picked)
    return choices, picked, people


@require_GET
def pantau(request):
    if not access.may_monitor_attendance(request.user):
        raise PermissionDenied("Pemantauan presensi untuk atasan, admin OPD, dan pimpinan.")
    choices, picked, people = _scope(request)
    people = people.exclude(pk=request.user.pegawai_id)
    if picked is None and not people.exists():
        raise PermissionDenied(
            "Pemantauan presensi untuk atasan, admin OPD, dan pimpinan; Anda tidak memiliki "
            "bawahan langsung."
        )
    today = timezone.localdate()
    found = monitoring.pantau(people, today)
    return render(
        request,
        "attendance/pantau.html",
        {"hari": today, "pantauan": found, "choices": choices, "picked": picked},
    )


def _month(request) -> tuple[int, int]:
    text = request.GET.get("bulan", "")
    try:
        year, month = (int(part) for part in text.split("-"))
        date(year, month, 1)
    except ValueError:
        today = timezone.localdate()
        return today.year, today.month
    return year, month


@require_GET
def rekap(request):
    choices, picked, people = _scope(request)
    year, month = _month(request)
    rows = monitoring.rekap(people, year, month, PengaturanPresensi.current().tarif)
    setting = PengaturanPresensi.current()
    if request.GET.get("format") == "xlsx":
        name = f"rekap-presensi-{year}{month:02d}" + (f"-{picked.kode}" if picked else "")
        return xlsx_response(
            f"{name}.xlsx",
            monitoring.REKAP_HEADERS,
            (monitoring.rekap_cells(r) for r in rows),
            title=f"Rekap {month:02d}-{year}",
        )
    return render(
        request,
        "attendance/rekap.html",
        {
            "rows": rows,
            "bulan": date(year, month, 1),
            "choices": choices,
            "picked": picked,
            "statuses": [(s.value, LABEL_STATUS[s]) for s in Status],
            "tarif_bawaan": setting.tarif_bawaan,
        },
    )
