"""`sikap backup` and `sikap restore`: the database and the uploaded files in one archive.

The archive is a .tar.gz holding the database (PostgreSQL: `pg_dump` as SQL, one consistent
snapshot; SQLite: a copy by SQLite's online backup API, consistent while others write), every
file of the default storage under `media/`, and `manifest.json` with the SHA-256 of each member.
The database is copied first and the files after it: an upload is stored before its row is
written, so every file a backed-up row names is in the archive (a file uploaded meanwhile is an
extra, harmless one).

Restore checks the whole archive against its manifest before it changes anything, refuses an
archive of another database engine or of a newer SIKAP (a migration this code does not know),
replaces the database in one transaction (PostgreSQL) or one backup step (SQLite), makes the
stored files exactly those of the archive, then applies the migrations newer than the archive.
"""

import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection, connections
from django.db.migrations.loader import MigrationLoader
from django.utils import timezone

from sikap.core.errors import Kode, SikapError

FORMAT = 1
MANIFEST = "manifest.json"
MEDIA = "media/"
_DATABASE = {"postgresql": "database.sql", "sqlite": "database.sqlite3"}
_CHUNK = 1024 * 1024


def _refuse(message: str) -> SikapError:
    return SikapError(Kode.BERKAS_TIDAK_VALID, message)


@dataclass
class Summary:
    path: Path
    engine: str
    files: int
    size: int


# --- the database -----------------------------------------------------------------------------


def _engine() -> str:
    if connection.vendor not in _DATABASE:
        raise _refuse(f"Basis data {connection.vendor} tidak didukung oleh sikap backup.")
    return connection.vendor


def _pg_env() -> dict:
    db = connection.settings_dict
    env = {**os.environ, "PGDATABASE": db["NAME"], "PGUSER": db["USER"] or "postgres"}
    env.update({"PGHOST": db["HOST"] or "localhost", "PGPORT": str(db["PORT"] or 5432)})
    if db["PASSWORD"]:
        env["PGPASSWORD"] = db["PASSWORD"]
    return env


def _run(command: list[str], env: dict) -> None:
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise SikapError(
            Kode.KESALAHAN_SERVER, f"{command[0]} gagal: {result.stderr.strip()[-2000:]}"
        )


def _dump_database(target: Path) -> None:
    if _engine() == "postgresql":
        command = ["pg_dump", "--no-owner", "--no-privileges", "--format=plain"]
        _run([*command, "--file", str(target)], _pg_env())
        return
    connection.ensure_connection()
    destination = sqlite3.connect(target)
    try:
        connection.connection.backup(destination)
    finally:
        destination.close()


def _load_database(source: Path) -> None:
    """Replace the whole database with the archived one, all or nothing."""
    engine = _engine()
    if engine == "postgresql":
        connections.close_all()  # no lock of this process may stand in the way of the drop
        reset = "DROP SCHEMA public CASCADE; CREATE SCHEMA public;"
        command = ["psql", "--no-psqlrc", "--quiet", "--set", "ON_ERROR_STOP=1"]
        _run([*command, "--single-transaction", "-c", reset, "-f", str(source)], _pg_env())
        return
    connection.ensure_connection()
    archived = sqlite3.connect(source)
    try:
        archived.backup(connection.connection)
    finally:
        archived.close()


def _applied_migrations() -> list[str]:
    loader = MigrationLoader(connection, ignore_no_migrations=True)
    return sorted(f"{app}.{name}" for app, name in loader.applied_migrations)


def _unknown_migrations(applied: list[str]) -> list[str]:
    known = {f"{app}.{name}" for app, name in MigrationLoader(None).disk_migrations}
    return [name for name in applied if name not in known]


# --- the files --------------------------------------------------------------------------------


def _stored_files(directory: str = "") -> list[str]:
    if directory == "" and not default_storage.exists(""):
        return []
    folders, files = default_storage.listdir(directory)
    names = [str(PurePosixPath(directory, f)) if directory else f for f in files]
    for folder in folders:
        names += _stored_files(str(PurePosixPath(directory, folder)) if directory else folder)
    return sorted(names)


class _Hashing(io.RawIOBase):
    """Reads through a file, hashing what passes."""

    def __init__(self, raw):
        self.raw, self.sha256 = raw, hashlib.sha256()

    def readable(self):
        return True

    def readinto(self, buffer):
        data = self.raw.read(len(buffer))
        self.sha256.update(data)
        buffer[: len(data)] = data
        return len(data)


def _add(archive: tarfile.TarFile, name: str, stream, size: int) -> str:
    info = tarfile.TarInfo(name)
    info.size, info.mtime, info.mode = size, int(timezone.now().timestamp()), 0o600
    hashing = _Hashing(stream)
    archive.addfile(info, io.BufferedReader(hashing, _CHUNK))
    return hashing.sha256.hexdigest()


# --- backup -----------------------------------------------------------------------------------


def create_backup(path: Path) -> Summary:
    """Write the archive to `path` (through a temporary name, so a half-written archive never
    carries the final name)."""
    engine = _engine()
    partial = path.with_name(path.name + ".partial")
    path.parent.mkdir(parents=True, exist_ok=True)
    members = {}
    with tempfile.TemporaryDirectory() as tmp:
        dump = Path(tmp) / _DATABASE[engine]
        _dump_database(dump)
        applied = _applied_migrations()
        with tarfile.open(partial, "w:gz") as archive:
            with dump.open("rb") as stream:
                members[dump.name] = _add(archive, dump.name, stream, dump.stat().st_size)
            for name in _stored_files():
                with default_storage.open(name, "rb") as stream:
                    size = default_storage.size(name)
                    members[MEDIA + name] = _add(archive, MEDIA + name, stream, size)
            manifest = {
                "format": FORMAT,
                "created_at": timezone.now().isoformat(),
                "engine": engine,
                "database": dump.name,
                "migrations": applied,
                "sha256": members,
            }
            body = json.dumps(manifest, indent=1, sort_keys=True).encode()
            _add(archive, MANIFEST, io.BytesIO(body), len(body))
    os.replace(partial, path)
    files = sum(1 for name in members if name.startswith(MEDIA))
    return Summary(path=path, engine=engine, files=files, size=path.stat().st_size)


# --- restore ----------------------------------------------------------------------------------


def _safe(name: str) -> bool:
    parts = PurePosixPath(name).parts
    return bool(parts) and not name.startswith("/") and ".." not in parts


def verify(path: Path) -> dict:
    """The manifest, once every member matches its hash, none is missing and none is extra."""
    try:
        with tarfile.open(path, "r:gz") as archive:
            manifest = json.loads(archive.extractfile(MANIFEST).read())
            expected = dict(manifest["sha256"])
            seen = set()
            for member in archive:
                if member.name == MANIFEST:
                    continue
                if not member.isfile() or not _safe(member.name) or member.name not in expected:
                    raise _refuse(f"Arsip berisi berkas yang tidak tercatat: {member.name}.")
                digest = hashlib.sha256()
                stream = archive.extractfile(member)
                while chunk := stream.read(_CHUNK):
                    digest.update(chunk)
                if digest.hexdigest() != expected[member.name]:
                    raise _refuse(f"Arsip rusak: isi {member.name} tidak cocok dengan manifesnya.")
                seen.add(member.name)
    except (tarfile.TarError, OSError, EOFError, KeyError, TypeError, ValueError) as error:
        raise _refuse(f"Arsip rusak atau bukan arsip cadangan SIKAP ({error}).") from error
    missing = sorted(set(expected) - seen)
    if missing:
        raise _refuse(f"Arsip tidak lengkap: {', '.join(missing[:5])} tidak ada.")
    if manifest.get("format") != FORMAT or manifest.get("database") not in seen:
        raise _refuse("Arsip ini bukan arsip cadangan SIKAP yang dikenal.")
    return manifest


def restore_backup(path: Path) -> Summary:
    manifest = verify(path)
    engine = _engine()
    if manifest["engine"] != engine:
        raise _refuse(
            f"Arsip ini berisi basis data {manifest['engine']}, sedangkan SIKAP ini memakai "
            f"{engine}. Pulihkan ke basis data yang sejenis."
        )
    unknown = _unknown_migrations(manifest["migrations"])
    if unknown:
        raise _refuse(
            "Arsip ini dibuat oleh versi SIKAP yang lebih baru (migrasi tidak dikenal: "
            f"{', '.join(unknown[:5])}). Pasang versi itu dahulu."
        )
    files = [name for name in manifest["sha256"] if name.startswith(MEDIA)]
    with tempfile.TemporaryDirectory() as tmp, tarfile.open(path, "r:gz") as archive:
        dump = Path(tmp) / manifest["database"]
        with archive.extractfile(manifest["database"]) as stream, dump.open("wb") as out:
            shutil.copyfileobj(stream, out, _CHUNK)
        _load_database(dump)
        wanted = {name[len(MEDIA) :] for name in files}
        for name in _stored_files():
            if name not in wanted:
                default_storage.delete(name)
        for name in sorted(wanted):
            if default_storage.exists(name):
                default_storage.delete(name)
            with archive.extractfile(MEDIA + name) as stream:
                saved = default_storage.save(name, stream)
            if saved != name:
                raise SikapError(Kode.KESALAHAN_SERVER, f"Berkas {name} tersimpan sebagai {saved}.")
    call_command("migrate", interactive=False, verbosity=0)
    return Summary(path=path, engine=engine, files=len(files), size=path.stat().st_size)
