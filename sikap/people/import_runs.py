"""The SIASN import from the web page, as a long operation (core/operations.py): the page
stores the file and queues it; the job imports with the permissions of the user who uploaded
it and leaves the counts, the problems grouped by kind, and every problem as an XLSX."""

from pathlib import Path

from django.conf import settings

from sikap.accounts import access
from sikap.core import operations, problems
from sikap.core.errors import tidak_berhak
from sikap.people.import_service import check_size, import_siasn

KIND = "impor_siasn"


def start(uploaded_file, *, user, dry_run: bool):
    """Queue the import of an uploaded file; the operation to show the user."""
    if not access.may_edit_personnel(user):
        raise tidak_berhak("Anda tidak berhak mengimpor data pegawai.")
    check_size(uploaded_file.size)
    data = uploaded_file.read(settings.SIKAP_IMPORT_MAX_BYTES + 1)
    check_size(len(data))
    name = Path(uploaded_file.name or "").name
    judul = ("Uji coba impor SIASN: " if dry_run else "Impor SIASN: ") + name
    return operations.start(
        user=user,
        kind=KIND,
        judul=judul,
        runner=run,
        params={"dry_run": dry_run},
        files={"siasn": (name, data)},
    )


def run(operasi, progress) -> operations.Hasil:
    ((name, data),) = operations.input_files(operasi).values()
    report = import_siasn(
        data,
        actor=operasi.user,
        dry_run=operasi.params.get("dry_run", False),
        filename=name,
        progress=progress,
    )
    data = {
        "template": "people/_import_siasn_hasil.html",
        "berkas": report.filename,
        "uji_coba": report.dry_run,
        "baris": report.total,
        "dibuat": report.created,
        "diperbarui": report.updated,
        "tidak_berubah": report.unchanged,
        "opd_baru": report.new_opd,
        "unit_baru": report.new_units,
        "jabatan_baru": report.new_jabatan,
    }
    if report.errors:
        found = [problems.Problem(e.row, e.column, e.value, e.message) for e in report.errors]
        refused = operations.refused_import(
            found,
            stopped=report.stopped,
            template=data["template"],
            noun="data",
            name=name,
            file_name="kesalahan-impor-siasn.xlsx",
        )
        refused.data["baris"] = report.total  # "N kesalahan pada M baris data"
        return refused
    if report.dry_run:
        message = f"Uji coba selesai, belum ada yang disimpan. Berkas {name} valid."
    else:
        message = f"Impor selesai. Berkas {name} telah disimpan."
    return operations.Hasil(message, data)
