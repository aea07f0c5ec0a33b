"""Background jobs in the suite run in the caller (django-q2's sync mode) when the transaction
commits: the conventions (ids only, on commit, system actor, source=job), the housekeeping
schedule and job, and notification e-mail as an idempotent job with retries and a failure list."""

from datetime import timedelta
from unittest import mock

import pytest
from django.contrib.sessions.models import Session
from django.core import mail
from django.db import transaction
from django.utils import timezone
from django_q.models import Schedule, Success

from sikap.accounts.models import Peran
from sikap.core import audited
from sikap.core.housekeeping import clean_up
from sikap.core.jobs import enqueue, job, path_of
from sikap.core.models import AuditEntry, Notifikasi
from sikap.core.notifications import notify, send_mail_for
from sikap.core.schedules import ensure_schedules
from sikap.people.models import Pegawai
from tests.factories import make_user

pytestmark = pytest.mark.django_db


@job
def add_title(pegawai_id, *, actor) -> str:
    """A job for these tests: idempotent, audited through the one helper."""
    with audited.change(Pegawai, pegawai_id, actor=actor) as pegawai:
        if pegawai.gelar_belakang == "S.Pd.":
            return "sudah"
        pegawai.gelar_belakang = "S.Pd."
    return "diubah"


def test_jobs_take_ids_never_model_instances_and_only_decorated_functions(world):
    with pytest.raises(TypeError, match="ids"):
        enqueue(add_title, world.pegawai)
    with pytest.raises(TypeError, match="ids"):
        enqueue(add_title, [world.pegawai.pk, world.pegawai_b])
    with pytest.raises(TypeError, match="not a @job"):
        enqueue(print, 1)


def test_a_job_runs_when_the_transaction_commits_and_not_when_it_rolls_back(
    world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(RuntimeError), transaction.atomic():
            enqueue(add_title, world.pegawai.pk)
            raise RuntimeError("rolled back")
    assert not Success.objects.exists()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        enqueue(add_title, world.pegawai.pk)
    assert not Success.objects.exists()
    callbacks[0]()
    assert Success.objects.get().func == path_of(add_title)


def test_a_job_acts_as_the_system_actor_its_audit_rows_say_job_and_a_rerun_changes_nothing(
    world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        enqueue(add_title, world.pegawai.pk)
        enqueue(add_title, world.pegawai.pk)
    entries = AuditEntry.objects.filter(kind="pegawai.updated")
    first = entries.order_by("id").first()
    assert first.actor.username == "sistem" and first.source == AuditEntry.Sumber.JOB
    assert first.changes == {"gelar_belakang": ["", "S.Pd."]}
    assert [t.result for t in Success.objects.order_by("started")] == ["diubah", "sudah"]


def test_housekeeping_removes_expired_sessions_and_old_read_notifications_once(world):
    now = timezone.now()
    Session.objects.create(session_key="lama", session_data="", expire_date=now - timedelta(1))
    Session.objects.create(session_key="baru", session_data="", expire_date=now + timedelta(1))
    user = world.users["pegawai"]
    old = now - timedelta(days=91)
    kept = [
        Notifikasi.objects.create(user=user, message="belum dibaca"),
        Notifikasi.objects.create(user=user, message="baru dibaca", read_at=now),
    ]
    Notifikasi.objects.create(user=user, message="lama", read_at=old)
    assert clean_up() == "1 sesi kedaluwarsa dan 1 notifikasi lama dihapus."
    assert list(Session.objects.values_list("session_key", flat=True)) == ["baru"]
    assert set(Notifikasi.objects.all()) == set(kept)
    assert clean_up() == "0 sesi kedaluwarsa dan 0 notifikasi lama dihapus."


def test_the_daily_housekeeping_schedule_is_seeded_and_keeps_what_an_admin_changed():
    schedule = Schedule.objects.get(name="Pembersihan harian")
    assert schedule.func == path_of(clean_up) and schedule.schedule_type == Schedule.DAILY
    schedule.repeats = 0  # paused by an admin
    schedule.save()
    ensure_schedules()
    assert Schedule.objects.get(name="Pembersihan harian").repeats == 0
    schedule.delete()
    ensure_schedules()
    assert Schedule.objects.filter(name="Pembersihan harian").count() == 1


def test_notification_mail_goes_out_from_a_job_once(world, django_capture_on_commit_callbacks):
    user = world.users["pegawai"]
    user.email = "budi@example.org"
    user.save()
    with django_capture_on_commit_callbacks(execute=True):
        notify([user, world.users["atasan"]], "Usulan Anda disetujui")
    assert [m.to for m in mail.outbox] == [["budi@example.org"]]
    sent = Notifikasi.objects.get(user=user)
    assert sent.emailed_at is not None
    assert Notifikasi.objects.get(user=world.users["atasan"]).emailed_at is None
    assert send_mail_for([sent.pk]) == "Tidak ada surel yang perlu dikirim."
    assert len(mail.outbox) == 1


def test_a_failing_mail_server_keeps_the_notification_unsent_for_the_retry(
    world, django_capture_on_commit_callbacks
):
    """In sync mode the job's error reaches the caller; a worker records it in the failure list
    instead (tests/core/test_worker.py)."""
    user = world.users["pegawai"]
    user.email = "budi@example.org"
    user.save()
    with (
        mock.patch("sikap.core.notifications.send_mass_mail", side_effect=OSError("SMTP mati")),
        pytest.raises(OSError),
        django_capture_on_commit_callbacks(execute=True),
    ):
        notify([user], "Dokumen Anda ditolak")
    note = Notifikasi.objects.get(user=user)
    assert note.emailed_at is None and not mail.outbox
    send_mail_for([note.pk])  # the retry, once the server is back
    assert [m.to for m in mail.outbox] == [["budi@example.org"]]


def test_the_job_lists_at_kelola_are_for_admin_bkd_only(world, client):
    client.force_login(make_user("perencana", Peran.PERENCANA))
    for model in ("schedule", "success", "failure", "ormq"):
        path = f"/kelola/django_q/{model}/"
        assert world.client("admin_bkd").get(path).status_code == 200
        assert client.get(path).status_code == 403
        assert world.client("verifikator").get(path).status_code == 302  # to the log-in


def test_admin_bkd_changes_when_a_schedule_runs_not_what_it_runs(
    world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        enqueue(clean_up)
    schedule = Schedule.objects.get(name="Pembersihan harian")
    schedule.task = Success.objects.get().id
    schedule.save()
    client = world.client("admin_bkd")
    listing = client.get("/kelola/django_q/schedule/")
    assert f"/kelola/django_q/success/{schedule.task}/change/" in listing.content.decode()
    assert "Jadwal pekerjaan" in listing.content.decode()  # sikap/locale/id (django-q2 has none)
    assert client.get("/kelola/django_q/schedule/add/").status_code == 403
    form = {
        "func": "os.system",
        "args": "'true'",
        "schedule_type": Schedule.HOURLY,
        "repeats": -1,
        "next_run_0": "2030-01-01",
        "next_run_1": "01:30:00",
    }
    response = client.post(f"/kelola/django_q/schedule/{schedule.pk}/change/", form)
    assert response.status_code == 302, response.content.decode()[:2000]
    schedule.refresh_from_db()
    assert schedule.schedule_type == Schedule.HOURLY and schedule.func == path_of(clean_up)
