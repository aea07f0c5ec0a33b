"""What the e-Pangkat eligibility list costs, against a floor measured in the same run.

  list   the reguler eligibility list of one period over --pegawai PNS
         (`promotion.selectors.daftar`, what the page runs: narrowed in SQL to who may be
         eligible or nearly eligible, the histories loaded in a fixed number of queries,
         `rules.promotion.daftar_reguler` per pegawai left; the reasons are built when shown)
         ÷ one hand-written SQL query selecting the same eligible set (years in rank, retirement,
         SKP of the two years, diploma ceiling, the superior's golongan, ujian dinas, punishment)
         (target ≤ 3×). The two sets are compared, not only counted.

The regency has 50 OPDs of 11 units each, every unit with a head in service, so that the superior
is the head of one's own unit (of the parent unit for a head), which the SQL can join directly.
SQLite in var/bench/ by default; --postgres uses postgres://postgres@127.0.0.1:5432/sikap_bench_kp,
created and dropped here (SIKAP_BENCH_PG_NAME names another).
"""

import argparse
import random
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_db  # noqa: E402  (the database set-up)

PERIODE = date(2027, 4, 1)
GOLONGAN = ("II/a", "II/b", "II/c", "II/d", "III/a", "III/b", "III/c", "III/d", "IV/a", "IV/b")
TINGKAT = ("15", "20", "30", "40", "45", "50")
OPDS, SUB_UNITS = 50, 10


def populate(n: int) -> None:
    from sikap.org.models import Jabatan, Opd, UnitKerja
    from sikap.people.models import (
        Pegawai,
        RiwayatHukdis,
        RiwayatPendidikan,
        RiwayatSkp,
    )
    from sikap.promotion.models import UjianDinas

    rng = random.Random(12)
    units, heads = [], []
    for o in range(OPDS):
        opd = Opd.objects.create(kode=f"B{o:03d}", nama=f"Dinas Uji {o}")
        root = UnitKerja.objects.create(opd=opd, nama=f"Dinas Uji {o}")
        subs = [
            UnitKerja.objects.create(opd=opd, induk=root, nama=f"Bidang {o}.{s}")
            for s in range(SUB_UNITS)
        ]
        for u in (root, *subs):
            kepala = Jabatan.objects.create(
                unit=u,
                nama=f"Kepala {u.nama}",
                kepala=True,
                jenis="ja",
                bup=60 if u == root else 58,
            )
            staf = Jabatan.objects.create(unit=u, nama=f"Staf {u.nama}", jenis="pelaksana")
            units.append((opd, u, staf))
            heads.append((opd, u, kepala))
    people = []
    for i in range(n):
        head = i < len(heads)
        opd, unit, jabatan = heads[i] if head else units[i % len(units)]
        golongan = ("IV/c" if unit.induk_id is None else "IV/a") if head else rng.choice(GOLONGAN)
        people.append(
            Pegawai(
                nip=f"8{i:017d}",
                nama=f"Pegawai {i}",
                tanggal_lahir=date(rng.randint(1966, 1998), rng.randint(1, 12), rng.randint(1, 28)),
                jenis_kelamin="L",
                status="pns" if i % 40 else "cpns",
                kedudukan="aktif" if head or i % 97 else "tugas_belajar",
                tmt_cpns=date(2000, 1, 1),
                opd=opd,
                unit=unit,
                jabatan=jabatan,
                golongan=golongan,
                tmt_golongan=date(rng.randint(2017, 2025), rng.choice((4, 10)), 1),
            )
        )
    Pegawai.objects.bulk_create(people, batch_size=5000)
    pendidikan, skp, hukdis, ujian = [], [], [], []
    for pk in Pegawai.objects.values_list("pk", flat=True):
        pendidikan.append(
            RiwayatPendidikan(
                pegawai_id=pk, tingkat=rng.choice(TINGKAT), tahun_lulus=rng.randint(1990, 2020)
            )
        )
        for tahun in (2025, 2026):
            if rng.random() < 0.95:
                predikat = (
                    "baik" if rng.random() < 0.9 else rng.choice(("sangat_baik", "butuh_perbaikan"))
                )
                skp.append(RiwayatSkp(pegawai_id=pk, tahun=tahun, predikat=predikat))
        if rng.random() < 0.03:
            selesai = date(2027, rng.randint(1, 12), 1) if rng.random() < 0.8 else None
            hukdis.append(
                RiwayatHukdis(
                    pegawai_id=pk,
                    tingkat=rng.choice(("ringan", "sedang", "berat")),
                    jenis="uji",
                    tmt=date(2026, 6, 1),
                    tanggal_selesai=selesai,
                )
            )
        if rng.random() < 0.5:
            ujian.append(
                UjianDinas(
                    pegawai_id=pk,
                    tingkat=rng.choice(("I", "II")),
                    tanggal=date(2020 + rng.randint(0, 8), 1, 1),
                    nomor="STLUD",
                )
            )
    RiwayatPendidikan.objects.bulk_create(pendidikan, batch_size=5000)
    RiwayatSkp.objects.bulk_create(skp, batch_size=5000)
    RiwayatHukdis.objects.bulk_create(hukdis, batch_size=5000)
    UjianDinas.objects.bulk_create(ujian, batch_size=5000)
    from django.db import connection

    with connection.cursor() as cursor:  # fresh statistics, as autovacuum would gather
        cursor.execute("ANALYZE")


def eligible_sql(periode: date) -> set[int]:
    """The floor: one query selecting the eligible set."""
    from django.db import connection

    from sikap.rules.education import TINGKAT, golongan_maksimum
    from sikap.rules.ranks import GOLONGAN as ALL

    go = ", ".join(f"('{g}', {i})" for i, g in enumerate(ALL))
    td = ", ".join(
        f"('{code}', {i}, {ALL.index(golongan_maksimum(code))})" for i, code in enumerate(TINGKAT)
    )
    if connection.vendor == "postgresql":
        birth = (
            "(EXTRACT(YEAR FROM p.tanggal_lahir)::int * 12"
            " + EXTRACT(MONTH FROM p.tanggal_lahir)::int)"
        )
        true = "TRUE"
    else:
        birth = (
            "(CAST(strftime('%%Y', p.tanggal_lahir) AS INT) * 12"
            " + CAST(strftime('%%m', p.tanggal_lahir) AS INT))"
        )
        true = "1"
    sql = f"""
        WITH go(gol, ord) AS (VALUES {go}),
             td(tingkat, ord, max_ord) AS (VALUES {td}),
             head(id, unit_id, gol, kepala_of) AS (
               SELECT h.id, hj.unit_id, h.golongan, hj.unit_id FROM people_pegawai h
               JOIN org_jabatan hj ON hj.id = h.jabatan_id
               WHERE hj.kepala = {true} AND h.kedudukan = 'aktif')
        SELECT p.id FROM people_pegawai p
        JOIN go g ON g.gol = p.golongan
        JOIN org_jabatan j ON j.id = p.jabatan_id
        LEFT JOIN pension_buppegawai bk ON bk.pegawai_id = p.id
        JOIN org_unitkerja u ON u.id = p.unit_id
        LEFT JOIN head mine ON mine.id = p.id
        LEFT JOIN head sup
               ON sup.unit_id = CASE WHEN mine.id IS NULL THEN p.unit_id ELSE u.induk_id END
        LEFT JOIN people_pegawai sp ON sp.id = sup.id AND sp.status = 'pns'
        LEFT JOIN go sg ON sg.gol = sp.golongan
        WHERE p.kedudukan = 'aktif' AND p.status = 'pns' AND p.tmt_golongan IS NOT NULL
          AND g.ord < 16
          AND p.tmt_golongan <= %(rank_since)s
          AND {birth} + COALESCE(bk.bup, j.bup) * 12 > %(periode_idx)s
          AND (SELECT COUNT(*) FROM people_riwayatskp s WHERE s.pegawai_id = p.id
               AND s.tahun IN (%(y1)s, %(y2)s) AND s.predikat IN ('sangat_baik', 'baik')) = 2
          AND g.ord + 1 <= (SELECT t.max_ord FROM people_riwayatpendidikan e
                            JOIN td t ON t.tingkat = e.tingkat WHERE e.pegawai_id = p.id
                            ORDER BY t.ord DESC LIMIT 1)
          AND (sg.ord IS NULL OR g.ord + 1 <= sg.ord)
          AND (p.golongan NOT IN ('II/d', 'III/d') OR EXISTS (
               SELECT 1 FROM promotion_ujiandinas x WHERE x.pegawai_id = p.id
               AND x.tingkat = CASE p.golongan WHEN 'II/d' THEN 'I' ELSE 'II' END
               AND x.tanggal <= %(periode)s))
          AND NOT EXISTS (SELECT 1 FROM people_riwayathukdis h WHERE h.pegawai_id = p.id
               AND h.tingkat IN ('sedang', 'berat') AND h.tmt <= %(periode)s
               AND (h.tanggal_selesai IS NULL OR h.tanggal_selesai >= %(periode)s))
    """
    params = {
        "rank_since": periode.replace(year=periode.year - 4),
        "periode": periode,
        # TMT pensiun (1st of the month after the BUP birthday) > the period, in month indexes
        "periode_idx": periode.year * 12 + periode.month - 1,
        "y1": periode.year - 1,
        "y2": periode.year - 2,
    }
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return {row[0] for row in cursor.fetchall()}


def timed(func):
    start = time.perf_counter()
    result = func()
    return time.perf_counter() - start, result


def bench_list(n: int) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from sikap.people.models import Pegawai
    from sikap.promotion.models import PeriodeKp
    from sikap.promotion.selectors import daftar

    populate(n)
    periode = PeriodeKp.objects.create(tanggal=PERIODE, batas_usul=date(2027, 3, 1))
    sql_s, expected = min(timed(lambda: eligible_sql(PERIODE)) for _ in range(3))

    def run():
        return {c.pegawai_id for c in daftar(periode, Pegawai.objects.all()) if c.memenuhi}

    with CaptureQueriesContext(connection) as queries:
        list_s, found = timed(run)
    list_s = min(list_s, *(timed(run)[0] for _ in range(2)))
    assert found == expected, (len(found), len(expected), sorted(found ^ expected)[:10])
    print(
        f"eligibility list, {n} pegawai, {len(found)} eligible, {len(queries)} queries "
        f"({connection.vendor}): SQL {sql_s:.3f}s; list {list_s:.3f}s = "
        f"{list_s / sql_s:.2f}× (target ≤ 3×)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--postgres", action="store_true")
    parser.add_argument("--pegawai", type=int, default=100_000)
    args = parser.parse_args()
    bench_db.setup_django("promotion", "sikap_bench_kp", args.postgres)
    bench_list(args.pegawai)


if __name__ == "__main__":
    main()
