"""The long-operation facility: a job runs the runner once, with the starter's permissions,
records progress and outcome, and removes its input files."""

import pytest
from django.core.files.storage import default_storage

from sikap.core import operations, problems
from sikap.core.errors import Kode, SikapError
from sikap.core.models import Operasi

pytestmark = pytest.mark.django_db
CALLS = []


def echo_runner(operasi, progress):
    CALLS.append(operasi.user.username)
    ((name, data),) = operations.input_files(operasi).values()
    progress(0, 3, "Menghitung.")
    progress(3)
    return operations.Hasil(f"{name}: {len(data)} bita", {"n": len(data)}, file=("x.txt", b"ok"))


def refusing_runner(operasi, progress):
    raise SikapError(Kode.BERKAS_TIDAK_VALID, "Berkas ditolak.")


def crashing_runner(operasi, progress):
    raise ZeroDivisionError


@pytest.fixture(autouse=True)
def _reset():
    CALLS.clear()


def _start(world, runner, capture):
    with capture(execute=True):
        operasi = operations.start(
            user=world.user("admin_opd"), kind="uji", judul="Uji", runner=runner,
            files={"a": ("data.csv", b"12345")},
        )  # fmt: skip
    operasi.refresh_from_db()
    return operasi


def test_the_job_runs_the_runner_as_the_user_who_started_it(
    world, django_capture_on_commit_callbacks
):
    operasi = _start(world, echo_runner, django_capture_on_commit_callbacks)
    assert CALLS == [world.user("admin_opd").username]
    assert (operasi.state, operasi.message, operasi.result) == (
        "selesai",
        "data.csv: 5 bita",
        {"n": 5},
    )
    assert (operasi.done, operasi.total) == (3, 3)
    assert operasi.result_file.read() == b"ok" and operasi.result_name == "x.txt"


def test_input_files_are_deleted_when_the_operation_ends(world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as queued:
        operasi = operations.start(
            user=world.user("admin_opd"), kind="uji", judul="Uji", runner=echo_runner,
            files={"a": ("data.csv", b"12345")},
        )  # fmt: skip
    operasi.refresh_from_db()
    ((_name, path),) = operasi.params["berkas"].values()
    assert default_storage.exists(path) and operasi.state == "antri"
    queued[0]()
    assert not default_storage.exists(path)
    assert "berkas" not in Operasi.objects.get(pk=operasi.pk).params


def test_a_finished_operation_is_not_run_again(world, django_capture_on_commit_callbacks):
    operasi = _start(world, echo_runner, django_capture_on_commit_callbacks)
    operations.run(operasi.pk)
    assert len(CALLS) == 1


def test_a_refusal_fails_the_operation_with_its_message(world, django_capture_on_commit_callbacks):
    operasi = _start(world, refusing_runner, django_capture_on_commit_callbacks)
    assert (operasi.state, operasi.message) == ("gagal", "Berkas ditolak.")


def test_a_crash_fails_the_operation_with_a_general_message(
    world, django_capture_on_commit_callbacks
):
    operasi = _start(world, crashing_runner, django_capture_on_commit_callbacks)
    assert operasi.state == "gagal" and "kesalahan pada server" in operasi.message


def test_the_page_polls_while_running_and_stops_when_finished(world):
    operasi = Operasi.objects.create(
        user=world.user("admin_opd"), kind="uji", judul="Uji", runner="x.y",
        state=Operasi.State.BERJALAN, done=250, total=1000, message="Membaca baris.",
    )  # fmt: skip
    client = world.client("admin_opd")
    html = client.get(f"/proses/{operasi.pk}/status/").content.decode()
    assert 'hx-trigger="every 2s"' in html and "250 dari ±1.000 (25%)" in html
    assert '<progress class="w-100" value="250" max="1000">' in html
    Operasi.objects.filter(pk=operasi.pk).update(state=Operasi.State.SELESAI, message="Beres.")
    html = client.get(f"/proses/{operasi.pk}/status/").content.decode()
    assert "hx-trigger" not in html and "Beres." in html


def test_problems_group_by_column_and_message_shape_with_counts_and_first_examples():
    found = [problems.Problem(n, "NIP BARU", str(n), f"NIP {n} ganda: sudah ada di baris {n - 1}.")
             for n in range(2, 12)]  # fmt: skip
    found.append(problems.Problem(3, "EMAIL", "x", "Alamat surel tidak valid."))
    groups = problems.grouped(found)
    assert [(g["kolom"], g["jumlah"], len(g["contoh"])) for g in groups] == [
        ("NIP BARU", 10, 5),
        ("EMAIL", 1, 1),
    ]
    assert groups[0]["contoh"][0] == {"baris": 2, "nilai": "2", "pesan": found[0].message}


def test_old_finished_operations_are_removed_with_their_files_once(
    world, django_capture_on_commit_callbacks
):
    from datetime import timedelta

    from django.utils import timezone

    old = _start(world, echo_runner, django_capture_on_commit_callbacks)
    recent = _start(world, echo_runner, django_capture_on_commit_callbacks)
    Operasi.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=31))
    result_path = old.result_file.name
    assert operations.clean_up_operations() == "1 proses latar lama dihapus."
    assert list(Operasi.objects.values_list("pk", flat=True)) == [recent.pk]
    assert not default_storage.exists(result_path)
    assert operations.clean_up_operations() == "0 proses latar lama dihapus."
