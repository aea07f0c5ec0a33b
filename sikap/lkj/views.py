"""The LKj page of a year: preview, texts (perencana and admin BKD edit them), and DOCX/PDF
downloads on A4 or F4. Pimpinan reads and downloads; everyone else gets 403."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render

from sikap.core.errors import SikapError
from sikap.lkj import services
from sikap.lkj.builder import build_lkj
from sikap.lkj.docx import lkj_docx
from sikap.lkj.forms import TeksForm, UnduhForm
from sikap.lkj.models import LkjTeks
from sikap.lkj.pdf import lkj_pdf
from sikap.performance.models import Renja
from sikap.performance.permissions import may_edit, may_read
from sikap.reports.pdf import pdf_response

REFUSED = "Halaman LKj hanya untuk perencana, admin BKD dan pimpinan."
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _refused(request, message=REFUSED):
    return render(request, "refused.html", {"message": message}, status=403)


def lkj_home(request):
    """The latest year with a Renja."""
    if not may_read(request.user):
        return _refused(request)
    latest = Renja.objects.order_by("-tahun").values_list("tahun", flat=True).first()
    if latest is None:
        return render(request, "refused.html", {"message": "Belum ada data SAKIP."}, status=404)
    return redirect("lkj_tahun", tahun=latest)


def lkj_page(request, tahun: int):
    if not may_read(request.user):
        return _refused(request)
    editable = may_edit(request.user)
    teks = LkjTeks.for_year(tahun)
    form = TeksForm(instance=teks)
    if request.method == "POST":
        if not editable:
            return _refused(request, "Hanya perencana dan admin BKD yang dapat mengubah teks LKj.")
        form = TeksForm(request.POST, instance=teks)
        if form.is_valid():
            services.save_texts(tahun, form.cleaned_data, actor=request.user)
            messages.success(request, f"Teks LKj {tahun} disimpan.")
            return redirect("lkj_tahun", tahun=tahun)
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
        },
        status=404 if error else 200,
    )


def lkj_download(request, tahun: int, fmt: str):
    if not may_read(request.user):
        return _refused(request)
    form = UnduhForm(request.GET or {"kertas": "a4"})
    if not form.is_valid():
        return _refused(request, "Ukuran kertas tidak dikenal.")
    kertas = form.cleaned_data["kertas"]
    try:
        lkj = build_lkj(tahun)
    except SikapError as e:
        return render(request, "refused.html", {"message": e.message}, status=404)
    name = f"LKj-{tahun}-{kertas.upper()}"
    if fmt == "pdf":
        return pdf_response(lkj_pdf(lkj, kertas), f"{name}.pdf", inline=False)
    response = HttpResponse(lkj_docx(lkj, kertas), content_type=DOCX)
    response["Content-Disposition"] = f'attachment; filename="{name}.docx"'
    return response
