"""SIPERLU check-in under load: 32 concurrent clients (closed loop: each sends its next
request when the last is answered) against a real server — gunicorn with
deploy/gunicorn.conf.py (5 sync workers, preloaded, persistent database connections) on
127.0.0.1 and PostgreSQL — and the same against the bare insert endpoint on the same server.

  check-in  POST /api/v1/presensi (device token, throttle, idempotency, the pegawai row locked,
            schedule, geofence, the attempt row), each request a different pegawai's first
            check-in of the day (their context from what the morning job stored)
  bare      POST /api/v1/bench (device token, throttle, one INSERT; bench/attendance_app.py)

--repeat rounds (default 3), each on a fresh server warmed by WARM_UP requests of each endpoint
(other pegawai), then one run of each in alternating order (check-in first in odd rounds), each
run from the same state (no attempt stored, no token used yet). Prints each run's p50/p99
latency and completed requests per second, each round's ratios check-in ÷ bare (throughput)
and bare p99 ÷ check-in p99 (goal ≥ 0.7 each) with the load average, every round's ratios and
the worst, and the headroom: throughput ÷ the regency's peak (5,800 check-ins in 30 min =
3.2/s) and ÷ the province's (100,000 in 30 min = 55.6/s). PostgreSQL postgres://postgres@
127.0.0.1:5432/$SIKAP_BENCH_PG_NAME (default sikap_bench_attendance_load), created and dropped
here. Bounded: each run stops after --seconds (default 20) or when every pegawai has checked in
once; the server is stopped whatever happens. Preparing 5,800 pegawai takes about a minute;
the default run about 2.5 minutes after that.
"""

import argparse
import asyncio
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.competency import (  # noqa: E402
    _env,
    _postgres,
    load_average,
    post,
    ratios,
    reset_tokens,
    server_kind,
    start_server,
    stop_server,
    summary,
    worst,
)

PG_NAME = os.environ.get("SIKAP_BENCH_PG_NAME", "sikap_bench_attendance_load")
REGENCY_PEAK = 5800 / (30 * 60)
PROVINCE_PEAK = 100_000 / (30 * 60)
# Requests of each endpoint a fresh server answers before the measured runs (its workers have
# then imported and set up everything once, as a long-running server has), with pegawai of
# their own so that the measured check-ins stay each pegawai's first in the process.
WARM_UP = 200


def prepare(n: int) -> list[str]:
    """A fresh database: `n` pegawai in 10 OPDs, each with a device token and a bound phone,
    and the morning job's stored contexts. Returns the tokens."""
    _postgres(f"DROP DATABASE IF EXISTS {PG_NAME}", f"CREATE DATABASE {PG_NAME}")
    os.environ.update(_env(0, PG_NAME))
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    from bench.attendance import DAY, make_regency
    from sikap.accounts.models import User
    from sikap.accounts.tokens import issue_token
    from sikap.attendance import konteks
    from sikap.attendance.models import PerangkatPresensi

    people = make_regency(n)
    tokens = []
    for p in people:
        user = User.objects.create_user(username=p.nip, password="bench", pegawai=p)
        tokens.append(issue_token(user, "HP", actor=user)[1])
    PerangkatPresensi.objects.bulk_create(
        PerangkatPresensi(pegawai=p, device_id="bench-device", status="disetujui") for p in people
    )
    konteks.siapkan_konteks(DAY)
    from django.db import connection

    connection.close()
    return tokens


async def run(port: int, tokens: list[str], clients: int, seconds: float, bare: bool):
    """`clients` loops share the tokens, each token used once; the latencies of the requests
    answered 201, the failures, and the wall time."""
    latencies: list[float] = []
    failures = 0
    queue = iter(enumerate(tokens))
    path = "/api/v1/bench" if bare else "/api/v1/presensi"
    started = time.monotonic()
    end = started + seconds

    async def loop() -> None:
        nonlocal failures
        for i, token in queue:
            if time.monotonic() >= end:
                return
            body = {} if bare else {
                "jenis": "masuk", "latitude": -6.2003, "longitude": 106.8,
                "akurasi_m": 10, "device_id": "bench-device", "kunci": f"load-{i:08d}",
            }  # fmt: skip
            sent = time.perf_counter()
            if await post(port, path, body, token) == 201:
                latencies.append(time.perf_counter() - sent)
            else:
                failures += 1

    await asyncio.gather(*(loop() for _ in range(clients)))
    return latencies, failures, time.monotonic() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pegawai", type=int, default=5800)
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--repeat", type=int, default=3, help="rounds, each on a fresh server")
    parser.add_argument("--workers", type=int, default=(os.cpu_count() or 1) * 2 + 1)
    parser.add_argument("--threads", type=int, default=1, help="> 1: gthread workers")
    parser.add_argument("--port", type=int, default=8320)
    args = parser.parse_args()
    print(f"Preparing {args.pegawai} pegawai with tokens on PostgreSQL …", flush=True)
    started = time.monotonic()
    tokens = prepare(args.pegawai + WARM_UP)
    print(f"  prepared in {time.monotonic() - started:.0f} s", flush=True)
    warm, tokens = tokens[:WARM_UP], tokens[WARM_UP:]
    print(f"SIPERLU check-in, gunicorn {server_kind(args.workers, args.threads)}, "
          f"{args.clients} clients, ≤ {args.seconds:.0f} s or {len(tokens)} requests per run, "
          f"{args.repeat} rounds (each: a fresh server warmed by {WARM_UP} requests of each "
          "endpoint, then both runs, in alternating order):")  # fmt: skip
    rounds = []
    slowest = float("inf")
    try:
        for n in range(args.repeat):
            server = start_server(
                args.port, args.workers, app="bench.attendance_app:application",
                database=PG_NAME, threads=args.threads,
            )  # fmt: skip
            try:
                for bare in (False, True):
                    asyncio.run(run(args.port, warm, args.clients, args.seconds, bare))
                print(f" round {n + 1} (load average {load_average()}):", flush=True)
                figures = {}
                for bare in (False, True) if n % 2 == 0 else (True, False):
                    # No attempt stored yet: every request a pegawai's first check-in.
                    reset_tokens(PG_NAME, "TRUNCATE attendance_presensi")
                    name = "bare" if bare else "check-in"
                    figures[name] = summary(
                        name, *asyncio.run(run(args.port, tokens, args.clients, args.seconds, bare))
                    )
            finally:
                stop_server(server)
            rounds.append(ratios(figures["check-in"], figures["bare"], "check-in"))
            slowest = min(slowest, figures["check-in"]["rps"])
        worst(rounds, "check-in")
        for name, peak in (("regency", REGENCY_PEAK), ("province", PROVINCE_PEAK)):
            print(f"{name} peak {peak:5.1f}/s → headroom {slowest / peak:5.1f}x "
                  "(the slowest round's check-ins)")  # fmt: skip
    finally:
        _postgres(f"DROP DATABASE IF EXISTS {PG_NAME}")


if __name__ == "__main__":
    main()
