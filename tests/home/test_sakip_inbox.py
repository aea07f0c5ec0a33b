"""SAKIP realisations waiting for a planner, in the inbox, decided with the next one opening."""

from decimal import Decimal as D

import pytest
from django.test import Client
from django.urls import reverse

from sikap.performance.models import RealisasiTriwulan, Status
from sikap.performance.services import run_realisasi, save_realisasi
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
