"""What the attendance demo builder costs against the regency builder it follows, in one run.

  regency      the "OPD dan pegawai" builder at --scale (5,845 pegawai at 1): the floor
  attendance   the "Presensi 30 hari" builder on top of it: 30 days of check-ins, leave, the
               RSUD roster, activities, and the day close of each day
Prints attendance ÷ regency (the issue asks "built in seconds": a small fraction).
SQLite in var/bench/ by default; --postgres uses postgres://postgres@127.0.0.1:5432/
sikap_bench_demo_attendance, created and dropped here (SIKAP_BENCH_PG_NAME names another).
"""

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_db  # noqa: E402  (the database set-up)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres", action="store_true")
    parser.add_argument("--scale", type=float, default=1.0)
    args = parser.parse_args()
    bench_db.setup_django("demo_attendance", "sikap_bench_demo_attendance", args.postgres)
    from django.db import connection, transaction

    from sikap.accounts.system import system_actor
    from sikap.attendance.models import Presensi, StatusHarian
    from sikap.demo import attendance, regency
    from sikap.demo.builders import Options
    from sikap.demo.generator import DEFAULT_SEED
    from sikap.people.models import Pegawai

    options = Options(DEFAULT_SEED, args.scale, system_actor())
    seconds = {}
    for builder in (regency.BUILDER, attendance.BUILDER):
        started = time.perf_counter()
        with transaction.atomic():  # as `sikap demo` runs them
            print(builder.build(options))
        seconds[builder.name] = time.perf_counter() - started
    print(f"Demo builders on {connection.vendor}, scale {args.scale}:")
    print(f"  pegawai {Pegawai.objects.count()}, presensi {Presensi.objects.count()}, "
          f"status harian {StatusHarian.objects.count()}")  # fmt: skip
    for name, s in seconds.items():
        print(f"  {name:<20} {s:8.1f} s")
    ratio = seconds[attendance.BUILDER.name] / seconds[regency.BUILDER.name]
    print(f"  attendance ÷ regency {ratio:8.2f}x")


if __name__ == "__main__":
    main()
