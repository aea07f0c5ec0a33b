"""Where files live (local folder or S3-compatible storage, chosen by environment), the audited
document settings at /kelola/, and the archive integrity check."""

import os
import subprocess
import sys

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command

from sikap.core.errors import SikapError
from sikap.core.models import AuditEntry
from sikap.documents.models import JenisDokumen
from sikap.documents.services import delete_setting, register_issued, upload_dokumen
from tests.documents.conftest import pdf_bytes, upload

SHOW_STORAGE = (
    "import django; django.setup();"
    "from django.core.files.storage import storages; s = storages['default'];"
    "print(type(s).__name__, getattr(s, 'bucket_name', ''), getattr(s, 'location', ''),"
    " getattr(s, 'default_acl', ''), getattr(s, 'endpoint_url', ''))"
)


def run_settings(code: str, **env):
    base = {k: v for k, v in os.environ.items() if not k.startswith("SIKAP_S3_")}
    return subprocess.run(
        [sys.executable, "-c", code],
        env={**base, "DJANGO_SETTINGS_MODULE": "sikap.settings", **env},
        capture_output=True,
        text=True,
    )


def test_files_are_kept_in_the_local_media_folder_by_default():
    result = run_settings(SHOW_STORAGE, SIKAP_MEDIA_ROOT="/srv/sikap-media")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[:2] == ["FileSystemStorage", "/srv/sikap-media"]


def test_s3_storage_is_private_and_configured_from_the_environment():
    pytest.importorskip("storages")
    result = run_settings(
        SHOW_STORAGE,
        SIKAP_STORAGE="s3",
        SIKAP_S3_BUCKET="arsip-sikap",
        SIKAP_S3_ENDPOINT_URL="https://s3.lumajang.example",
        SIKAP_S3_PREFIX="produksi",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "S3Storage",
        "arsip-sikap",
        "produksi",
        "private",
        "https://s3.lumajang.example",
    ]


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"SIKAP_STORAGE": "s3"}, "SIKAP_STORAGE=s3 needs SIKAP_S3_BUCKET"),
        ({"SIKAP_STORAGE": "ftp"}, "SIKAP_STORAGE must be local or s3"),
    ],
)
def test_a_wrong_storage_setting_stops_start_up(env, message):
    result = run_settings("import sikap.settings", **env)
    assert result.returncode != 0 and message in result.stderr


# --- settings at /kelola/ -------------------------------------------------------------------


@pytest.mark.django_db
def test_admin_bkd_edits_a_document_type_and_the_change_is_audited(world):
    ktp = JenisDokumen.objects.get(kode="ktp")
    client = world.client("admin_bkd")
    url = f"/kelola/documents/jenisdokumen/{ktp.pk}/change/"
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "kode": "ktp",
            "nama": "KTP Elektronik",
            "wajib_untuk": "semua",
            "format_diizinkan": ["pdf", "png"],
            "ukuran_maks_kb": 1024,
            "perlu_verifikasi": "on",
            "riwayat_kind": "",
            "urutan": 5,
            "aktif": "on",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    ktp.refresh_from_db()
    assert (ktp.nama, ktp.format_diizinkan, ktp.formats) == (
        "KTP Elektronik",
        "pdf,png",
        ("pdf", "png"),
    )
    entry = AuditEntry.objects.get(object_id=str(ktp.pk), action="update")
    assert entry.actor == world.users["admin_bkd"]
    assert entry.changes["format_diizinkan"] == ["pdf,jpeg,png", "pdf,png"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("fields", "problem"),
    [
        ({"format_diizinkan": "pdf,docx"}, "Format tidak dikenal: docx"),
        ({"format_diizinkan": ""}, "format_diizinkan"),  # required
        ({"riwayat_kind": "cuti"}, "Jenis riwayat 'cuti' tidak dikenal"),
        ({"ukuran_maks_kb": 60 * 1024}, "51200"),
    ],
)
def test_a_document_type_is_validated(fields, problem):
    jenis = JenisDokumen(kode="sk_lain", nama="SK lain", **fields)
    with pytest.raises(ValidationError) as exc:
        jenis.full_clean()
    assert problem in str(exc.value)


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["verifikator", "admin_opd", "pegawai"])
def test_others_cannot_open_the_document_settings(world, persona):
    response = world.client(persona).get("/kelola/documents/jenisdokumen/")
    assert response.status_code == 302 and "/kelola/login/" in response["Location"]


@pytest.mark.django_db
def test_a_type_in_use_cannot_be_deleted(world):
    upload_dokumen(world.pegawai, "ktp", upload("k.pdf", pdf_bytes()), actor=world.users["pegawai"])
    ktp = JenisDokumen.objects.get(kode="ktp")
    client = world.client("admin_bkd")
    response = client.post(
        f"/kelola/documents/jenisdokumen/{ktp.pk}/delete/", {"post": "yes"}, follow=True
    )
    assert "Tidak dapat menghapus jenis dokumen" in response.content.decode()
    with pytest.raises(SikapError, match="nonaktifkan saja"):
        delete_setting(ktp, actor=world.users["admin_bkd"])
    assert JenisDokumen.objects.filter(pk=ktp.pk).exists()


@pytest.mark.django_db
def test_the_issued_register_is_read_only_and_hides_the_token(world):
    terbit = register_issued(
        pdf_bytes(), jenis="kgb", holder=world.pegawai, actor=world.users["verifikator"],
        filename="kgb.pdf",
    )  # fmt: skip
    client = world.client("admin_bkd")
    listing = client.get("/kelola/documents/dokumenterbit/").content.decode()
    assert terbit.nomor in listing and "/kelola/documents/dokumenterbit/add/" not in listing
    detail = client.get(f"/kelola/documents/dokumenterbit/{terbit.pk}/change/")
    assert detail.status_code == 200 and terbit.token not in detail.content.decode()
    assert terbit.sha256 in detail.content.decode()


# --- integrity ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_integrity_check_finds_altered_missing_and_orphan_files(world, media_root, capsys):
    call_command("periksa_arsip")  # an empty archive is fine
    assert "0 berkas diperiksa" in capsys.readouterr().out
    kept = [
        upload_dokumen(
            world.pegawai, kode, upload("a.pdf", pdf_bytes(n)), actor=world.users["pegawai"]
        )
        for n, kode in enumerate(("ktp", "kk", "npwp"), start=1)
    ]
    call_command("periksa_arsip")
    assert "3 berkas diperiksa: 0 hilang, 0 berubah, 0 tanpa catatan." in capsys.readouterr().out

    (media_root / kept[0].file.name).write_bytes(pdf_bytes(5))
    (media_root / kept[1].file.name).unlink()
    (media_root / "dokumen" / str(world.pegawai.pk) / "sisa.pdf").write_bytes(b"%PDF-")
    with pytest.raises(CommandError):
        call_command("periksa_arsip")
    out, err = capsys.readouterr()
    assert f"BERUBAH  {kept[0].file.name}" in err and f"HILANG   {kept[1].file.name}" in err
    assert f"TANPA CATATAN  dokumen/{world.pegawai.pk}/sisa.pdf" in out
