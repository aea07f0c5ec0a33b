"""The LKj download as a long operation (core/operations.py): WeasyPrint takes tens of seconds
for a year's report, too long for a request. The page queues the PDF or DOCX; the job builds
the report with the reader's permission, prints it, and leaves the file on the operation's page
(`/proses/<id>/`), which shows the step it is at until the download is ready."""

from sikap.accounts import access
from sikap.core import operations
from sikap.core.errors import Kode, SikapError, tidak_berhak
from sikap.core.models import Operasi
from sikap.lkj.builder import build_lkj
from sikap.lkj.docx import lkj_docx
from sikap.lkj.pdf import lkj_pdf, paper
from sikap.performance.models import Renja

KIND = "unduh_lkj"
FORMATS = {"pdf": ("PDF", lkj_pdf), "docx": ("DOCX", lkj_docx)}
REFUSED = "Halaman LKj hanya untuk perencana, admin BKD dan pimpinan."
STEPS = 3  # the data and its checks; printing; storing the file


def file_name(year: int, fmt: str, kertas: str) -> str:
    return f"LKj-{year}-{kertas.upper()}.{fmt}"


def start(year: int, fmt: str, kertas: str, *, user) -> Operasi:
    """Queue the download; a year without SAKIP data or an unknown format or paper is refused
    here, before anything is queued."""
    if not access.may_read_sakip(user):
        raise tidak_berhak(REFUSED)
    if fmt not in FORMATS:
        raise SikapError(Kode.DATA_TIDAK_VALID, "Format unduhan LKj hanya PDF atau DOCX.")
    try:
        kertas = paper(kertas).code
    except ValueError as e:
        raise SikapError(Kode.DATA_TIDAK_VALID, str(e)) from None
    if not Renja.objects.filter(tahun=year).exists():
        raise SikapError(Kode.TIDAK_DITEMUKAN, f"Belum ada data SAKIP (Renja) tahun {year}.")
    return operations.start(
        user=user,
        kind=KIND,
        judul=f"LKj {year} ({FORMATS[fmt][0]}, kertas {kertas.upper()})",
        runner=run,
        params={"tahun": year, "format": fmt, "kertas": kertas},
    )


def run(operasi: Operasi, progress) -> operations.Hasil:
    params = operasi.params
    year, fmt, kertas = params["tahun"], params["format"], params["kertas"]
    if not access.may_read_sakip(operasi.user):  # the role may have been taken away since
        raise tidak_berhak(REFUSED)
    label, render = FORMATS[fmt]
    progress(0, STEPS, "Menyusun data LKj dan memeriksa konsistensinya.")
    lkj = build_lkj(year)
    progress(1, STEPS, f"Mencetak {label} (dapat memakan waktu hingga satu menit).")
    content = render(lkj, kertas)
    progress(2, STEPS, "Menyimpan berkas.")
    return operations.Hasil(
        f"LKj {year} ({label}, kertas {kertas.upper()}) siap diunduh.",
        {"template": "lkj/_unduh_hasil.html", "tahun": year},
        file=(file_name(year, fmt, kertas), content),
    )


def recent(user, year: int, limit: int = 5):
    """The user's own latest LKj downloads of `year`, for the LKj page."""
    return Operasi.objects.filter(user=user, kind=KIND, params__tahun=year)[:limit]
