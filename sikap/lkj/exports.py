"""The LKj download and its publishing as long operations (core/operations.py): WeasyPrint
takes tens of seconds for a year's report, too long for a request. The page queues the PDF or
DOCX (or the numbered PDF); the job builds the report with the permissions of the user who
asked, prints it, and leaves the file (or the issued number) on the operation's page
(`/proses/<id>/`), which shows the step it is at until it is done."""

from sikap.accounts import access
from sikap.core import operations
from sikap.core.errors import Kode, SikapError, tidak_berhak
from sikap.core.models import Operasi
from sikap.lkj.builder import build_lkj
from sikap.lkj.docx import lkj_docx
from sikap.lkj.pdf import lkj_pdf, paper
from sikap.lkj.services import publish_lkj
from sikap.performance.models import Renja

KIND = "unduh_lkj"
FORMATS = {"pdf": ("PDF", lkj_pdf), "docx": ("DOCX", lkj_docx)}
REFUSED = "Halaman LKj hanya untuk perencana, admin BKD dan pimpinan."
STEPS = 3  # the data and its checks; printing; storing the file


def file_name(year: int, fmt: str, kertas: str) -> str:
    return f"LKj-{year}-{kertas.upper()}.{fmt}"


def _checked(year: int, kertas: str) -> str:
    """The paper's code; an unknown paper or a year without SAKIP data is refused."""
    try:
        kertas = paper(kertas).code
    except ValueError as e:
        raise SikapError(Kode.DATA_TIDAK_VALID, str(e)) from None
    if not Renja.objects.filter(tahun=year).exists():
        raise SikapError(Kode.TIDAK_DITEMUKAN, f"Belum ada data SAKIP (Renja) tahun {year}.")
    return kertas


def start(year: int, fmt: str, kertas: str, *, user) -> Operasi:
    """Queue the download; a year without SAKIP data or an unknown format or paper is refused
    here, before anything is queued."""
    if not access.may_read_sakip(user):
        raise tidak_berhak(REFUSED)
    if fmt not in FORMATS:
        raise SikapError(Kode.DATA_TIDAK_VALID, "Format unduhan LKj hanya PDF atau DOCX.")
    kertas = _checked(year, kertas)
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


PUBLISH_KIND = "terbit_lkj"
PUBLISH_REFUSED = "Hanya admin BKD yang dapat menerbitkan LKj bernomor."


def start_publish(year: int, kertas: str, *, user) -> Operasi:
    """Queue the numbered LKj; open severity-A findings are refused by the job (the checks
    take the time the job is there to take), with their count on the operation's page."""
    if not access.may_publish_lkj(user):
        raise tidak_berhak(PUBLISH_REFUSED)
    kertas = _checked(year, kertas)
    # A second click (or a second admin) while one is queued would take a second number.
    busy = Operasi.objects.filter(
        kind=PUBLISH_KIND,
        params__tahun=year,
        state__in=(Operasi.State.ANTRI, Operasi.State.BERJALAN),
    )
    if busy.exists():
        raise SikapError(
            Kode.DUPLIKAT,
            f"Penerbitan LKj {year} sedang diproses; tunggu sampai selesai sebelum "
            "menerbitkan lagi.",
        )
    return operations.start(
        user=user,
        kind=PUBLISH_KIND,
        judul=f"Penerbitan LKj {year} (PDF bernomor, kertas {kertas.upper()})",
        runner=run_publish,
        params={"tahun": year, "kertas": kertas},
    )


def run_publish(operasi: Operasi, progress) -> operations.Hasil:
    year, kertas = operasi.params["tahun"], operasi.params["kertas"]
    progress(0, 1, "Menyusun LKj, memeriksa temuan, memberi nomor dan mencetak PDF.")
    terbit = publish_lkj(year, actor=operasi.user, paper_code=kertas)
    return operations.Hasil(
        f"LKj {year} diterbitkan sebagai versi {terbit.lkj.versi}, nomor {terbit.nomor}.",
        {"template": "lkj/_unduh_hasil.html", "tahun": year},
    )


def recent(user, year: int, limit: int = 5):
    """The user's own latest LKj downloads and publishings of `year`, for the LKj page."""
    return Operasi.objects.filter(user=user, kind__in=(KIND, PUBLISH_KIND), params__tahun=year)[
        :limit
    ]
