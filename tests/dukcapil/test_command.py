"""`sikap dukcapil cari` and `sikap dukcapil standin` as an operator runs them."""

import json
import os
import signal
import socket
import subprocess
import sys
from io import StringIO
from pathlib import Path

import httpx
import pytest
from django.core.management import CommandError, call_command

from tests.dukcapil.keluarga import NIK_BUDI, keluarga_budi

ROOT = Path(__file__).resolve().parents[2]


def test_cari_prints_the_answer_as_json(dukcapil_standin):
    dukcapil_standin.muat(keluarga_budi())
    out = StringIO()
    call_command("dukcapil", "cari", NIK_BUDI, "--json", stdout=out)
    data = json.loads(out.getvalue())
    assert data["nama"] == "BUDI SANTOSO" and len(data["anggota_kk"]) == 3


def test_cari_says_why_a_lookup_failed(dukcapil_standin):
    with pytest.raises(CommandError, match="tidak ditemukan"):
        call_command("dukcapil", "cari", NIK_BUDI)
    with pytest.raises(CommandError, match="NIK tidak sah"):
        call_command("dukcapil", "cari", "123")


def test_standin_serves_a_data_file_and_stops_on_sigterm(tmp_path):
    data = tmp_path / "penduduk.json"
    data.write_text(json.dumps(keluarga_budi().as_json()))
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "SIKAP_VAR_DIR": str(tmp_path), "SIKAP_DUKCAPIL_USER": "u",
           "SIKAP_DUKCAPIL_PASSWORD": "p"}  # fmt: skip
    command = [sys.executable, "-m", "sikap.cli", "dukcapil", "standin", "--port", str(port),
               "--data", str(data)]  # fmt: skip
    proses = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)
    try:
        assert (
            f"Stand-in Dukcapil di http://127.0.0.1:{port} (3 penduduk" in proses.stdout.readline()
        )
        body = {"NIK": NIK_BUDI, "user_id": "u", "password": "p", "ip_user": ""}
        jawaban = httpx.post(f"http://127.0.0.1:{port}/nik", json=body)
        assert jawaban.json()["content"][0]["NAMA_LGKP"] == "BUDI SANTOSO"
        assert (
            httpx.post(f"http://127.0.0.1:{port}/nik", json={**body, "password": "x"}).status_code
            == 401
        )
    finally:
        proses.send_signal(signal.SIGTERM)
        assert proses.wait(timeout=10) == 0


def test_standin_refuses_an_unreadable_data_file(tmp_path):
    rusak = tmp_path / "rusak.json"
    rusak.write_text("{")
    with pytest.raises(CommandError, match="tidak dapat dibaca"):
        call_command("dukcapil", "standin", "--data", str(rusak))
