"""A real `sikap worker` process against a database of its own — an SQLite file, or a PostgreSQL
database beside the test database — started, fed, waited for (bounded) and stopped, leaving no
process behind. The scheduler runs the seeded housekeeping job, the worker sends a queued
notification e-mail and records a job that fails in the failure list."""

import os
import signal
import subprocess
import sys
import time
from contextlib import contextmanager

import pytest
from django.conf import settings

DEADLINE = 120  # seconds for the worker to finish the eleven jobs on a busy machine
# The every-minute schedule may run twice on a slow machine: count each job and outcome once.
DISTINCT_TASKS = "SELECT COUNT(*) FROM (SELECT DISTINCT func, success FROM django_q_task) AS t"
SEED = """
from datetime import timedelta
from django.contrib.sessions.models import Session
from django.utils import timezone
from django_q.tasks import async_task
from sikap.accounts.models import User
from sikap.core.jobs import enqueue
from sikap.core.models import Notifikasi
from sikap.core.notifications import notify, send_mail_for

Session.objects.create(session_key="kedaluwarsa", session_data="",
                       expire_date=timezone.now() - timedelta(days=1))
user = User.objects.create_user("penerima", email="penerima@example.org")
notify([user], "Surel dari pekerja latar")
enqueue(send_mail_for, ["bukan-angka"])
"""


def _run(args, env, timeout=300):
    done = subprocess.run(
        [sys.executable, "-m", "sikap.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert done.returncode == 0, done.stdout + done.stderr


@contextmanager
def _own_database(tmp_path):
    """(database URL, query function) for a fresh database the worker and this test share."""
    db = settings.DATABASES["default"]
    if db["ENGINE"].endswith("sqlite3"):
        import sqlite3

        path = tmp_path / "worker.sqlite3"

        def query(sql):
            with sqlite3.connect(path) as conn:
                return conn.execute(sql).fetchall()

        yield f"sqlite:///{path}", query
        return
    import psycopg

    name = f"{db['NAME'].removeprefix('test_')}_worker"
    server = {"host": db["HOST"], "port": db["PORT"] or 5432, "user": db["USER"]}
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')

    def query(sql):
        with psycopg.connect(dbname=name, **server) as conn:
            return conn.execute(sql).fetchall()

    try:
        yield f"postgres://{server['user']}@{server['host']}:{server['port']}/{name}", query
    finally:
        with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _stop(worker: subprocess.Popen) -> None:
    """SIGTERM to the worker (it stops its own children: a SIGTERM to each child as well would
    leave the parent waiting for them), SIGKILL if it hangs; returns when no process of the group
    is left."""
    try:
        os.kill(worker.pid, signal.SIGTERM)
        worker.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(worker.pid, signal.SIGKILL)
        worker.wait(timeout=10)
    except ProcessLookupError:
        pass
    end = time.monotonic() + 15
    while time.monotonic() < end:
        try:
            os.killpg(worker.pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.2)
    os.killpg(worker.pid, signal.SIGKILL)
    pytest.fail("the worker left processes behind")


def test_a_real_worker_runs_the_schedule_and_queued_jobs_and_stops_cleanly(tmp_path):
    with _own_database(tmp_path) as (url, query):
        env = {
            **os.environ,
            "SIKAP_DATABASE_URL": url,
            "SIKAP_JOBS_SYNC": "false",
            "SIKAP_JOBS_WORKERS": "1",
            "SIKAP_EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend",
        }
        _run(["migrate", "--noinput"], env)
        _run(["shell", "-c", SEED], env)
        assert query("SELECT COUNT(*) FROM django_q_task") == [(0,)]
        log = tmp_path / "worker.log"
        with open(log, "w") as out:
            worker = subprocess.Popen(
                [sys.executable, "-m", "sikap.cli", "worker"],
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        try:
            end = time.monotonic() + DEADLINE
            while time.monotonic() < end and query(DISTINCT_TASKS)[0][0] < 12:
                assert worker.poll() is None, log.read_text()
                time.sleep(0.5)
            tasks = query("SELECT DISTINCT func, success FROM django_q_task ORDER BY func, success")
        finally:
            _stop(worker)
        assert tasks == [
            ("sikap.attendance.day_close.close_yesterday", True),
            ("sikap.attendance.disiplin.usulan_bulanan", True),
            ("sikap.attendance.konteks.siapkan_konteks_harian", True),
            ("sikap.competency.jobs.close_expired", True),
            ("sikap.core.housekeeping.clean_up", True),
            ("sikap.core.notifications.send_mail_for", False),
            ("sikap.core.notifications.send_mail_for", True),
            ("sikap.core.operations.clean_up_operations", True),
            ("sikap.documents.ringkasan.bangun_ulang", True),
            ("sikap.lkj.jobs.refresh_waiting_findings", True),
            ("sikap.pension.jobs.daily", True),
            ("sikap.salary.jobs.daily", True),
        ], log.read_text()
        assert query("SELECT COUNT(*) FROM django_session") == [(0,)]
        assert query("SELECT COUNT(*) FROM core_notifikasi WHERE emailed_at IS NOT NULL") == [(1,)]
        assert "Surel dari pekerja latar" in log.read_text()
