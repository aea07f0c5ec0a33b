"""The question bank: content checks, versions kept for attempts that drew them, and the
all-or-nothing import with every problem reported."""

import io

import openpyxl
import pytest

from sikap.competency import bank, bank_import, services
from sikap.competency.models import ButirPercobaan, JenisSoal, Soal, VersiSoal
from sikap.core.errors import Kode, SikapError
from tests.competency.conftest import isi_pg, isi_sjt


def test_multiple_choice_needs_exactly_one_key():
    assert "kunci" in bank.masalah_isi(JenisSoal.PILIHAN_GANDA, isi_pg("Soal", kunci=0))
    two = bank.Isi("Soal", (bank.Opsi("a", benar=True), bank.Opsi("b", benar=True)))
    assert bank.masalah_isi(JenisSoal.PILIHAN_GANDA, two)["kunci"] == [
        "Soal pilihan ganda hanya boleh memiliki satu kunci jawaban."
    ]
    assert bank.masalah_isi(JenisSoal.PILIHAN_GANDA, isi_pg("Soal")) == {}


def test_situational_needs_a_score_1_to_5_on_every_option():
    assert bank.masalah_isi(JenisSoal.SITUASIONAL, isi_sjt("Soal")) == {}
    errors = bank.masalah_isi(JenisSoal.SITUASIONAL, isi_sjt("Soal", skor=(1, 6, None)))
    assert errors["skor"] == [
        "Skor opsi B harus 1 sampai 5, bukan 6.",
        "Opsi C belum diberi skor (1–5).",
    ]


def test_an_item_nobody_drew_is_edited_in_place(world, bank_soal):
    soal = bank_soal[0]
    versi = bank.edit_item(soal, isi=isi_pg("Teks baru", kunci=2), actor=world.users["admin_bkd"])
    assert versi.nomor == 1 and VersiSoal.objects.filter(soal=soal).count() == 1
    assert versi.opsi.get(benar=True).urutan == 2


def test_an_edit_of_a_drawn_item_keeps_the_old_version_for_its_attempt(world, ujian, rng, clock):
    attempt = services.start(ujian.pk, actor=world.users["pegawai"], rng=rng).percobaan
    butir = (
        ButirPercobaan.objects.filter(percobaan=attempt, versi__soal__jenis=JenisSoal.PILIHAN_GANDA)
        .select_related("versi__soal")
        .first()
    )
    soal, old = butir.versi.soal, butir.versi
    new = bank.edit_item(soal, isi=isi_pg("Teks yang diperbaiki"), actor=world.users["admin_bkd"])
    assert new.nomor == old.nomor + 1
    soal.refresh_from_db()
    assert soal.terkini == new
    old.refresh_from_db()
    assert old.teks != "Teks yang diperbaiki" and old.opsi.count() == 4
    butir.refresh_from_db()
    assert butir.versi_id == old.pk


def _gambar(name: str):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, b"\x89PNG\r\n\x1a\n" + name.encode(), "image/png")


def test_an_image_replaced_in_place_is_deleted_after_the_edit_commits(
    world, kompetensi, django_capture_on_commit_callbacks
):
    admin = world.users["admin_bkd"]
    soal = bank.create_item(
        kode="gbr", kompetensi=kompetensi[0], level=1, jenis=JenisSoal.PILIHAN_GANDA,
        isi=isi_pg("Soal bergambar"), gambar=_gambar("lama.png"), actor=admin,
    )  # fmt: skip
    old = soal.terkini.gambar
    assert old.storage.exists(old.name)
    with django_capture_on_commit_callbacks(execute=True):
        versi = bank.edit_item(soal, isi=isi_pg("Soal bergambar"), gambar=_gambar("baru.png"),
                               actor=admin)  # fmt: skip
    assert versi.pk == soal.terkini_id and not old.storage.exists(old.name)
    kept = versi.gambar
    with django_capture_on_commit_callbacks(execute=True):
        bank.edit_item(soal, isi=isi_pg("Soal tanpa gambar"), hapus_gambar=True, actor=admin)
    assert not kept.storage.exists(kept.name)


def test_an_image_an_older_drawn_version_shows_is_kept_when_replaced_in_place(
    world, kompetensi, ujian, rng, clock, django_capture_on_commit_callbacks
):
    admin = world.users["admin_bkd"]
    attempt = services.start(ujian.pk, actor=world.users["pegawai"], rng=rng).percobaan
    soal = bank.create_item(
        kode="gbr", kompetensi=kompetensi[0], level=1, jenis=JenisSoal.PILIHAN_GANDA,
        isi=isi_pg("Soal bergambar"), gambar=_gambar("lama.png"), actor=admin,
    )  # fmt: skip
    first = soal.terkini
    ButirPercobaan.objects.create(
        percobaan=attempt, urutan=99, versi=first, kompetensi=kompetensi[0], level=1
    )
    # A new version (the first was drawn) shares the stored image; replacing it in place
    # there must leave the file the drawn version still shows.
    second = bank.edit_item(soal, isi=isi_pg("Soal bergambar, diperbaiki"), actor=admin)
    assert second.pk != first.pk and second.gambar.name == first.gambar.name
    with django_capture_on_commit_callbacks(execute=True):
        bank.edit_item(soal, isi=isi_pg("Soal bergambar, diperbaiki"), gambar=_gambar("baru.png"),
                       actor=admin)  # fmt: skip
    first.refresh_from_db()
    assert first.gambar.storage.exists(first.gambar.name)


def test_only_admin_bkd_edits_the_bank(world, bank_soal):
    with pytest.raises(SikapError) as e:
        bank.edit_item(bank_soal[0], isi=isi_pg("x"), actor=world.users["admin_opd"])
    assert e.value.code == Kode.TIDAK_BERHAK


def _xlsx(rows, header=None) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(header or ["kode", "kompetensi", "level", "jenis", "pertanyaan", "opsi_a",
                            "opsi_b", "opsi_c", "kunci", "skor_a", "skor_b", "skor_c"])  # fmt: skip
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


GOOD = [
    ["INT-B1", "integritas", 1, "pg", "Apa arti integritas?", "Jujur", "Cepat", "Kaya", "A"],
    ["INT-B2", "Integritas", 2, "sjt", "Atasan meminta Anda menandatangani daftar hadir palsu.",
     "Menolak dengan sopan", "Menandatangani", "Diam saja", "", 5, 1, 2],
]  # fmt: skip


def test_a_sound_file_is_imported_whole(world, kompetensi):
    report = bank_import.parse(_xlsx(GOOD))
    assert report.found == []
    created, changed = bank_import.save_rows(report.rows, actor=world.users["admin_bkd"])
    assert (created, changed) == (2, 0)
    sjt = Soal.objects.get(kode="INT-B2")
    assert [o.skor for o in sjt.terkini.opsi.order_by("urutan")] == [5, 1, 2]
    assert Soal.objects.get(kode="INT-B1").terkini.opsi.get(benar=True).teks == "Jujur"


def test_importing_the_same_file_again_changes_nothing(world, kompetensi):
    admin = world.users["admin_bkd"]
    bank_import.save_rows(bank_import.parse(_xlsx(GOOD)).rows, actor=admin)
    report = bank_import.parse(_xlsx(GOOD))
    assert report.found == []
    assert bank_import.save_rows(report.rows, actor=admin) == (0, 0)
    assert VersiSoal.objects.count() == 2


def test_every_problem_is_reported_and_nothing_is_saved(world, kompetensi, clock):
    rows = [
        ["X1", "integritas", 1, "pg", "Tanpa kunci", "a", "b", "c", ""],
        ["X1", "integritas", 1, "pg", "Kode ganda", "a", "b", "c", "A"],
        ["X2", "integritas", 1, "pg", "tanpa  KUNCI", "a", "b", "c", "B"],
        ["X3", "etika", 1, "pg", "Kompetensi asing", "a", "b", "c", "A"],
        ["X4", "integritas", 7, "pg", "Level salah", "a", "b", "c", "A"],
        ["X5", "integritas", 2, "sjt", "Skor salah", "a", "b", "c", "", 5, 9, "dua"],
        ["X6", "integritas", 2, "pg", "Kunci ke opsi kosong", "a", "b", "", "C"],
        ["X7", "integritas", 2, "esai", "Jenis salah", "a", "b", "c", "A"],
    ]
    report = bank_import.parse(_xlsx(rows))
    messages = {(p.row, p.column): p.message for p in report.found}
    assert messages[(2, "kunci")] == "Soal pilihan ganda belum memiliki kunci jawaban."
    assert messages[(3, "kode")] == "Kode soal 'X1' ganda: sudah ada di baris 2."
    assert messages[(4, "pertanyaan")].startswith("Pertanyaan ganda: sama dengan baris 2")
    assert "Kompetensi 'etika' tidak dikenal" in messages[(5, "kompetensi")]
    assert messages[(6, "level")] == "Level '7' tidak sah; isi 1 sampai 5."
    assert messages[(7, "skor_b")] == "Skor opsi B '9' tidak sah; isi 1 sampai 5."
    assert messages[(7, "skor_c")] == "Skor opsi C 'dua' tidak sah; isi 1 sampai 5."
    assert messages[(8, "kunci")] == "Kunci 'C' tidak menunjuk opsi yang terisi."
    assert "Jenis soal 'esai' tidak dikenal" in messages[(9, "jenis")]
    assert report.rows == [] or all(b.row not in {2, 3, 4, 5, 6, 7, 8, 9} for b in report.rows)


def test_a_question_already_in_the_bank_under_another_code_is_a_duplicate(world, kompetensi):
    bank_import.save_rows(bank_import.parse(_xlsx(GOOD)).rows, actor=world.users["admin_bkd"])
    again = [["INT-LAIN", "integritas", 1, "pg", "Apa  arti integritas?", "a", "b", "c", "A"]]
    (problem,) = bank_import.parse(_xlsx(again)).found
    assert problem.message == "Pertanyaan ganda: sudah ada di bank soal dengan kode 'INT-B1'."


def test_the_import_operation_refuses_a_bad_file_whole(
    world, kompetensi, django_capture_on_commit_callbacks
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from sikap.core.models import Operasi

    bad = GOOD + [["INT-B3", "integritas", 1, "pg", "Tanpa kunci", "a", "b", "c", ""]]
    upload = SimpleUploadedFile("bank.xlsx", _xlsx(bad))
    with django_capture_on_commit_callbacks(execute=True):
        operasi = bank_import.start(upload, user=world.users["admin_bkd"])
    operasi = Operasi.objects.get(pk=operasi.pk)
    assert operasi.state == Operasi.State.GAGAL, operasi.message
    assert "Tidak ada soal yang disimpan: 1 kesalahan" in operasi.message
    assert operasi.result_file
    assert not Soal.objects.exists()


def test_missing_columns_are_named(world, kompetensi):
    with pytest.raises(SikapError) as e:
        bank_import.parse(_xlsx([["a"]], header=["kode", "pertanyaan"]))
    assert "kompetensi" in e.value.message
