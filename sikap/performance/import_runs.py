"""The SAKIP import from the web page, as a long operation (core/operations.py): the page
checks the form and queues the files; the job parses and imports them with the permissions of
the perencana who uploaded them, and leaves the summary, or the problems grouped by kind with
every problem as an XLSX."""

from sikap.accounts import access
from sikap.core import operations, problems
from sikap.core.errors import Kode, SikapError, tidak_berhak
from sikap.performance import services
from sikap.performance.importer import ImportRefused, parse_bundle
from sikap.performance.models import Renja

KIND = "impor_sakip"


def start(files: dict[str, tuple[str, bytes]], *, user, tahun: int, renstra, ganti: bool):
    if not access.may_import_sakip(user):
        raise tidak_berhak(services.NOT_A_PLANNER)
    return operations.start(
        user=user,
        kind=KIND,
        judul=f"Impor SAKIP {tahun}: " + ", ".join(name for name, _ in files.values()),
        runner=run,
        params={"tahun": tahun, "renstra": list(renstra) if renstra else None, "ganti": ganti},
        files=files,
    )


def run(operasi, progress) -> operations.Hasil:
    tahun, params = operasi.params["tahun"], operasi.params
    if not params["ganti"] and Renja.objects.filter(tahun=tahun).exists():
        raise SikapError(
            Kode.DUPLIKAT,
            f"Data SAKIP {tahun} sudah ada (diimpor sementara ini menunggu). Impor lagi dengan "
            "centang 'Ganti' untuk menggantinya seluruhnya.",
        )
    progress(message="Membaca dan memeriksa berkas.")
    try:
        bundle = parse_bundle(operations.input_files(operasi), tahun)
    except ImportRefused as e:
        found = [problems.Problem(i.row, _where(i), "", i.message) for i in e.issues]
        data = {
            "template": "performance/_import_hasil.html",
            "kesalahan": len(found),
            "kelompok": problems.grouped(found),
        }
        xlsx = problems.as_xlsx(found)
        return operations.Hasil(
            e.message, data, file=("kesalahan-impor-sakip.xlsx", xlsx), ok=False
        )
    progress(message="Menyimpan Renja, realisasi dan tabel laporan.")
    renstra = tuple(params["renstra"]) if params["renstra"] else None
    result = services.import_sakip(bundle, actor=operasi.user, renstra=renstra)
    severe = sum(1 for f in result.findings if f.severity == "A")
    message = f"{result.summary} Pemeriksaan: {len(result.findings)} temuan ({severe} tingkat A)."
    return operations.Hasil(message, {"template": "performance/_import_hasil.html", "tahun": tahun})


def _where(issue) -> str:
    return f"{issue.file}, kolom {issue.column}" if issue.column else issue.file
