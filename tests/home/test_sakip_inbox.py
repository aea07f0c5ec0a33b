"""SAKIP realisations and corrections waiting for a planner: in the inbox, decided with the next
one opening, and counted by the menu in its one query."""

from decimal import Decimal as D

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from sikap.core import inbox, request_memo
from sikap.performance.inbox import KoreksiSource, RealisasiSource
from sikap.performance.models import RealisasiTriwulan, Status
from sikap.performance.services import create_koreksi, run_koreksi, run_realisasi, save_realisasi
from tests.performance.conftest import perencana, perencana_lain, seed  # noqa: F401

pytestmark = pytest.mark.django_db


def test_a_submitted_realisation_waits_for_the_other_planner_and_the_next_opens(
    seed,  # noqa: F811
    perencana,  # noqa: F811
    perencana_lain,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    quarters = list(RealisasiTriwulan.objects.filter(state=Status.DRAF).order_by("pk")[:2])
    for quarter in quarters:
        save_realisasi(quarter, k=D(1), rp=None, actor=perencana)
        run_realisasi(quarter, "ajukan", actor=perencana)
    own, other = Client(), Client()
    own.force_login(perencana)
    other.force_login(perencana_lain)
    assert own.get("/kotak-masuk/").context["rows"] == []  # never one's own
    rows = other.get("/kotak-masuk/", {"jenis": "performance.realisasi"}).context["rows"]
    assert [r["item"].key for r in rows] == [str(q.pk) for q in quarters]
    page = other.get(rows[0]["url"])
    next_url = reverse("core:kotak_masuk_berikutnya") + "?jenis=performance.realisasi"
    assert f'name="next" value="{next_url}"' in page.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = other.post(
            reverse("performance:sakip_realisasi_langkah", args=[quarters[0].pk]),
            {
                "langkah": "kembalikan",
                "alasan": "Bukti belum ada",
                "versi": RealisasiTriwulan.objects.get(pk=quarters[0].pk).version,
                "next": next_url,
            },
        )
    assert response["Location"] == next_url
    quarters[0].refresh_from_db()
    assert quarters[0].state == Status.DIKEMBALIKAN
    note = perencana.notifikasi.get()
    assert note.message == (
        f"{quarters[0]} yang Anda ajukan dikembalikan: Bukti belum ada. "
        "Perbaiki lalu ajukan kembali."
    )
    assert other.get(next_url)["Location"].startswith(quarters[1].get_absolute_url())


def test_the_menu_counts_the_sakip_cases_each_planner_may_decide_in_one_query(
    seed,  # noqa: F811
    perencana,  # noqa: F811
    perencana_lain,  # noqa: F811
    world,
):
    for quarter in RealisasiTriwulan.objects.filter(state=Status.DRAF).order_by("pk")[:2]:
        save_realisasi(quarter, k=D(1), rp=None, actor=perencana)
        run_realisasi(quarter, "ajukan", actor=perencana)
    locked = RealisasiTriwulan.objects.get(indikator__kode="A.1.f", triwulan=2)
    koreksi = create_koreksi(locked, k=D(4), rp=None, alasan="Satu dokumen", actor=perencana_lain)
    run_koreksi(koreksi, "ajukan", actor=perencana_lain)
    # (realisations, corrections) each may decide: never their own; admin BKD both.
    expected = {
        perencana: (0, 1),
        perencana_lain: (2, 0),
        world.users["admin_bkd"]: (2, 1),
        world.users["pimpinan"]: (0, 0),
        world.users["verifikator"]: (0, 0),
        world.users["admin_opd"]: (0, 0),
    }
    everything, by_opd = inbox.Filters(), inbox.Filters(opd_id=world.opd_a.pk)
    for user, (realisasi, koreksi_count) in expected.items():
        sources = (RealisasiSource(), KoreksiSource())
        assert [s.count(user, everything) for s in sources] == [realisasi, koreksi_count]
        assert [s.pending(user, everything).count() for s in sources] == [realisasi, koreksi_count]
        assert [s.pending(user, by_opd).count() for s in sources] == [0, 0]  # BKD's own plan
        with request_memo.scope():
            counts = sum(source.count(user, everything) for source in inbox.sources())
            with CaptureQueriesContext(connection) as queries:
                assert inbox.total(user) == counts
        assert len(queries) <= 1, user
