"""XLSX exports of lists, one way for all: a list that may be large becomes a job with
progress (`core/operations.py`, `/proses/<id>/`, the file downloads from there).

An export is a function `build(user, query) -> Tabel`: the rows the user may see under the
list's filters (`query`, the page's GET parameters), as an iterator, with their count. The
export link's view calls `respond(request, build)`. Up to `SIKAP_EKSPOR_LANGSUNG_MAKS` rows the
file is written in the request (a second or less: a job would add a page and its polling for
nothing); above it the job runs `build` again with the same user and filters, so what it
writes is what that user may see when it runs, and the file is written in openpyxl's
write-only mode (constant memory) with the progress shown.
"""

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from django.conf import settings
from django.core.files import File
from django.http import FileResponse, QueryDict
from django.shortcuts import redirect
from django.utils.module_loading import import_string

from sikap.core import operations
from sikap.core.jobs import path_of
from sikap.reports.xlsx import XLSX_MIME, write_xlsx
from sikap.rules.formatting import angka

KIND = "ekspor"


@dataclass
class Tabel:
    filename: str
    title: str  # the sheet's name and the operation's title: "Daftar pegawai"
    columns: Sequence[tuple[str, int]]  # (header, width)
    count: int
    rows: Iterable[Sequence]


Build = Callable[[object, QueryDict], Tabel]


def _write(tabel: Tabel, progress=None):
    return write_xlsx(
        [label for label, _ in tabel.columns],
        tabel.rows,
        title=tabel.title,
        widths=[width for _, width in tabel.columns],
        progress=progress,
    )


def respond(request, build: Build):
    """The file itself for a small list; else the page of a job that writes it."""
    tabel = build(request.user, request.GET)
    if tabel.count <= settings.SIKAP_EKSPOR_LANGSUNG_MAKS:
        return FileResponse(
            _write(tabel), as_attachment=True, filename=tabel.filename, content_type=XLSX_MIME
        )
    operasi = operations.start(
        user=request.user,
        kind=KIND,
        judul=f"Unduh XLSX: {tabel.title} ({angka(tabel.count)} baris)",
        runner=run,
        params={"tabel": path_of(build), "query": request.GET.urlencode()},
    )
    return redirect("core:operasi", operasi.pk)


def run(operasi, progress) -> operations.Hasil:
    build = import_string(operasi.params["tabel"])
    tabel = build(operasi.user, QueryDict(operasi.params["query"]))
    progress(0, tabel.count, "Menulis berkas XLSX.")
    output = _write(tabel, progress=lambda done: progress(done))
    return operations.Hasil(
        f"{angka(tabel.count)} baris ditulis ke {tabel.filename}.",
        file=(tabel.filename, File(output)),
    )
