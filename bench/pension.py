"""What the pension projection costs, against a floor measured in the same run.

  window   the projection list of the default window (15 months) over --pegawai PNS, narrowed
           in SQL by birth date per BUP and decided by the rule ÷ one query reading the birth
           date and BUP of every pegawai in service (the least any projection must touch)
  yearly   the 5-year projection by OPD and position ÷ the same floor
  whole    projecting every pegawai with the rule (what the narrowing avoids) ÷ the same floor
SQLite in var/bench/ by default; --postgres uses
postgres://postgres@127.0.0.1:5432/sikap_bench_pension, created and dropped here
(SIKAP_BENCH_PG_NAME names another).
"""

import argparse
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_db  # noqa: E402  (the database set-up)

AS_OF = date(2026, 12, 1)


def populate(n: int) -> None:
    """n PNS in one OPD, born 1962–2000, on positions with BUP 58, 60 and 65."""
    from sikap.org.models import Jabatan, Opd, UnitKerja
    from sikap.people.models import Pegawai

    rng = random.Random(13)
    opd = Opd.objects.create(kode="BENCH", nama="Dinas Bench")
    unit = UnitKerja.objects.create(opd=opd, nama="Dinas Bench")
    jabatan = [
        Jabatan.objects.create(unit=unit, nama=f"Jabatan BUP {b}", jenis="jf", bup=b)
        for b in (58, 58, 58, 60, 65)
    ]
    start = date(1962, 1, 1)
    rows = []
    for i in range(n):
        lahir = start + timedelta(days=rng.randrange(38 * 365))
        j = jabatan[i % len(jabatan)]
        rows.append(
            Pegawai(
                nip=f"{i:018d}",
                nama=f"Pegawai {i}",
                tanggal_lahir=lahir,
                jenis_kelamin="L",
                status="pns",
                opd=opd,
                unit=unit,
                jabatan=j,
                jenis_jabatan="jf",
            )  # fmt: skip
        )
    Pegawai.objects.bulk_create(rows, batch_size=2000)


def timed(func, rounds: int = 5):
    best, result = float("inf"), None
    for _ in range(rounds):
        start = time.perf_counter()
        result = func()
        best = min(best, time.perf_counter() - start)
    return best, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--postgres", action="store_true")
    parser.add_argument("--pegawai", type=int, default=5845)
    args = parser.parse_args()
    bench_db.setup_django("pension", "sikap_bench_pension", args.postgres)
    populate(args.pegawai)
    from sikap.pension import selectors

    people = selectors.candidates()
    floor_s, _ = timed(lambda: list(people.values_list("tanggal_lahir", "jabatan__bup")))
    window_s, (due, _) = timed(lambda: selectors.due(people, AS_OF))
    yearly_s, data = timed(lambda: selectors.yearly(people, AS_OF))
    whole_s, _ = timed(lambda: selectors.projections(people, AS_OF))
    db = "PostgreSQL" if args.postgres else "SQLite"
    print(f"pension, {args.pegawai} pegawai ({db}); floor (birth date + BUP) {floor_s:.4f}s")
    ratio = window_s / floor_s
    print(f"  window 15 months ({len(due)} pegawai): {window_s:.4f}s = {ratio:.1f}× floor")
    ratio = yearly_s / floor_s
    print(f"  yearly 5 years ({sum(data.jumlah)} pegawai): {yearly_s:.4f}s = {ratio:.1f}× floor")
    print(f"  whole regency projected: {whole_s:.4f}s = {whole_s / floor_s:.1f}× floor")


if __name__ == "__main__":
    main()
