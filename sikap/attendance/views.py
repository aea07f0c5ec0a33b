"""The phone page `/presensi/`: the day's state, the distance to the nearest allowed place and
one big button. The browser's geolocation and the check-in call live in
`static/sikap/js/presensi.js` (no inline script); the check-in itself is the API's
`POST /api/v1/presensi` with the session, so the web and the phone share one path."""

from datetime import date
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from sikap.accounts import access
from sikap.attendance import aktivitas as aktivitas_service
from sikap.attendance import (
    bukti,
    disiplin,
    jadwal_shift_import,
    kecurangan,
    leave,
    lokasi,
    monitoring,
    rekap_pdf,
    selectors,
)
from sikap.attendance.flows import DISIPLIN_FLOW, FLOW, LOKASI_FLOW
from sikap.attendance.forms import (
    AktivitasForm,
    ImporJadwalShiftForm,
    PengajuanForm,
    PengajuanLokasiForm,
)
from sikap.attendance.models import (
    Aktivitas,
    JadwalShift,
    PengajuanKetidakhadiran,
    PengajuanLokasi,
    PengaturanPresensi,
    Presensi,
    Shift,
    UsulanDisiplin,
)
from sikap.core import inbox_views
from sikap.core.errors import SikapError
from sikap.core.forms import show_error
from sikap.org.models import Opd
from sikap.people.models import Pegawai
from sikap.reports.pdf import pdf_response
from sikap.reports.xlsx import xlsx_response
from sikap.rules import RuleError
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
    now = timezone.localtime().replace(tzinfo=None)
    day, ctx = selectors.hari_ini_pegawai(pegawai.pk, now)
    setting = ctx.konf.pengaturan
    return render(
        request,
        "attendance/presensi.html",
        {
            "pegawai": pegawai,
            "hari": day,
            "akurasi_maks_m": setting.akurasi_maks_m,
            "swafoto_maks_kb": setting.swafoto_maks_kb,
        },
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
    found = monitoring.pantau(
        people, today, swafoto_dari=people.filter(access.bukti_presensi_q(request.user))
    )
    return render(
        request,
        "attendance/pantau.html",
        {
            "hari": today,
            "pantauan": found,
            "peta": monitoring.peta(people, today),
            "tile_url": settings.SIKAP_PETA_TILE_URL,
            "tile_atribusi": settings.SIKAP_PETA_TILE_ATRIBUSI,
            "choices": choices,
            "picked": picked,
            "may_import_roster": access.may_import_jadwal_shift(request.user),
        },
    )


@require_GET
def swafoto(request, pk):
    """A check-in's selfie, for whoever may see that pegawai's evidence (a 404 to anyone
    else); each read recorded."""
    found = Presensi.objects.select_related("pegawai").filter(pk=pk).first()
    if found is None:
        raise Http404("Swafoto tidak ditemukan.")
    waktu = timezone.localtime(found.waktu)
    return bukti.kirim(
        request,
        found.swafoto,
        pegawai=found.pegawai,
        format_=found.swafoto_format,
        nama=f"swafoto-{found.pegawai.nip}-{waktu:%Y%m%d-%H%M}",
        keterangan=f"Swafoto presensi {found.jenis} {waktu:%d-%m-%Y %H.%M}",
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
    setting = PengaturanPresensi.current()
    rows = monitoring.rekap(people, year, month, setting.tarif)
    if request.GET.get("format") == "xlsx":
        name = f"rekap-presensi-{year}{month:02d}" + (f"-{picked.kode}" if picked else "")
        return xlsx_response(
            f"{name}.xlsx",
            monitoring.REKAP_HEADERS,
            (monitoring.rekap_cells(r) for r in rows),
            title=f"Rekap {month:02d}-{year}",
        )
    if request.GET.get("format") == "pdf":
        if picked is not None:
            cakupan = picked.nama
        elif people.count() == 1:
            cakupan = "Data Anda"
        else:
            cakupan = "Anda dan bawahan langsung Anda"
        content = rekap_pdf.render(rows, people, year, month, cakupan=cakupan, user=request.user)
        return pdf_response(
            content, rekap_pdf.nama_berkas(year, month, picked.kode if picked else None)
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


def _own_list(
    request, form_class, save, saved, template, *, refused, rows, limit, initial=None, extra=dict
):
    """A pegawai's own list (leave, temporary places, activities) with the form that adds one:
    only accounts tied to a pegawai; a refused save shows its message on the form; `saved` turns
    what was made into the success message and where to go next."""
    if not access.may_check_in(request.user):
        raise PermissionDenied(refused)
    form = form_class(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            made = save(**form.cleaned_data, actor=request.user)
        except SikapError as e:
            show_error(e, form)
        else:
            message, target = saved(made)
            messages.success(request, message)
            return redirect(target)
    mine = rows.filter(pegawai_id=request.user.pegawai_id)[:limit]
    return render(request, template, {"form": form, "rows": mine, **extra()})


def _visible_case(request, model, pk, related: tuple[str, ...], missing: str):
    """One case the user may see (`visible_to`), or 404."""
    found = model.objects.visible_to(request.user).select_related(*related).filter(pk=pk).first()
    if found is None:
        raise Http404(missing)
    return found


@require_http_methods(["GET", "POST"])
def cuti_list(request):
    """My leave requests and the form to ask for one."""
    return _own_list(
        request, PengajuanForm, leave.ajukan,
        lambda case: (f"{case} diajukan; menunggu keputusan atasan.", case),
        "attendance/cuti_list.html",
        refused="Cuti dan izin diajukan oleh pegawai untuk dirinya sendiri.",
        rows=PengajuanKetidakhadiran.objects, limit=50,
        extra=lambda: {"sisa": leave.sisa_cuti(
            Pegawai.objects.get(pk=request.user.pegawai_id), timezone.localdate().year
        )},
    )  # fmt: skip


def _pengajuan(request, pk) -> PengajuanKetidakhadiran:
    return _visible_case(request, PengajuanKetidakhadiran, pk, ("pegawai__opd", "dokumen"),
                         "Pengajuan tidak ditemukan.")  # fmt: skip


def _case_page(request, case, flow, template: str):
    """The page of one workflow case: its details, the steps the user may take, its timeline."""
    return render(
        request,
        template,
        {"case": case, "steps": flow.available(case, request.user), "timeline": case.timeline()},
    )


def _run_step(request, case, flow):
    """Take the step posted from a case page (optimistic `version`), then go back to the case
    or, when opened from the inbox, on to the next item."""
    name = request.POST.get("langkah", "")
    try:
        version = int(request.POST.get("version", ""))
    except ValueError:
        version = None
    try:
        flow.run(case, name, actor=request.user, reason=request.POST.get("alasan", ""),
                 expected_version=version)  # fmt: skip
    except SikapError as e:
        messages.error(request, e.message)
        return inbox_views.after_decision(request, case.get_absolute_url(), ok=False)
    # Named, because from the inbox the next page shown is the next case, not this one.
    messages.success(
        request, f"{case} — {case.pegawai.nama}: kini {flow.state_label(case.state).lower()}."
    )
    return inbox_views.after_decision(request, case.get_absolute_url())


@require_GET
def cuti_detail(request, pk):
    return _case_page(request, _pengajuan(request, pk), FLOW, "attendance/cuti_detail.html")


@require_POST
def cuti_langkah(request, pk):
    return _run_step(request, _pengajuan(request, pk), FLOW)


@require_http_methods(["GET", "POST"])
def aktivitas(request):
    """My daily activities and the form to record one."""
    return _own_list(
        request, AktivitasForm, aktivitas_service.catat,
        lambda _: ("Aktivitas dicatat; menunggu persetujuan atasan.", "attendance:aktivitas"),
        "attendance/aktivitas.html",
        refused="Aktivitas harian dicatat oleh pegawai untuk dirinya sendiri.",
        rows=Aktivitas.objects, limit=60, initial={"tanggal": timezone.localdate()},
    )  # fmt: skip


@require_GET
def aktivitas_bukti(request, pk):
    """An activity's evidence file, for the pegawai, their atasan (deciding it), the admin OPD
    and admin BKD (a 404 to anyone else); each read recorded. Kept after a return."""
    found = Aktivitas.objects.select_related("pegawai").filter(pk=pk).first()
    if found is None:
        raise Http404("Bukti aktivitas tidak ditemukan.")
    return bukti.kirim(
        request,
        found.bukti,
        pegawai=found.pegawai,
        format_=found.bukti_format,
        nama=f"bukti-aktivitas-{found.pegawai.nip}-{found.tanggal:%Y%m%d}-{found.pk}",
        keterangan=f"Bukti aktivitas {found.tanggal:%d-%m-%Y}: {found.uraian}"[:255],
    )


@require_http_methods(["GET", "POST"])
def aktivitas_persetujuan(request):
    """The atasan's list of subordinates' activities waiting, approved or returned in bulk."""
    if request.method == "POST":
        ids = [int(v) for v in request.POST.getlist("pilih") if v.isdigit()]
        setujui = request.POST.get("keputusan") == "setujui"
        try:
            n = aktivitas_service.putuskan(
                ids,
                setujui=setujui,
                catatan=request.POST.get("catatan", ""),
                actor=request.user,
            )
        except SikapError as e:
            messages.error(request, e.message)
        else:
            messages.success(
                request, f"{n} aktivitas {'disetujui' if setujui else 'dikembalikan'}."
            )
        return redirect("attendance:aktivitas_persetujuan")
    rows = aktivitas_service.menunggu_untuk(request.user).order_by("pegawai__nama", "tanggal")
    return render(request, "attendance/aktivitas_persetujuan.html", {"rows": rows[:300]})


@require_GET
def disiplin_list(request):
    """PP 94/2021 proposals the user may see (`visible_to`), waiting ones first; admin BKD may
    count now instead of waiting for the monthly job."""
    rows = (
        UsulanDisiplin.objects.visible_to(request.user)
        .select_related("pegawai__opd", "penindak")
        .order_by("-dibuat_pada", "-pk")
    )
    state = request.GET.get("status", UsulanDisiplin.Status.MENUNGGU)
    if state in UsulanDisiplin.Status.values:
        rows = rows.filter(state=state)
    return render(
        request,
        "attendance/disiplin_list.html",
        {
            "rows": rows[:200],
            "status": state,
            "statuses": UsulanDisiplin.Status.choices,
            "may_count": access.may_configure_attendance(request.user),
        },
    )


@require_POST
def disiplin_hitung(request):
    try:
        disiplin.hitung_sekarang(actor=request.user)
    except SikapError as e:
        raise PermissionDenied(e.message) from e
    messages.success(
        request,
        "Penghitungan usulan disiplin sampai kemarin sedang berjalan; muat ulang sebentar lagi.",
    )
    return redirect("attendance:disiplin_list")


def _usulan(request, pk) -> UsulanDisiplin:
    return _visible_case(request, UsulanDisiplin, pk, ("pegawai__opd", "penindak"),
                         "Usulan disiplin tidak ditemukan.")  # fmt: skip


@require_GET
def disiplin_detail(request, pk):
    return _case_page(
        request, _usulan(request, pk), DISIPLIN_FLOW, "attendance/disiplin_detail.html"
    )


@require_POST
def disiplin_langkah(request, pk):
    return _run_step(request, _usulan(request, pk), DISIPLIN_FLOW)


@require_GET
def kecurangan_view(request):
    """Anti-fraud leads of a month for the pegawai one monitors (page and XLSX)."""
    if not access.may_monitor_attendance(request.user):
        raise PermissionDenied("Laporan kecurangan presensi untuk atasan, admin OPD, dan BKD.")
    choices, picked, people = _scope(request)
    people = people.exclude(pk=request.user.pegawai_id)
    if picked is None and not people.exists():
        raise PermissionDenied(
            "Laporan kecurangan presensi untuk atasan, admin OPD, dan BKD; Anda tidak memiliki "
            "bawahan langsung."
        )
    year, month = _month(request)
    first, last = monitoring.bulan(year, month)
    found = kecurangan.laporan(people, first, last)
    if request.GET.get("format") == "xlsx":
        name = f"kecurangan-presensi-{year}{month:02d}" + (f"-{picked.kode}" if picked else "")
        return xlsx_response(
            f"{name}.xlsx",
            kecurangan.HEADERS,
            (kecurangan.cells(t) for t in found),
            title=f"Kecurangan {month:02d}-{year}",
        )
    counts = {label: 0 for label in kecurangan.JENIS.values()}
    for t in found:
        counts[t.jenis] += 1
    return render(
        request,
        "attendance/kecurangan.html",
        {
            "rows": found[:500],
            "total": len(found),
            "counts": counts.items(),
            "bulan": date(year, month, 1),
            "choices": choices,
            "picked": picked,
            "kmj": settings.SIKAP_PRESENSI_KECEPATAN_MAKS_KMJ,
        },
    )


@require_http_methods(["GET", "POST"])
def lokasi_list(request):
    """My temporary place requests and the form to propose one."""
    return _own_list(
        request, PengajuanLokasiForm, lokasi.ajukan,
        lambda case: (f"Lokasi {case} diajukan; menunggu keputusan atasan.", case),
        "attendance/lokasi_list.html",
        refused="Lokasi sementara diajukan oleh pegawai untuk dirinya sendiri.",
        rows=PengajuanLokasi.objects, limit=50,
    )  # fmt: skip


def _pengajuan_lokasi(request, pk) -> PengajuanLokasi:
    return _visible_case(request, PengajuanLokasi, pk, ("pegawai__opd",),
                         "Pengajuan lokasi tidak ditemukan.")  # fmt: skip


@require_GET
def lokasi_detail(request, pk):
    return _case_page(
        request, _pengajuan_lokasi(request, pk), LOKASI_FLOW, "attendance/lokasi_detail.html"
    )


@require_POST
def lokasi_langkah(request, pk):
    return _run_step(request, _pengajuan_lokasi(request, pk), LOKASI_FLOW)


def _roster_opds(request):
    if not access.may_import_jadwal_shift(request.user):
        raise PermissionDenied(jadwal_shift_import.NOT_ALLOWED)
    if access.is_admin_bkd(request.user):
        return Opd.objects.all()
    return request.user.opd_scope.all()


@require_http_methods(["GET", "POST"])
def jadwal_shift_impor(request):
    """Upload a month's shift roster (checked as a whole in a long operation), with the
    template and the shifts each OPD has."""
    opds = _roster_opds(request)
    bulan = timezone.localdate().replace(day=1)
    form = ImporJadwalShiftForm(request.POST or None, request.FILES or None,
                                initial={"bulan": f"{bulan:%Y-%m}"})  # fmt: skip
    if request.method == "POST" and form.is_valid():
        try:
            chosen = jadwal_shift_import.bulan_dari(form.cleaned_data["bulan"])
            operasi = jadwal_shift_import.start(form.cleaned_data["berkas"], chosen,
                                                user=request.user)  # fmt: skip
        except RuleError as e:
            form.add_error("bulan", str(e))
        except SikapError as e:
            form.add_error("berkas", e.message)
        else:
            return redirect("core:operasi", operasi.pk)
    shifts = Shift.objects.filter(opd__in=opds).select_related("opd").order_by("opd__nama", "masuk")
    return render(request, "attendance/jadwal_shift_impor.html", {"form": form, "shifts": shifts})


@require_GET
def jadwal_shift_templat(request):
    """The import's template for a month: the roster already recorded for the pegawai one
    manages (empty when there is none), to edit and upload again."""
    opds = _roster_opds(request)
    try:
        bulan = jadwal_shift_import.bulan_dari(request.GET.get("bulan", ""))
    except RuleError:
        bulan = timezone.localdate().replace(day=1)
    rows = (
        JadwalShift.objects.filter(
            pegawai__opd__in=opds, tanggal__year=bulan.year, tanggal__month=bulan.month
        )
        .exclude(pegawai_id=request.user.pegawai_id)
        .select_related("pegawai", "shift")
        .order_by("pegawai__nama", "pegawai__nip", "tanggal")
    )
    return xlsx_response(
        f"jadwal-shift-{bulan:%Y%m}.xlsx",
        jadwal_shift_import.HEADERS,
        ((j.pegawai.nip, j.pegawai.nama, j.tanggal, j.shift.nama) for j in rows.iterator()),
        title=f"Jadwal shift {bulan:%m-%Y}",
    )
