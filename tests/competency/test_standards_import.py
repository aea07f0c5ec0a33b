"""The standards import: rows by position name or by jenis/eselon default, every problem of a
bad file reported with nothing saved, a second import changing levels in place; /kelola/
pages for admin BKD only."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from sikap.competency import standards_import
from sikap.competency.models import StandarKompetensi
from sikap.competency.standards import SUMBER_JABATAN, SUMBER_JENIS, Resolver
from sikap.core import operations
from sikap.core.models import AuditEntry, Operasi

HEADERS = ("jabatan", "jenis_jabatan", "eselon", "kompetensi", "level")


def xlsx(*rows) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(HEADERS)
    for row in rows:
        sheet.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_rows_by_position_name_and_by_default_are_saved(world, kompetensi):
    rows, found, _ = standards_import.parse(
        xlsx(
            ("Pengelola Data Kepegawaian", "", "", "integritas", 2),
            ("", "jpt", "II.b", "Integritas", 5),
            ("", "Jabatan Pelaksana", "", "kerja-sama", 2),
        )
    )
    assert found == []
    created, changed = standards_import.save_rows(rows, actor=world.users["admin_bkd"])
    assert (created, changed) == (3, 0)
    r = Resolver()
    own = r.for_jabatan(world.pegawai.jabatan, kompetensi[0].pk)
    assert (own.level, own.sumber) == (2, SUMBER_JABATAN)
    default = r.for_jabatan(world.atasan.jabatan, kompetensi[0].pk)
    assert (default.level, default.sumber) == (5, SUMBER_JENIS)
    assert AuditEntry.objects.filter(kind="standar_kompetensi.created").count() == 3


def test_importing_again_changes_the_level_in_place(world, kompetensi):
    actor = world.users["admin_bkd"]
    rows, _, _ = standards_import.parse(
        xlsx(("Pengelola Data Kepegawaian", "", "", "integritas", 2))
    )
    standards_import.save_rows(rows, actor=actor)
    rows, _, _ = standards_import.parse(
        xlsx(("Pengelola Data Kepegawaian", "", "", "integritas", 3))
    )
    assert standards_import.save_rows(rows, actor=actor) == (0, 1)
    assert list(StandarKompetensi.objects.values_list("level", flat=True)) == [3]


def test_a_bad_file_reports_every_problem_and_saves_nothing(world, kompetensi):
    rows, found, _ = standards_import.parse(
        xlsx(
            ("Jabatan Fiktif", "", "", "integritas", 2),
            ("", "honorer", "", "integritas", 2),
            ("", "jp", "V.c", "integritas", 2),
            ("Pengelola Data Kepegawaian", "", "", "menyanyi", 2),
            ("Pengelola Data Kepegawaian", "", "", "integritas", 7),
            ("", "", "", "integritas", 2),
            ("Pengelola Data Kepegawaian", "ja", "", "integritas", 2),
            ("Pengelola Data Kepegawaian", "", "", "kerja-sama", 2),
            ("Pengelola Data Kepegawaian", "", "", "Kerja Sama", 3),
        )
    )
    messages = [p.message for p in found]
    assert [p.row for p in found] == [2, 3, 4, 5, 6, 7, 8, 10]
    assert "Jabatan 'Jabatan Fiktif' tidak ada di data jabatan." in messages
    assert any("Jenis jabatan 'honorer' tidak dikenal" in m for m in messages)
    assert any("Eselon 'V.c' tidak sah" in m for m in messages)
    assert any("Kompetensi 'menyanyi' tidak dikenal" in m for m in messages)
    assert any("Level '7' tidak sah" in m for m in messages)
    assert any("bukan keduanya" in m for m in messages)
    assert any("Standar ganda: sama dengan baris 9" in m for m in messages)
    assert not StandarKompetensi.objects.exists()


def test_the_operation_refuses_the_whole_file_with_a_problem_download(world, kompetensi):
    upload = SimpleUploadedFile(
        "standar.xlsx",
        xlsx(
            ("Pengelola Data Kepegawaian", "", "", "integritas", 2), ("", "", "", "integritas", 9)
        ),
    )
    operasi = standards_import.start(upload, user=world.users["admin_bkd"])
    operations.run(operasi.pk)
    operasi = Operasi.objects.get(pk=operasi.pk)
    assert operasi.state == Operasi.State.GAGAL
    assert "Tidak ada standar yang disimpan: 2 kesalahan" in operasi.message
    assert operasi.result_file
    assert not StandarKompetensi.objects.exists()


@pytest.mark.parametrize(("persona", "code"), [("admin_bkd", 200), ("admin_opd", 403)])
def test_the_kelola_pages_are_admin_bkds(client, world, kompetensi, persona, code):
    client.force_login(world.users[persona])
    for name in (
        "kelola:competency_standarkompetensi_changelist",
        "kelola:competency_standarkompetensi_impor",
        "kelola:competency_kompetensi_changelist",
        "kelola:competency_pelatihan_changelist",
    ):
        response = client.get(reverse(name))
        assert response.status_code in ((code,) if code == 200 else (302, 403)), name
