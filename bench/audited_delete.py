"""What auditing every cascaded row costs when a year's SAKIP plan is deleted, against Django's
own cascade delete measured in the same run.

The shipped SAKIP 2023 tables (sikap/performance/data) are imported once, their quarters set
back to draft (the service refuses to delete submitted or verified ones); each round deletes
Renja 2023 inside a transaction that is rolled back, so every round deletes the same tree:
  django    `renja.delete()`: Django's collector, fast deletes where it can, no audit;
  audited   `core.audited.delete(renja)`: every cascaded row loaded, one audit row each, the
            refusal check of `performance.services.delete_plan_object` asked of every row.
Prints the rows deleted and audited/django (best of --repeat). SQLite in var/bench/ by default;
--postgres uses postgres://postgres@127.0.0.1:5432/sikap_bench_delete, created and dropped here.
"""

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / "var" / "bench"
PG_SERVER = "postgres://postgres@127.0.0.1:5432"
PG_NAME = "sikap_bench_delete"


def setup_django(postgres: bool) -> None:
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    db = BENCH_DIR / "audited_delete.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    os.environ["DJANGO_SETTINGS_MODULE"] = "sikap.settings"
    os.environ["SIKAP_DATABASE_URL"] = f"{PG_SERVER}/{PG_NAME}" if postgres else f"sqlite:///{db}"
    os.environ["SIKAP_DEBUG"] = "false"  # no query log in the timings
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


class Rollback(Exception):
    pass


def timed(delete) -> tuple[float, int]:
    from django.db import transaction

    from sikap.core.models import AuditEntry
    from sikap.performance.models import Renja

    started = time.perf_counter()
    try:
        with transaction.atomic():
            before = AuditEntry.objects.count()
            delete(Renja.objects.get(tahun=2023))
            audited = AuditEntry.objects.count() - before
            elapsed = time.perf_counter() - started
            raise Rollback
    except Rollback:
        pass
    return elapsed, audited


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--postgres", action="store_true")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    setup_django(args.postgres)

    from sikap.accounts.models import Peran, User
    from sikap.demo.sakip import load_shipped
    from sikap.performance.models import RealisasiTriwulan, Status
    from sikap.performance.services import delete_plan_object

    actor = User.objects.create_user("perencana.bench", password="x" * 20, peran=Peran.PERENCANA)
    load_shipped(actor=actor)
    # The shipped year is verified, which the service refuses to delete: as a draft year here.
    RealisasiTriwulan.objects.update(state=Status.DRAF)
    django_best = min(timed(lambda renja: renja.delete())[0] for _ in range(args.repeat))
    runs = [timed(lambda renja: delete_plan_object(renja, actor=actor)) for _ in range(args.repeat)]
    audited_best, rows = min(runs)[0], runs[0][1]
    database = "PostgreSQL" if args.postgres else "SQLite"
    print(f"Delete Renja 2023 ({database}): {rows} rows, each audited")
    print(f"  django   {django_best * 1000:8.1f} ms")
    ratio = audited_best / django_best
    print(f"  audited  {audited_best * 1000:8.1f} ms   audited/django {ratio:.1f}×")
    if args.postgres:
        from django.db import connections

        connections.close_all()
        _postgres(f"DROP DATABASE IF EXISTS {PG_NAME}")


if __name__ == "__main__":
    main()
