"""The day close: every pegawai in service gets the day's status (hadir with TL/PSW, TK, leave,
libur). Idempotent and re-runnable for a past date after a correction (approved leave, a
changed schedule): the date's rows are replaced in one transaction. Set-based: a fixed number
of queries whatever the number of pegawai."""

from datetime import date, timedelta

from django.db import connection, transaction
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
    pegawai = list(Pegawai.objects.in_service().values_list("pk", "opd_id", "unit_id"))
    kalender = Kalender([day])
    pita = PengaturanPresensi.current().pita
    checks: dict[tuple[int, str], object] = {
        (pk, jenis): waktu
        for pk, jenis, waktu in Presensi.objects.diterima()
        .filter(tanggal=day)
        .values_list("pegawai_id", "jenis", "waktu")
    }
    absent = dict(Ketidakhadiran.objects.disetujui().on(day).values_list("pegawai_id", "jenis"))
    tz = timezone.get_current_timezone()
    ops = connection.ops
    stamp = ops.adapt_datetimefield_value
    when = ops.adapt_datefield_value(day)
    rows = []
    for pk, opd_id, unit_id in pegawai:
        jam = kalender.jam(pk, opd_id, unit_id, day)
        masuk, pulang = checks.get((pk, "masuk")), checks.get((pk, "pulang"))
        jenis = absent.get(pk, "")
        hari = status_hari(
            mulai=jam.mulai(day).replace(tzinfo=tz) if jam else None,
            selesai=jam.selesai(day).replace(tzinfo=tz) if jam else None,
            masuk=masuk,
            pulang=pulang,
            tidak_hadir=status_of_jenis(jenis) if jenis else None,
            pita=pita,
        )
        rows.append(
            (pk, opd_id, when, hari.status.value, jenis if jam else "", hari.tl, hari.psw,
             hari.terlambat_menit, hari.pulang_cepat_menit, stamp(masuk), stamp(pulang))
        )  # fmt: skip
    # One statement with many rows (executemany), not batches of model instances: the same
    # number of round trips for 50 pegawai or 100,000.
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {_TABLE} WHERE tanggal = %s", [when])
        cursor.executemany(_INSERT, rows)
    return len(rows)


@job
def close_days(days: list[str], *, actor) -> int:
    """Re-close the given dates (ISO strings), e.g. after leave was approved for past days."""
    return sum(tutup_hari(date.fromisoformat(d)) for d in days)


@job
def close_yesterday(*, actor) -> int:
    """The daily schedule: close yesterday, once every night shift's check-out window is over
    (set its time at /kelola/, by default early afternoon)."""
    return tutup_hari(timezone.localdate() - timedelta(days=1))
