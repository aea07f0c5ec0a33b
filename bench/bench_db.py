"""The database set-up the one-process benchmarks share (kgb, pension, promotion): a fresh
SQLite file in var/bench/ or, with --postgres, a PostgreSQL database dropped and created anew
(SIKAP_BENCH_PG_NAME names another than the bench's own); then Django in production mode (no
query log in the timings), media under var/bench/, and the migrations."""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / "var" / "bench"
PG_SERVER = "postgres://postgres@127.0.0.1:5432"


def setup_django(name: str, pg_name: str, postgres: bool) -> None:
    """`name`: the SQLite file's stem; `pg_name`: the bench's PostgreSQL database."""
    pg_name = os.environ.get("SIKAP_BENCH_PG_NAME", pg_name)
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    db = BENCH_DIR / f"{name}.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    os.environ["DJANGO_SETTINGS_MODULE"] = "sikap.settings"
    os.environ["SIKAP_DATABASE_URL"] = f"{PG_SERVER}/{pg_name}" if postgres else f"sqlite:///{db}"
    os.environ["SIKAP_DEBUG"] = "false"
    os.environ["SIKAP_MEDIA_ROOT"] = str(BENCH_DIR / "media")
    os.environ.setdefault("SIKAP_SECRET_KEY", "bench-only-" + "x" * 40)
    sys.path.insert(0, str(ROOT))
    if postgres:
        import psycopg

        with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {pg_name}")
            conn.execute(f"CREATE DATABASE {pg_name}")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
