"""One JSON error shape for every refusal under /api/, a stable OpenAPI schema, and docs that
load without the internet."""

import re

import pytest
from django.test import Client

from tests.api.conftest import assert_error

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/api/v1/tidak-ada", "/api/", "/api/v2/me", "/api/v1/me/x/y"])
def test_unknown_routes_under_api_are_404_in_the_error_shape(world, phone, path):
    response = phone.client.get(path, HTTP_AUTHORIZATION=f"Bearer {phone.raw}")
    assert response["Content-Type"] == "application/json"
    assert_error(response, 404, "tidak_ditemukan")


def test_a_method_the_route_does_not_take_is_405_in_the_error_shape(world, phone):
    response = phone.post("me")
    assert_error(response, 405, "metode_tidak_didukung")
    assert response["Allow"] == "GET"


def test_invalid_input_is_422_with_details_per_field(world, phone):
    body = assert_error(phone.get("me/notifications", page=0), 422, "data_tidak_valid")
    assert body["details"] == [{"field": "query.page", "message": "Paling kecil 1."}]
    body = assert_error(phone.post("auth/token", {"nip": "1"}), 422, "data_tidak_valid")
    assert body["details"] == [
        {"field": "body.data.password", "message": "Wajib diisi."},
        {"field": "body.data.perangkat", "message": "Wajib diisi."},
    ]


def test_a_malformed_json_body_is_an_error_in_the_shape_not_a_crash(world):
    response = Client().post("/api/v1/auth/token", "{nip", content_type="application/json")
    assert response.status_code in (400, 422)
    assert set(response.json()) == {"code", "message", "details"}


def test_a_crash_is_500_in_the_error_shape(world, phone, monkeypatch):
    def boom(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr("sikap.api.saya.atasan_of", boom)
    body = assert_error(phone.get("me"), 500, "kesalahan_server")
    assert "boom" not in body["message"]


def test_the_schema_is_openapi_3_at_a_stable_url_with_every_endpoint(db):
    schema = Client().get("/api/v1/openapi.json").json()
    assert schema["openapi"].startswith("3.")
    assert set(schema["paths"]) == {
        "/api/v1/auth/token",
        "/api/v1/auth/tokens",
        "/api/v1/auth/tokens/{token_id}",
        "/api/v1/hasil-kompetensi/{pk}",
        "/api/v1/kompetensi/percobaan/{pk}",
        "/api/v1/kompetensi/percobaan/{pk}/fokus",
        "/api/v1/kompetensi/percobaan/{pk}/jawaban",
        "/api/v1/kompetensi/percobaan/{pk}/posisi",
        "/api/v1/kompetensi/percobaan/{pk}/serahkan",
        "/api/v1/kompetensi/percobaan/{pk}/soal",
        "/api/v1/kompetensi/percobaan/{pk}/soal-kini",
        "/api/v1/kompetensi/percobaan/{pk}/soal/{urutan}",
        "/api/v1/kompetensi/ujian",
        "/api/v1/kompetensi/ujian/{ujian_id}/mulai",
        "/api/v1/me",
        "/api/v1/me/documents",
        "/api/v1/me/documents/{dokumen_id}/file",
        "/api/v1/me/letters",
        "/api/v1/me/letters/{surat_id}/file",
        "/api/v1/me/notifications",
        "/api/v1/me/notifications/{notifikasi_id}/read",
        "/api/v1/me/notifications/read-all",
        "/api/v1/me/pension",
        "/api/v1/me/kenaikan-pangkat",
        "/api/v1/presensi",
        "/api/v1/presensi/hari-ini",
    }
    me = schema["paths"]["/api/v1/me"]["get"]
    assert {"200", "401", "404", "429"} <= set(me["responses"])
    error = me["responses"]["401"]["content"]["application/json"]["schema"]["$ref"]
    assert error.endswith("/Galat")


def test_the_docs_page_loads_its_assets_from_this_server(db):
    html = Client().get("/api/v1/docs").content.decode()
    sources = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert "/static/ninja/swagger-ui-bundle.js" in sources
    assert all(s.startswith("/static/") for s in sources), sources
    for asset in ("swagger-ui-bundle.js", "swagger-ui.css", "swagger-ui-init.js"):
        assert Client().get(f"/static/ninja/{asset}").status_code == 200


def test_djangos_login_required_middleware_leaves_the_api_to_its_own_auth(db, settings):
    settings.MIDDLEWARE = [
        "django.contrib.auth.middleware.LoginRequiredMiddleware"
        if m == "sikap.core.middleware.LoginRequiredMiddleware"
        else m
        for m in settings.MIDDLEWARE
    ]
    assert_error(Client().get("/api/v1/me"), 401, "belum_masuk")
    assert Client().get("/api/v1/openapi.json").status_code == 200
