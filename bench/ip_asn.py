"""Benchmark of `compute_ip_asn` against a floor measured in the same run.

For each size it fills an emptied database with synthetic ASN and their SKP, punishment and
training histories (INSERT … SELECT over a generated series, so a million people take well
under a minute), then times, best of --repeat runs:
  floor    ONE hand-written SQL query computing the four weighted sums and the two populations
           of the 2019 ladder (pegawai LEFT JOIN the year's SKP, the heaviest punishment per
           person and per-person training flags, both pre-aggregated);
  engine   sikap.ipasn.engine.compute_ip_asn(2023): configuration, counts, rule, result;
  per OPD  compute_ip_asn_per_opd(2023) over 40 OPDs;
  status   compute_ip_asn_per_status(2023): PNS (with CPNS), PPPK, all ASN and the roll-up
           weighted by head count, against its own floor: the same query GROUP BY status with
           a head count per status.
Both must give the same sums; the ratio is the engine's time over the floor's.
SQLite in var/bench/ by default; --postgres uses postgres://postgres@127.0.0.1:5432/
sikap_bench_ipasn, created and dropped here.
"""

import argparse
import os
import sys
import time
from datetime import date
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / "var" / "bench"
PG_SERVER = "postgres://postgres@127.0.0.1:5432"
PG_NAME = os.environ.get("SIKAP_BENCH_PG_NAME", "sikap_bench_ipasn")
YEAR = 2023
OPDS = 40


def setup_django(postgres: bool) -> None:
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    db = BENCH_DIR / "ip_asn.sqlite3"
    os.environ["DJANGO_SETTINGS_MODULE"] = "sikap.settings"
    os.environ["SIKAP_DATABASE_URL"] = f"{PG_SERVER}/{PG_NAME}" if postgres else f"sqlite:///{db}"
    os.environ["SIKAP_DEBUG"] = "false"  # no query log in the timings
    os.environ.setdefault("SIKAP_SECRET_KEY", "bench-only-" + "x" * 40)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def fresh_database() -> None:
    """An empty, migrated database for each size: quicker than deleting a million rows that
    other tables' foreign keys must check, and ids start at 1."""
    from django.core.management import call_command
    from django.db import connection, connections

    connections.close_all()
    if connection.vendor == "postgresql":
        drop_postgres()
        import psycopg

        with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {PG_NAME}")
    else:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{connection.settings_dict['NAME']}{suffix}").unlink(missing_ok=True)
    call_command("migrate", verbosity=0)


def drop_postgres() -> None:
    import psycopg
    from django.db import connections

    connections.close_all()
    with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {PG_NAME}")


# --- synthetic data -------------------------------------------------------------------------


class Sql:
    """The few expressions that differ between the two databases."""

    def __init__(self, vendor: str):
        self.pg = vendor == "postgresql"

    def date(self, value: str) -> str:
        return f"DATE '{value}'" if self.pg else f"'{value}'"

    def series(self, n: int) -> tuple[str, str]:
        """(WITH prefix, FROM clause) yielding column i = 1..n."""
        if self.pg:
            return "", f"generate_series(1, {n}) AS s(i)"
        return (
            f"WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < {n}) ",
            "s",
        )

    def nip(self, column: str) -> str:
        return f"lpad({column}::text, 18, '0')" if self.pg else f"printf('%018d', {column})"


def insert_select(model, values: dict[str, str], source: str, prefix: str = "") -> None:
    """INSERT INTO model's table SELECT the given SQL expressions FROM source; every other
    column gets its field's empty value, so fields added later do not break the bench."""
    from django.db import connection

    columns, exprs = [], []
    for field in model._meta.concrete_fields:
        if field.primary_key:
            continue
        columns.append(connection.ops.quote_name(field.column))
        if field.name in values:
            exprs.append(values[field.name])
        elif field.null:
            exprs.append("NULL")
        elif field.has_default() and not callable(field.default):
            exprs.append(_literal(field.get_db_prep_save(field.default, connection)))
        else:
            exprs.append("''")
    table = connection.ops.quote_name(model._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"{prefix}INSERT INTO {table} ({', '.join(columns)}) "
            f"SELECT {', '.join(exprs)} FROM {source}"
        )


def _literal(value) -> str:
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | float | Decimal):
        return str(value)
    return "'" + str(value).replace("'", "''") + "'"


def _case(column: str, table: list[tuple[int, str]], modulo: int) -> str:
    """CASE over `column % modulo` in cumulative bands: [(upper bound, SQL value)]."""
    parts = " ".join(f"WHEN {column} % {modulo} < {upper} THEN {value}" for upper, value in table)
    return f"(CASE {parts} END)"


def generate(n: int) -> None:
    """n ASN in 40 OPDs: 94 % PNS, 5 % PPPK, 1 % CPNS, 0.5 % retired; roughly the regency's
    diplomas; SKP for 2022 and 2023; punishments in 2023 and 2020; 2.2 trainings each in 2023
    and 2022 (some under 20 JP)."""
    from django.db import connection, transaction

    from sikap.org.models import Opd, UnitKerja
    from sikap.people.models import Pegawai, RiwayatDiklat, RiwayatHukdis, RiwayatSkp

    sql = Sql(connection.vendor)
    with transaction.atomic():
        opds = [Opd.objects.create(kode=f"OPD{k:02d}", nama=f"Dinas {k:02d}") for k in range(OPDS)]
        units = [UnitKerja.objects.create(opd=o, nama=o.nama) for o in opds]
        # Contiguous ids let one expression pick an OPD and its unit for row i.
        assert [o.pk for o in opds] == list(range(opds[0].pk, opds[0].pk + OPDS))
        assert [u.pk for u in units] == list(range(units[0].pk, units[0].pk + OPDS))
        prefix, source = sql.series(n)
        insert_select(
            Pegawai,
            {
                "nip": sql.nip("i"),
                "nama": "'ASN ' || i",
                "tanggal_lahir": sql.date("1980-01-01"),
                "jenis_kelamin": "CASE WHEN i % 2 = 0 THEN 'L' ELSE 'P' END",
                "status": _case("i", [(94, "'pns'"), (99, "'pppk'"), (100, "'cpns'")], 100),
                "kedudukan": "CASE WHEN i % 200 = 7 THEN 'pensiun' ELSE 'aktif' END",
                "opd": f"{opds[0].pk} + i % {OPDS}",
                "unit": f"{units[0].pk} + i % {OPDS}",
                "jenis_jabatan": _case(
                    "i",
                    [(1, "'jpt'"), (2, "'ja'"), (4, "'jp'"), (36, "'jf'"), (50, "'pelaksana'")],
                    50,
                ),
                "tingkat_pendidikan": _case(
                    "i",
                    [
                        (4, "'45'"),
                        (65, "'40'"),
                        (68, "'35'"),
                        (80, "'30'"),
                        (81, "'25'"),
                        (94, "'15'"),
                        (98, "'10'"),
                        (100, "'05'"),
                    ],
                    100,
                ),  # fmt: skip
            },
            source,
            prefix,
        )
        rated = "people_pegawai WHERE status IN ('pns', 'pppk')"
        for tahun in (2022, 2023):
            insert_select(
                RiwayatSkp,
                {
                    "pegawai": "id",
                    "tahun": str(tahun),
                    "predikat": _case(
                        f"(id * 7 + {tahun})",
                        [
                            (93, "'sangat_baik'"),
                            (994, "'baik'"),
                            (996, "'butuh_perbaikan'"),
                            (998, "'kurang'"),
                            (1000, "'sangat_kurang'"),
                        ],
                        1000,
                    ),  # fmt: skip
                },
                rated,
            )
        levels = "CASE WHEN id % 3 = 0 THEN 'ringan' WHEN id % 3 = 1 THEN 'sedang' ELSE 'berat' END"
        for where, tmt in (("id % 300 = 0", "2023-03-01"), ("id % 97 = 0", "2020-06-01")):
            insert_select(
                RiwayatHukdis,
                {"pegawai": "id", "tingkat": levels, "jenis": "'-'", "tmt": sql.date(tmt)},
                f"people_pegawai WHERE {where}",
            )
        courses = [
            ("teknis", "8 + id % 30", "id % 10 < 7", "2023"),
            ("seminar", "4", "id % 10 < 9", "2023"),
            ("kepemimpinan", "40", "id % 50 < 3", "2023"),
            ("fungsional", "30", "id % 20 = 5", "2023"),
            ("teknis", "24", "id % 2 = 0", "2022"),
        ]
        for kategori, jp, where, tahun in courses:
            insert_select(
                RiwayatDiklat,
                {
                    "pegawai": "id",
                    "kategori": f"'{kategori}'",
                    "nama": f"'{kategori}'",
                    "jp": jp,
                    "tanggal_mulai": sql.date(f"{tahun}-06-01"),
                    "tanggal_selesai": sql.date(f"{tahun}-06-05"),
                },
                f"people_pegawai WHERE {where}",
            )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


# --- the floor ------------------------------------------------------------------------------

PNS = "p.status = 'pns' AND p.kedudukan = 'aktif'"
RATED = "p.status IN ('pns', 'pppk') AND p.kedudukan = 'aktif'"
STRUKTURAL_JF = "('jpt', 'ja', 'jp', 'jf')"
FLOOR = f"""
SELECT
  SUM(CASE WHEN {PNS} THEN 1 ELSE 0 END),
  SUM(CASE WHEN {RATED} AND s.predikat IS NOT NULL THEN 1 ELSE 0 END),
  SUM(CASE WHEN {PNS} THEN CASE p.tingkat_pendidikan
        WHEN '50' THEN 25 WHEN '45' THEN 20 WHEN '40' THEN 15 WHEN '35' THEN 15
        WHEN '30' THEN 10 WHEN '25' THEN 5 WHEN '20' THEN 5 WHEN '15' THEN 5 WHEN '17' THEN 5
        WHEN '18' THEN 5 WHEN '12' THEN 1 WHEN '10' THEN 1 WHEN '05' THEN 1 ELSE 0 END
      ELSE 0 END),
  SUM(CASE WHEN {RATED} THEN CASE s.predikat
        WHEN 'sangat_baik' THEN 30 WHEN 'baik' THEN 25 WHEN 'butuh_perbaikan' THEN 15
        WHEN 'kurang' THEN 5 WHEN 'sangat_kurang' THEN 1 ELSE 0 END
      ELSE 0 END),
  SUM(CASE WHEN {PNS} THEN CASE COALESCE(h.terberat, 0)
        WHEN 0 THEN 5 WHEN 1 THEN 3 WHEN 2 THEN 2 ELSE 1 END
      ELSE 0 END),
  SUM(CASE WHEN {PNS} THEN
        (CASE WHEN d.pim = 1 AND p.jenis_jabatan IN ('jpt', 'ja', 'jp') THEN 15 ELSE 0 END)
      + (CASE WHEN d.fungsional = 1 AND p.jenis_jabatan = 'jf' THEN 15 ELSE 0 END)
      + (CASE WHEN d.teknis = 1 AND p.jenis_jabatan IN {STRUKTURAL_JF} THEN 15
              WHEN d.teknis = 1 AND p.jenis_jabatan = 'pelaksana' THEN 22.5 ELSE 0 END)
      + (CASE WHEN d.seminar = 1 AND p.jenis_jabatan IN {STRUKTURAL_JF} THEN 10
              WHEN d.seminar = 1 AND p.jenis_jabatan = 'pelaksana' THEN 17.5 ELSE 0 END)
      ELSE 0 END)
FROM people_pegawai p
LEFT JOIN people_riwayatskp s ON s.pegawai_id = p.id AND s.tahun = %s
LEFT JOIN (
  SELECT pegawai_id,
         MAX(CASE tingkat WHEN 'berat' THEN 3 WHEN 'sedang' THEN 2 ELSE 1 END) AS terberat
  FROM people_riwayathukdis WHERE tmt BETWEEN %s AND %s GROUP BY pegawai_id
) h ON h.pegawai_id = p.id
LEFT JOIN (
  SELECT pegawai_id,
         MAX(CASE WHEN kategori = 'kepemimpinan' THEN 1 ELSE 0 END) AS pim,
         MAX(CASE WHEN kategori = 'fungsional' THEN 1 ELSE 0 END) AS fungsional,
         MAX(CASE WHEN kategori = 'teknis' AND jp >= 20 THEN 1 ELSE 0 END) AS teknis,
         MAX(CASE WHEN kategori = 'seminar' THEN 1 ELSE 0 END) AS seminar
  FROM people_riwayatdiklat WHERE tanggal_selesai BETWEEN %s AND %s GROUP BY pegawai_id
) d ON d.pegawai_id = p.id
"""


FLOOR_BY_STATUS = (
    "SELECT p.status, SUM(CASE WHEN p.kedudukan = 'aktif' THEN 1 ELSE 0 END),"
    + FLOOR.strip().removeprefix("SELECT")
    + " GROUP BY p.status"
)
STATUS_GROUPS = {"pns": ("pns", "cpns"), "pppk": ("pppk",)}


def floor_by_status() -> dict:
    """{status group: (head count, the six sums of FLOOR)} from one query."""
    from django.db import connection

    start, end = date(YEAR, 1, 1), date(YEAR, 12, 31)
    with connection.cursor() as cursor:
        cursor.execute(FLOOR_BY_STATUS, [YEAR, start, end, start, end])
        rows = {status: values for status, *values in cursor.fetchall()}
    out = {}
    for group, statuses in STATUS_GROUPS.items():
        found = [rows[s] for s in statuses if s in rows]
        out[group] = tuple(
            sum(Decimal(str(v or 0)) for v in column) for column in zip(*found, strict=True)
        )
    return out


def status_sums(found) -> dict:
    return {
        s.code: (Decimal(s.headcount), *(Decimal(v) for v in engine_sums(s.result)))
        for s in found.per_status
    }


def floor() -> tuple:
    from django.db import connection

    start, end = date(YEAR, 1, 1), date(YEAR, 12, 31)
    with connection.cursor() as cursor:
        cursor.execute(FLOOR, [YEAR, start, end, start, end])
        return cursor.fetchone()


def engine_sums(result) -> tuple:
    by = {s.code: s for s in result.sub_indices}
    return (
        by["kualifikasi"].population,
        by["kinerja"].population,
        *(by[code].weighted_sum for code in ("kualifikasi", "kinerja", "disiplin", "kompetensi")),
    )


def best(funcs: dict, repeat: int) -> dict[str, tuple[float, object]]:
    """{name: (best seconds, last value)}, the functions taking turns so that a busy moment
    on the machine does not fall on one of them only."""
    times = {name: [] for name in funcs}
    values = {}
    for _ in range(repeat):
        for name, func in funcs.items():
            start = time.perf_counter()
            values[name] = func()
            times[name].append(time.perf_counter() - start)
    return {name: (min(times[name]), values[name]) for name in funcs}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="5845,100000,1000000", help="comma-separated")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--postgres", action="store_true", help=f"use {PG_SERVER}/{PG_NAME}")
    parser.add_argument("--keep", action="store_true", help="keep the database for inspection")
    args = parser.parse_args()

    setup_django(args.postgres)
    from django.db import connection

    from sikap.ipasn.engine import (
        compute_ip_asn,
        compute_ip_asn_per_opd,
        compute_ip_asn_per_status,
    )

    print(f"IP ASN {YEAR} on {connection.vendor}; best of {args.repeat}")
    header = (
        "ASN", "generate", "floor", "engine", "ratio", "per OPD", "ratio",
        "floor st", "status", "ratio",
    )  # fmt: skip
    widths = (9, 9, 9, 9, 6, 9, 6, 9, 9, 6)
    print(" ".join(f"{h:>{w}}" for h, w in zip(header, widths, strict=True)))
    try:
        for n in (int(s) for s in args.sizes.split(",")):
            fresh_database()
            generated = time.perf_counter()
            generate(n)
            generated = time.perf_counter() - generated
            floor()  # warm the caches for all
            timings = best(
                {
                    "floor": floor,
                    "engine": lambda: compute_ip_asn(YEAR),
                    "per_opd": lambda: compute_ip_asn_per_opd(YEAR),
                    "floor_status": floor_by_status,
                    "status": lambda: compute_ip_asn_per_status(YEAR),
                },
                args.repeat,
            )
            (floor_s, floor_row), (engine_s, result), (opd_s, per_opd) = list(timings.values())[:3]
            (floor_st_s, floor_st), (status_s, per_status) = list(timings.values())[3:]
            assert status_sums(per_status) == floor_st, (status_sums(per_status), floor_st)
            expected = tuple(Decimal(str(v)) for v in floor_row)
            assert engine_sums(result) == expected, (engine_sums(result), expected)
            assert len(per_opd) == OPDS
            print(
                f"{n:>9,} {generated:>8.1f}s {floor_s * 1000:>7.1f}ms {engine_s * 1000:>7.1f}ms "
                f"{engine_s / floor_s:>5.2f}× {opd_s * 1000:>7.1f}ms {opd_s / floor_s:>5.2f}× "
                f"{floor_st_s * 1000:>7.1f}ms {status_s * 1000:>7.1f}ms "
                f"{status_s / floor_st_s:>5.2f}×",
                flush=True,
            )
    finally:
        if args.postgres and not args.keep:
            drop_postgres()


if __name__ == "__main__":
    main()
