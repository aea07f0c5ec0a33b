"""The page of a long operation (`core/operations.py`), its htmx-polled progress partial and
the download of its result file. Only its owner and admin BKD see an operation; anyone else
gets a 404, as for any record they may not see."""

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from sikap.core.models import Operasi
from sikap.documents.storage import file_response

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Result files by extension (import problems as XLSX, reports as PDF or DOCX).
CONTENT_TYPES = {
    "xlsx": XLSX,
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def _operasi(request, pk) -> Operasi:
    return get_object_or_404(Operasi.objects.visible_to(request.user), pk=pk)


@require_GET
def operasi(request, pk):
    return render(request, "core/operasi.html", {"operasi": _operasi(request, pk)})


@require_GET
def operasi_status(request, pk):
    response = render(request, "core/_operasi_status.html", {"operasi": _operasi(request, pk)})
    response["Cache-Control"] = "no-store"
    return response


@require_GET
def operasi_berkas(request, pk):
    operasi = _operasi(request, pk)
    if not operasi.result_file:
        raise Http404("Proses ini tidak menghasilkan berkas.")
    name = operasi.result_name or "hasil.xlsx"
    content_type = CONTENT_TYPES.get(name.rsplit(".", 1)[-1].lower(), "application/octet-stream")
    response = file_response(operasi.result_file, filename=name, content_type=content_type)
    response["Cache-Control"] = "private, no-store"
    return response
