"""The day close: every pegawai in service gets the day's status (hadir with TL/PSW, TK, leave,
libur). Idempotent and re-runnable for a past date after a correction (approved leave, a
changed schedule): the date's rows are replaced in one transaction. Set-based: a fixed number
of queries whatever the number of pegawai."""

from datetime import UTC, date, datetime, timedelta, tzinfo

from django.db import connection, transaction
from django.db.models import QuerySet
from django.utils import timezone

from sikap.attendance.kalender import Kalender
from sikap.attendance.models import (
    Ketidakhadiran,
    PengaturanPresensi,
    Presensi,
    StatusHarian,
    status_of_jenis,
)
from sikap.core.jobs import job
from sikap.people.models import Pegawai
from sikap.rules.status_hari import status_hari

_TABLE = connection.ops.quote_name(StatusHarian._meta.db_table)
_COLUMNS = ("pegawai_id", "opd_id", "tanggal", "status", "jenis_ketidakhadiran", "tl", "psw",
            "terlambat_menit", "pulang_cepat_menit", "masuk", "pulang")  # fmt: skip
_INSERT = (
    f"INSERT INTO {_TABLE} ({', '.join(connection.ops.quote_name(c) for c in _COLUMNS)}) "
    f"VALUES ({', '.join(['%s'] * len(_COLUMNS))})"
)


def tutup_hari(day: date) -> int:
    """Writes the statuses of `day`; returns how many."""
    pegawai = Pegawai.objects.in_service().values_list("pk", "opd_id", "unit_id")
    kalender = Kalender([day])
    pita = PengaturanPresensi.current().pita
    checks = (
        Presensi.objects.diterima().filter(tanggal=day).values_list("pegawai_id", "jenis", "waktu")
    )
    absent = dict(Ketidakhadiran.objects.disetujui().on(day).values_list("pegawai_id", "jenis"))
    tz = timezone.get_current_timezone()
    when = connection.ops.adapt_datefield_value(day)
    # Each working time's start and end that day, by the identity of the Kalender's object.
    bounds: dict[int, tuple[datetime, datetime]] = {}
    rows = []
    with transaction.atomic(), connection.cursor() as cursor:
        # The check-in times as the database holds them, written back unchanged; Django's
        # per-value conversion both ways cost more than the rest of the close on SQLite.
        cursor.execute(*_sql(checks))
        stored: dict[str, dict[int, datetime]] = {"masuk": {}, "pulang": {}}
        for pk, jenis, waktu in cursor.fetchall():
            stored[jenis][pk] = waktu
        masuk_of, pulang_of = stored["masuk"], stored["pulang"]
        cursor.execute(*_sql(pegawai))
        for pk, opd_id, unit_id in cursor.fetchall():
            jam = kalender.jam(pk, opd_id, unit_id, day)
            masuk, pulang = masuk_of.get(pk), pulang_of.get(pk)
            jenis = absent.get(pk, "")
            if jam is None:
                mulai = selesai = None
            elif id(jam) in bounds:
                mulai, selesai = bounds[id(jam)]
            else:
                mulai, selesai = bounds[id(jam)] = (
                    _utc(jam.mulai(day), tz), _utc(jam.selesai(day), tz)
                )  # fmt: skip
            hari = status_hari(
                mulai=mulai,
                selesai=selesai,
                masuk=_aware(masuk),
                pulang=_aware(pulang),
                tidak_hadir=status_of_jenis(jenis) if jenis else None,
                pita=pita,
            )
            rows.append(
                (pk, opd_id, when, hari.status.value, jenis if jam else "", hari.tl, hari.psw,
                 hari.terlambat_menit, hari.pulang_cepat_menit, masuk, pulang)
            )  # fmt: skip
        # One statement with many rows (executemany), not batches of model instances: the
        # same number of round trips for 50 pegawai or 100,000.
        cursor.execute(f"DELETE FROM {_TABLE} WHERE tanggal = %s", [when])
        cursor.executemany(_INSERT, rows)
    return len(rows)


def _sql(queryset: QuerySet) -> tuple[str, tuple]:
    return queryset.query.sql_with_params()


def _utc(local: datetime, tz: tzinfo) -> datetime:
    # In UTC like the stored times: subtracting two times of one tzinfo skips the offsets.
    return local.replace(tzinfo=tz).astimezone(UTC)


def _aware(value: datetime | None) -> datetime | None:
    """A stored time as an aware datetime: SQLite answers naive UTC, PostgreSQL aware."""
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value


@job
def close_days(days: list[str], *, actor) -> int:
    """Re-close the given dates (ISO strings), e.g. after leave was approved for past days."""
    return sum(tutup_hari(date.fromisoformat(d)) for d in days)


@job
def close_yesterday(*, actor) -> int:
    """The daily schedule: close yesterday, once every night shift's check-out window is over
    (set its time at /kelola/, by default early afternoon)."""
    return tutup_hari(timezone.localdate() - timedelta(days=1))
