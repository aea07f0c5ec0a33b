"""Attendance evidence: the selfie an OPD may require with each check-in, and the file a pegawai
attaches to a daily activity. Both checked by content, stored privately, opened only by the
pegawai, their atasan, the admin OPD of their OPD and admin BKD, every read logged."""

import base64
import io
import random
from datetime import date, time
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from sikap.attendance import aktivitas, services
from sikap.attendance.models import Aktivitas, PengaturanPresensi, Presensi, SwafotoOpd
from sikap.core.errors import SikapError
from sikap.core.models import AuditEntry
from sikap.documents.models import AksesBerkas
from tests.api.conftest import assert_error
from tests.attendance.conftest import body
from tests.documents.conftest import image_bytes, pdf_bytes, stored_files

pytestmark = pytest.mark.usefixtures("kantor", "clock")
TODAY = date(2026, 4, 7)
SEES = ["pegawai", "atasan", "admin_opd", "admin_bkd"]
DOES_NOT_SEE = ["kabid", "admin_opd_lain", "pimpinan", "verifikator"]


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def media() -> Path:
    return Path(settings.MEDIA_ROOT)


def limit(**sizes) -> None:
    setting = PengaturanPresensi.current()
    for name, kb in sizes.items():
        setattr(setting, name, kb)
    setting.save()


@pytest.fixture
def selfie_on(world):
    return SwafotoOpd.objects.create(opd=world.opd_a)


def test_a_check_in_with_a_selfie_is_accepted_and_keeps_the_photo_privately(world, hp, selfie_on):
    assert hp.get("presensi/hari-ini").json()["swafoto_wajib"] is True
    response = hp.post("presensi", body(swafoto=b64(image_bytes("JPEG"))))
    assert response.status_code == 201, response.content
    assert response.json()["swafoto"] is True
    saved = Presensi.objects.get()
    assert saved.alasan == "diterima" and saved.swafoto_format == "jpeg"
    assert saved.swafoto.name.startswith(f"presensi/swafoto/{world.pegawai.pk}/")
    assert saved.swafoto.name.endswith(".jpg")
    assert [p.name for p in stored_files(media())] == [Path(saved.swafoto.name).name]


def test_without_a_selfie_where_required_it_is_refused_with_its_code_and_stored(hp, selfie_on):
    found = assert_error(hp.post("presensi", body()), 409, "swafoto_wajib")
    assert "Swafoto wajib di OPD Anda" in found["message"]
    assert "tanpa pencocokan wajah" in found["message"]
    stored = Presensi.objects.get()
    assert stored.alasan == "swafoto_wajib" and not stored.swafoto


def test_an_opd_without_the_setting_keeps_the_plain_json_contract(world, hp, hp_of):
    SwafotoOpd.objects.create(opd=world.opd_b)
    assert hp.get("presensi/hari-ini").json()["swafoto_wajib"] is False
    response = hp.post("presensi", body())
    assert response.status_code == 201 and response.json()["swafoto"] is False


def test_turning_the_setting_on_is_audited_and_applies_to_the_next_check_in(world, hp):
    assert hp.post("presensi", body()).status_code == 201  # the context is now remembered
    services.save_config(SwafotoOpd(opd=world.opd_a), actor=world.users["admin_bkd"])
    assert AuditEntry.objects.filter(kind="swafoto_opd.created").exists()
    assert_error(hp.post("presensi", body(jenis="pulang")), 409, "swafoto_wajib")


def test_only_admin_bkd_sets_it(world):
    with pytest.raises(SikapError, match="Hanya admin BKD"):
        services.save_config(SwafotoOpd(opd=world.opd_a), actor=world.users["admin_opd"])
    assert not SwafotoOpd.objects.exists()


@pytest.mark.parametrize(
    ("photo", "message"),
    [
        (b64(b"ini teks biasa, bukan foto"), "tidak dikenali sebagai PDF, JPEG, atau PNG"),
        (b64(pdf_bytes()), "hanya menerima JPEG, PNG"),
        (b64(image_bytes("PNG")[:-20]), "tidak utuh"),
        ("bukan base64!", "base64 standar"),
        ("", "Berkas kosong"),
    ],
)
def test_a_bad_selfie_is_refused_and_nothing_is_stored(hp, selfie_on, photo, message):
    found = assert_error(hp.post("presensi", body(swafoto=photo)), 400, "berkas_tidak_valid")
    assert message in found["message"]
    assert [d["field"] for d in found["details"]] == ["swafoto"]
    assert not Presensi.objects.exists() and not stored_files(media())


def test_a_selfie_over_the_configured_size_is_refused(hp, selfie_on):
    limit(swafoto_maks_kb=50)
    big = _noisy_png(60 * 1024)
    found = assert_error(hp.post("presensi", body(swafoto=b64(big))), 400, "berkas_tidak_valid")
    assert "melebihi batas 50 KB" in found["message"]
    assert not Presensi.objects.exists()


def _noisy_png(at_least: int) -> bytes:
    """A real PNG of at least `at_least` bytes (noise does not compress)."""
    side = 160
    while True:
        pixels = random.Random(side).randbytes(side * side * 3)
        out = io.BytesIO()
        Image.frombytes("RGB", (side, side), pixels).save(out, format="PNG")
        if out.tell() >= at_least:
            return out.getvalue()
        side *= 2


def test_a_retry_with_the_same_photo_answers_the_first_and_another_photo_is_refused(hp, selfie_on):
    sent = body(swafoto=b64(image_bytes("PNG")))
    assert hp.post("presensi", sent).status_code == 201
    assert hp.post("presensi", sent).status_code == 200
    other = {**sent, "swafoto": b64(image_bytes("PNG", color=(200, 0, 0)))}
    assert_error(hp.post("presensi", other), 409, "duplikat")
    assert Presensi.objects.count() == 1 and len(stored_files(media())) == 1


def _checked_in_with_selfie(hp) -> Presensi:
    assert hp.post("presensi", body(swafoto=b64(image_bytes("PNG")))).status_code == 201
    return Presensi.objects.get()


@pytest.mark.parametrize("persona", SEES)
def test_the_selfie_opens_for_the_pegawai_their_atasan_and_admins_and_each_read_is_logged(
    world, hp, selfie_on, persona
):
    attempt = _checked_in_with_selfie(hp)
    response = world.client(persona).get(f"/presensi/swafoto/{attempt.pk}/")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["Cache-Control"] == "private, no-store"
    assert b"".join(response.streaming_content) == image_bytes("PNG")
    read = AksesBerkas.objects.get()
    assert read.user == world.users[persona] and read.pegawai == world.pegawai
    assert read.keterangan == "Swafoto presensi masuk 07-04-2026 07.41"


@pytest.mark.parametrize("persona", DOES_NOT_SEE)
def test_a_colleague_or_another_opd_gets_a_404_for_the_selfie(world, hp, selfie_on, persona):
    attempt = _checked_in_with_selfie(hp)
    assert world.client(persona).get(f"/presensi/swafoto/{attempt.pk}/").status_code == 404
    assert not AksesBerkas.objects.exists()


def test_an_attempt_without_a_photo_or_an_unknown_one_is_a_404(world, hp):
    assert hp.post("presensi", body()).status_code == 201
    attempt = Presensi.objects.get()
    client = world.client("admin_bkd")
    assert client.get(f"/presensi/swafoto/{attempt.pk}/").status_code == 404
    assert client.get(f"/presensi/swafoto/{attempt.pk + 1}/").status_code == 404


def test_the_atasan_sees_the_thumbnail_on_the_monitoring_page_and_pimpinan_does_not(
    world, hp, selfie_on
):
    attempt = _checked_in_with_selfie(hp)
    url = f"/presensi/swafoto/{attempt.pk}/"
    page = world.client("atasan").get("/presensi/pantau/").content.decode()
    assert f'src="{url}"' in page and "tidak mencocokkan wajah" in page
    assert url in world.client("admin_opd").get("/presensi/pantau/").content.decode()
    assert url not in world.client("pimpinan").get("/presensi/pantau/").content.decode()


def test_the_phone_page_asks_for_the_selfie_only_where_required(world, selfie_on):
    page = world.client("pegawai").get("/presensi/").content.decode()
    assert 'accept="image/*" capture="user"' in page
    assert "tidak ada pencocokan wajah" in page
    selfie_on.delete()
    assert 'capture="user"' not in world.client("pegawai").get("/presensi/").content.decode()


# --- evidence on daily activities -------------------------------------------------------------


def catat(world, bukti=None, mulai=(8, 0), selesai=(10, 0)):
    return aktivitas.catat(
        tanggal=TODAY, mulai=time(*mulai), selesai=time(*selesai), uraian="Rapat koordinasi",
        output="notulen", volume=1, actor=world.users["pegawai"], bukti=bukti,
    )  # fmt: skip


def upload(name: str, data: bytes, content_type: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type=content_type)


def test_an_activity_keeps_its_evidence_and_the_atasan_opens_it_while_deciding(world):
    found = catat(world, upload("notulen rapat.pdf", pdf_bytes(), "application/pdf"))
    assert found.bukti_format == "pdf" and found.bukti_nama_asli == "notulen rapat.pdf"
    assert found.bukti.name.startswith(f"presensi/aktivitas/{world.pegawai.pk}/")
    atasan = world.client("atasan")
    page = atasan.get("/presensi/aktivitas/persetujuan/").content.decode()
    url = f"/presensi/aktivitas/{found.pk}/bukti/"
    assert url in page and "Buka bukti" in page
    response = atasan.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Content-Security-Policy"] == "sandbox"
    assert AksesBerkas.objects.get().keterangan == "Bukti aktivitas 07-04-2026: Rapat koordinasi"


def test_a_returned_activity_keeps_its_evidence(world):
    found = catat(world, upload("foto.png", image_bytes("PNG"), "image/png"))
    aktivitas.putuskan([found.pk], setujui=False, catatan="Lengkapi", actor=world.users["atasan"])
    url = f"/presensi/aktivitas/{found.pk}/bukti/"
    assert Aktivitas.objects.get().bukti.name == found.bukti.name
    assert url in world.client("pegawai").get("/presensi/aktivitas/").content.decode()
    assert world.client("pegawai").get(url).status_code == 200
    assert world.client("atasan").get(url).status_code == 200


@pytest.mark.parametrize("persona", DOES_NOT_SEE)
def test_a_colleague_cannot_open_an_activitys_evidence(world, persona):
    found = catat(world, upload("foto.png", image_bytes("PNG"), "image/png"))
    response = world.client(persona).get(f"/presensi/aktivitas/{found.pk}/bukti/")
    assert response.status_code == 404
    assert not AksesBerkas.objects.exists()


def test_an_activity_without_evidence_has_no_file_to_open(world):
    found = catat(world)
    assert world.client("pegawai").get(f"/presensi/aktivitas/{found.pk}/bukti/").status_code == 404


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("foto.jpg", b"ini teks biasa yang dinamai .jpg", "tidak dikenali sebagai PDF"),
        ("kosong.pdf", b"", "Berkas kosong"),
        ("besar.png", None, "melebihi batas 50 KB"),
    ],
)
def test_bad_evidence_is_refused_and_nothing_is_stored(world, name, data, message):
    limit(bukti_aktivitas_maks_kb=50)
    data = _noisy_png(60 * 1024) if data is None else data
    with pytest.raises(SikapError, match=message) as refused:
        catat(world, upload(name, data, "image/jpeg"))
    assert list(refused.value.errors) == ["bukti"]
    assert not Aktivitas.objects.exists() and not stored_files(media())


def test_the_page_attaches_evidence_and_shows_a_refusal_on_the_field(world):
    client = world.client("pegawai")
    fields = {"tanggal": "2026-04-07", "mulai": "08:00", "selesai": "09:00",
              "uraian": "Rapat", "output": "notulen", "volume": 1}  # fmt: skip
    bad = client.post("/presensi/aktivitas/", {**fields, "bukti": upload("x.jpg", b"teks", "")})
    assert bad.status_code == 200
    assert "tidak dikenali" in " ".join(bad.context["form"].errors["bukti"])
    assert not Aktivitas.objects.exists()
    good = client.post(
        "/presensi/aktivitas/", {**fields, "bukti": upload("a.png", image_bytes("PNG"), "")}
    )
    assert good.status_code == 302 and Aktivitas.objects.get().bukti_format == "png"


def test_an_overlapping_activity_leaves_no_evidence_file_behind(world):
    catat(world)
    with pytest.raises(SikapError, match="tumpang tindih"):
        catat(world, upload("a.png", image_bytes("PNG"), "image/png"), mulai=(9, 0))
    assert not stored_files(media())
