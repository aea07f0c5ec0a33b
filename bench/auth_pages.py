"""What the log-in hardening costs on every page, against a floor measured in the same run.

Each request of a logged-in user now passes the security headers (CSP, Permissions-Policy,
no-store), django-otp's middleware and the account gate (forced change, second factor). Times,
best of --repeat rounds of --requests requests of "Perangkat tertaut", through Django's whole
middleware stack in process:
  floor   the stack without those three middlewares;
  full    the stack as configured, for a pegawai and for an admin BKD (whose gate looks up
          second-factor devices).
Prints full/floor per role. SQLite in var/bench/ by default; --postgres uses
postgres://postgres@127.0.0.1:5432/sikap_bench_auth, created and dropped here.
"""

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.api_auth import PG_SERVER, best, make_pegawai  # noqa: E402

BENCH_DIR = ROOT / "var" / "bench"
PG_NAME = "sikap_bench_auth"
ADDED = (
    "sikap.core.headers.SecurityHeadersMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "sikap.accounts.gate.AccountGateMiddleware",
)


def _postgres(*statements: str) -> None:
    import psycopg

    with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as conn:
        for statement in statements:
            conn.execute(f"{statement} {PG_NAME}")


def setup_django(postgres: bool) -> None:
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    db = BENCH_DIR / "auth_pages.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    os.environ["DJANGO_SETTINGS_MODULE"] = "sikap.settings"
    os.environ["SIKAP_DATABASE_URL"] = f"{PG_SERVER}/{PG_NAME}" if postgres else f"sqlite:///{db}"
    os.environ["SIKAP_DEBUG"] = "false"  # no query log in the timings
    os.environ["SIKAP_SSL_REDIRECT"] = "false"  # in process, without TLS
    os.environ.setdefault("SIKAP_SECRET_KEY", "bench-only-" + "x" * 40)
    if postgres:
        _postgres("DROP DATABASE IF EXISTS", "CREATE DATABASE")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres", action="store_true")
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    setup_django(args.postgres)
    from django.conf import settings
    from django.db import connection
    from django.test import Client, override_settings

    from sikap.accounts.models import Peran, User

    pegawai = make_pegawai()
    admin = User.objects.create_user(username="admin.bench", peran=Peran.ADMIN_BKD)
    url = "/akun/perangkat/"

    def client(user, middleware):
        # The handler reads MIDDLEWARE at its first request: made inside the override.
        with override_settings(MIDDLEWARE=middleware):
            c = Client()
            c.force_login(user)
            assert c.get(url).status_code == 200
        return c

    without = [m for m in settings.MIDDLEWARE if m not in ADDED]
    print(f"Per-page cost of the log-in hardening on {connection.vendor} (best of {args.repeat}):")
    for name, user in (("pegawai", pegawai), ("admin BKD", admin)):
        floor_client, full_client = client(user, without), client(user, settings.MIDDLEWARE)
        # Rounds alternate, so that a busy moment of the machine hits both alike.
        floors, fulls = [], []
        for _ in range(args.repeat):
            floors.append(best(1, args.requests, lambda c=floor_client: c.get(url)))
            fulls.append(best(1, args.requests, lambda c=full_client: c.get(url)))
        floor, full = min(floors), min(fulls)
        print(
            f"  {name:<10} floor {floor * 1000:6.2f} ms  full {full * 1000:6.2f} ms"
            f"  = {full / floor:.2f}x"
        )
    connection.close()
    if args.postgres:
        _postgres("DROP DATABASE IF EXISTS")


if __name__ == "__main__":
    main()
