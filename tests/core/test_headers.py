"""The headers of item 11: a CSP without inline scripts, the Permissions-Policy (geolocation and
camera only under /presensi/), no caching of anything a logged-in user receives, and Django's
deploy check clean in production mode."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client

from tests.test_settings import REAL_KEY

SIKAP = Path(__file__).resolve().parents[2] / "sikap"


def script_policy(response) -> str:
    csp = response["Content-Security-Policy"]
    return re.search(r"script-src ([^;]*)", csp).group(1)


def test_pages_forbid_inline_scripts_and_framing(world):
    response = world.client("pegawai").get("/pegawai/")
    assert script_policy(response) == "'self'"
    csp = response["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in csp and "object-src 'none'" in csp
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize(
    "url", ["/pegawai/", "/pegawai/ekspor.xlsx", "/akun/kata-sandi/", "/tidak-ada/"]
)
def test_nothing_a_logged_in_user_receives_is_cached(world, url):
    response = world.client("admin_bkd").get(url)
    assert response["Cache-Control"] == "private, no-store"


def test_the_drh_pdf_is_not_cached(world):
    response = world.client("pegawai").get(f"/pegawai/{world.pegawai.nip}/drh.pdf")
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"


def test_anonymous_pages_are_not_cached_either(db):
    for url in ("/masuk/", "/akun/lupa-sandi/"):
        assert {"private", "no-store"} <= set(Client().get(url)["Cache-Control"].split(", "))


def test_static_files_keep_their_own_caching(db):
    response = Client().get("/static/sikap/js/sikap.js")
    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")


def test_geolocation_and_camera_only_under_presensi(world):
    client = world.client("pegawai")
    elsewhere = client.get("/pegawai/")["Permissions-Policy"]
    presensi = client.get("/presensi/")["Permissions-Policy"]
    assert "geolocation=()" in elsewhere and "camera=()" in elsewhere
    assert "geolocation=(self)" in presensi and "camera=(self)" in presensi
    assert "microphone=()" in presensi


INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/(ld\+)?json)[^>]*>", re.I)
EVENT_ATTRIBUTE = re.compile(r"<[^>]+\son[a-z]+\s*=", re.I)


def test_no_template_carries_an_inline_script_or_event_handler():
    offenders = []
    for template in SIKAP.rglob("templates/**/*.html"):
        text = template.read_text(encoding="utf-8")
        if INLINE_SCRIPT.search(text) or EVENT_ATTRIBUTE.search(text):
            offenders.append(str(template.relative_to(SIKAP)))
    assert offenders == [], "Move scripts to sikap/static/sikap/js/ (the CSP refuses them)"


# One process for both: Django's deploy check, then the values it cannot see.
_DEPLOY = """
import django
from django.conf import settings as s
from django.core.management import call_command
django.setup()
call_command("check", deploy=True, fail_level="WARNING")
print(s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS, s.SESSION_COOKIE_SECURE)
"""


def test_production_mode_passes_the_deploy_check_with_https_and_hsts():
    # The browser fixtures set DJANGO_ALLOW_ASYNC_UNSAFE in this process; a server has none.
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {
        **env,
        "DJANGO_SETTINGS_MODULE": "sikap.settings",
        "SIKAP_DEBUG": "false",
        "SIKAP_SECRET_KEY": REAL_KEY,
        "SIKAP_ALLOWED_HOSTS": "sikap.example.go.id",
    }
    result = subprocess.run(
        [sys.executable, "-c", _DEPLOY], env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
    assert result.stdout.split()[-3:] == ["True", "31536000", "True"]
