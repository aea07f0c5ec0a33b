"""`sikap demo` runs every module's builder in the registry's order, migrates a database that
was never migrated, and `--if-empty` builds only the parts that are missing."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from sikap.accounts.models import User
from sikap.attendance.models import (
    Aktivitas,
    PengajuanKetidakhadiran,
    PerangkatPresensi,
    Presensi,
    StatusHarian,
    SwafotoOpd,
)
from sikap.demo.loader import demo_logins
from sikap.demo.registry import BUILDERS
from sikap.documents.models import Dokumen
from sikap.people.models import Pegawai
from sikap.people.selectors import atasan_of, bawahan_of
from sikap.performance.models import IndikatorRenja
from sikap.promotion.models import UsulanKp
from sikap.salary.models import Kgb

SMALL = "0.02"
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    """The demo's sample documents and the head of BKD's signature image go to a temporary
    folder."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.mark.django_db
def test_demo_runs_every_builder_in_order(capsys):
    call_command("demo", "--scale", SMALL)
    out = capsys.readouterr().out
    assert [b.name for b in BUILDERS] == [
        "OPD dan pegawai", "SAKIP 2023", "Arsip digital", "Gaji dan KGB", "Presensi 30 hari",
        "Pensiun",
        "Kenaikan pangkat",
        "Uji kompetensi",
    ]  # fmt: skip
    assert all(b.exists() for b in BUILDERS)
    assert out.index("Kabupaten demo dibangun") < out.index("Data SAKIP 2023 diimpor")
    assert out.index("Data SAKIP 2023 diimpor") < out.index("KGB: riwayat gaji dilanjutkan")
    assert IndikatorRenja.objects.count() == 65
    assert Kgb.objects.filter(state=Kgb.Status.DRAF).exists()
    assert "Presensi demo:" in out and StatusHarian.objects.exists()
    assert "Pensiun: BUP" in out
    assert "KP: periode" in out and UsulanKp.objects.exists()


@pytest.mark.django_db
def test_if_empty_builds_only_the_parts_that_are_missing(capsys):
    call_command("sakip", "demo")
    capsys.readouterr()
    call_command("demo", "--scale", SMALL, "--if-empty")
    out = capsys.readouterr().out
    assert "SAKIP 2023: data sudah ada; tidak dibangun ulang." in out
    assert "Kabupaten demo dibangun" in out and Pegawai.objects.count() == 117


@pytest.mark.django_db
def test_reset_rebuilds_every_part(capsys):
    call_command("demo", "--scale", SMALL, "--seed", "1")
    first = set(Dokumen.objects.values_list("pk", flat=True))
    call_command("demo", "--scale", SMALL, "--seed", "2", "--reset")
    assert IndikatorRenja.objects.count() == 65 and Pegawai.objects.count() == 117
    again = set(Dokumen.objects.values_list("pk", flat=True))
    assert first and again and not first & again  # the demo documents were built anew


def test_if_empty_and_reset_cannot_be_combined():
    with pytest.raises(CommandError, match="not allowed with argument"):
        call_command("demo", "--if-empty", "--reset")


def test_demo_on_a_database_never_migrated_migrates_first(tmp_path):
    env = dict(
        os.environ,
        SIKAP_DATABASE_URL=f"sqlite:///{tmp_path / 'fresh.db'}",
        SIKAP_MEDIA_ROOT=str(tmp_path / "media"),
    )
    done = subprocess.run(
        [sys.executable, "-m", "sikap.cli", "demo", "--scale", "0.01"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert "Memigrasikan basis data" in done.stdout
    assert "Kabupaten demo dibangun" in done.stdout and "admin.bkd" in done.stdout
    assert "Arsip digital demo" in done.stdout


@pytest.mark.django_db
def test_the_printed_pegawai_log_ins_can_walk_attendance(capsys):
    """In service (the oldest by NIP had all been retired by the pension builder), no bound
    phone (the tester's first browser is bound), the atasan has leave to decide, and opens
    the selfies of the BKD's check-ins; some activities carry evidence."""
    call_command("demo", "--scale", SMALL)
    logins = {login.peran: login.username for login in demo_logins()}
    personas = Pegawai.objects.filter(
        akun__username__in=[u for peran, u in logins.items() if peran.startswith("Pegawai")]
    )
    assert personas.count() == 3 and all(p.in_service for p in personas)
    assert not PerangkatPresensi.objects.filter(pegawai__in=personas).exists()
    assert PerangkatPresensi.objects.filter(status="disetujui").exists()
    atasan = personas.get(akun__username=logins["Pegawai (atasan)"])
    waiting = PengajuanKetidakhadiran.objects.filter(state=PengajuanKetidakhadiran.Status.DIAJUKAN)
    assert any(atasan_of(w.pegawai) == atasan for w in waiting)
    assert SwafotoOpd.objects.filter(opd__kode="BKD", wajib=True).exists()
    selfie = Presensi.objects.exclude(swafoto="").filter(pegawai__in=bawahan_of(atasan)).first()
    client = Client()
    client.force_login(User.objects.get(pegawai=atasan))
    assert client.get(f"/presensi/swafoto/{selfie.pk}/")["Content-Type"] == "image/png"
    assert not Presensi.objects.exclude(swafoto="").exclude(pegawai__opd__kode="BKD").exists()
    assert Aktivitas.objects.exclude(bukti="").exists()
