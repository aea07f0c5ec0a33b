"""Holiday calendar import (CSV/XLSX through `core/tabular.read_table`): tanggal, keterangan,
jenis. Every row is checked first; one bad row and nothing is written (errors name the row)."""

from datetime import date, datetime

from django.db import transaction

from sikap.attendance.models import HariLibur
from sikap.attendance.services import ensure_may_configure
from sikap.core import audit, kinds
from sikap.core.errors import Kode, SikapError
from sikap.core.models import AuditEntry
from sikap.core.tabular import Column, read_table
from sikap.rules import RuleError
from sikap.rules.dates import parse_tanggal

COLUMNS = (
    Column("tanggal", ("tgl", "date"), required=True),
    Column("keterangan", ("nama", "nama libur", "uraian"), required=True),
    Column("jenis", ("jenis libur", "kategori")),
)
_JENIS = {
    "": HariLibur.Jenis.NASIONAL,
    "nasional": HariLibur.Jenis.NASIONAL,
    "libur nasional": HariLibur.Jenis.NASIONAL,
    "cuti bersama": HariLibur.Jenis.CUTI_BERSAMA,
    "cuti_bersama": HariLibur.Jenis.CUTI_BERSAMA,
    "daerah": HariLibur.Jenis.DAERAH,
    "libur daerah": HariLibur.Jenis.DAERAH,
}


def tanggal_sel(cell) -> date:
    """A date from an XLSX cell (a date or datetime) or a CSV text (`rules.dates.parse_tanggal`)."""
    if isinstance(cell, datetime):
        return cell.date()
    if isinstance(cell, date):
        return cell
    return parse_tanggal(str(cell))


def import_hari_libur(data: bytes, *, actor) -> int:
    """Adds or updates the holidays of the file; returns how many rows were written."""
    ensure_may_configure(actor)
    table = read_table(data, COLUMNS)
    if table.missing:
        raise SikapError(
            Kode.BERKAS_TIDAK_VALID, f"Kolom wajib tidak ada: {', '.join(table.missing)}."
        )
    parsed, errors, seen = [], {}, {}
    for row in table.rows():
        try:
            tanggal = tanggal_sel(row.value("tanggal"))
        except RuleError as e:
            errors[f"baris {row.number}"] = [str(e)]
            continue
        nama = row.text("keterangan").strip()
        jenis = _JENIS.get(row.text("jenis").strip().casefold())
        if not nama:
            errors[f"baris {row.number}"] = ["Keterangan libur kosong."]
        elif jenis is None:
            errors[f"baris {row.number}"] = [
                "Jenis harus nasional, cuti bersama, atau daerah (kosong berarti nasional)."
            ]
        elif tanggal in seen:
            errors[f"baris {row.number}"] = [
                f"Tanggal {tanggal:%d-%m-%Y} sudah ada di baris {seen[tanggal]}."
            ]
        else:
            seen[tanggal] = row.number
            parsed.append((tanggal, nama[:160], jenis))
    if errors:
        raise SikapError(
            Kode.DATA_TIDAK_VALID,
            f"{len(errors)} baris tidak valid; tidak ada yang disimpan.",
            errors,
        )
    with transaction.atomic():
        for tanggal, nama, jenis in parsed:
            holiday, _ = HariLibur.objects.update_or_create(
                tanggal=tanggal, defaults={"nama": nama, "jenis": jenis}
            )
            audit.record(
                holiday,
                actor=actor,
                action=AuditEntry.Aksi.IMPORT,
                kind=kinds.of(HariLibur, AuditEntry.Aksi.IMPORT),
                note="Impor kalender libur",
            )
    return len(parsed)
