"""Long operations with visible progress: the one facility every import and large export uses.

A view calls `start(...)`: an `Operasi` row is written (who, what, state "antri"), the uploaded
files are put in storage, and the job `run` is queued after commit. The user is sent to the
operation's page (`core:operasi`), which polls a small htmx partial until the state is final.

The job calls the operation's runner, `runner(operasi, progress) -> Hasil`, a plain function
named by its dotted path. The runner works with the permissions of the user who started it
(`operasi.user` is the actor its services see; the audit rows say source=job or import), and
reports with `progress(done, total, message)`, which writes at most about once a second.
A `SikapError` fails the operation with its message; any other exception fails it with a
general message (logged). The input files are deleted when the operation ends.

Idempotent as every job: an operation already finished is not run again; one found "running"
(the worker died) runs again from the start — the runners are all-or-nothing.
"""

import logging
import time
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from sikap.core import problems
from sikap.core.errors import SikapError
from sikap.core.jobs import enqueue, job, path_of
from sikap.core.models import Operasi

log = logging.getLogger(__name__)
_WRITE_EVERY_SECONDS = 1.0


@dataclass
class Hasil:
    """What a runner returns: a sentence, the data its result template shows (`template` is
    the template's name), and optionally a file to download (name, bytes or file object)."""

    message: str
    data: dict = field(default_factory=dict)
    file: tuple[str, object] | None = None
    ok: bool = True


def refused_import(found, *, stopped, template: str, noun: str, name: str, file_name: str) -> Hasil:
    """The result of an all-or-nothing import with problems: nothing saved, the problems grouped
    for `template`, and every one of them as an XLSX download named `file_name`."""
    data = {
        "template": template,
        "kesalahan": len(found),
        "kelompok": problems.grouped(found),
        "dihentikan": stopped,
    }
    message = (
        f"Tidak ada {noun} yang disimpan: {len(found)} kesalahan pada berkas {name}. "
        "Perbaiki semuanya, lalu unggah lagi."
    )
    return Hasil(message, data, file=(file_name, problems.as_xlsx(found)), ok=False)


def start(*, user, kind: str, judul: str, runner, params=None, files=None) -> Operasi:
    """Record the operation, store its input files ({key: (file name, bytes)}) and queue it."""
    operasi = Operasi.objects.create(
        user=user,
        kind=kind,
        judul=judul[:200],
        runner=path_of(runner),
        params=dict(params or {}),
        message="Menunggu giliran dikerjakan.",
    )
    stored = {}
    for key, (name, data) in (files or {}).items():
        path = default_storage.save(f"proses/{operasi.pk}/masuk-{key}", ContentFile(data))
        stored[key] = [name, path]
    if stored:
        operasi.params["berkas"] = stored
        operasi.save(update_fields=["params"])
    enqueue(run, operasi.pk)
    return operasi


def input_files(operasi: Operasi) -> dict[str, tuple[str, bytes]]:
    """The files given to `start`, {key: (file name, bytes)}."""
    files = {}
    for key, (name, path) in operasi.params.get("berkas", {}).items():
        with default_storage.open(path, "rb") as handle:
            files[key] = (name, handle.read())
    return files


class Progress:
    """`progress(done, total=None, message=None)`: what the page shows while the job runs."""

    def __init__(self, operasi: Operasi):
        self.pk = operasi.pk
        self.values = {"done": 0, "total": operasi.total, "message": operasi.message}
        self.written_at = 0.0

    def __call__(self, done: int | None = None, total: int | None = None, message=None):
        changed = {}
        for name, value in (("done", done), ("total", total), ("message", message)):
            if value is not None and value != self.values[name]:
                changed[name] = value
        if not changed:
            return
        self.values.update(changed)
        now = time.monotonic()
        # A new step (message) is shown at once; counts at most about once a second.
        if "message" in changed or now - self.written_at >= _WRITE_EVERY_SECONDS:
            Operasi.objects.filter(pk=self.pk).update(**self.values)
            self.written_at = now


@job
def run(pk: int, *, actor) -> str:
    with transaction.atomic():
        operasi = Operasi.objects.select_for_update().filter(pk=pk).first()
        if operasi is None or operasi.finished:
            return "Tidak ada yang dikerjakan."
        operasi.state = Operasi.State.BERJALAN
        operasi.started_at = timezone.now()
        operasi.message = "Sedang dikerjakan."
        operasi.save(update_fields=["state", "started_at", "message"])
    try:
        hasil = import_string(operasi.runner)(operasi, Progress(operasi))
    except SikapError as e:
        hasil = Hasil(e.message, ok=False)
    except Exception:
        log.exception("operation %s (%s) failed", pk, operasi.kind)
        hasil = Hasil(
            "Terjadi kesalahan pada server; tidak ada data yang berubah. Coba lagi nanti atau "
            "hubungi admin BKD.",
            ok=False,
        )
    _finish(Operasi.objects.get(pk=pk), hasil)
    return hasil.message


def _finish(operasi: Operasi, hasil: Hasil) -> None:
    operasi.state = Operasi.State.SELESAI if hasil.ok else Operasi.State.GAGAL
    operasi.message = hasil.message[:500]
    operasi.result = hasil.data
    operasi.finished_at = timezone.now()
    if operasi.total is not None and hasil.ok:
        operasi.done = operasi.total
    if hasil.file is not None:
        name, content = hasil.file
        content = ContentFile(content) if isinstance(content, bytes) else content
        operasi.result_file.save(f"{operasi.pk}/hasil", content, save=False)
        operasi.result_name = name
    for _name, path in operasi.params.pop("berkas", {}).values():
        default_storage.delete(path)
    operasi.save()


@job
def clean_up_operations(*, actor) -> str:
    """Daily: operations that ended more than SIKAP_PROSES_SIMPAN_HARI days ago are removed
    with their files (results hold personal data: import errors quote NIPs and names).
    Idempotent: a second run finds nothing left."""
    cutoff = timezone.now() - timedelta(days=settings.SIKAP_PROSES_SIMPAN_HARI)
    old = Operasi.objects.filter(created_at__lt=cutoff).exclude(state=Operasi.State.BERJALAN)
    count = 0
    for operasi in old.iterator():
        for _name, path in operasi.params.get("berkas", {}).values():
            default_storage.delete(path)
        if operasi.result_file:
            operasi.result_file.delete(save=False)
        operasi.delete()
        count += 1
    return f"{count} proses latar lama dihapus."
