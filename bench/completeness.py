"""The completeness page (/dokumen/kelengkapan/) at regency and province scale, against the
pegawai list page measured in the same run (the floor: one page of a paginated, indexed list).

For each size it fills an emptied database with synthetic ASN in 40 OPDs (bench/ip_asn.py's
generator) and gives about 80 % of them each mandatory document that applies to everyone or
to their status (a few of them rejected), then times, best of --repeat rounds, as admin BKD
(who sees every OPD):
  list       GET /pegawai/ (the floor);
  page       GET /dokumen/kelengkapan/ (the per-OPD summary and the first page of those lacking);
  live       the page's computation without the kept rows (as before them), in process: a few
             numbers a pegawai from two scans of the scope (the documents grouped), summed and
             filtered in Python, and the missing names of one page of fifty;
  kept       what it computes now, in process: the kept rows (`RingkasanKelengkapan`) summed
             per OPD in the database, one page of the ids lacking something, and their names.
Before timing it builds the kept rows as the nightly job does (`rebuild s`) and asserts that
both ways give the same figures. Prints page/list and live/kept, and the page's queries (which
must not grow with the size).
SQLite in var/bench/ by default; --postgres uses postgres://postgres@127.0.0.1:5432/<--pg-name>
(sikap_bench_completeness), created and dropped here.
"""

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import home  # noqa: E402  (its database set-up, with a quoted PostgreSQL name)
import ip_asn  # noqa: E402  (the synthetic population)


def add_documents():
    """Admin BKD's account, and the documents; returns the account."""
    from django.db import transaction

    from sikap.accounts.models import Peran, User
    from sikap.documents.models import Dokumen, JenisDokumen, Wajib
    from sikap.people.models import Pegawai

    everyone = (Wajib.SEMUA, Wajib.PNS, Wajib.PNS_CPNS, Wajib.PPPK)
    with transaction.atomic():
        admin = User.objects.create_user(username="admin.bkd", password="x", peran=Peran.ADMIN_BKD)
        types = list(JenisDokumen.objects.filter(aktif=True, wajib_untuk__in=everyone))
        people = list(Pegawai.objects.values_list("pk", "status").order_by("pk"))
        docs = [
            Dokumen(
                pegawai_id=pk, jenis=t, file=f"bench/{pk}-{t.pk}.pdf", format="pdf",
                nama_asli="berkas.pdf", sha256=f"{pk:032d}{t.pk:032d}", ukuran=1000,
                mime="application/pdf", versi=1, uploaded_by=admin,
                state=Dokumen.Status.DITOLAK if pk % 97 == 0 else Dokumen.Status.TERVERIFIKASI,
            )
            for t in types
            for pk, _status in people
            if (pk + t.pk) % 10 < 8
        ]  # fmt: skip
        Dokumen.objects.bulk_create(docs, batch_size=5000)
    return admin


def live_way(user):
    """The page's computation without the kept rows (before them): two scans of the scope,
    brought to Python, summed and filtered there, and the missing names of one page."""
    from sikap.documents import completeness
    from sikap.documents.exports import with_missing
    from sikap.people.models import Pegawai

    types = completeness.mandatory_types()
    rows = completeness.counted(Pegawai.objects.visible_to(user).still_employed(), types)
    summary, total = completeness.per_opd(rows)
    lacking = completeness.lacking(rows)
    with_missing(lacking[:50], types)
    return [vars(s) for s in (*summary, total)], lacking


def kept_way(user):
    """What the page computes now: the kept rows summed per OPD in the database, the pegawai
    without a row counted live (none here), one page of the ids lacking something."""
    from django.http import QueryDict

    from sikap.documents.exports import lingkup, with_missing

    found = lingkup(user, QueryDict())
    with_missing(list(found.lacking[:50]), found.types)
    return [vars(s) for s in (*found.summary, found.total)], found.lacking.count()


def rebuild() -> float:
    """The nightly job's work: every pegawai's row computed again; seconds."""
    import time

    from sikap.documents import ringkasan
    from sikap.people.models import Pegawai

    start = time.perf_counter()
    ringkasan.segarkan(Pegawai.objects.values_list("pk", flat=True))
    return time.perf_counter() - start


def measure(admin, repeat: int) -> dict:
    from django.db import connection
    from django.test import Client

    client = Client()
    client.force_login(admin)
    pages = {"list": "/pegawai/", "page": "/dokumen/kelengkapan/"}
    for url in pages.values():
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code, response.get("Location"))
    captured = []

    def count(execute, sql, params, many, context):
        captured.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        client.get(pages["page"])
    live, kept = live_way(admin), kept_way(admin)
    assert live[0] == kept[0] and len(live[1]) == kept[1], "the kept rows disagree with live"
    funcs = {name: lambda u=url: client.get(u) for name, url in pages.items()}
    funcs["live"] = lambda: live_way(admin)
    funcs["kept"] = lambda: kept_way(admin)
    timings = ip_asn.best(funcs, repeat)
    return {name: t for name, (t, _value) in timings.items()} | {"queries": len(captured)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="5845,55845", help="comma-separated")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--postgres", action="store_true", help="use PostgreSQL")
    parser.add_argument("--pg-name", default="sikap_bench_completeness", help="PostgreSQL database")
    args = parser.parse_args()

    ip_asn.PG_NAME = args.pg_name
    os.environ["SIKAP_SSL_REDIRECT"] = "false"  # in process, without TLS
    ip_asn.setup_django(args.postgres)
    from django.db import connection

    print(f"Completeness page on {connection.vendor}; best of {args.repeat}; ms")
    header = (
        "ASN",
        "list",
        "page",
        "page/list",
        "live",
        "kept",
        "live/kept",
        "queries",
        "rebuild s",
    )
    widths = (9, 9, 9, 10, 9, 9, 10, 8, 10)
    print(" ".join(f"{h:>{w}}" for h, w in zip(header, widths, strict=True)))
    try:
        for n in (int(s) for s in args.sizes.split(",")):
            home.fresh_database()
            ip_asn.generate(n)
            admin = add_documents()
            seconds = rebuild()
            r = measure(admin, args.repeat)
            print(
                f"{n:>9,} {r['list'] * 1000:>9.1f} {r['page'] * 1000:>9.1f} "
                f"{r['page'] / r['list']:>9.2f}× {r['live'] * 1000:>9.1f} "
                f"{r['kept'] * 1000:>9.1f} {r['live'] / r['kept']:>9.2f}× {r['queries']:>8} "
                f"{seconds:>10.1f}",
                flush=True,
            )
    finally:
        if args.postgres:
            home.drop_postgres()


if __name__ == "__main__":
    main()
