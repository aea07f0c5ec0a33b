"""`GET /api/v1/me/kenaikan-pangkat`: the pegawai's own proposals with documents and timeline."""

from tests.api.conftest import fresh_throttle, phone, phone_of  # noqa: F401
from tests.promotion.test_services import submitted


def test_my_proposal_with_its_documents_and_timeline(kp, phone):  # noqa: F811
    usulan = submitted(kp)
    body = phone.get("me/kenaikan-pangkat").json()
    assert [u["id"] for u in body] == [usulan.pk]
    assert body[0]["status_kode"] == "diajukan" and body[0]["golongan_tujuan"] == "III/b"
    assert [r["langkah"] for r in body[0]["riwayat"]] == ["Ajukan ke BKD"]
    assert {b["status"] for b in body[0]["berkas"]} == {"Menunggu verifikasi"}


def test_nobody_else_sees_it_and_staff_get_an_empty_list(kp, phone_of):  # noqa: F811
    submitted(kp)
    assert phone_of("atasan").get("me/kenaikan-pangkat").json() == []
    assert phone_of("admin_opd").get("me/kenaikan-pangkat").json() == []


def test_it_is_in_the_openapi_schema(kp, phone):  # noqa: F811
    schema = phone.client.get("/api/v1/openapi.json").json()
    assert "/api/v1/me/kenaikan-pangkat" in schema["paths"]
