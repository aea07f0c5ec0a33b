"""Audited writes of e-Berkala's configuration (admin BKD): salary tables and their rows,
signers, letter settings, and the XLSX/CSV import of a salary table."""

from datetime import date

from django.db import transaction

from sikap.accounts import access
from sikap.core import audit, audited, kinds
from sikap.core.errors import Kode, SikapError, tidak_berhak
from sikap.core.models import AuditEntry
from sikap.salary.models import BarisGaji, TabelGaji
from sikap.salary.tables import parse_rows


def _ensure(actor) -> None:
    if not access.may_manage_master_data(actor):
        raise tidak_berhak("Hanya admin BKD yang dapat mengubah tabel gaji dan pengaturan KGB.")


def save_setting(obj, *, actor):
    _ensure(actor)
    return audited.save(obj, actor=actor)


def delete_setting(obj, *, actor) -> None:
    _ensure(actor)
    audited.delete(
        obj,
        actor=actor,
        in_use_message=f"{obj} sudah dipakai oleh surat KGB dan tidak dapat dihapus.",
    )


@transaction.atomic
def import_table(
    data: bytes, *, kode: str, nama: str, regulasi: str, untuk: str, berlaku_mulai: date, actor
) -> TabelGaji:
    """A new salary table from a CSV/XLSX file (golongan, mkg, gaji pokok): all rows or none."""
    _ensure(actor)
    rows = parse_rows(data)
    if TabelGaji.objects.filter(kode=kode).exists():
        raise SikapError(Kode.DUPLIKAT, f"Tabel gaji berkode '{kode}' sudah ada.")
    tabel = audited.save(
        TabelGaji(
            kode=kode, nama=nama, regulasi=regulasi, untuk=untuk, berlaku_mulai=berlaku_mulai
        ),
        actor=actor,
    )
    BarisGaji.objects.bulk_create(
        BarisGaji(tabel=tabel, golongan=g, mkg_tahun=m, gaji_pokok=amount) for g, m, amount in rows
    )
    audit.record(
        tabel, actor=actor, action=AuditEntry.Aksi.IMPORT,
        kind=kinds.of(TabelGaji, AuditEntry.Aksi.IMPORT), note=f"{len(rows)} baris gaji",
    )  # fmt: skip
    return tabel
