import os
import subprocess
import sys


def run_settings(**env):
    return subprocess.run(
        [sys.executable, "-c", "import sikap.settings"],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
    )


def test_production_mode_refuses_the_default_secret_key():
    env = {k: v for k, v in os.environ.items() if k != "SIKAP_SECRET_KEY"}
    result = subprocess.run(
        [sys.executable, "-c", "import sikap.settings"],
        env={**env, "SIKAP_DEBUG": "false"},
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "SIKAP_SECRET_KEY" in result.stderr


REAL_KEY = "k3Jq9-vR2xW_tY7pL0mN4bC8dF6gH1sA5zE2uI9oP3qX7wV0rT6yB4nM8cK1jD5f"


def test_production_mode_starts_with_a_real_secret_key():
    result = run_settings(SIKAP_DEBUG="false", SIKAP_SECRET_KEY=REAL_KEY)
    assert result.returncode == 0, result.stderr


def test_production_mode_refuses_a_secret_key_shorter_than_50_characters():
    result = run_settings(SIKAP_DEBUG="false", SIKAP_SECRET_KEY=REAL_KEY[:49])
    assert result.returncode != 0
    assert "at least 50 characters" in result.stderr


def test_production_mode_refuses_a_long_key_of_few_distinct_characters():
    result = run_settings(SIKAP_DEBUG="false", SIKAP_SECRET_KEY="ab" * 40)
    assert result.returncode != 0
    assert "SIKAP_SECRET_KEY" in result.stderr


def test_malformed_boolean_is_refused_loudly():
    result = run_settings(SIKAP_DEBUG="maybe")
    assert result.returncode != 0
    assert "SIKAP_DEBUG must be true or false" in result.stderr


def test_defaults_are_indonesian_and_jakarta_time():
    from django.conf import settings

    assert settings.LANGUAGE_CODE == "id"
    assert settings.TIME_ZONE == "Asia/Jakarta"


def connection_settings(**env) -> str:
    return subprocess.run(
        [sys.executable, "-c", "from sikap import settings as s; d = s.DATABASES['default']; "
         "print(d['CONN_MAX_AGE'], d['CONN_HEALTH_CHECKS'])"],
        env={**{k: v for k, v in os.environ.items() if k != "SIKAP_DB_CONN_MAX_AGE"},
             "SIKAP_SECRET_KEY": REAL_KEY, **env},
        capture_output=True, text=True, check=True,
    ).stdout.split()  # fmt: skip


def test_production_keeps_database_connections_and_checks_them_before_reuse():
    assert connection_settings(SIKAP_DEBUG="false") == ["60", "True"]
    assert connection_settings(SIKAP_DEBUG="false", SIKAP_DB_CONN_MAX_AGE="0") == ["0", "True"]


def test_development_opens_a_connection_per_request():
    # runserver answers each request in a new thread: a kept connection would never be reused.
    assert connection_settings(SIKAP_DEBUG="true") == ["0", "True"]
