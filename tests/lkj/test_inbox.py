"""Severity-A findings of the LKj waiting for admin BKD's confirmation: in the one inbox (from
rows the checks leave, never rerunning them) and on the home card; confirming one from the inbox
opens the next."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from sikap.lkj import jobs
from sikap.lkj.models import TemuanMenunggu
from sikap.lkj.services import open_findings, sync_waiting
from tests.lkj.conftest import REASON


def test_the_daily_job_lists_the_unconfirmed_findings_for_admin_bkd_only(world, sakip):
    done = jobs.refresh_waiting_findings()
    assert done == "22 temuan LKj tingkat A menunggu konfirmasi admin BKD."
    assert TemuanMenunggu.objects.filter(tahun=2023).count() == 22
    rows = world.client("admin_bkd").get("/kotak-masuk/", {"jenis": "lkj.temuan"}).context["rows"]
    assert len(rows) == 22
    assert rows[0]["item"].title.startswith("LKj 2023: ")
    assert rows[0]["url"].startswith("/lkj/2023/?kotak=") and rows[0]["url"].endswith("#temuan")
    for persona in ("pimpinan", "verifikator"):
        rows = world.client(persona).get("/kotak-masuk/").context["rows"]
        assert not [r for r in rows if r["item"].kind == "lkj.temuan"]
    # Filtering by an OPD leaves them out: they belong to BKD's own report.
    by_opd = world.client("admin_bkd").get("/kotak-masuk/", {"opd": world.opd_a.pk})
    assert not [r for r in by_opd.context["rows"] if r["item"].kind == "lkj.temuan"]


def test_the_inbox_counts_without_running_the_checks(world, sakip, monkeypatch):
    jobs.refresh_waiting_findings()

    def refuse(year):
        raise AssertionError("the inbox ran the checks")

    monkeypatch.setattr("sikap.lkj.services.findings_for_year", refuse)
    with CaptureQueriesContext(connection) as queries:
        world.client("admin_bkd").get("/kotak-masuk/", {"jenis": "lkj.temuan"})
    assert len([q for q in queries if "lkj_temuanmenunggu" in q["sql"]]) <= 3


def test_confirming_from_the_inbox_opens_the_next_finding(world, sakip):
    jobs.refresh_waiting_findings()
    client = world.client("admin_bkd")
    first = client.get("/kotak-masuk/", {"jenis": "lkj.temuan"}).context["rows"][0]
    page = client.get(first["url"].split("#")[0]).content.decode()
    next_url = reverse("core:kotak_masuk_berikutnya") + "?jenis=lkj.temuan"
    assert f'name="next" value="{next_url}"' in page
    key = TemuanMenunggu.objects.get(pk=first["item"].key).kunci
    response = client.post(
        "/lkj/2023/konfirmasi/", {"kunci": key, "alasan": REASON, "next": next_url}
    )
    assert response["Location"] == next_url
    assert not TemuanMenunggu.objects.filter(kunci=key).exists()
    assert TemuanMenunggu.objects.count() == 21
    following = client.get(response["Location"])
    assert following["Location"].startswith("/lkj/2023/?kotak=")
    # A refused confirmation stays on the same page, still in the inbox's flow.
    refused = client.post("/lkj/2023/konfirmasi/", {"kunci": key, "alasan": "", "next": next_url})
    assert refused["Location"].startswith("/lkj/2023/?kotak=")


def test_a_finding_corrected_in_the_data_leaves_the_inbox_when_the_checks_run(world, sakip):
    jobs.refresh_waiting_findings()
    first = TemuanMenunggu.objects.order_by("pk").first()
    gone = [f for f, _ in open_findings(2023) if f.key != first.kunci]
    sync_waiting(2023, gone)
    assert not TemuanMenunggu.objects.filter(pk=first.pk).exists()
    kept = TemuanMenunggu.objects.order_by("pk").first()
    sync_waiting(2023, gone)  # the age of what stays is kept
    assert TemuanMenunggu.objects.get(kunci=kept.kunci).sejak == kept.sejak


def test_the_home_card_tells_admin_bkd_what_holds_publishing_back(world, sakip):
    jobs.refresh_waiting_findings()
    response = world.client("admin_bkd").get("/")
    cards = {c.key: c for c in [*response.context["todo"], *response.context["summary"]]}
    card = cards["lkj.tahun"]
    assert card in response.context["todo"]  # work to do comes first
    assert card.context["menunggu"] == 22
    body = response.content.decode()
    assert "22</strong> temuan tingkat A menunggu konfirmasi Anda" in body
    pimpinan = world.client("pimpinan").get("/").content.decode()
    assert "LKj 2023" in pimpinan and "Belum diterbitkan." in pimpinan
    assert "menunggu konfirmasi Anda" not in pimpinan
