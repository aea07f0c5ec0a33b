"""What the home page and the inbox cost at regency and province scale, against the pegawai
list page measured in the same run (the floor: one page of a paginated, indexed list).

For each size it fills an emptied database with synthetic ASN in 40 OPDs (bench/ip_asn.py's
generator), then adds the waiting work a province has on a busy day: one document in ten
pegawai waiting for verification, one change request in fifty waiting for its OPD, and a
rejected document and a returned request for the pegawai measured. Times, best of --repeat
rounds, through Django's full middleware stack (in process, logged in):
  list      GET /pegawai/ as each persona (the floor);
  home      GET /  (the cards; the IP ASN and SAKIP figures come from the cache after the
            first request, as they do in production);
  inbox     GET /kotak-masuk/ (every source: counts and the oldest 50 of each kind).
Prints the ratios home/list and inbox/list per persona, and the number of queries of each page
(which must not grow with the size). SQLite in var/bench/ by default; --postgres uses
postgres://postgres@127.0.0.1:5432/<--pg-name> (sikap_bench_home), created and dropped here.
"""

import argparse
import sys
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import ip_asn  # noqa: E402  (the synthetic population and the database set-up)

PERSONAS = ("pegawai", "admin_opd", "verifikator", "pimpinan")


def fresh_database() -> None:
    """ip_asn's, with the database name quoted (it may hold a hyphen)."""
    from django.core.management import call_command
    from django.db import connection

    if connection.vendor != "postgresql":
        return ip_asn.fresh_database()
    drop_postgres()
    _postgres(f'CREATE DATABASE "{ip_asn.PG_NAME}"')
    call_command("migrate", verbosity=0)


def drop_postgres() -> None:
    _postgres(f'DROP DATABASE IF EXISTS "{ip_asn.PG_NAME}"')


def _postgres(statement: str) -> None:
    import psycopg
    from django.db import connections

    connections.close_all()
    with psycopg.connect(f"{ip_asn.PG_SERVER}/postgres", autocommit=True) as conn:
        conn.execute(statement)


def add_work() -> dict:
    """Accounts for the personas and the waiting work; returns {persona: user}."""
    from django.db import transaction
    from django.utils import timezone

    from sikap.accounts.models import Peran, User
    from sikap.documents.models import Dokumen, JenisDokumen
    from sikap.org.models import Opd
    from sikap.people.models import Pegawai
    from sikap.selfservice.models import JenisPerubahan, Rantai, Status, UsulanPerubahan

    now = timezone.now()
    with transaction.atomic():
        opd = Opd.objects.order_by("pk").first()
        me = Pegawai.objects.filter(opd=opd, kedudukan="aktif").order_by("pk").first()
        users = {
            "pegawai": User.objects.create_user(username=me.nip, password="x", pegawai=me),
            "admin_opd": User.objects.create_user(
                username="admin.opd", password="x", peran=Peran.ADMIN_OPD
            ),
            "verifikator": User.objects.create_user(
                username="verifikator", password="x", peran=Peran.VERIFIKATOR
            ),
            "pimpinan": User.objects.create_user(
                username="pimpinan", password="x", peran=Peran.PIMPINAN
            ),
        }
        users["admin_opd"].opd_scope.set([opd])
        ktp = JenisDokumen.objects.get(kode="ktp")
        ids = list(Pegawai.objects.values_list("pk", flat=True).order_by("pk"))
        docs = [
            Dokumen(
                pegawai_id=pk, jenis=ktp, file=f"bench/{pk}.pdf", format="pdf", nama_asli="ktp.pdf",
                sha256="0" * 64, ukuran=1000, mime="application/pdf", versi=1,
                state=Dokumen.Status.MENUNGGU, uploaded_by=users["pimpinan"],
            )
            for pk in ids[::10]
        ]  # fmt: skip
        Dokumen.objects.bulk_create(docs, batch_size=2000)
        Dokumen.objects.filter(pegawai=me).update(state=Dokumen.Status.DITOLAK)
        kontak = JenisPerubahan.objects.get(kode="kontak")
        usulan = [
            UsulanPerubahan(
                pegawai_id=pk, jenis=kontak, rantai=Rantai.OPD_ONLY, state=Status.MENUNGGU_OPD,
                data={"no_hp": "0812"}, diajukan_pada=now - timedelta(days=pk % 20),
            )
            for pk in ids[::50]
        ]  # fmt: skip
        UsulanPerubahan.objects.bulk_create(usulan, batch_size=2000)
        UsulanPerubahan.objects.create(
            pegawai=me, jenis=kontak, rantai=Rantai.OPD_ONLY, state=Status.DIKEMBALIKAN,
            data={"no_hp": "0813"}, dibuat_oleh=users["pegawai"],
        )  # fmt: skip
    return users


def measure(users: dict, repeat: int) -> dict:
    """{persona: {page: (best seconds, queries)}}."""
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    results = {}
    for persona, user in users.items():
        client = Client()
        client.force_login(user)
        pages = {"list": "/pegawai/", "home": "/", "inbox": "/kotak-masuk/"}
        for url in pages.values():  # warm: templates, the session, the cached figures
            assert client.get(url).status_code == 200, url
        counts = {}
        for name, url in pages.items():
            with CaptureQueriesContext(connection) as captured:
                client.get(url)
            counts[name] = len(captured)
        reset_queries()
        timings = ip_asn.best(
            {name: lambda u=url, c=client: c.get(u) for name, url in pages.items()}, repeat
        )
        results[persona] = {name: (timings[name][0], counts[name]) for name in pages}
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="5845,55845", help="comma-separated")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--postgres", action="store_true", help="use PostgreSQL")
    parser.add_argument("--pg-name", default="sikap_bench_home", help="PostgreSQL database")
    args = parser.parse_args()

    ip_asn.PG_NAME = args.pg_name
    ip_asn.setup_django(args.postgres)
    from django.db import connection

    print(f"Home page and inbox on {connection.vendor}; best of {args.repeat}; ms (queries)")
    header = ("ASN", "persona", "list", "home", "ratio", "inbox", "ratio")
    widths = (9, 12, 12, 12, 6, 12, 6)
    print(" ".join(f"{h:>{w}}" for h, w in zip(header, widths, strict=True)))
    try:
        for n in (int(s) for s in args.sizes.split(",")):
            fresh_database()
            ip_asn.generate(n)
            users = add_work()
            for persona, pages in measure(users, args.repeat).items():
                (list_s, list_q), (home_s, home_q), (inbox_s, inbox_q) = pages.values()
                print(
                    f"{n:>9,} {persona:>12} {list_s * 1000:>7.1f} ({list_q:>2}) "
                    f"{home_s * 1000:>7.1f} ({home_q:>2}) {home_s / list_s:>5.2f}× "
                    f"{inbox_s * 1000:>7.1f} ({inbox_q:>2}) {inbox_s / list_s:>5.2f}×",
                    flush=True,
                )
    finally:
        if args.postgres:
            drop_postgres()


if __name__ == "__main__":
    main()
