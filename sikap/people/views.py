"""Web pages of the personnel module (SIMAK): dashboard, list, profile, forms, exports, trail.

Every page starts from `Pegawai.objects.visible_to(user)`: a pegawai the user may not see is a
404, so that a page never confirms that a NIP exists. Writes go through `sikap.people.services`.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from sikap.accounts import access
from sikap.core import exports, home, trail
from sikap.core.errors import SikapError
from sikap.core.forms import show_error
from sikap.core.models import AuditEntry
from sikap.core.views import refuse
from sikap.documents import access_log
from sikap.people import charts, drh, stats
from sikap.people.exports import filtered, pegawai_tabel
from sikap.people.forms import RIWAYAT_FORMS, PegawaiForm, editable_opds
from sikap.people.models import Pegawai
from sikap.people.selectors import atasan_of
from sikap.people.services import create_pegawai, delete_riwayat, save_riwayat, update_pegawai
from sikap.people.validation import data_warnings
from sikap.reports.pdf import pdf_response, render_pdf

PER_PAGE = 50
TRAIL_PER_PAGE = 25


# --- dashboard and list ---------------------------------------------------------------------


def dashboard(request):
    """The home page: every module's cards for this user, work to do first (`core/home.py`)."""
    user = request.user
    cards = home.cards_for(user, timezone.localdate())
    context = {
        "todo": [c for c in cards if c.order < home.SUMMARY],
        "summary": [c for c in cards if c.order >= home.SUMMARY],
        "pegawai": Pegawai.objects.filter(pk=user.pegawai_id).only("nama", "gelar_depan",
                                                                  "gelar_belakang").first()
        if user.pegawai_id
        else None,
    }  # fmt: skip
    return render(request, "core/home.html", context)


def statistik(request):
    """The workforce in charts, for those who read OPD-wide figures."""
    user = request.user
    if not access.manages_opd_data(user):
        return refuse(request, "Statistik kepegawaian untuk admin, BKD dan pimpinan.")
    # The same population as `sikap stats` and the LKj: ASN in active service.
    population = stats.active_asn() & Pegawai.objects.visible_to(user)
    data = charts.workforce(population, as_of=timezone.localdate())
    return render(request, "people/dashboard.html", {"data": data})


def pegawai_list(request):
    form, queryset = filtered(request.user, request.GET)
    page = Paginator(queryset.select_related("opd", "jabatan"), PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(request, "people/pegawai_list.html", {"form": form, "page": page})


def pegawai_export(request):
    """The list as filtered on screen, every page of it, as XLSX (a job when it is long)."""
    return exports.respond(request, pegawai_tabel)


# --- profile --------------------------------------------------------------------------------


def _drh_context(request, nip: str) -> dict:
    """The full DRH for whoever may read personal files (`access.may_read_personal_files`);
    a superior, pimpinan or perencana get the summary without identity numbers and family."""
    pegawai = access.get_pegawai_for_user(
        request.user, nip, queryset=drh.with_everything(Pegawai.objects)
    )
    full = access.may_read_personal_files(request.user, pegawai)
    identity = drh.identity(pegawai, as_of=timezone.localdate(), atasan=atasan_of(pegawai))
    return {
        "pegawai": pegawai,
        "full_drh": full,
        "identity": identity if full else drh.summary_identity(identity),
        "sections": drh.sections(pegawai, summary=not full),
    }


def pegawai_detail(request, nip):
    context = _drh_context(request, nip)
    pegawai = context["pegawai"]
    context["may_edit"] = access.may_edit_pegawai(request.user, pegawai)
    context["may_read_trail"] = access.may_read_trail(request.user, pegawai)
    context["warnings"] = data_warnings(pegawai) if context["may_edit"] else []
    return render(request, "people/pegawai_detail.html", context)


def pegawai_pdf(request, nip):
    context = _drh_context(request, nip)
    if not context["full_drh"]:
        raise PermissionDenied(access.PERSONAL_FILES_REFUSAL)
    access_log.record_read(request, context["pegawai"])
    context["dicetak"] = timezone.localtime()
    content = render_pdf("reports/drh.html", context, request=request)
    return pdf_response(content, f"DRH-{context['pegawai'].nip}.pdf")


def pegawai_history(request, nip):
    pegawai = access.get_pegawai_for_user(request.user, nip)
    if not access.may_read_trail(request.user, pegawai):
        return refuse(request, "Jejak perubahan hanya dapat dilihat oleh pengelola data.")
    entries = AuditEntry.objects.filter(pegawai_id=pegawai.pk).select_related("actor")
    page = Paginator(entries, TRAIL_PER_PAGE).get_page(request.GET.get("page"))
    rows = trail.readable(page.object_list)
    return render(
        request, "people/pegawai_history.html", {"pegawai": pegawai, "page": page, "rows": rows}
    )


# --- forms ----------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def pegawai_create(request):
    user = request.user
    if not access.may_edit_personnel(user):
        return refuse(request, "Anda tidak berhak menambah pegawai.")
    if request.method == "POST":
        form = PegawaiForm(request.POST, user=user)
        if form.is_valid():
            try:
                pegawai = create_pegawai(form.save(commit=False), actor=user)
            except SikapError as e:
                show_error(e, form)
            else:
                messages.success(request, f"Pegawai {pegawai.nama_lengkap} ditambahkan.")
                return redirect("people:pegawai_detail", nip=pegawai.nip)
    else:
        # ?opd= comes from the OPD selector reloading the unit list (htmx).
        opd = request.GET.get("opd") or _sole_opd(user)
        form = PegawaiForm(user=user, initial={"opd": opd})
    return render(request, "people/pegawai_form.html", {"form": form})


def _sole_opd(user):
    """The OPD when the user manages exactly one, to spare choosing it."""
    opds = list(editable_opds(user).values_list("pk", flat=True)[:2])
    return opds[0] if len(opds) == 1 else None


@require_http_methods(["GET", "POST"])
def pegawai_edit(request, nip):
    user = request.user
    pegawai = access.get_pegawai_for_user(user, nip, write=True)
    if request.method == "POST":
        form = PegawaiForm(request.POST, instance=pegawai, user=user)
        if form.is_valid():
            if not form.has_changed():
                messages.info(request, "Tidak ada perubahan.")
                return redirect("people:pegawai_detail", nip=pegawai.nip)
            try:
                pegawai = update_pegawai(pegawai, form.changes(), actor=user)
            except SikapError as e:
                show_error(e, form)
            else:
                messages.success(request, "Data pegawai disimpan.")
                return redirect("people:pegawai_detail", nip=pegawai.nip)
    else:
        initial = {"opd": request.GET["opd"]} if request.GET.get("opd") else None
        form = PegawaiForm(instance=pegawai, user=user, initial=initial)
    return render(request, "people/pegawai_form.html", {"form": form, "pegawai": pegawai})


def _riwayat_target(request, nip, kind, pk=None):
    """(pegawai, form class, history row or None) — or an HttpResponse refusing."""
    form_class = RIWAYAT_FORMS.get(kind)
    if form_class is None:
        raise Http404("Jenis riwayat tidak dikenal.")
    pegawai = access.get_pegawai_for_user(request.user, nip, write=True)
    row = get_object_or_404(form_class._meta.model, pk=pk, pegawai=pegawai) if pk else None
    return pegawai, form_class, row


def _back_to_profile(pegawai, kind):
    return redirect(f"{reverse('people:pegawai_detail', args=[pegawai.nip])}#riwayat-{kind}")


@require_http_methods(["GET", "POST"])
def riwayat_edit(request, nip, kind, pk=None):
    target = _riwayat_target(request, nip, kind, pk)
    if not isinstance(target, tuple):
        return target
    pegawai, form_class, row = target
    title = drh.TITLES[kind]
    data = request.POST if request.method == "POST" else None
    form = form_class(data, instance=row, pegawai=pegawai, user=request.user)
    if data is not None and form.is_valid():
        try:
            save_riwayat(form.save(commit=False), actor=request.user)
        except SikapError as e:
            show_error(e, form)
        else:
            messages.success(request, f"{title} disimpan.")
            return _back_to_profile(pegawai, kind)
    context = {"pegawai": pegawai, "form": form, "kind": kind, "title": title, "row": row}
    return render(request, "people/riwayat_form.html", context)


@require_http_methods(["GET", "POST"])
def riwayat_delete(request, nip, kind, pk):
    target = _riwayat_target(request, nip, kind, pk)
    if not isinstance(target, tuple):
        return target
    pegawai, _form_class, row = target
    title = drh.TITLES[kind]
    if request.method == "POST":
        try:
            delete_riwayat(row, actor=request.user)
        except SikapError as e:
            messages.error(request, e.message)
        else:
            messages.success(request, f"{title}: satu baris dihapus.")
        return _back_to_profile(pegawai, kind)
    context = {"pegawai": pegawai, "kind": kind, "title": title, "cells": drh.cells(kind, row)}
    return render(request, "people/riwayat_confirm_delete.html", context)
