"""SIJI KOMANDO under load: N simulated test takers, each answering one item every 10 seconds
(open loop: on schedule whether or not the previous answer came back), against a real server
— gunicorn with deploy/gunicorn.conf.py (5 sync workers, preloaded, persistent database
connections) on 127.0.0.1 — for a bounded time; then the same schedule against a bare insert
endpoint on the same server.

  answer   POST /api/v1/kompetensi/percobaan/<id>/jawaban (device token, throttle, one
           guarded statement: attempt checked and moved, answer upserted)
  bare     POST /api/v1/bench-kompetensi (device token, throttle, one INSERT; mounted only in
           bench/competency_app.py)

--repeat rounds (default 3), each on a fresh server warmed by WARM_UP requests of each
endpoint, then one run of each in alternating order (answers first in odd rounds). Prints each
run's p50/p99 latency and completed requests per second, each round's ratios answer ÷ bare for
throughput and bare p99 ÷ answer p99 (goal ≥ 0.7 each) with the load average, and per number
of takers every round's ratios and the worst. PostgreSQL (postgres://postgres@127.0.0.1:5432/
$SIKAP_BENCH_PG_NAME, default sikap_bench_competency, created and dropped here). Bounded:
--seconds per run (default 25), --takers (default 1000; several: 100,300,1000); the server is
stopped at the end whatever happens. The takers are split over --clients load processes
(default 4), each sending with a hand-written HTTP/1.1 client: one httpx client saturated its
own core at 1,000 takers and then set the pace instead of the server. Preparing 1,000 takers
takes about a minute; the default run about 3 minutes after that.
"""

import argparse
import asyncio
import json
import os
import random
import signal
import statistics
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PG_SERVER = "postgres://postgres@127.0.0.1:5432"
PG_NAME = os.environ.get("SIKAP_BENCH_PG_NAME", "sikap_bench_competency")
INTERVAL = 10.0  # seconds between two answers of one taker
# Open connections at once from the load client (a proxy in front pools them the same way);
# a request waiting for one is late, and the wait counts in its latency.
CONNECTIONS = 100  # per client process (--clients)
WARM_UP = 100  # requests of each endpoint a fresh server answers before a round


def _env(port: int, database: str = PG_NAME) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "sikap.settings",
        "SIKAP_DATABASE_URL": f"{PG_SERVER}/{database}",
        "SIKAP_DEBUG": "false",
        "SIKAP_SSL_REDIRECT": "false",  # TLS ends at the proxy in front
        "SIKAP_API_RATE": "1000000/m",
        "SIKAP_SECRET_KEY": os.environ.get("SIKAP_SECRET_KEY", "bench-only-" + "x" * 40),
        "SIKAP_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SIKAP_WEB_BIND": f"127.0.0.1:{port}",
        "SIKAP_WEB_ACCESS_LOG": "/dev/null",
    }


def _postgres(*statements: str) -> None:
    import psycopg

    with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as conn:
        for statement in statements:
            conn.execute(statement)


def prepare(takers: int, items: int) -> list[dict]:
    """A fresh database: one test of `items` items, `takers` pegawai with a device token and
    a running attempt each (started through the real service)."""
    _postgres(f"DROP DATABASE IF EXISTS {PG_NAME}", f"CREATE DATABASE {PG_NAME}")
    os.environ.update(_env(0))
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.utils import timezone

    call_command("migrate", interactive=False, verbosity=0)
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    from sikap.accounts.models import Peran, User
    from sikap.accounts.tokens import issue_token
    from sikap.competency import bank, services
    from sikap.competency.models import Kelompok, Kompetensi, Ujian, UjianKompetensi
    from sikap.org.models import Opd, UnitKerja
    from sikap.people.models import Pegawai

    admin = User.objects.create_user(username="admin.bkd", password="bench", peran=Peran.ADMIN_BKD)
    kompetensi = Kompetensi.objects.create(
        kode="integritas", nama="Integritas", kelompok=Kelompok.MANAJERIAL
    )
    for n in range(items):
        options = tuple(bank.Opsi(f"Pilihan {h} soal {n}", benar=h == "A") for h in "ABCD")
        bank.create_item(
            kode=f"B{n:03d}", kompetensi=kompetensi, level=n % 5 + 1, jenis="pg",
            isi=bank.Isi(f"Pertanyaan nomor {n} tentang integritas", options), actor=admin,
        )  # fmt: skip
    now = timezone.now()
    ujian = Ujian.objects.create(
        nama="Bench", durasi_menit=600, dibuka=now - timedelta(hours=1),
        ditutup=now + timedelta(days=1), terbit=True,
    )  # fmt: skip
    UjianKompetensi.objects.create(ujian=ujian, kompetensi=kompetensi, jumlah_soal=items)
    opd = Opd.objects.create(kode="B01", nama="Badan Bench")
    unit = UnitKerja.objects.create(opd=opd, nama="Badan Bench")
    people = Pegawai.objects.bulk_create(
        Pegawai(nip=f"19800101200501{i:04d}", nama=f"Peserta {i}", tanggal_lahir=date(1980, 1, 1),
                jenis_kelamin="L", status="pns", opd=opd, unit=unit)
        for i in range(takers)
    )  # fmt: skip
    found = []
    for p in people:
        user = User.objects.create_user(username=p.nip, password="bench", pegawai=p)
        token = issue_token(user, "HP", actor=user)[1]
        attempt = services.start(ujian.pk, actor=user).percobaan
        options = [b.urutan_opsi for b in attempt.butir.order_by("urutan")]
        found.append({"token": token, "percobaan": attempt.pk, "opsi": options})
    from django.db import connection

    connection.close()
    return found


def server_kind(workers: int, threads: int) -> str:
    if threads > 1:
        return f"{workers} gthread workers × {threads} threads"
    return f"{workers} sync workers"


def reset_tokens(database: str = PG_NAME, *statements: str) -> None:
    """Before each run (after `statements`) no token has been used: both endpoints pay the same
    token check, its once-a-minute last-used write included (without this, the second run of a
    round would find every token used seconds ago)."""
    import psycopg

    with psycopg.connect(f"{PG_SERVER}/{database}", autocommit=True) as conn:
        for statement in statements:
            conn.execute(statement)
        conn.execute("UPDATE accounts_token SET last_used_at = NULL")


def start_server(
    port: int,
    workers: int,
    app: str = "bench.competency_app:application",
    database: str = PG_NAME,
    threads: int = 1,
) -> subprocess.Popen:
    env = {
        **_env(port, database), "SIKAP_WEB_WORKERS": str(workers),
        "SIKAP_WEB_THREADS": str(threads), "PYTHONPATH": str(ROOT),
    }  # fmt: skip
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", str(ROOT / "deploy" / "gunicorn.conf.py"),
         app],
        cwd=ROOT, env=env, start_new_session=True,
    )  # fmt: skip
    import httpx

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            httpx.get(f"http://127.0.0.1:{port}/api/v1/openapi.json", timeout=2)
            return server
        except httpx.HTTPError:
            time.sleep(0.5)
    stop_server(server)
    raise SystemExit("gunicorn did not answer within 60 s")


def stop_server(server: subprocess.Popen) -> None:
    if server.poll() is None:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)


async def post(port: int, path: str, payload: dict, token: str, timeout: float = 30) -> int:
    """One POST to 127.0.0.1:`port` on a new connection, its status code (0: refused or timed
    out). Hand-written HTTP/1.1: one httpx client saturated its core at 100 requests/s,
    so at these rates the client, on the same 2 cores, took CPU the server needed. gunicorn's sync
    workers close every connection after the answer, so there is no keep-alive to use."""
    body = json.dumps(payload).encode()
    head = (
        f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {token}\r\n"
        f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n"
        "Connection: close\r\n\r\n"
    )

    async def exchange() -> int:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        try:
            writer.write(head.encode() + body)
            status = int((await reader.readline()).split()[1])
            await reader.read()  # the rest, to the close
            return status
        finally:
            writer.close()

    try:
        return await asyncio.wait_for(exchange(), timeout)
    except (OSError, TimeoutError, IndexError, ValueError):
        return 0


async def run(
    port: int, takers: list[dict], seconds: float, bare: bool
) -> tuple[list[float], int, float]:
    """Open loop: each taker sends at its own offset in the 10-s cycle and then every 10 s,
    whether or not its previous answer came back (a slow server does not slow the arrivals),
    until `seconds` pass; at most CONNECTIONS at once (a request waiting for one is late, and the
    wait counts). The latencies of the requests answered 2xx, the failures (errors, timeouts,
    and requests still waiting 30 s after the end), and the wall time."""
    latencies: list[float] = []
    failures = 0
    seq = 0
    connections = asyncio.Semaphore(CONNECTIONS)
    started = time.monotonic()
    end = started + seconds
    in_flight: set[asyncio.Task] = set()

    async def send(t: dict, n: int) -> None:
        nonlocal failures, seq
        seq += 1
        if bare:
            path, body = "/api/v1/bench-kompetensi", {"percobaan": t["percobaan"]}
        else:
            urutan = n % len(t["opsi"])
            path = f"/api/v1/kompetensi/percobaan/{t['percobaan']}/jawaban"
            body = {"urutan": urutan, "opsi": random.choice(t["opsi"][urutan]), "nomor_kirim": seq}
        sent = time.perf_counter()
        async with connections:
            status = await post(port, path, body, t["token"])
        if 200 <= status < 300:
            latencies.append(time.perf_counter() - sent)
        else:
            failures += 1

    async def taker(t: dict, offset: float) -> None:
        n = 0
        while (due := started + offset + n * INTERVAL) < end:
            await asyncio.sleep(max(0.0, due - time.monotonic()))
            task = asyncio.create_task(send(t, n))
            in_flight.add(task)
            task.add_done_callback(in_flight.discard)
            n += 1

    rng = random.Random(14)
    await asyncio.gather(*(taker(t, rng.uniform(0, INTERVAL)) for t in takers))
    pending = set(in_flight)
    if pending:
        _, pending = await asyncio.wait(pending, timeout=30)
    wall = time.monotonic() - started
    for task in pending:
        task.cancel()
    await asyncio.gather(*pending, return_exceptions=True)
    return latencies, failures + len(pending), wall


def _client(args: tuple[int, list[dict], float, bool, float]) -> tuple[list[float], int, float]:
    port, takers, seconds, bare, start_at = args
    time.sleep(max(0.0, start_at - time.time()))  # every client process starts the cycle at once
    return asyncio.run(run(port, takers, seconds, bare))


def load(port: int, takers: list[dict], seconds: float, bare: bool, processes: int):
    """`run` split over `processes` client processes (one asyncio client saturates its core
    near 100 requests/s and then, not the server, sets the pace): the latencies and failures of
    all, and the longest wall time."""
    import multiprocessing

    slices = [takers[i::processes] for i in range(processes)]
    start_at = time.time() + 2
    with multiprocessing.get_context("fork").Pool(processes) as pool:
        parts = pool.map(_client, [(port, part, seconds, bare, start_at) for part in slices])
    latencies = [x for lat, _, _ in parts for x in lat]
    return latencies, sum(f for _, f, _ in parts), max(w for _, _, w in parts)


def summary(name: str, latencies: list[float], failures: int, wall: float) -> dict:
    if not latencies:
        raise SystemExit(f"{name}: no request succeeded ({failures} failures)")
    ordered = sorted(latencies)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    figures = {
        "rps": len(latencies) / wall,
        "p50": statistics.median(ordered) * 1000,
        "p99": p99 * 1000,
        "failures": failures,
        "n": len(latencies),
    }
    print(f"  {name:<8} {figures['n']:6d} ok {failures:4d} failed  {figures['rps']:7.1f} req/s  "
          f"p50 {figures['p50']:7.1f} ms  p99 {figures['p99']:7.1f} ms")  # fmt: skip
    return figures


def load_average() -> str:
    """The machine's 1-minute load average (the figures of a run depend on what else runs)."""
    return Path("/proc/loadavg").read_text().split()[0] if Path("/proc/loadavg").exists() else "?"


def ratios(full: dict, bare: dict, name: str) -> tuple[float, float]:
    """Throughput full ÷ bare and p99 bare ÷ full (≥ 1: as good as the bare insert), printed."""
    throughput, p99 = full["rps"] / bare["rps"], bare["p99"] / full["p99"]
    print(f"  throughput {name} ÷ bare  {throughput:5.2f}x  (goal ≥ 0.7)")
    print(f"  p99 bare ÷ {name}         {p99:5.2f}x  (goal ≥ 0.7)", flush=True)
    return throughput, p99


def worst(rounds: list[tuple[float, float]], name: str) -> None:
    """Every round's two ratios and the worst of each: the range a closing note can quote."""
    print(f"Rounds (throughput {name} ÷ bare, p99 bare ÷ {name}): "
          + ", ".join(f"{t:.2f}x/{p:.2f}x" for t, p in rounds))  # fmt: skip
    print(f"Worst: throughput {min(t for t, _ in rounds):.2f}x, "
          f"p99 {min(p for _, p in rounds):.2f}x (goal ≥ 0.7 each)")  # fmt: skip


async def warm_up(port: int, takers: list[dict]) -> None:
    """Each taker's first answer and one bare insert, 20 at a time: a fresh server's workers
    have then set everything up once, as a long-running server has."""
    connections = asyncio.Semaphore(20)

    async def send(path: str, body: dict, token: str) -> None:
        async with connections:
            await post(port, path, body, token, timeout=60)

    await asyncio.gather(*(
        send(f"/api/v1/kompetensi/percobaan/{t['percobaan']}/jawaban",
             {"urutan": 0, "opsi": t["opsi"][0][0], "nomor_kirim": 0}, t["token"])
        for t in takers
    ))  # fmt: skip
    await asyncio.gather(*(
        send("/api/v1/bench-kompetensi", {"percobaan": t["percobaan"]}, t["token"])
        for t in takers
    ))  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--takers", default="1000", help="counts of takers, e.g. 100,300,1000")
    parser.add_argument("--seconds", type=float, default=25)
    parser.add_argument("--repeat", type=int, default=3, help="rounds, each on a fresh server")
    parser.add_argument("--items", type=int, default=20)
    parser.add_argument("--workers", type=int, default=(os.cpu_count() or 1) * 2 + 1)
    parser.add_argument("--threads", type=int, default=1, help="> 1: gthread workers")
    parser.add_argument("--port", type=int, default=8104)
    parser.add_argument("--clients", type=int, default=4, help="load client processes")
    args = parser.parse_args()
    counts = [int(n) for n in args.takers.split(",")]
    print(f"Preparing {max(counts)} takers ({args.items} items each) on PostgreSQL …", flush=True)
    started = time.monotonic()
    takers = prepare(max(counts), args.items)
    print(f"  prepared in {time.monotonic() - started:.0f} s", flush=True)
    print(
        f"SIJI KOMANDO, gunicorn {server_kind(args.workers, args.threads)} "
        f"(deploy/gunicorn.conf.py), open loop: each taker one request per {INTERVAL:.0f} s, "
        f"{args.seconds:.0f} s per run, {args.clients} client processes of at most "
        f"{CONNECTIONS} connections each; {args.repeat} rounds, each on a fresh server warmed "
        f"by {WARM_UP} requests of each endpoint, the two runs in alternating order. Ratios: "
        "≥ 1 means the answer save is as good as the bare insert; the goal is ≥ 0.7 for both."
    )
    rounds: dict[int, list[tuple[float, float]]] = {n: [] for n in counts}
    try:
        for r in range(args.repeat):
            server = start_server(args.port, args.workers, threads=args.threads)
            try:
                asyncio.run(warm_up(args.port, takers[:WARM_UP]))
                for n in counts:
                    print(f" round {r + 1}, {n} takers (offered {n / INTERVAL:.0f} req/s, "
                          f"load average {load_average()}):", flush=True)  # fmt: skip
                    chosen = takers[:n]
                    figures = {}
                    for bare in (False, True) if r % 2 == 0 else (True, False):
                        name = "bare" if bare else "answer"
                        reset_tokens()
                        figures[name] = summary(
                            name, *load(args.port, chosen, args.seconds, bare, args.clients)
                        )
                    rounds[n].append(ratios(figures["answer"], figures["bare"], "answer"))
            finally:
                stop_server(server)
        for n in counts:
            print(f"{n} takers:")
            worst(rounds[n], "answer")
    finally:
        _postgres(f"DROP DATABASE IF EXISTS {PG_NAME}")


if __name__ == "__main__":
    main()
