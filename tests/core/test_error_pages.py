"""With DEBUG on (`make run`), users see SIKAP's own 404 and 500 pages; only a superuser sees
Django's technical pages. The API keeps its JSON errors."""

import pytest
from django.test import Client

from sikap.accounts.models import User

SIKAP_404 = "Halaman tidak ditemukan"
SIKAP_500 = "Terjadi kesalahan pada server"


@pytest.fixture
def debug(settings):
    settings.DEBUG = True


def test_a_pegawai_opening_someone_elses_record_gets_sikaps_404(world, debug):
    response = world.client("pegawai").get(f"/pegawai/{world.pegawai_b.nip}/")
    assert response.status_code == 404
    body = response.content.decode()
    assert SIKAP_404 in body and "Kembali ke beranda" in body
    assert "technical" not in body and "Page not found" not in body


@pytest.mark.parametrize("persona", ["pegawai", "anonymous"])
def test_an_address_that_does_not_exist_gets_sikaps_404(world, debug, persona):
    response = world.client(persona).get("/tidak-ada-halaman-ini/")
    assert response.status_code == 404
    assert SIKAP_404 in response.content.decode()
    assert "Using the URLconf" not in response.content.decode()


def test_a_crash_shows_sikaps_500_page_and_is_logged(world, debug, monkeypatch, caplog):
    def crash(*args, **kwargs):
        raise RuntimeError("uji kerusakan")

    monkeypatch.setattr("sikap.people.views.render", crash)
    response = world.client("pegawai").get(f"/pegawai/{world.pegawai.nip}/")
    assert response.status_code == 500
    assert SIKAP_500 in response.content.decode()
    assert "uji kerusakan" not in response.content.decode()
    assert any(r.exc_info and "uji kerusakan" in str(r.exc_info[1]) for r in caplog.records)


def test_a_superuser_still_gets_djangos_technical_pages(world, debug):
    client = Client()
    client.force_login(User.objects.create_superuser("pengembang", password="x-rahasia-123"))
    response = client.get("/tidak-ada-halaman-ini/")
    assert response.status_code == 404
    assert "Using the URLconf" in response.content.decode()


def test_the_api_keeps_its_json_errors(world, debug):
    response = world.client("pegawai").get("/api/v1/tidak-ada/")
    assert SIKAP_404 not in response.content.decode()


def test_without_debug_django_renders_the_same_pages(world):
    response = world.client("pegawai").get(f"/pegawai/{world.pegawai_b.nip}/")
    assert response.status_code == 404 and SIKAP_404 in response.content.decode()
