"""What authenticating a phone request costs, against floors measured in the same run.

A morning of check-ins is dozens of requests per second per regency; a full log-in hashes the
password with Argon2 (deliberately slow), so phones log in once per device and then send a
token that is checked with one indexed lookup of its SHA-256 digest. Times, best of --repeat
rounds of --requests requests each, through Django's full middleware stack (in process):
  session   GET /api/v1/me/notifications with a logged-in web session (the floor);
  token     the same request with `Authorization: Bearer <token>`;
  log-in    POST /api/v1/auth/token (NIP + password → a new device token), Argon2 included.
Prints token/session and log-in/token. SQLite in var/bench/ by default; --postgres uses
postgres://postgres@127.0.0.1:5432/sikap_bench_api, created and dropped here.
"""

import argparse
import json
import os
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / "var" / "bench"
PG_SERVER = "postgres://postgres@127.0.0.1:5432"
PG_NAME = "sikap_bench_api"
PASSWORD = "bench-sandi-yang-panjang-2023"
NIP = "198001012005011001"


def setup_django(postgres: bool) -> None:
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    db = BENCH_DIR / "api_auth.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    os.environ["DJANGO_SETTINGS_MODULE"] = "sikap.settings"
    os.environ["SIKAP_DATABASE_URL"] = f"{PG_SERVER}/{PG_NAME}" if postgres else f"sqlite:///{db}"
    os.environ["SIKAP_DEBUG"] = "false"  # no query log in the timings
    os.environ["SIKAP_API_RATE"] = "1000000/m"  # the throttle is not what is measured
    os.environ["SIKAP_SSL_REDIRECT"] = "false"  # in process, without TLS
    os.environ.setdefault("SIKAP_SECRET_KEY", "bench-only-" + "x" * 40)
    sys.path.insert(0, str(ROOT))
    if postgres:
        _postgres("DROP DATABASE IF EXISTS", f"CREATE DATABASE {PG_NAME}")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)


def _postgres(*statements: str) -> None:
    import psycopg

    with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as conn:
        for statement in statements:
            conn.execute(f"{statement} {PG_NAME}" if statement.endswith("EXISTS") else statement)


def make_pegawai():
    """One pegawai with an account whose password is hashed with the production hasher."""
    from sikap.accounts.models import User
    from sikap.org.models import Jabatan, Opd, UnitKerja
    from sikap.people.models import Pegawai

    opd = Opd.objects.create(kode="BENCH", nama="Badan Uji")
    unit = UnitKerja.objects.create(opd=opd, nama="Badan Uji")
    jabatan = Jabatan.objects.create(unit=unit, nama="Analis")
    pegawai = Pegawai.objects.create(
        nip=NIP,
        nama="Pegawai Uji",
        tanggal_lahir=date(1980, 1, 1),
        jenis_kelamin="L",
        tmt_cpns=date(2005, 1, 1),
        opd=opd,
        unit=unit,
        jabatan=jabatan,
    )
    return User.objects.create_user(username=NIP, password=PASSWORD, pegawai=pegawai)


def best(rounds: int, requests: int, send) -> float:
    """Seconds per request, best round."""
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        for _ in range(requests):
            send()
        times.append((time.perf_counter() - started) / requests)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres", action="store_true")
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    setup_django(args.postgres)
    from django.db import connection
    from django.test import Client

    user = make_pegawai()
    url = "/api/v1/me/notifications"
    web = Client()
    web.force_login(user)
    phone = Client()
    body = json.dumps({"nip": NIP, "password": PASSWORD, "perangkat": "HP"})
    login = phone.post("/api/v1/auth/token", body, content_type="application/json")
    assert login.status_code == 201, login.content
    bearer = {"HTTP_AUTHORIZATION": f"Bearer {login.json()['token']}"}

    def by_session():
        assert web.get(url).status_code == 200

    def by_token():
        assert phone.get(url, **bearer).status_code == 200

    def by_password():
        response = Client().post("/api/v1/auth/token", body, content_type="application/json")
        assert response.status_code == 201

    session = best(args.repeat, args.requests, by_session)
    token = best(args.repeat, args.requests, by_token)
    full = best(args.repeat, max(args.requests // 20, 5), by_password)
    print(f"API authentication on {connection.vendor} (best of {args.repeat}):")
    print(f"  session request (floor)  {session * 1000:7.2f} ms")
    print(f"  token request            {token * 1000:7.2f} ms  = {token / session:.2f}x session")
    print(f"  log-in (Argon2)          {full * 1000:7.2f} ms  = {full / token:.1f}x token request")
    connection.close()
    if args.postgres:
        _postgres("DROP DATABASE IF EXISTS")


if __name__ == "__main__":
    main()
