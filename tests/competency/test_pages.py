"""The taker's pages: the list, starting, the attempt page (every item, no key or score in the
HTML), answering without JavaScript, submitting, and the finished page."""

import re

from sikap.competency.models import ButirPercobaan, Jawaban, OpsiJawaban, Percobaan


def test_the_list_shows_the_open_test_and_starting_opens_the_attempt(world, ujian, clock):
    client = world.client("pegawai")
    page = client.get("/kompetensi/")
    assert (
        "Uji Kompetensi Manajerial 2026" in page.content.decode()
        and "Mulai ujian" in page.content.decode()
    )
    response = client.post(f"/kompetensi/ujian/{ujian.pk}/mulai/")
    p = Percobaan.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/kompetensi/percobaan/{p.pk}/"
    assert "Lanjutkan ujian" in client.get("/kompetensi/").content.decode()


def test_the_attempt_page_holds_every_item_but_no_key_or_score(world, ujian, clock):
    client = world.client("pegawai")
    client.post(f"/kompetensi/ujian/{ujian.pk}/mulai/")
    p = Percobaan.objects.get()
    html = client.get(f"/kompetensi/percobaan/{p.pk}/").content.decode()
    assert html.count('class="butir"') == 10
    assert html.count(" hidden>") == 9
    assert 'data-sisa="1800"' in html
    shown = {int(v) for v in re.findall(r'name="opsi" value="(\d+)"', html)}
    drawn = ButirPercobaan.objects.filter(percobaan=p).values_list("versi_id", flat=True)
    assert shown == set(OpsiJawaban.objects.filter(versi_id__in=drawn).values_list("pk", flat=True))
    assert "benar" not in html and "skor" not in html.lower().replace("skor opsi", "")


def test_without_javascript_an_answer_is_saved_and_the_next_item_shown(world, ujian, clock):
    client = world.client("pegawai")
    client.post(f"/kompetensi/ujian/{ujian.pk}/mulai/")
    p = Percobaan.objects.get()
    opsi = ButirPercobaan.objects.get(percobaan=p, urutan=0).urutan_opsi[2]
    response = client.post(f"/kompetensi/percobaan/{p.pk}/", {"urutan": 0, "opsi": opsi})
    assert response["Location"].endswith("?n=1")
    assert Jawaban.objects.get().opsi_id == opsi
    html = client.get(response["Location"]).content.decode()
    assert 'id="butir-1" data-urutan="1">' in html
    p.refresh_from_db()
    assert p.posisi == 1


def test_submitting_shows_the_finished_page(world, ujian, clock):
    client = world.client("pegawai")
    client.post(f"/kompetensi/ujian/{ujian.pk}/mulai/")
    p = Percobaan.objects.get()
    response = client.post(f"/kompetensi/percobaan/{p.pk}/serahkan/", follow=True)
    assert "Jawaban diserahkan" in response.content.decode()
    assert "Terjawab 0 dari 10 soal" in response.content.decode()
    again = client.get(f"/kompetensi/percobaan/{p.pk}/")
    assert again["Location"] == f"/kompetensi/percobaan/{p.pk}/selesai/"


def test_time_up_shows_the_automatic_submission(world, ujian, clock):
    client = world.client("pegawai")
    client.post(f"/kompetensi/ujian/{ujian.pk}/mulai/")
    p = Percobaan.objects.get()
    clock.advance(minutes=45)
    response = client.get(f"/kompetensi/percobaan/{p.pk}/", follow=True)
    assert "diserahkan otomatis" in response.content.decode()


def test_a_closed_window_says_so_on_the_list(world, ujian, clock):
    from datetime import timedelta

    from sikap.competency.models import Ujian

    Ujian.objects.filter(pk=ujian.pk).update(ditutup=clock.now + timedelta(minutes=5))
    client = world.client("pegawai")
    clock.advance(minutes=10)
    response = client.post(f"/kompetensi/ujian/{ujian.pk}/mulai/", follow=True)
    assert "sudah ditutup" in response.content.decode()
    assert not Percobaan.objects.exists()
