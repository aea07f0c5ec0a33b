"""Pages of the digital personnel file: a pegawai's arsip, uploads, downloads, verification,
the completeness dashboard, and the public page that verifies an issued document.

Every page starts from `visible_to(user)`: a pegawai or document the user may not see is a 404,
so guessing a NIP or an id reveals nothing. Writes go through `sikap.documents.services`.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST

from sikap.accounts import access
from sikap.core import exports, inbox_views
from sikap.core.errors import SikapError
from sikap.core.ids import INT_MAX, parse_number
from sikap.core.notifications import mark_read_for
from sikap.core.views import refuse
from sikap.documents import access_log, preview, selectors
from sikap.documents.exports import kelengkapan_tabel, lingkup, with_missing
from sikap.documents.forms import (
    CekBerkasForm,
    UploadForm,
    VerifikasiForm,
)
from sikap.documents.models import Dokumen, DokumenTerbit, JenisDokumen
from sikap.documents.public import matches, public_facts
from sikap.documents.services import (
    ISSUED_MAX_BYTES,
    upload_dokumen,
    verify_dokumen,
)
from sikap.documents.storage import file_response, sandboxed, sha256_of
from sikap.people.models import Pegawai

PER_PAGE = 50
QUEUE_PER_PAGE = 25
Status = Dokumen.Status


def _arsip_url(pegawai: Pegawai, jenis: JenisDokumen | None = None) -> str:
    url = reverse("documents:arsip_pegawai", args=[pegawai.nip])
    return f"{url}#jenis-{jenis.kode}" if jenis else url


# --- a pegawai's arsip ------------------------------------------------------------------------


def arsip_pegawai(request, nip):
    user = request.user
    pegawai = access.get_pegawai_for_user(user, nip)
    mark_read_for(user, request.path)
    uploader = access.may_upload_dokumen(user, pegawai)
    arsip = selectors.arsip(pegawai, with_choices=uploader)
    failed = request.session.pop(FAILED_UPLOAD, None) or {}
    for section in arsip.sections:
        if failed.get("nip") == pegawai.nip and failed.get("kode") == section.jenis.kode:
            section.error = failed["pesan"]
        if uploader and section.jenis.aktif:
            rows = arsip.riwayat_rows.get(section.jenis.riwayat_kind, [])
            section.form = UploadForm(jenis=section.jenis, rows=rows)
    context = {
        "pegawai": pegawai,
        "sections": arsip.sections,
        "required": arsip.required,
        "missing": arsip.missing,
        "may_upload": uploader,
        "may_read_files": access.may_read_personal_files(user, pegawai),
        "own": access.is_own_record(user, pegawai.pk),
        "verifiable": {
            v.dokumen.pk
            for s in arsip.sections
            for v in s.current
            if access.may_verify_dokumen(user, v.dokumen)
        },
        "terbit": DokumenTerbit.objects.visible_to(user)
        .filter(pegawai=pegawai)
        .select_related("jenis"),
    }
    return render(request, "documents/arsip.html", context)


@require_POST
def dokumen_unggah(request, nip, kode):
    user = request.user
    pegawai = access.get_pegawai_for_user(user, nip)
    jenis = get_object_or_404(JenisDokumen, kode=kode, aktif=True)
    if not access.may_upload_dokumen(user, pegawai):
        return refuse(request, "Anda tidak berhak mengunggah dokumen untuk pegawai ini.")
    rows = selectors.riwayat_rows(pegawai, jenis.riwayat_kind) if jenis.riwayat_kind else []
    form = UploadForm(request.POST, request.FILES, jenis=jenis, rows=rows)
    if not form.is_valid():
        problems = [e for errors in form.errors.values() for e in errors]
        _failed(request, pegawai, jenis, " ".join(problems))
        return redirect(_arsip_url(pegawai, jenis))
    try:
        dokumen = upload_dokumen(
            pegawai,
            jenis.kode,
            form.cleaned_data["file"],
            actor=user,
            riwayat=form.cleaned_data.get("riwayat"),
        )
    except SikapError as e:
        _failed(request, pegawai, jenis, f"Tidak disimpan: {e.message}")
    else:
        after = (
            "menunggu verifikasi BKD."
            if dokumen.state == Status.MENUNGGU
            else "tersimpan sebagai versi berlaku."
        )
        messages.success(request, f"{jenis.nama} versi {dokumen.versi} {after}")
    return redirect(_arsip_url(pegawai, jenis))


# A failed upload is shown in the section that failed, where the page scrolls back to (the
# redirect's #jenis-… anchor), not at the top of a long page.
FAILED_UPLOAD = "documents.unggah_gagal"


def _failed(request, pegawai: Pegawai, jenis: JenisDokumen, message: str) -> None:
    request.session[FAILED_UPLOAD] = {"nip": pegawai.nip, "kode": jenis.kode, "pesan": message}


def dokumen_unduh(request, pk):
    dokumen = access.get_dokumen_for_user(request.user, pk, file=True)
    access_log.record_read(request, dokumen.pegawai, dokumen=dokumen)
    return file_response(dokumen.file, filename=dokumen.download_name, content_type=dokumen.mime)


# --- verification by BKD ----------------------------------------------------------------------


@require_POST
def dokumen_verifikasi(request, pk):
    user = request.user
    dokumen = access.get_dokumen_for_user(user, pk, write=True)
    form = VerifikasiForm(request.POST)
    ok = False
    if not form.is_valid():
        messages.error(request, "Permintaan verifikasi tidak lengkap; muat ulang halaman.")
    else:
        try:
            verify_dokumen(
                dokumen,
                actor=user,
                approve=form.approve,
                reason=form.cleaned_data["alasan"],
                expected_version=form.cleaned_data["versi"],
            )
        except SikapError as e:
            messages.error(request, e.message)
        else:
            ok = True
            mark_read_for(user, reverse("documents:dokumen_detail", args=[dokumen.pk]))
            outcome = "terverifikasi" if form.approve else "ditolak"
            messages.success(request, f"{dokumen.jenis.nama} {dokumen.pegawai.nama} {outcome}.")
    next_url = request.POST.get("next", "")
    if next_url.startswith(reverse("core:kotak_masuk_berikutnya")):
        detail = reverse("documents:dokumen_detail", args=[dokumen.pk])
        return inbox_views.after_decision(request, detail, ok=ok)
    if url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(next_url)
    return redirect(dokumen.get_absolute_url())


def dokumen_detail(request, pk):
    """One document to look at and decide: its facts, an inline preview, and the decision."""
    user = request.user
    dokumen = access.get_dokumen_for_user(user, pk)
    mark_read_for(user, request.path)
    reasons = selectors.rejection_reasons([dokumen])
    context = {
        "halaman": preview.pages_shown(dokumen),
        "d": dokumen,
        "may_verify": dokumen.state == Status.MENUNGGU and access.may_verify_dokumen(user, dokumen),
        "alasan": reasons.get(dokumen.pk, ""),
        "arsip": _arsip_url(dokumen.pegawai, dokumen.jenis),
    }
    return render(request, "documents/dokumen.html", context)


def dokumen_lihat(request, pk):
    """The file for the preview, shown inline: never sniffed into something else and sandboxed
    (CSP) so that nothing in it runs with SIKAP's rights. `?halaman=n` gives page n of a PDF as
    an image rendered on the server (`preview.py`), which is what the preview shows."""
    dokumen = access.get_dokumen_for_user(request.user, pk)
    halaman = request.GET.get("halaman")
    if halaman is None:
        return file_response(
            dokumen.file, filename=dokumen.download_name, content_type=dokumen.mime, inline=True
        )
    page = parse_number(halaman, INT_MAX)
    if dokumen.format != "pdf" or page is None:
        raise Http404("Halaman pratinjau tidak ada.")
    try:
        png = preview.page_png(dokumen.file, page)
    except SikapError as e:
        raise Http404(e.message) from e
    except FileNotFoundError as e:
        raise Http404("Berkas tidak ditemukan di penyimpanan.") from e
    return sandboxed(HttpResponse(png, content_type="image/png"))


def antrian_verifikasi(request):
    user = request.user
    if not access.is_bkd_staff(user):
        return refuse(request, "Antrian verifikasi dokumen hanya untuk verifikator BKD.")
    pending = selectors.verification_queue(user).select_related(
        "pegawai__opd", "jenis", "uploaded_by"
    )
    page = Paginator(pending, QUEUE_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "documents/antrian.html", {"page": page})


# --- completeness -----------------------------------------------------------------------------


def kelengkapan(request):
    found = lingkup(request.user, request.GET)
    page = Paginator(found.lacking, PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "form": found.form,
        "types": found.types,
        "summary": found.summary,
        "total": found.total,
        "page": page,
        "rows": with_missing(list(page.object_list), found.types),
    }
    if access.is_bkd_staff(request.user):
        context["menunggu"] = Dokumen.objects.current().filter(state=Status.MENUNGGU).count()
    return render(request, "documents/kelengkapan.html", context)


def kelengkapan_ekspor(request):
    """The list as filtered on screen, every page of it (a job when it is long)."""
    return exports.respond(request, kelengkapan_tabel)


# --- issued documents -------------------------------------------------------------------------


def terbit_unduh(request, pk):
    terbit = get_object_or_404(DokumenTerbit.objects.visible_to(request.user), pk=pk)
    return file_response(terbit.file, filename=terbit.nama_berkas, content_type="application/pdf")


@login_not_required
@require_http_methods(["GET", "POST"])
def verifikasi_publik(request, token):
    """Public (no log-in): the facts of an issued document, and a byte-for-byte file check."""
    terbit = DokumenTerbit.objects.select_related("jenis", "pegawai").filter(token=token).first()
    if terbit is None:
        response = render(request, "documents/verifikasi_tidak_ada.html", status=404)
    else:
        context = {"facts": public_facts(terbit), "form": CekBerkasForm()}
        if request.method == "POST":
            context.update(_check_file(request, terbit))
        response = render(request, "documents/verifikasi.html", context)
    # The token is the key to this page: keep it out of search engines and Referer headers.
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"
    response["Cache-Control"] = "no-store"
    return response


def _check_file(request, terbit: DokumenTerbit) -> dict:
    if int(request.META.get("CONTENT_LENGTH") or 0) > ISSUED_MAX_BYTES + 64 * 1024:
        # Refused before Django reads the body: a stranger cannot fill the server's disk.
        return {"pesan_berkas": "Berkas terlalu besar untuk dicocokkan (paling besar 50 MB)."}
    form = CekBerkasForm(request.POST, request.FILES)
    if not form.is_valid():
        return {"form": form}
    digest = sha256_of(form.cleaned_data["berkas"])
    return {"form": form, "hasil": {"cocok": matches(terbit, digest), "sha256": digest}}
