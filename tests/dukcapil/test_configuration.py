"""Settings of the connector that cannot work stop SIKAP at start, saying which."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def start(tmp_path, **env):
    return subprocess.run(
        [sys.executable, "-m", "sikap.cli", "check"],
        cwd=ROOT,
        env={**os.environ, "SIKAP_VAR_DIR": str(tmp_path), **env},
        capture_output=True,
        text=True,
    )


def test_a_url_that_is_not_http_is_refused(tmp_path):
    result = start(tmp_path, SIKAP_DUKCAPIL_URL="dukcapil.example.go.id/api")
    assert result.returncode != 0 and "SIKAP_DUKCAPIL_URL must start with https://" in result.stderr


def test_a_timeout_that_is_not_a_number_is_refused(tmp_path):
    result = start(tmp_path, SIKAP_DUKCAPIL_TIMEOUT_SECONDS="lima")
    assert result.returncode != 0
    assert "SIKAP_DUKCAPIL_TIMEOUT_SECONDS must be a number" in result.stderr


def test_a_bad_mapping_file_stops_sikap_at_start(tmp_path):
    peta = tmp_path / "pemetaan.json"
    peta.write_text(json.dumps({"permintaan": {}}))
    result = start(tmp_path, SIKAP_DUKCAPIL_MAPPING=str(peta))
    assert result.returncode != 0
    assert f"Pemetaan Dukcapil {peta} (SIKAP_DUKCAPIL_MAPPING) tidak sah" in result.stderr
    assert "'permintaan' belum memetakan nik, user, password, ip" in result.stderr


def test_the_shipped_configuration_starts(tmp_path):
    assert start(tmp_path).returncode == 0
