"""Production mode runs: gunicorn with deploy/gunicorn.conf.py, SIKAP_DEBUG=false, against the
test PostgreSQL database, static files collected and served by WhiteNoise, and the headers of
item 11 on what it answers (behind a TLS proxy: X-Forwarded-Proto from 127.0.0.1)."""

import http.client
import os
import signal
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.db import connection

from sikap.accounts.models import User
from sikap.accounts.tokens import issue_token, revoke_token
from tests.test_settings import REAL_KEY

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def database_url() -> str:
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    return f"postgres://{db['USER']}{password}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"


def get(port, path, https=True, token=None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    headers = {"Host": "sikap.example.go.id"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    if https:
        headers["X-Forwarded-Proto"] = "https"
    conn.request("GET", path, headers=headers)
    response = conn.getresponse()
    response.read()
    conn.close()
    return response


@contextmanager
def serving(tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("production mode runs against PostgreSQL: checked in the PostgreSQL run")
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {
        **env,
        "SIKAP_DEBUG": "false",
        "SIKAP_SECRET_KEY": REAL_KEY,
        "SIKAP_ALLOWED_HOSTS": "sikap.example.go.id",
        "SIKAP_DATABASE_URL": database_url(),
        "SIKAP_VAR_DIR": str(tmp_path),
        "SIKAP_WEB_WORKERS": "1",
    }
    subprocess.run(
        [sys.executable, "-m", "sikap.cli", "collectstatic", "--noinput", "--verbosity", "0"],
        env=env,
        check=True,
        cwd=ROOT,
    )
    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "-c",
            "deploy/gunicorn.conf.py",
            "--bind",
            f"127.0.0.1:{port}",
        ],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        for _ in range(300):  # until it listens (at most 30 s), or it has died
            if server.poll() is not None:
                pytest.fail(f"gunicorn stopped: {server.stderr.read().decode()}")
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        yield port
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)


@pytest.fixture
def gunicorn(db, tmp_path):
    with serving(tmp_path) as port:
        yield port


@pytest.fixture
def gunicorn_committed(transactional_db, tmp_path):
    """gunicorn over data the test commits (it reads through its own connection)."""
    with serving(tmp_path) as port:
        yield port


def test_gunicorn_serves_pages_with_the_security_headers_and_static_files(gunicorn):
    page = get(gunicorn, "/masuk/")
    assert page.status == 200
    assert "script-src 'self';" in page.getheader("Content-Security-Policy")
    assert page.getheader("Strict-Transport-Security") == "max-age=31536000"
    assert "geolocation=()" in page.getheader("Permissions-Policy")
    assert "no-store" in page.getheader("Cache-Control")
    assert page.getheader("Referrer-Policy") == "same-origin"
    assert "Secure" in page.getheader("Set-Cookie")  # the CSRF cookie

    static = get(gunicorn, "/static/sikap/js/sikap.js")
    assert static.status == 200
    assert static.getheader("Content-Type").startswith("text/javascript")

    plain = get(gunicorn, "/masuk/", https=False)
    assert plain.status == 301
    assert plain.getheader("Location") == "https://sikap.example.go.id/masuk/"


def test_a_revoked_token_is_refused_at_once_by_a_worker_that_keeps_its_connection(
    gunicorn_committed,
):
    # The worker keeps its database connection between requests (SIKAP_DB_CONN_MAX_AGE) and
    # remembers nothing of tokens: the next request after the revocation is refused.
    user = User.objects.create_user(username="ponsel.prod", password="Rahasia-Panjang-1")
    token, raw = issue_token(user, "HP", actor=user)
    assert get(gunicorn_committed, "/api/v1/me", token=raw).status == 404  # known, no pegawai
    assert get(gunicorn_committed, "/api/v1/me", token=raw).status == 404  # the same connection
    revoke_token(token, actor=user)
    assert get(gunicorn_committed, "/api/v1/me", token=raw).status == 401
