"""SIPERLU's two hot paths against floors measured in the same run.

  check-in   POST /api/v1/presensi through Django's full stack in process (device-token auth,
             throttle, idempotency lookup, device binding, schedule, geofence, attempt row),
             each request a different pegawai's accepted check-in, the first of their day in
             this process: their context comes from what the morning job stored;
  bare       POST to an endpoint mounted on the same API for this run only: the same token
             auth and throttle, then one INSERT of an attempt row (the floor);
  day close  `tutup_hari` for --pegawai pegawai, a working day (the check-ins above, then of
             the others: 78 % in and out on time, 12 % late, 5 % early, 3 % leave, 2 % no
             check-in), its rows checked equal to the rule applied to each pegawai one by one;
  one SQL    DELETE + one INSERT … SELECT that writes hadir/tk for the same pegawai (the floor).
Prints bare/check-in (requests per second ratio, goal ≥ 0.7) and day close/one SQL (goal ≤ 3);
--close-only skips the check-ins. SQLite in var/bench/ by default; --postgres uses
postgres://postgres@127.0.0.1:5432/sikap_bench_attendance, created and dropped here
(SIKAP_BENCH_PG_NAME names another).
"""

import argparse
import itertools
import json
import os
import random
import sys
import time
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / "var" / "bench"
PG_SERVER = "postgres://postgres@127.0.0.1:5432"
PG_NAME = os.environ.get("SIKAP_BENCH_PG_NAME", "sikap_bench_attendance")
NOW = datetime(2026, 4, 7, 7, 41, tzinfo=ZoneInfo("Asia/Jakarta"))  # a Tuesday
DAY = NOW.date()


def setup_django(postgres: bool) -> None:
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    db = BENCH_DIR / "attendance.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    os.environ["DJANGO_SETTINGS_MODULE"] = "sikap.settings"
    os.environ["SIKAP_DATABASE_URL"] = f"{PG_SERVER}/{PG_NAME}" if postgres else f"sqlite:///{db}"
    os.environ["SIKAP_DEBUG"] = "false"
    os.environ["SIKAP_SSL_REDIRECT"] = "false"  # in process, no TLS in front
    os.environ["SIKAP_API_RATE"] = "1000000/m"
    os.environ.setdefault("SIKAP_SECRET_KEY", "bench-only-" + "x" * 40)
    sys.path.insert(0, str(ROOT))
    if postgres:
        _postgres(f"DROP DATABASE IF EXISTS {PG_NAME}", f"CREATE DATABASE {PG_NAME}")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)


def _postgres(*statements: str) -> None:
    import psycopg

    with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as conn:
        for statement in statements:
            conn.execute(statement)


def make_regency(n: int):
    """`n` pegawai in service in 10 OPDs of 20 units each, each OPD with an office."""
    from sikap.org.models import LokasiKantor, Opd, UnitKerja
    from sikap.people.models import Pegawai

    opds = Opd.objects.bulk_create(Opd(kode=f"B{i:02d}", nama=f"Badan {i}") for i in range(10))
    units = UnitKerja.objects.bulk_create(
        UnitKerja(opd=opds[u % 10], nama=f"Bidang {u}") for u in range(200)
    )
    LokasiKantor.objects.bulk_create(
        LokasiKantor(opd=o, nama=f"Kantor {o.nama}", latitude=Decimal("-6.2"),
                     longitude=Decimal("106.8"), radius_m=100)
        for o in opds
    )  # fmt: skip
    Pegawai.objects.bulk_create(
        (
            Pegawai(nip=str(198001012005010000 + i), nama=f"Pegawai {i}",
                    tanggal_lahir=date(1980, 1, 1), jenis_kelamin="L", status="pns",
                    opd=opds[i % 10], unit=units[i % 200])
            for i in range(n)
        ),
        batch_size=2000,
    )  # fmt: skip
    return list(Pegawai.objects.order_by("pk"))


def make_day(people, skip: set[int]) -> None:
    """The working day of everyone but `skip` (who checked in through the API): on time, late,
    early, on leave or absent, at random seconds (seeded)."""
    from sikap.attendance.models import Ketidakhadiran, Presensi

    rng = random.Random(7)
    start, end = NOW.replace(hour=7, minute=30), NOW.replace(hour=16, minute=0)
    checks, away = [], []
    for p in people:
        if p.pk in skip:
            continue
        luck = rng.random()
        if luck < 0.03:
            away.append(Ketidakhadiran(pegawai=p, jenis="cuti_tahunan", mulai=DAY, selesai=DAY))
            continue
        if luck < 0.05:
            continue
        late = rng.uniform(1, 5400) if luck < 0.17 else -rng.uniform(0, 2400)
        early = rng.uniform(1, 4000) if 0.17 <= luck < 0.22 else -rng.uniform(0, 2400)
        for jenis, at in (("masuk", start + timedelta(seconds=late)),
                          ("pulang", end - timedelta(seconds=early))):  # fmt: skip
            checks.append(
                Presensi(pegawai=p, jenis=jenis, waktu=at, tanggal=DAY,
                         kunci=f"hari-{p.pk}-{jenis}", sidik="x", alasan="diterima", pesan="",
                         via="api")
            )  # fmt: skip
    Presensi.objects.bulk_create(checks, batch_size=2000)
    Ketidakhadiran.objects.bulk_create(away, batch_size=2000)


def by_rule() -> set[tuple]:
    """The day's rows as the rule gives them to each pegawai in service one by one: what the
    day close must write."""
    from django.utils import timezone

    from sikap.attendance.kalender import Kalender
    from sikap.attendance.models import (
        Ketidakhadiran,
        PengaturanPresensi,
        Presensi,
        status_of_jenis,
    )
    from sikap.people.models import Pegawai
    from sikap.rules.status_hari import status_hari

    kalender, pita = Kalender([DAY]), PengaturanPresensi.current().pita
    times = {
        (c.pegawai_id, c.jenis): c.waktu for c in Presensi.objects.diterima().filter(tanggal=DAY)
    }
    absent = dict(Ketidakhadiran.objects.disetujui().on(DAY).values_list("pegawai_id", "jenis"))
    tz = timezone.get_current_timezone()
    rows = set()
    for p in Pegawai.objects.in_service():
        jam = kalender.jam(p.pk, p.opd_id, p.unit_id, DAY)
        masuk, pulang = times.get((p.pk, "masuk")), times.get((p.pk, "pulang"))
        jenis = absent.get(p.pk, "")
        hari = status_hari(
            mulai=jam.mulai(DAY).replace(tzinfo=tz) if jam else None,
            selesai=jam.selesai(DAY).replace(tzinfo=tz) if jam else None,
            masuk=masuk, pulang=pulang,
            tidak_hadir=status_of_jenis(jenis) if jenis else None, pita=pita,
        )  # fmt: skip
        rows.add((p.pk, p.opd_id, hari.status.value, jenis if jam else "", hari.tl, hari.psw,
                  hari.terlambat_menit, hari.pulang_cepat_menit, masuk, pulang))  # fmt: skip
    return rows


def bare_router():
    """The floor: the same auth and throttle, then one INSERT of an attempt row."""
    from django.utils import timezone
    from ninja import Router

    from sikap.attendance.models import Presensi

    router = Router()
    counter = itertools.count()

    @router.post("", url_name="bench_bare", response={201: dict})
    def bare(request):
        Presensi.objects.create(
            pegawai_id=request.user.pegawai_id, jenis="masuk", waktu=timezone.now(),
            latitude=-6.2003, longitude=106.8, akurasi_m=10, kunci=f"bare{next(counter)}",
            sidik="x", alasan="luar_radius", pesan="", via="api",
        )  # fmt: skip
        return 201, {"ok": True}

    return router


def best(rounds: int, send_all, reset) -> float:
    times = []
    for _ in range(rounds):
        reset()
        started = time.perf_counter()
        send_all()
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres", action="store_true")
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--pegawai", type=int, default=5800)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--close-only", action="store_true", help="only the day close")
    args = parser.parse_args()
    if args.close_only:
        args.requests = 0
    setup_django(args.postgres)
    from django.conf import settings
    from django.db import connection, transaction
    from django.test import Client
    from django.utils import timezone

    from sikap.accounts.models import User
    from sikap.accounts.tokens import issue_token
    from sikap.api.v1 import api
    from sikap.attendance import konteks
    from sikap.attendance.day_close import tutup_hari
    from sikap.attendance.models import PerangkatPresensi, Presensi, StatusHarian

    timezone.now = lambda: NOW  # the server clock on a working morning
    # The accounts' passwords only need to exist (a token needs a usable one), not be slow.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    api.add_router("/bench", bare_router())
    people = make_regency(max(args.pegawai, args.requests))
    phones = []
    for p in people[: args.requests]:
        user = User.objects.create_user(username=p.nip, password="bench", pegawai=p)
        phones.append({"HTTP_AUTHORIZATION": f"Bearer {issue_token(user, 'HP', actor=user)[1]}"})
    # A morning peak: every phone was bound on its first day, long before.
    PerangkatPresensi.objects.bulk_create(
        PerangkatPresensi(pegawai=p, device_id="bench-device", status="disetujui")
        for p in people[: args.requests]
    )
    konteks.siapkan_konteks(DAY)  # the daily job, before the morning
    client = Client()
    keys = itertools.count()

    def body():
        return json.dumps(
            {"jenis": "masuk", "latitude": -6.2003, "longitude": 106.8, "akurasi_m": 10,
             "device_id": "bench-device", "kunci": f"kunci-{next(keys):08d}"}
        )  # fmt: skip

    def check_ins():
        for headers in phones:
            r = client.post("/api/v1/presensi", body(), content_type="application/json", **headers)
            assert r.status_code == 201, r.content

    def bares():
        for headers in phones:
            r = client.post("/api/v1/bench", "{}", content_type="application/json", **headers)
            assert r.status_code == 201, r.content

    def clear():
        Presensi.objects.all().delete()
        # Each request as in a process that has not seen this pegawai today: the context
        # comes with the pegawai row from what the morning job stored.
        konteks.lupakan()
        konteks.konfigurasi(DAY, konteks.tanda_wilayah())

    # Alternated, best of each: the machine is shared, so a slow spell hits both alike.
    full, bare = float("inf"), float("inf")
    for _ in range(args.repeat if phones else 0):
        full = min(full, best(1, check_ins, clear))
        bare = min(bare, best(1, bares, clear))
    check_ins()  # today's check-ins for the day close
    make_day(people, {p.pk for p in people[: args.requests]})
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # statistics, as autovacuum keeps them on a live database

    def close():
        tutup_hari(DAY)

    sql = (
        "INSERT INTO attendance_statusharian (pegawai_id, opd_id, tanggal, status, "
        "jenis_ketidakhadiran, tl, psw, terlambat_menit, pulang_cepat_menit, masuk, pulang) "
        "SELECT p.id, p.opd_id, %s, CASE WHEN m.id IS NULL THEN 'tk' ELSE 'hadir' END, '', "
        "0, 0, 0, 0, m.waktu, NULL FROM people_pegawai p LEFT JOIN attendance_presensi m "
        "ON m.pegawai_id = p.id AND m.tanggal = %s AND m.jenis = 'masuk' "
        "AND m.alasan = 'diterima' WHERE p.kedudukan = 'aktif'"
    )

    def one_sql():
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("DELETE FROM attendance_statusharian WHERE tanggal = %s", [DAY])
            cursor.execute(sql, [DAY, DAY])

    closing, floor = float("inf"), float("inf")
    for _ in range(args.repeat):
        closing = min(closing, best(1, close, lambda: None))
        floor = min(floor, best(1, one_sql, lambda: None))
    close()
    written = set(
        StatusHarian.objects.filter(tanggal=DAY).values_list(
            "pegawai_id", "opd_id", "status", "jenis_ketidakhadiran", "tl", "psw",
            "terlambat_menit", "pulang_cepat_menit", "masuk", "pulang",
        )
    )  # fmt: skip
    assert written == by_rule(), "the day close wrote other rows than the rule gives"
    n = len(phones)
    print(f"SIPERLU on {connection.vendor} (best of {args.repeat}):")
    if phones:
        print(f"  check-in, full stack   {n / full:8.0f} req/s  ({full / n * 1000:.2f} ms)")
        print(f"  bare insert endpoint   {n / bare:8.0f} req/s  ({bare / n * 1000:.2f} ms)")
        print(f"  check-in ÷ bare        {bare / full:8.2f}x  (goal ≥ 0.7)")
        regency_peak = 5800 / (30 * 60)
        print(f"  regency peak           {regency_peak:8.1f} req/s  → headroom "
              f"{(n / full) / regency_peak:.0f}x in one process")  # fmt: skip
    print(f"  day close, {len(people)} pegawai {closing:7.3f} s  (rows equal to the rule's)")
    print(f"  one INSERT … SELECT    {floor:8.3f} s")
    print(f"  day close ÷ one SQL    {closing / floor:8.2f}x  (goal ≤ 3)")
    connection.close()
    if args.postgres:
        _postgres(f"DROP DATABASE IF EXISTS {PG_NAME}")


if __name__ == "__main__":
    main()
