"""Memory of a large SIASN import (`make bench`): the peak resident size a 100,000-row file
adds to the process that imports it (a worker runs one import at a time), against the bound
of 500 MB, and against a floor measured in the same run: the file's rows read into lists with
the csv module (what any importer holding the rows at once must pay).

The import is measured as the job runs it: the file's bytes in memory, `import_siasn` with
progress reporting. Peak RSS (getrusage) after the database is migrated is the baseline. One
phase per process, since a peak cannot be reset: the floor is measured in a child process.
SQLite in var/bench/ by default; --postgres uses postgres://postgres@127.0.0.1:5432/sikap_bench.
"""

import argparse
import csv
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import import_siasn as bench  # noqa: E402  (the generator and database set-up of that bench)

LIMIT_MB = 500


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def floor(path: Path) -> None:
    before = peak_mb()
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, delimiter="|"))
    print(f"{peak_mb() - before:.0f} {len(rows)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--postgres", action="store_true")
    parser.add_argument("--floor", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.floor:
        return floor(args.floor)

    bench.setup_django(args.postgres)
    from sikap.people.import_service import import_siasn

    path = bench.BENCH_DIR / f"siasn_{args.rows}.csv"
    if not path.exists():
        bench.generate(path, args.rows)
    child = subprocess.run(
        [sys.executable, __file__, "--floor", str(path)], capture_output=True, text=True, check=True
    )
    floor_mb = float(child.stdout.split()[0])
    actor = bench.empty_database()
    data = path.read_bytes()
    baseline = peak_mb()
    start = time.perf_counter()
    report = import_siasn(data, actor=actor, filename=path.name, progress=lambda *a, **k: None)
    seconds = time.perf_counter() - start
    assert report.ok and report.created == args.rows, report.errors[:5]
    added = peak_mb() - baseline
    engine = "PostgreSQL" if args.postgres else "SQLite"
    print(
        f"SIASN import of {args.rows} rows ({len(data) / 2**20:.1f} MB CSV, {engine}): "
        f"peak RSS +{added:.0f} MB ({added * 1024 / args.rows:.1f} KB per row) in {seconds:.0f} s; "
        f"bound {LIMIT_MB} MB: {'within' if added <= LIMIT_MB else 'OVER'}; "
        f"floor (rows as lists) +{floor_mb:.0f} MB: {added / max(floor_mb, 1):.1f}× floor"
    )


if __name__ == "__main__":
    main()
