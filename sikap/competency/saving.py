"""The answer save of a running attempt as one guarded write: the attempt's position moves and
the choice is upserted only if the attempt is its taker's, still running, before its deadline,
and the item and option belong to it. Nothing is read first; a refusal writes nothing and says
nothing about why (`services.answer` asks on the failure path only). See docs/competency.md."""

from datetime import UTC, datetime
from typing import NamedTuple

from django.db import connection, transaction

from sikap.competency.models import ButirPercobaan, Jawaban, Percobaan

_P = Percobaan._meta.db_table
_B = ButirPercobaan._meta.db_table
_J = Jawaban._meta.db_table

# The attempt row's UPDATE is the guard and the lock: a submit or a closing holding the row
# makes it wait, and it then re-reads the status. The option must be one of the item's own.
_GUARD = (
    f"UPDATE {_P} SET posisi = %(urutan)s "
    f"WHERE id = %(pk)s AND pegawai_id = %(pegawai)s AND status = %(berjalan)s "
    f"AND batas_waktu > %(now)s AND EXISTS (SELECT 1 FROM {_B} b "
    f"WHERE b.percobaan_id = %(pk)s AND b.urutan = %(urutan)s AND {{opsi_in_item}}) "
    "RETURNING batas_waktu"
)
# One row per item (unique butir_id); a choice older on the device (lower nomor_kirim) than
# the stored one changes nothing; a plain form (no nomor_kirim) always replaces.
_UPSERT = (
    f"INSERT INTO {_J} AS j (percobaan_id, butir_id, opsi_id, dijawab, nomor_kirim, kali_diubah) "
    f"SELECT b.percobaan_id, b.id, %(opsi)s, %(now)s, COALESCE(%(nomor)s, 0), 0 FROM {_B} b "
    "{source} WHERE b.percobaan_id = %(pk)s AND b.urutan = %(urutan)s "
    "ON CONFLICT (butir_id) DO UPDATE SET opsi_id = excluded.opsi_id, "
    "dijawab = excluded.dijawab, nomor_kirim = COALESCE(%(nomor)s, j.nomor_kirim), "
    "kali_diubah = j.kali_diubah + 1 "
    "WHERE %(nomor)s IS NULL OR j.nomor_kirim <= %(nomor)s "
    "RETURNING 1"
)
# PostgreSQL: one statement, one round trip, no transaction to open or commit. The upsert reads
# the guard's row, so it runs only after the guard has taken the row.
_POSTGRES = (
    "WITH p AS ("
    + _GUARD.format(opsi_in_item="b.urutan_opsi @> jsonb_build_array(%(opsi)s::bigint)")
    + "), s AS ("
    + _UPSERT.format(source="JOIN p ON TRUE")
    + ") SELECT p.batas_waktu, EXISTS (SELECT 1 FROM s) FROM p"
)
# SQLite has no writing WITH: the same two statements in one transaction (SQLite writes one
# transaction at a time, so nothing comes between them).
_SQLITE_GUARD = _GUARD.format(
    opsi_in_item="EXISTS (SELECT 1 FROM json_each(b.urutan_opsi) WHERE value = %(opsi)s)"
)
_SQLITE_UPSERT = _UPSERT.format(source="")


_LARGEST = 2**63 - 1  # of a bigint key, on both databases


class Disimpan(NamedTuple):
    batas_waktu: datetime
    berlaku: bool  # False: a newer choice for the item was already saved


def save(
    pk: int, *, pegawai_id: int, urutan: int, opsi_id: int, nomor_kirim: int | None, now: datetime
) -> Disimpan | None:
    """Save the choice if every guard holds; None (and nothing written) if one does not. A key
    no row can have (out of the column's range) is refused without asking the database."""
    if not (0 < pk <= _LARGEST and 0 < opsi_id <= _LARGEST):
        return None
    params = {
        "pk": pk,
        "pegawai": pegawai_id,
        "berjalan": Percobaan.Status.BERJALAN,
        "now": connection.ops.adapt_datetimefield_value(now),
        "urutan": urutan,
        "opsi": opsi_id,
        "nomor": nomor_kirim,
    }
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(_POSTGRES, params)
            row = cursor.fetchone()
        return Disimpan(*row) if row else None
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(_SQLITE_GUARD, params)
        row = cursor.fetchone()
        if row is None:
            return None
        cursor.execute(_SQLITE_UPSERT, params)
        applied = cursor.fetchone() is not None
    return Disimpan(_utc(row[0]), applied)


def _utc(value: datetime) -> datetime:
    """SQLite hands a datetime column back as Django stored it: naive, in UTC."""
    return value.replace(tzinfo=UTC)
