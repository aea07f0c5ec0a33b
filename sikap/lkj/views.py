"""The LKj page of a year: preview, texts (perencana and admin BKD edit them), DOCX/PDF
downloads on A4 or F4, and the published (numbered, verifiable) versions, which admin BKD
issues. Pimpinan reads and downloads; everyone else gets 403."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from sikap.accounts import access
from sikap.core import inbox_views
from sikap.core.errors import Kode, SikapError
from sikap.core.views import refuse
from sikap.documents.storage import file_response
from sikap.lkj import exports, services
from sikap.lkj.builder import build_lkj
from sikap.lkj.forms import (
    AnalisisForm,
    KonfirmasiForm,
    PindaianForm,
    TeksForm,
    UnduhForm,
    year_programs,
)
from sikap.lkj.models import AnalisisIndikator, LkjTeks, LkjTerbit, PindaianPk
from sikap.performance.models import IndikatorTarget, Renja

REFUSED = "Halaman LKj hanya untuk perencana, admin BKD dan pimpinan."


def lkj_home(request):
    """The latest year with a Renja."""
    if not access.may_read_sakip(request.user):
        return refuse(request, REFUSED)
    latest = Renja.objects.order_by("-tahun").values_list("tahun", flat=True).first()
    if latest is None:
        return refuse(request, "Belum ada data SAKIP.", status=404)
    return redirect("lkj:lkj_tahun", tahun=latest)


def lkj_page(request, tahun: int):
    if not access.may_read_sakip(request.user):
        return refuse(request, REFUSED)
    editable = access.may_plan(request.user)
    teks = LkjTeks.for_year(tahun)
    form = TeksForm(instance=teks)
    if request.method == "POST":
        if not editable:
            return refuse(request, "Hanya perencana dan admin BKD yang dapat mengubah teks LKj.")
        form = TeksForm(request.POST, instance=teks)
        if form.is_valid():
            services.save_texts(tahun, form.cleaned_data, actor=request.user)
            messages.success(request, f"Teks LKj {tahun} disimpan.")
            return redirect("lkj:lkj_tahun", tahun=tahun)
    try:
        lkj, error = build_lkj(tahun), None
    except SikapError as e:
        lkj, error = None, e.message
    return render(
        request,
        "lkj/page.html",
        {
            "tahun": tahun,
            "lkj": lkj,
            "error": error,
            "form": form,
            "editable": editable,
            "unduh": UnduhForm(initial={"kertas": "a4"}),
            "terbitkan": UnduhForm(initial={"kertas": "a4"}, auto_id="terbit_%s"),
            "may_publish": access.may_publish_lkj(request.user),
            "unduhan": exports.recent(request.user, tahun),
            "pindaian": PindaianPk.latest(tahun),
            "pindaian_form": PindaianForm() if editable else None,
            "terbit": LkjTerbit.objects.filter(tahun=tahun).select_related(
                "dokumen__issued_by", "dokumen__jenis"
            ),
            "analisis": _with_forms(tahun, lkj, editable) if lkj else [],
            "temuan": [
                (f, confirmed, KonfirmasiForm(initial={"kunci": f.key}, auto_id=f"k{f.key}_%s"))
                for f, confirmed in (services.open_findings(tahun, lkj.temuan) if lkj else [])
            ],
        },
        status=404 if error else 200,
    )


@require_POST
def lkj_download(request, tahun: int, fmt: str):
    """Queue the PDF or DOCX (lkj/exports.py) and show its progress and download."""
    if not access.may_read_sakip(request.user):
        return refuse(request, REFUSED)
    form = UnduhForm(request.POST or {"kertas": "a4"})
    if not form.is_valid():
        return refuse(request, "Ukuran kertas tidak dikenal.")
    try:
        operasi = exports.start(tahun, fmt, form.cleaned_data["kertas"], user=request.user)
    except SikapError as e:
        return refuse(request, e.message, status=404 if e.code == Kode.TIDAK_DITEMUKAN else 403)
    return redirect("core:operasi", operasi.pk)


@require_POST
def lkj_publish(request, tahun: int):
    """Admin BKD issues the year's LKj as a numbered PDF with its QR code on the cover: queued
    (lkj/exports.py), its outcome on the operation's page."""
    if not access.may_read_sakip(request.user):
        return refuse(request, REFUSED)
    if not access.may_publish_lkj(request.user):
        return refuse(request, exports.PUBLISH_REFUSED)
    form = UnduhForm(request.POST)
    if not form.is_valid():
        return refuse(request, "Ukuran kertas tidak dikenal.")
    try:
        operasi = exports.start_publish(tahun, form.cleaned_data["kertas"], user=request.user)
    except SikapError as e:
        status = {Kode.TIDAK_DITEMUKAN: 404, Kode.DUPLIKAT: 409}.get(e.code, 403)
        return refuse(request, e.message, status=status)
    return redirect("core:operasi", operasi.pk)


@require_POST
def lkj_confirm(request, tahun: int):
    """Admin BKD confirms, with a reason, that an open severity-A finding may stand."""
    if not access.may_read_sakip(request.user):
        return refuse(request, REFUSED)
    if not access.may_publish_lkj(request.user):
        return refuse(request, "Hanya admin BKD yang dapat mengonfirmasi temuan LKj.")
    form = KonfirmasiForm(request.POST)
    page = reverse("lkj:lkj_tahun", args=[tahun]) + "#temuan"
    if not form.is_valid():
        messages.error(request, "Pilih temuan dan tuliskan alasan konfirmasinya.")
        return inbox_views.after_decision(request, page, ok=False)
    try:
        services.confirm_finding(
            tahun, form.cleaned_data["kunci"], form.cleaned_data["alasan"], actor=request.user
        )
    except SikapError as e:
        messages.error(request, e.message)
        return inbox_views.after_decision(request, page, ok=False)
    messages.success(request, "Temuan dikonfirmasi; alasannya dicetak di LKj.")
    # Opened from the inbox: on to the next item waiting there.
    return inbox_views.after_decision(request, page)


def _with_forms(tahun: int, lkj, editable: bool) -> list:
    """[(analysis, its form or None)]: planners write the causes, solutions and programmes."""
    forms = _analysis_forms(tahun) if editable else {}
    return [(a, forms.get(a.nomor)) for a in lkj.analisis]


def _analysis_forms(tahun: int) -> dict:
    """{IKU number: form} prefilled with what was written for the year."""
    targets = list(
        IndikatorTarget.objects.filter(tahun=tahun)
        .select_related("indikator")
        .order_by("indikator__urutan", "indikator_id")
    )
    written = {
        a.indikator_id: a
        for a in AnalisisIndikator.objects.filter(tahun=tahun).prefetch_related("program")
    }
    programs = list(year_programs(tahun))
    forms = {}
    for n, t in enumerate(targets, start=1):  # numbered as build_lkj numbers its analyses
        a = written.get(t.indikator_id)
        initial = {"indikator": t.indikator_id}
        if a:
            initial |= {"penyebab": a.penyebab, "solusi": a.solusi, "program": a.program.all()}
        forms[n] = AnalisisForm(initial=initial, year=tahun, programs=programs, auto_id=f"a{n}_%s")
    return forms


@require_POST
def lkj_analysis(request, tahun: int):
    """Perencana and admin BKD write the causes, solutions and supporting programmes."""
    if not access.may_read_sakip(request.user):
        return refuse(request, REFUSED)
    if not access.may_plan(request.user):
        return refuse(request, "Hanya perencana dan admin BKD yang dapat menulis analisis LKj.")
    form = AnalisisForm(request.POST, year=tahun)
    if not form.is_valid():
        messages.error(request, "Analisis tidak disimpan: periksa isian dan program yang dipilih.")
        return redirect(reverse("lkj:lkj_tahun", args=[tahun]) + "#analisis")
    data = form.cleaned_data
    try:
        services.save_analysis(
            tahun,
            data["indikator"],
            penyebab=data["penyebab"],
            solusi=data["solusi"],
            programs=list(data["program"]),
            actor=request.user,
        )
    except SikapError as e:
        messages.error(request, e.message)
    else:
        messages.success(request, "Analisis indikator disimpan.")
    return redirect(reverse("lkj:lkj_tahun", args=[tahun]) + "#analisis")


@require_POST
def lkj_pk_upload(request, tahun: int):
    """Perencana and admin BKD attach the signed Perjanjian Kinerja as scanned."""
    if not access.may_read_sakip(request.user):
        return refuse(request, REFUSED)
    if not access.may_plan(request.user):
        return refuse(request, "Hanya perencana dan admin BKD yang dapat mengunggah pindaian PK.")
    form = PindaianForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, "Pilih berkas pindaian Perjanjian Kinerja yang akan diunggah.")
    else:
        try:
            row = services.upload_pk_scan(tahun, form.cleaned_data["berkas"], actor=request.user)
        except SikapError as e:
            messages.error(request, e.message)
        else:
            messages.success(
                request,
                f"Pindaian Perjanjian Kinerja {tahun} ({row.keterangan}) disimpan; PDF dan DOCX "
                "LKj kini melampirkannya.",
            )
    return redirect(reverse("lkj:lkj_tahun", args=[tahun]) + "#pindaian")


def lkj_pk_file(request, tahun: int):
    """The latest scan, to the LKj's readers."""
    if not access.may_read_sakip(request.user):
        return refuse(request, REFUSED)
    row = PindaianPk.latest(tahun)
    if row is None:
        raise Http404("Belum ada pindaian Perjanjian Kinerja tahun ini.")
    extension = "jpg" if row.format == "jpeg" else row.format
    return file_response(
        row.berkas, filename=f"Perjanjian-Kinerja-{tahun}.{extension}", content_type=row.mime
    )
