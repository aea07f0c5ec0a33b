"""Checking the archive against its register: every stored file still exists and still has
the SHA-256 recorded when it was kept, and no file lies in storage without a row.

Orphans arise when a caller's outer transaction rolls back after a file was written (Django
has no rollback hook to undo the write); altered or missing files mean tampering or storage
damage. `manage.py periksa_arsip` runs this.
"""

import hashlib
from dataclasses import dataclass, field

from django.core.files.storage import default_storage

from sikap.documents.models import Dokumen, DokumenTerbit

ROOTS = ("dokumen", "terbit")
CHUNK = 1024 * 1024


@dataclass
class Report:
    checked: int = 0
    missing: list[str] = field(default_factory=list)
    altered: list[str] = field(default_factory=list)
    orphans: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (self.missing or self.altered)


def _sha256(name: str) -> str:
    digest = hashlib.sha256()
    with default_storage.open(name, "rb") as handle:
        for chunk in iter(lambda: handle.read(CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _walk(directory: str):
    try:
        folders, files = default_storage.listdir(directory)
    except FileNotFoundError:  # nothing stored yet (object stores just list nothing)
        return
    for name in files:
        yield f"{directory}/{name}"
    for folder in folders:
        yield from _walk(f"{directory}/{folder}")


def check() -> Report:
    report = Report()
    known = set()
    for model in (Dokumen, DokumenTerbit):
        for name, sha256 in model.objects.values_list("file", "sha256").iterator(chunk_size=2000):
            known.add(name)
            report.checked += 1
            if not default_storage.exists(name):
                report.missing.append(name)
            elif _sha256(name) != sha256:
                report.altered.append(name)
    for root in ROOTS:
        report.orphans.extend(n for n in _walk(root) if n not in known)
    return report
