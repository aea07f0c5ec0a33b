"""Benchmark of the SIASN import against a floor measured in the same run (`make bench`).

Generates a deterministic SIASN "download data pegawai" CSV (50,000 rows by default, 30 OPDs)
and times, each on an emptied database:
  floor     read + split the file with the csv module, bulk insert minimally mapped pegawai
  import    the full `import_siasn` (validation, OPD/unit/jabatan, histories, audit)
  reimport  the same file again: every row unchanged
The ratio is the phase's time divided by the floor's. SQLite in var/bench/ by default;
--postgres uses postgres://postgres@127.0.0.1:5432/sikap_bench, created and dropped here.
"""

import argparse
import cProfile
import csv
import io
import os
import pstats
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / "var" / "bench"
PG_SERVER = "postgres://postgres@127.0.0.1:5432"
PG_NAME = "sikap_bench"


# (BKN code, name, share) — roughly the regency's spread of diplomas.
PENDIDIKAN = [
    ("15", "SLTA", "SMA IPA", 14), ("17", "SLTA Kejuruan", "SMK Administrasi Perkantoran", 4),
    ("30", "D-III", "D-III Keperawatan", 12), ("35", "D-IV", "D-IV Kebidanan", 4),
    ("40", "S-1", "S-1 Pendidikan Guru Sekolah Dasar", 52), ("45", "S-2", "S-2 Manajemen", 12),
    ("50", "S-3", "S-3 Ilmu Administrasi", 1), ("10", "SLTP", "SMP", 1),
]  # fmt: skip
GOL_PNS = [("21", "II/a"), ("22", "II/b"), ("23", "II/c"), ("24", "II/d"), ("31", "III/a"),
           ("32", "III/b"), ("33", "III/c"), ("34", "III/d"), ("41", "IV/a"), ("42", "IV/b"),
           ("43", "IV/c")]  # fmt: skip
GOL_WEIGHTS = [3, 4, 5, 6, 12, 14, 14, 14, 20, 6, 2]
GOL_PPPK = [("5", "V"), ("7", "VII"), ("9", "IX"), ("10", "X")]
NAMES = ["AGUS", "BUDI", "SITI", "DEWI", "RUDI", "SRI", "ANI", "EKO", "YULI", "HADI",
         "NUR", "WAHYU", "RINA", "JOKO", "LILIK", "ENDAH", "SUGENG", "TITIK"]  # fmt: skip
SURNAMES = ["SANTOSO", "RAHAYU", "WIBOWO", "LESTARI", "HARTONO", "SETIAWAN", "PURNOMO",
            "WULANDARI", "HIDAYAT", "SUSANTO", "HANDAYANI", "PRASETYO"]  # fmt: skip


def hex_id(rng: random.Random) -> str:
    return f"{rng.getrandbits(128):032X}"


def organisation(rng: random.Random) -> list[dict]:
    """30 OPDs, each with a few units and positions, as SIASN IDs and names."""
    opds = []
    for i in range(30):
        satker = {"id": hex_id(rng), "nama": f"DINAS NOMOR {i + 1:02d} KABUPATEN LUMAJANG"}
        units = [{"id": satker["id"], "nama": satker["nama"]}] + [
            {"id": hex_id(rng), "nama": f"BIDANG {j + 1} DINAS {i + 1:02d}"}
            for j in range(rng.randint(4, 9))
        ]
        posts = []
        for j, unit in enumerate(units):
            eselon = ("22", "II.b") if j == 0 else ("32", "III.b")
            posts.append((unit, "1", hex_id(rng), f"KEPALA {unit['nama']}", eselon))
            posts.append((unit, "4", hex_id(rng), f"PENGADMINISTRASI UMUM {j}", None))
            posts.append((unit, "4", hex_id(rng), f"PENGELOLA KEUANGAN {j}", None))
            posts.append((unit, "2", hex_id(rng), f"ANALIS KEBIJAKAN AHLI MUDA {j}", None))
            posts.append((unit, "2", hex_id(rng), f"GURU AHLI PERTAMA {j}", None))
        opds.append({"satker": satker, "posts": posts})
    return opds


def generate(path: Path, rows: int, seed: int = 20240101) -> None:
    from sikap.people.siasn import EXPORT_COLUMNS  # after django.setup()

    rng = random.Random(seed)
    opds = organisation(rng)
    pendidikan_weights = [p[3] for p in PENDIDIKAN]
    used = set()
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, delimiter="|", lineterminator="\r\n")
        # The 64 columns plus the ESELON pair that some downloads carry.
        writer.writerow([*EXPORT_COLUMNS, "ESELON ID", "ESELON NAMA"])
        for n in range(rows):
            opd = opds[n % len(opds)]
            unit, jenis_jabatan, jabatan_id, jabatan_nama, eselon = rng.choice(opd["posts"])
            pppk = rng.random() < 0.15
            male = rng.random() < 0.48
            born = date(1965, 1, 1) + timedelta(days=rng.randrange(35 * 365))
            tmt_cpns = date(min(born.year + rng.randint(22, 34), 2024), rng.choice((1, 3, 4)), 1)
            if pppk:
                tmt_cpns = date(rng.choice((2021, 2022, 2023)), rng.choice((1, 3)), 1)
            while True:
                urut = rng.randint(1, 999)
                nip = f"{born:%Y%m%d}{tmt_cpns:%Y%m}{1 if male else 2}{urut:03d}"
                if nip not in used:
                    used.add(nip)
                    break
            day = born.day + (0 if male else 40)
            nik = f"350801{day:02d}{born:%m%y}{rng.randint(1, 9999):04d}"
            tingkat, tingkat_nama, jurusan, _ = rng.choices(PENDIDIKAN, pendidikan_weights)[0]
            if pppk:
                gol_id, gol_nama = rng.choice(GOL_PPPK)
                kedudukan, kedudukan_nama, status_cpns = "71", "PPPK Aktif", ""
            else:
                gol_id, gol_nama = rng.choices(GOL_PNS, GOL_WEIGHTS)[0]
                kedudukan, kedudukan_nama = "01", "Aktif"
                status_cpns = "C" if tmt_cpns.year >= 2024 else "P"
            tmt_golongan = date(max(tmt_cpns.year, 2024 - rng.randint(0, 12)), 4, 1)
            nama = f"{rng.choice(NAMES)} {rng.choice(SURNAMES)}"
            writer.writerow([
                hex_id(rng), nip, "", nama, "", "S.Pd." if tingkat == "40" else "",
                hex_id(rng), "LUMAJANG", f"{born:%d-%m-%Y}", "M" if male else "F", "1", "Islam",
                "2", "Menikah", nik, f"08{rng.randint(10**9, 10**10 - 1)}",
                f"{nama.split()[0].lower()}{n}@example.com", "", "JL. RAYA NO. 1 LUMAJANG", "",
                "", "4" if not pppk else "5", "PNS DAERAH" if not pppk else "PPPK", kedudukan,
                kedudukan_nama, status_cpns, "", "", "",
                "" if pppk else f"{tmt_cpns:%d-%m-%Y}", "", "",
                "" if pppk else f"{tmt_cpns.replace(year=tmt_cpns.year + 1):%d-%m-%Y}",
                gol_id, gol_nama, gol_id, gol_nama, f"{tmt_golongan:%d-%m-%Y}",
                str(rng.randint(0, 30)), str(rng.randint(0, 11)), jenis_jabatan,
                {"1": "Struktural", "2": "Fungsional", "4": "Pelaksana"}[jenis_jabatan],
                jabatan_id, jabatan_nama, f"01-{rng.randint(1, 12):02d}-{rng.randint(2015, 2024)}",
                tingkat, tingkat_nama, hex_id(rng), jurusan,
                str(min(born.year + 22, tmt_cpns.year)), "", "", "", "", unit["id"],
                unit["nama"], "", "Pemerintah Kab. Lumajang", "", "Pemerintah Kab. Lumajang", "",
                "", opd["satker"]["id"], opd["satker"]["nama"],
                *(eselon or ("", "")),
            ])  # fmt: skip


def setup_django(postgres: bool) -> str:
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    if postgres:
        import psycopg

        with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {PG_NAME}")
            conn.execute(f"CREATE DATABASE {PG_NAME}")
        url = f"{PG_SERVER}/{PG_NAME}"
    else:
        db = BENCH_DIR / "bench.sqlite3"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        url = f"sqlite:///{db}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "sikap.settings"
    os.environ["SIKAP_DATABASE_URL"] = url
    # Production mode: no query logging in the timings. The file is larger than the upload cap.
    os.environ["SIKAP_DEBUG"] = "false"
    os.environ.setdefault("SIKAP_SECRET_KEY", "bench-only-" + "x" * 40)
    os.environ["SIKAP_IMPORT_MAX_MB"] = "1000"
    sys.path.insert(0, str(ROOT))
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    return url


def empty_database():
    from django.core.management import call_command

    from sikap.accounts.models import User

    call_command("flush", interactive=False, verbosity=0)
    return User.objects.create_superuser("bench", password="bench-only-password")


def floor(path: Path) -> int:
    """The least any importer must do: split the CSV and insert one pegawai row per line."""
    from django.db import transaction

    from sikap.org.models import Opd, UnitKerja
    from sikap.people.models import Pegawai

    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, delimiter="|"))
    header = {name: i for i, name in enumerate(rows[0])}
    nip, nama, lahir, jk, satker_id, satker_nama = (
        header[c] for c in ("NIP BARU", "NAMA", "TANGGAL LAHIR", "JENIS KELAMIN",
                            "SATUAN KERJA KERJA ID", "SATUAN KERJA KERJA NAMA")
    )  # fmt: skip
    with transaction.atomic():
        units = {}
        for row in rows[1:]:
            if row[satker_id] not in units:
                opd = Opd.objects.create(kode=row[satker_id], nama=row[satker_nama])
                units[row[satker_id]] = UnitKerja.objects.create(opd=opd, nama=opd.nama)
        pegawai = []
        for row in rows[1:]:
            d = row[lahir]
            unit = units[row[satker_id]]
            pegawai.append(Pegawai(
                nip=row[nip], nama=row[nama], tanggal_lahir=date(int(d[6:]), int(d[3:5]),
                int(d[:2])), jenis_kelamin="L" if row[jk] == "M" else "P", status="pns",
                opd_id=unit.opd_id, unit_id=unit.pk,
            ))  # fmt: skip
        Pegawai.objects.bulk_create(pegawai, batch_size=1000)
    return len(pegawai)


def timed(label: str, func, floor_seconds: float | None = None, profile: bool = False):
    """Run func() (returning a row count), print wall time, rate, ratio and this process's CPU
    time (steadier than wall time on a busy machine; PostgreSQL's own work is not in it)."""
    profiler = cProfile.Profile() if profile else None
    start, cpu = time.perf_counter(), time.process_time()
    if profiler:
        profiler.enable()
    rows = func()
    if profiler:
        profiler.disable()
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    ratio = f"  {seconds / floor_seconds:.1f}× floor" if floor_seconds else " " * 11
    print(
        f"{label:<9} {rows:>6} rows  {seconds:6.1f} s  {rows / seconds:7.0f} rows/s{ratio}"
        f"   (CPU {cpu:.1f} s)"
    )
    if profiler:
        stats = io.StringIO()
        pstats.Stats(profiler, stream=stats).sort_stats("tottime").print_stats(25)
        print(stats.getvalue())
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--postgres", action="store_true", help=f"use {PG_SERVER}/{PG_NAME}")
    parser.add_argument("--profile", action="store_true", help="cProfile the import phases")
    args = parser.parse_args()

    setup_django(args.postgres)
    from django.db import connections

    from sikap.people.import_service import import_siasn

    path = BENCH_DIR / f"siasn_{args.rows}.csv"
    generate(path, args.rows)
    size = path.stat().st_size / 2**20
    engine = "PostgreSQL" if args.postgres else "SQLite"
    print(f"SIASN CSV: {args.rows} rows, {size:.1f} MB, 30 OPD; database: {engine}")

    def run_import(expect: str):
        report = import_siasn(path, actor=actor)
        assert report.ok, report.errors[:5]
        assert getattr(report, expect) == args.rows, report
        return args.rows

    empty_database()
    floor_seconds = timed("floor", lambda: floor(path))
    actor = empty_database()
    timed("import", lambda: run_import("created"), floor_seconds, args.profile)
    timed("reimport", lambda: run_import("unchanged"), floor_seconds, args.profile)
    if args.postgres:
        connections.close_all()
        import psycopg

        with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {PG_NAME}")


if __name__ == "__main__":
    main()
