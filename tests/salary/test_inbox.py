"""KGB letters in the inbox: in the order they have waited (not by TMT), and after a decision
taken from the inbox the next letter opens."""

from datetime import date, datetime, timedelta

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone

from sikap.accounts.system import system_actor
from sikap.core import inbox
from sikap.core.models import CaseEvent
from sikap.people.models import RiwayatSkp
from sikap.salary import services
from sikap.salary.models import Kgb
from tests.factories import make_pegawai
from tests.salary.conftest import add_gaji


def _two_letters(kantor):
    """The kantor's pegawai is due on 1 Mar 2027; a second one on 1 Jan 2027."""
    lain = make_pegawai(kantor.opd, nama="Bambang Lestari", tmt_cpns=date(2023, 1, 1))
    add_gaji(lain, date(2023, 1, 1), (0, 0), 2_228_560, dasar="cpns", nomor="813/2/2023")
    add_gaji(lain, date(2025, 1, 1), (2, 0), 2_873_500)
    for tahun in (2023, 2024, 2025, 2026):
        RiwayatSkp.objects.create(pegawai=lain, tahun=tahun, predikat="baik")
    services.draft_due(date(2026, 12, 10), actor=system_actor())
    return Kgb.objects.get(tmt=date(2027, 1, 1)), Kgb.objects.get(tmt=date(2027, 3, 1))


def _step_at(kgb, moment):
    CaseEvent.objects.filter(
        content_type=ContentType.objects.get_for_model(Kgb), object_id=str(kgb.pk)
    ).update(at=moment)


def test_letters_to_sign_come_in_the_order_they_were_verified(kantor):
    januari, maret = _two_letters(kantor)
    services.verify([maret.pk, januari.pk], actor=kantor.verifikator)
    earlier = timezone.now() - timedelta(days=5)
    _step_at(maret, earlier)
    _step_at(januari, earlier + timedelta(days=3))
    source = inbox.get("salary.tandatangan")
    items = source.items(kantor.kepala, inbox.Filters(), 10)
    assert [i.key for i in items] == [str(maret.pk), str(januari.pk)]
    assert items[0].waiting_since == earlier
    # The age filter reads the same moment: only the letter verified five days ago waits 4+.
    old = source.items(kantor.kepala, inbox.Filters(older_than_days=4), 10)
    assert [i.key for i in old] == [str(maret.pk)]


def test_drafts_to_verify_come_in_the_order_they_were_drafted(kantor):
    januari, maret = _two_letters(kantor)
    assert not CaseEvent.objects.exists()  # drafting is no step: the draft waits since `dibuat`
    Kgb.objects.filter(pk=maret.pk).update(dibuat=timezone.make_aware(datetime(2026, 11, 1)))
    Kgb.objects.filter(pk=januari.pk).update(dibuat=timezone.make_aware(datetime(2026, 11, 20)))
    items = inbox.get("salary.verifikasi").items(kantor.verifikator, inbox.Filters(), 10)
    assert [i.key for i in items] == [str(maret.pk), str(januari.pk)]


def _next_field(page) -> str:
    return page.content.decode().split('name="next" value="')[1].split('"')[0]


def test_after_verifying_a_letter_from_the_inbox_the_next_one_opens(client, kantor):
    januari, maret = _two_letters(kantor)
    client.force_login(kantor.verifikator)
    rows = client.get("/kotak-masuk/", {"jenis": "salary.verifikasi"}).context["rows"]
    assert len(rows) == 2
    opened = client.get(rows[0]["url"])
    first = opened.context["kgb"]
    next_field = _next_field(opened)
    assert next_field.startswith(reverse("core:kotak_masuk_berikutnya"))
    decided = client.post(
        reverse("salary:verifikasi"),
        {"kgb": first.pk, "kembali": first.get_absolute_url(), "next": next_field},
    )
    assert decided.status_code == 302 and decided["Location"] == next_field
    onward = client.get(next_field)
    other = januari if first == maret else maret
    assert onward["Location"].startswith(other.get_absolute_url() + "?kotak=")


def test_a_return_without_a_reason_stays_on_the_same_letter_in_the_inbox_flow(client, kantor):
    januari, _ = _two_letters(kantor)
    client.force_login(kantor.verifikator)
    next_url = reverse("core:kotak_masuk_berikutnya") + "?jenis=salary.verifikasi"
    response = client.post(
        reverse("salary:kembalikan", args=[januari.pk]),
        {"alasan": "", "version": januari.version, "next": next_url},
    )
    assert response["Location"].startswith(januari.get_absolute_url() + "?kotak=")
    januari.refresh_from_db()
    assert januari.state == Kgb.Status.DRAF


def test_from_the_due_list_a_batch_goes_back_to_the_list(client, kantor):
    januari, maret = _two_letters(kantor)
    client.force_login(kantor.verifikator)
    back = "/kgb/?bulan=2027-01"
    response = client.post(reverse("salary:verifikasi"), {"kgb": [januari.pk], "kembali": back})
    assert response["Location"] == back
