"""Pages of the self-service module: the pegawai's own requests, the verifiers' queue, and the
in-app notifications. Thin: every write is a call to `sikap.selfservice.services`.

A request the user may not see is a 404 (`UsulanPerubahan.objects.visible_to`), as for pegawai.
"""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import prefetch_related_objects
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST

from sikap.accounts import access
from sikap.core import inbox_views
from sikap.core.errors import SikapError
from sikap.core.forms import show_error
from sikap.core.ids import INT_MAX, parse_number
from sikap.core.models import Notifikasi
from sikap.core.notifications import mark_read_for
from sikap.core.views import refuse
from sikap.documents import preview
from sikap.documents.models import Dokumen
from sikap.people import drh
from sikap.people.models import Pegawai
from sikap.selfservice import services
from sikap.selfservice.comparison import compare_many
from sikap.selfservice.flows import FLOW
from sikap.selfservice.forms import AntrianFilterForm, UsulanForm, as_form_data, proposal_form
from sikap.selfservice.models import (
    MENUNGGU,
    TERBUKA,
    JenisPerubahan,
    Operasi,
    Status,
    UsulanPerubahan,
)
from sikap.selfservice.selectors import antrian_for, filter_antrian, umur_hari

PER_PAGE = 50
DIPUTUS_DENGAN_ALASAN = (Status.DIKEMBALIKAN, Status.DITOLAK)


def _own_pegawai(request) -> Pegawai | None:
    user = request.user
    return Pegawai.objects.filter(pk=user.pegawai_id).first() if user.pegawai_id else None


# --- the pegawai's requests -----------------------------------------------------------------


def usulan_list(request):
    pegawai = _own_pegawai(request)
    if pegawai is None:
        return refuse(request, "Akun Anda tidak terhubung dengan data pegawai.")
    usulan = UsulanPerubahan.objects.filter(pegawai=pegawai).select_related("jenis", "pegawai")
    page = Paginator(usulan, PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "selfservice/usulan_list.html", {"page": page, "pegawai": pegawai})


def usulan_pilih(request):
    """Step 1 of a proposal: the kind of change."""
    if _own_pegawai(request) is None:
        return refuse(request, "Akun Anda tidak terhubung dengan data pegawai.")
    jenis = JenisPerubahan.objects.filter(aktif=True)
    groups = [("Data identitas dan kontak", [j for j in jenis if j.is_identity])]
    for kind, title in drh.TITLES.items():
        groups.append((title, [j for j in jenis if j.kind == kind]))
    return render(request, "selfservice/usulan_pilih.html", {"groups": groups})


def _jenis(kode) -> JenisPerubahan:
    return get_object_or_404(JenisPerubahan, kode=kode, aktif=True)


def _own_row(jenis: JenisPerubahan, pegawai: Pegawai, pk: str):
    if parse_number(pk) is None:
        raise Http404("Baris riwayat tidak ditemukan.")
    return get_object_or_404(jenis.model, pk=pk, pegawai=pegawai)


def _form_page(request, *, jenis, pegawai, row, usulan=None, form=None, meta=None):
    context = {
        "jenis": jenis,
        "pegawai": pegawai,
        "usulan": usulan,
        "form": form,
        "meta": meta,
        "row_cells": _row_cells(jenis, row),
    }
    return render(request, "selfservice/usulan_form.html", context)


def _row_cells(jenis, row):
    if row is None:
        return None
    return list(zip(drh.headers(jenis.kind), drh.cells(jenis.kind, row), strict=True))


def _instance(jenis: JenisPerubahan, pegawai: Pegawai, row):
    """What the proposal form starts from: the row, a fresh copy of the pegawai, or nothing."""
    if jenis.is_identity:
        return Pegawai.objects.get(pk=pegawai.pk)
    return row


def _after_save(request, usulan: UsulanPerubahan):
    if request.POST.get("aksi") == "ajukan":
        try:
            services.submit_usulan(usulan, actor=request.user)
        except SikapError as e:
            messages.error(
                request, f"Usulan tersimpan sebagai draf, tetapi belum diajukan: {e.message}"
            )
        else:
            messages.success(request, f"Usulan diajukan: {usulan.get_state_display()}.")
    else:
        messages.success(request, "Usulan disimpan sebagai draf.")
    return redirect(usulan)


@require_http_methods(["GET", "POST"])
def usulan_create(request, kode):
    pegawai = _own_pegawai(request)
    if pegawai is None:
        return refuse(request, "Akun Anda tidak terhubung dengan data pegawai.")
    jenis = _jenis(kode)
    row = None
    if jenis.needs_row:
        if not request.GET.get("baris"):
            rows = jenis.model.objects.filter(pegawai=pegawai)
            context = {
                "jenis": jenis,
                "headers": drh.headers(jenis.kind),
                "rows": [(r, drh.cells(jenis.kind, r)) for r in rows],
            }
            return render(request, "selfservice/usulan_pilih_baris.html", context)
        row = _own_row(jenis, pegawai, request.GET["baris"])
    data = request.POST if request.method == "POST" else None
    form = None
    if jenis.operasi != Operasi.REMOVE:
        form = proposal_form(jenis, pegawai, user=request.user, data=data,
                             instance=_instance(jenis, pegawai, row))  # fmt: skip
    meta = UsulanForm(data, request.FILES or None, jenis=jenis)
    if data is not None and meta.is_valid() and (form is None or form.is_valid()):
        try:
            usulan = services.create_usulan(
                pegawai,
                jenis,
                request.POST,
                actor=request.user,
                target_id=row.pk if row else None,
                keterangan=meta.cleaned_data["keterangan"],
                berkas=meta.cleaned_data.get("berkas"),
            )
        except SikapError as e:
            show_error(e, form, meta)
        else:
            return _after_save(request, usulan)
    return _form_page(request, jenis=jenis, pegawai=pegawai, row=row, form=form, meta=meta)


@require_http_methods(["GET", "POST"])
def usulan_edit(request, pk):
    usulan = access.get_usulan_for_user(request.user, pk, write=True)
    jenis, pegawai = usulan.jenis, usulan.pegawai
    row = usulan.target()
    if jenis.needs_row and row is None:
        return refuse(request, "Riwayat yang diusulkan sudah tidak ada; batalkan usulan ini.")
    data = request.POST if request.method == "POST" else None
    form = None
    if jenis.operasi != Operasi.REMOVE:
        form = proposal_form(jenis, pegawai, user=request.user, data=data,
                             instance=_instance(jenis, pegawai, row))  # fmt: skip
        if data is None:
            form.initial.update(as_form_data(usulan.data))
    meta = UsulanForm(
        data, request.FILES or None, jenis=jenis, initial={"keterangan": usulan.keterangan}
    )
    if data is not None and meta.is_valid() and (form is None or form.is_valid()):
        try:
            usulan = services.update_usulan(
                usulan,
                request.POST,
                actor=request.user,
                keterangan=meta.cleaned_data["keterangan"],
                berkas=meta.cleaned_data.get("berkas"),
                expected_version=_version(request),
            )
        except SikapError as e:
            show_error(e, form, meta)
        else:
            return _after_save(request, usulan)
    return _form_page(
        request, jenis=jenis, pegawai=pegawai, row=row, usulan=usulan, form=form, meta=meta
    )


def _version(request) -> int | None:
    return parse_number(request.POST.get("version"), INT_MAX)


def usulan_detail(request, pk):
    usulan = access.get_usulan_for_user(request.user, pk)
    user = request.user
    mark_read_for(user, request.path)
    steps = FLOW.available(usulan, user)
    dokumen = usulan.dokumen
    timeline = list(usulan.timeline())
    context = {
        "usulan": usulan,
        "perbandingan": compare_many([usulan], user)[0],
        "steps": steps,
        # A verifier's decision carries a note, and rejecting or returning needs one.
        "verifying": any(step.needs_reason for step in steps),
        "timeline": [(e, FLOW.state_label(e.to_state)) for e in timeline],
        # Why it came back or was refused, at the top where the pegawai looks first.
        "keputusan": timeline[-1] if timeline and usulan.state in DIPUTUS_DENGAN_ALASAN else None,
        "may_edit": usulan.pegawai_id == user.pegawai_id and usulan.state in TERBUKA,
        "umur": umur_hari(usulan) if usulan.state in MENUNGGU else None,
        "halaman": preview.pages_shown(dokumen) if dokumen else range(0),
        # The supporting document is decided here too, by whoever may verify documents.
        "dokumen_verifiable": dokumen is not None
        and dokumen.state == Dokumen.Status.MENUNGGU
        and access.may_verify_dokumen(user, dokumen),
    }
    return render(request, "selfservice/usulan_detail.html", context)


@require_POST
def usulan_step(request, pk):
    usulan = access.get_usulan_for_user(request.user, pk)
    name = request.POST.get("langkah", "")
    try:
        moved = services.take_step(
            usulan,
            name,
            actor=request.user,
            reason=request.POST.get("alasan", ""),
            expected_version=_version(request),
        )
    except SikapError as e:
        messages.error(request, f"Usulan #{usulan.pk}: {e.message}")
        ok = False
    else:
        label, state = FLOW.get(name).label, moved.get_state_display()
        messages.success(request, f"Usulan #{usulan.pk} — {label}: berhasil. Status: {state}.")
        mark_read_for(request.user, usulan.get_absolute_url())
        ok = True
    if request.POST.get("dari") == "antrian":
        return _back_to_queue(request)
    return inbox_views.after_decision(request, usulan.get_absolute_url(), ok=ok)


def _back_to_queue(request):
    # Back to the queue as it was filtered; only a query string, so never another site.
    return redirect(f"{reverse('selfservice:antrian')}?{request.POST.get('filter', '')}")


# --- the verifiers' queue -------------------------------------------------------------------


def antrian(request):
    user = request.user
    if not access.may_work_usulan_queue(user):
        return refuse(request, "Halaman ini untuk verifikator usulan perubahan data.")
    form = AntrianFilterForm(request.GET or None, user=user)
    queryset = antrian_for(user)
    if form.is_valid():
        queryset = filter_antrian(
            queryset,
            opd=form.cleaned_data["opd"],
            jenis=form.cleaned_data["jenis"],
            umur_hari=int(form.cleaned_data["umur"] or 0),
        )
    page = Paginator(queryset.select_related("pegawai__opd", "jenis"), PER_PAGE).get_page(
        request.GET.get("page")
    )
    prefetch_related_objects([user], "opd_scope")  # for deciding each row's steps
    rows = [
        (p, umur_hari(p.usulan), FLOW.available(p.usulan, user))
        for p in compare_many(page.object_list, user)
    ]
    # Bulk approval only for the simple kinds the user may approve now; no checkbox otherwise.
    context = {
        "form": form,
        "page": page,
        "rows": rows,
        "selectable": any(p.usulan.jenis.sederhana and steps for p, _umur, steps in rows),
    }
    return render(request, "selfservice/antrian.html", context)


@require_POST
def antrian_bulk(request):
    user = request.user
    if not access.may_work_usulan_queue(user):
        return refuse(request, "Halaman ini untuk verifikator usulan perubahan data.")
    posted = request.POST.getlist("pilih")
    chosen = [pk for pk in map(parse_number, posted) if pk is not None]
    if len(chosen) < len(posted):
        messages.error(request, "Sebagian pilihan bukan nomor usulan yang sah dan diabaikan.")
    if not chosen:
        messages.warning(request, "Pilih dahulu usulan yang akan disetujui.")
        return redirect("selfservice:antrian")
    waiting = antrian_for(user).filter(pk__in=chosen).select_related("jenis", "pegawai__opd")
    found = {u.pk: u for u in waiting}
    items = []
    for pk in chosen:
        if pk in found:
            seen = parse_number(request.POST.get(f"versi-{pk}"), INT_MAX)
            items.append((found[pk], seen))
    results = services.bulk_approve(items, actor=user)
    done = [f"#{r.usulan.pk}" for r in results if r.ok]
    if done:
        messages.success(request, f"{len(done)} usulan disetujui: {', '.join(done)}.")
    for r in results:
        if not r.ok:
            messages.error(request, f"Usulan #{r.usulan.pk} gagal: {r.message}")
    for pk in chosen:
        if pk not in found:
            messages.error(
                request,
                f"Usulan #{pk} sudah tidak menunggu verifikasi Anda "
                "(mungkin sudah diproses orang lain).",
            )
    return _back_to_queue(request)


# --- notifications --------------------------------------------------------------------------


def notifikasi_list(request):
    notes = Notifikasi.objects.filter(user=request.user)
    page = Paginator(notes, PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "selfservice/notifikasi.html", {"page": page})


@require_POST
def notifikasi_open(request, pk):
    note = Notifikasi.objects.filter(pk=pk, user=request.user).first()
    if note is None:
        raise Http404("Notifikasi tidak ditemukan.")
    services.mark_read(note, actor=request.user)
    safe = note.url and url_has_allowed_host_and_scheme(
        note.url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    if request.POST.get("buka") and safe:
        return redirect(note.url)
    return redirect("selfservice:notifikasi")


@require_POST
def notifikasi_read_all(request):
    count = services.mark_all_read(actor=request.user)
    messages.info(request, f"{count} notifikasi ditandai sudah dibaca.")
    return redirect("selfservice:notifikasi")
