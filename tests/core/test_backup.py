"""`sikap backup` / `sikap restore` round trip on the database of the run (SQLite or
PostgreSQL): back up, change rows and files, restore, and every table and every file is as it
was; a damaged or mismatched archive is refused before anything changes."""

import hashlib
import io
import json
import tarfile

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.db import connection

from sikap.core import backup
from sikap.people.models import Pegawai

pytestmark = pytest.mark.django_db(transaction=True)


def tables() -> dict:
    found = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names(cursor)):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)} ORDER BY 1")
            found[table] = cursor.fetchall()
    return found


def files() -> dict:
    return {
        name: hashlib.sha256(default_storage.open(name).read()).hexdigest()
        for name in backup._stored_files()
    }


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    default_storage.save("dokumen/ktp.pdf", ContentFile(b"%PDF-1.4 ktp"))
    default_storage.save("dokumen/2023/ijazah.pdf", ContentFile(b"%PDF-1.4 ijazah"))
    return tmp_path


def run(*args):
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_restore_brings_back_every_table_and_file_as_backed_up(world, media):
    before_tables, before_files = tables(), files()
    archive = media / "cadangan.tar.gz"
    assert "Cadangan dibuat" in run("backup", str(archive))

    Pegawai.objects.filter(pk=world.pegawai.pk).update(nama="Diubah Setelah Cadangan")
    world.pegawai_b.delete()
    default_storage.delete("dokumen/ktp.pdf")
    default_storage.save("dokumen/baru.pdf", ContentFile(b"%PDF-1.4 baru"))
    with default_storage.open("dokumen/2023/ijazah.pdf", "wb") as changed:
        changed.write(b"lain")
    assert tables() != before_tables

    assert "Dipulihkan" in run("restore", str(archive), "--noinput")
    assert tables() == before_tables
    assert files() == before_files


def rewrite(archive, target, change):
    """A copy of `archive` with one member's bytes changed by `change`."""
    with tarfile.open(archive, "r:gz") as source, tarfile.open(target, "w:gz") as copy:
        for member in source:
            data = source.extractfile(member).read()
            data = change(member.name, data)
            member.size = len(data)
            copy.addfile(member, io.BytesIO(data))
    return target


def test_a_tampered_archive_is_refused_and_nothing_changes(world, media):
    archive = media / "cadangan.tar.gz"
    run("backup", str(archive))
    bad = rewrite(
        archive,
        media / "rusak.tar.gz",
        lambda name, data: b"%PDF-1.4 palsu" if name == "media/dokumen/ktp.pdf" else data,
    )
    Pegawai.objects.filter(pk=world.pegawai.pk).update(nama="Tetap")
    with pytest.raises(CommandError, match="tidak cocok dengan manifesnya"):
        run("restore", str(bad), "--noinput")
    assert Pegawai.objects.get(pk=world.pegawai.pk).nama == "Tetap"


def test_a_truncated_archive_is_refused(media, db):
    archive = media / "cadangan.tar.gz"
    run("backup", str(archive))
    cut = media / "terpotong.tar.gz"
    cut.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2])
    with pytest.raises(CommandError, match="Arsip rusak"):
        run("restore", str(cut), "--noinput")


def test_an_archive_of_another_engine_or_a_newer_sikap_is_refused(media, db):
    archive = media / "cadangan.tar.gz"
    run("backup", str(archive))

    def manifest(change):
        def edit(name, data):
            if name != backup.MANIFEST:
                return data
            body = json.loads(data)
            change(body)
            return json.dumps(body).encode()

        return edit

    other = "sqlite" if connection.vendor == "postgresql" else "postgresql"
    engine = rewrite(archive, media / "a.tar.gz", manifest(lambda m: m.update(engine=other)))
    with pytest.raises(CommandError, match="Pulihkan ke basis data yang sejenis"):
        run("restore", str(engine), "--noinput")
    newer = rewrite(
        archive,
        media / "b.tar.gz",
        manifest(lambda m: m["migrations"].append("people.9999_from_the_future")),
    )
    with pytest.raises(CommandError, match="versi SIKAP yang lebih baru"):
        run("restore", str(newer), "--noinput")


def test_check_only_verifies(media, db):
    archive = media / "cadangan.tar.gz"
    run("backup", str(archive))
    assert "Arsip utuh" in run("restore", str(archive), "--check")
