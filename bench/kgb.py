"""What e-Berkala costs, against floors measured in the same run.

  letters  --letters KGB letters assembled from the database and printed to PDF (query,
           context, template, WeasyPrint, QR) ÷ WeasyPrint alone printing the same HTML
           documents, rendered beforehand (target ≤ 1.3×);
  daily    the daily drafting over --pegawai PNS (the first run drafts the window's letters,
           the next day's run finds them drafted) ÷ one SQL query selecting the same due set
           (newest pay row per pegawai, next listed step, due month within the window)
           (target ≤ 3× for the daily run).
SQLite in var/bench/ by default; --postgres uses postgres://postgres@127.0.0.1:5432/sikap_bench_kgb,
created and dropped here (SIKAP_BENCH_PG_NAME names another).
"""

import argparse
import random
import sys
import time
from datetime import date
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_db  # noqa: E402  (the database set-up)

AS_OF = date(2026, 12, 1)
GOLONGAN = ("III/a", "III/b", "III/c", "III/d", "IV/a", "IV/b")


def populate(n: int) -> None:
    """n PNS in one OPD, each with an SK CPNS, a last KGB within the past two years and SKPs."""
    from sikap.org.models import Opd, UnitKerja
    from sikap.people.models import Pegawai, RiwayatGaji, RiwayatSkp
    from sikap.salary.tables import pp5_2024_table

    table = pp5_2024_table()
    rng = random.Random(11)
    opd = Opd.objects.create(kode="BENCH", nama="Badan Uji")
    unit = UnitKerja.objects.create(opd=opd, nama="Badan Uji")
    people = [
        Pegawai(
            nip=f"9{i:017d}",
            nama=f"Pegawai {i}", tanggal_lahir=date(1980, 1, 1), jenis_kelamin="L",
            status="pns", tmt_cpns=date(2005 + i % 15, 1, 1), opd=opd, unit=unit,
        )
        for i in range(n)
    ]  # fmt: skip
    Pegawai.objects.bulk_create(people, batch_size=5000)
    gaji, skp = [], []
    for p in Pegawai.objects.filter(opd=opd).values_list("pk", flat=True):
        golongan = rng.choice(GOLONGAN)
        mkg = rng.randrange(0, 30, 2)
        tmt = date(2025 + rng.randint(0, 1), rng.randint(1, 12), 1)
        pay = dict(table[golongan])[mkg]
        gaji += [
            RiwayatGaji(pegawai_id=p, golongan="III/a", gaji_pokok=Decimal(2_228_560),
                        tmt=date(2000, 1, 1), dasar="cpns", sk_nomor=f"813/{p}/2000"),
            RiwayatGaji(pegawai_id=p, golongan=golongan, gaji_pokok=pay, tmt=tmt,
                        mkg_tahun=mkg, dasar="kgb", sk_nomor=f"822/{p}/{tmt.year}"),
        ]  # fmt: skip
        skp += [RiwayatSkp(pegawai_id=p, tahun=y, predikat="baik") for y in (2024, 2025, 2026)]
    RiwayatGaji.objects.bulk_create(gaji, batch_size=5000)
    RiwayatSkp.objects.bulk_create(skp, batch_size=5000)


def due_sql(limit: date) -> int:
    """The floor: one query selecting the due set (newest pay row per pegawai, the next listed
    step of its golongan in the structure table, its month within the window)."""
    from django.db import connection

    if connection.vendor == "postgresql":
        idx = "(EXTRACT(YEAR FROM g.tmt)::int * 12 + EXTRACT(MONTH FROM g.tmt)::int - 1)"
    else:
        idx = "(CAST(strftime('%Y', g.tmt) AS INT) * 12 + CAST(strftime('%m', g.tmt) AS INT) - 1)"
    sql = f"""
        SELECT COUNT(*) FROM (
          SELECT g.pegawai_id,
                 {idx} + (SELECT MIN(b.mkg_tahun) FROM salary_barisgaji b
                          WHERE b.tabel_id = %s AND b.golongan = g.golongan
                            AND b.mkg_tahun > g.mkg_tahun) * 12
                 - (g.mkg_tahun * 12 + g.mkg_bulan) AS due_idx
          FROM people_riwayatgaji g
          JOIN people_pegawai p ON p.id = g.pegawai_id
          WHERE p.kedudukan = 'aktif' AND p.status IN ('pns', 'cpns')
            AND g.tmt = (SELECT MAX(g2.tmt) FROM people_riwayatgaji g2
                         WHERE g2.pegawai_id = g.pegawai_id)
        ) due WHERE due.due_idx <= %s
    """
    from sikap.salary.models import TabelGaji

    tabel = TabelGaji.objects.get(kode="pp5-2024").pk
    with connection.cursor() as cursor:
        cursor.execute(sql, [tabel, limit.year * 12 + limit.month - 1])
        return cursor.fetchone()[0]


def timed(func):
    start = time.perf_counter()
    result = func()
    return time.perf_counter() - start, result


def bench_daily(n: int) -> None:
    from sikap.accounts.system import system_actor
    from sikap.rules.kgb import add_months
    from sikap.salary.models import Kgb
    from sikap.salary.services import draft_due

    populate(n)
    limit = add_months(AS_OF, 3)
    sql_s, due = min(timed(lambda: due_sql(limit)) for _ in range(3))
    first_s, first = timed(lambda: draft_due(AS_OF, actor=system_actor()))
    next_s, _ = min(timed(lambda: draft_due(AS_OF, actor=system_actor())) for _ in range(3))
    drafted = Kgb.objects.count()
    assert drafted == due == first.disusun, (drafted, due, first)
    print(f"daily, {n} pegawai, {due} due: SQL {sql_s:.3f}s; first run (drafts them) "
          f"{first_s:.2f}s = {first_s / sql_s:.1f}×; next day's run {next_s:.3f}s = "
          f"{next_s / sql_s:.2f}× (target ≤ 3×)")  # fmt: skip


def bench_letters(count: int) -> None:
    from django.template.loader import render_to_string
    from django.utils import timezone
    from weasyprint import HTML, URLFetcher

    from sikap.documents.models import DokumenTerbit
    from sikap.salary.letter import letter_context, letter_pdf
    from sikap.salary.models import Kgb

    ids = list(Kgb.objects.order_by("pk").values_list("pk", flat=True)[:count])
    now = timezone.now()
    issued = {pk: DokumenTerbit(nomor=f"822.2/{pk:04d}/2026", token=f"t{pk:040d}",
                                issued_at=now) for pk in ids}  # fmt: skip

    def load(pk):
        return Kgb.objects.select_related(
            "pegawai__opd", "pegawai__unit", "pegawai__jabatan", "tabel", "penandatangan"
        ).get(pk=pk)

    html = [render_to_string("salary/surat.html", letter_context(load(pk), terbit=issued[pk]))
            for pk in ids]  # fmt: skip
    fetcher = URLFetcher(allowed_protocols=("data",))
    alone_s, _ = timed(lambda: [HTML(string=h, url_fetcher=fetcher).write_pdf() for h in html])
    full_s, _ = timed(lambda: [letter_pdf(load(pk), terbit=issued[pk]) for pk in ids])
    print(
        f"letters, {len(ids)}: WeasyPrint alone {alone_s:.2f}s, assembled + printed "
        f"{full_s:.2f}s = {full_s / alone_s:.2f}× (target ≤ 1.3×)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--postgres", action="store_true")
    parser.add_argument("--pegawai", type=int, default=100_000)
    parser.add_argument("--letters", type=int, default=1000)
    args = parser.parse_args()
    bench_db.setup_django("kgb", "sikap_bench_kgb", args.postgres)
    bench_daily(args.pegawai)
    bench_letters(args.letters)


if __name__ == "__main__":
    main()
