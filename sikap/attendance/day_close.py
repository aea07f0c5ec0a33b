"""The day close: every pegawai in service gets the day's status (hadir with TL/PSW, TK, leave,
libur). Idempotent and re-runnable for a past date after a correction (approved leave, a
changed schedule): the date's rows are replaced in one transaction. Set-based: a fixed number
of queries whatever the number of pegawai.

Most days need no clock: a day off, no check-in at all, or in on time and out on time give one
outcome whatever the times (`rules.status_hari.hari_lazim`), so one INSERT … SELECT writes
them; only the other days (late, early, half a day, leave, a roster) go through `status_hari`
one by one."""

from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from django.db import connection, transaction
from django.db.models import QuerySet
from django.utils import timezone

from sikap.attendance.kalender import Kalender, jadwal_shift_bulan
from sikap.attendance.models import (
    Ketidakhadiran,
    PengaturanPresensi,
    Presensi,
    StatusHarian,
    status_of_jenis,
)
from sikap.core.jobs import job
from sikap.people.models import Pegawai
from sikap.rules.status_hari import HariLazim, hari_lazim, status_hari

_TABLE = connection.ops.quote_name(StatusHarian._meta.db_table)
_COLUMNS = ("pegawai_id", "opd_id", "tanggal", "status", "jenis_ketidakhadiran", "tl", "psw",
            "terlambat_menit", "pulang_cepat_menit", "masuk", "pulang")  # fmt: skip
_NAMES = ", ".join(connection.ops.quote_name(c) for c in _COLUMNS)
_INSERT = f"INSERT INTO {_TABLE} ({_NAMES}) VALUES ({', '.join(['%s'] * len(_COLUMNS))})"
# A field of a common day's outcome (`_FIELDS`): the unit does not work, no check-in nor
# check-out, or on time.
_OUTCOME = (
    "CASE WHEN j.kerja = 0 THEN %s WHEN m.waktu IS NULL AND k.waktu IS NULL THEN %s ELSE %s END"
)
_FIELDS = ("status", "tl", "psw", "terlambat_menit", "pulang_cepat_menit")


def tutup_hari(day: date) -> int:
    """Writes the statuses of `day`; returns how many."""
    kalender = Kalender([day])
    pita = PengaturanPresensi.current().pita
    tz = timezone.get_current_timezone()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {_TABLE} WHERE tanggal = %s", [_tanggal(day)])
        count = _tanpa_jam(cursor, day, kalender, hari_lazim(pita), tz)
        rows = _satu_per_satu(cursor, day, kalender, pita, tz)
        # One statement with many rows (executemany), not batches of model instances: the
        # same number of round trips for 50 pegawai or 100,000.
        cursor.executemany(_INSERT, rows)
    return count + len(rows)


def _tanpa_jam(cursor, day: date, kalender: Kalender, lazim: HariLazim, tz: tzinfo) -> int:
    """The common days in one INSERT … SELECT: each pegawai in service without a roster that
    month and without approved leave that day whose unit does not work (libur), or who has
    no accepted check-in nor check-out (TK), or who checked in at or before the start and out
    at or after the end (hadir on time). Their outcomes come from `status_hari` itself
    (`hari_lazim`); SQL only sorts the days."""
    units = Pegawai.objects.in_service().values_list("opd_id", "unit_id").distinct().order_by()
    values, params = [], []
    for opd_id, unit_id in units:
        jam = kalender.jam_unit(opd_id, unit_id, day)
        # A unit that does not work gets bounds too, so that each column has one type.
        mulai = _utc(jam.mulai(day) if jam else datetime.combine(day, time()), tz)
        selesai = _utc(jam.selesai(day), tz) if jam else mulai
        values.append("(%s, %s, %s, %s, %s)")
        params += [opd_id, unit_id or 0, int(jam is not None), _waktu(mulai), _waktu(selesai)]
    if not values:
        return 0
    pegawai = (
        Pegawai.objects.in_service()
        .exclude(pk__in=jadwal_shift_bulan(day, day).values("pegawai_id"))
        .exclude(pk__in=Ketidakhadiran.objects.disetujui().on(day).values("pegawai_id"))
        .values_list("pk", "opd_id", "unit_id")
        .order_by()
    )
    sql = f"WITH j (opd_id, unit_id, kerja, mulai, selesai) AS (VALUES {', '.join(values)})"
    for name, queryset in (
        ("p (id, opd_id, unit_id)", pegawai),
        ("m (pegawai_id, waktu)", _checks(day, Presensi.Jenis.MASUK)),
        ("k (pegawai_id, waktu)", _checks(day, Presensi.Jenis.PULANG)),
    ):
        cte, cte_params = _sql(queryset)
        sql += f", {name} AS ({cte})"
        params += cte_params
    params.append(_tanggal(day))
    for field in _FIELDS:
        params += [getattr(h, field) for h in (lazim.libur, lazim.tk, lazim.tepat_waktu)]
    # The WITH after INSERT: sqlite3 counts the rows of statements that begin with INSERT.
    cursor.execute(
        f"INSERT INTO {_TABLE} ({_NAMES}) {sql} SELECT p.id, p.opd_id, %s, {_OUTCOME}, '', "
        f"{_OUTCOME}, {_OUTCOME}, {_OUTCOME}, {_OUTCOME}, m.waktu, k.waktu FROM p "
        # A LEFT JOIN kept one (COALESCE rejects no null): SQLite reads each pegawai once and
        # looks their unit up, instead of reading an OPD's pegawai again for each of its units.
        "LEFT JOIN j ON j.opd_id = p.opd_id AND j.unit_id = COALESCE(p.unit_id, 0) "
        "LEFT JOIN m ON m.pegawai_id = p.id LEFT JOIN k ON k.pegawai_id = p.id "
        "WHERE COALESCE(j.kerja, -1) = 0 OR (COALESCE(j.kerja, -1) = 1 AND ("
        "(m.waktu IS NULL AND k.waktu IS NULL) OR (m.waktu <= j.mulai AND k.waktu >= j.selesai)))",
        params,
    )
    return cursor.rowcount


def _satu_per_satu(cursor, day: date, kalender: Kalender, pita: Sequence[int], tz: tzinfo):
    """The rows of the pegawai in service the INSERT … SELECT left (late, early, half a day,
    on leave, on a roster), each through `status_hari`, as tuples for `_INSERT`."""
    rest = Pegawai.objects.in_service().exclude(
        pk__in=StatusHarian.objects.filter(tanggal=day).values("pegawai_id")
    )
    absent = dict(Ketidakhadiran.objects.disetujui().on(day).values_list("pegawai_id", "jenis"))
    # The check-in times as the database holds them, written back unchanged; Django's
    # per-value conversion both ways cost more than the rest of the close on SQLite.
    checks = _checks(day).filter(pegawai__in=rest).values_list("pegawai_id", "jenis", "waktu")
    cursor.execute(*_sql(checks))
    stored: dict[str, dict[int, datetime]] = {"masuk": {}, "pulang": {}}
    for pk, jenis, waktu in cursor.fetchall():
        stored[jenis][pk] = waktu
    masuk_of, pulang_of = stored["masuk"], stored["pulang"]
    when = _tanggal(day)
    # Each working time's start and end that day, by the identity of the Kalender's object.
    bounds: dict[int, tuple[datetime, datetime]] = {}
    rows = []
    cursor.execute(*_sql(rest.values_list("pk", "opd_id", "unit_id").order_by()))
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
    return rows


def _checks(day: date, jenis: str | None = None) -> QuerySet:
    """The day's accepted check-ins and check-outs (one of each per pegawai at most)."""
    checks = Presensi.objects.diterima().filter(tanggal=day)
    if jenis is None:
        return checks.order_by()
    return checks.filter(jenis=jenis).values_list("pegawai_id", "waktu").order_by()


def _sql(queryset: QuerySet) -> tuple[str, tuple]:
    return queryset.query.sql_with_params()


def _tanggal(day: date):
    return connection.ops.adapt_datefield_value(day)


def _waktu(moment: datetime):
    """A time as the database stores it (SQLite: naive UTC text, compared as text)."""
    return connection.ops.adapt_datetimefield_value(moment)


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
