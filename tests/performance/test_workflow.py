"""Quarterly realisation through the one workflow: entry, submit, verify by another perencana
(or admin BKD), return and reject, locking, and corrections of locked quarters."""

from decimal import Decimal as D

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from sikap.core.errors import Kode, SikapError
from sikap.core.models import AuditEntry, CaseEvent, Notifikasi
from sikap.performance.models import KoreksiRealisasi, RealisasiTriwulan, Status
from sikap.performance.services import (
    create_koreksi,
    run_koreksi,
    run_realisasi,
    save_koreksi,
    save_realisasi,
)
from tests.documents.conftest import pdf_bytes


@pytest.fixture
def draft(seed):
    return RealisasiTriwulan.objects.get(indikator__kode="A.1.a", triwulan=1)


@pytest.fixture
def locked(seed):
    return RealisasiTriwulan.objects.get(indikator__kode="A.1.f", triwulan=2)


def test_perencana_enters_a_draft_and_the_audit_records_it(draft, perencana):
    save_realisasi(draft, k=D(1), rp=D(150000), catatan="Notulen rapat", actor=perencana)
    draft.refresh_from_db()
    assert (draft.k, draft.rp, draft.state) == (D(1), D(150000), Status.DRAF)
    entry = AuditEntry.objects.filter(object_id=str(draft.pk)).latest("id")
    assert entry.actor == perencana and entry.changes["k"] == [None, "1"]


def test_submit_then_verify_by_another_perencana_locks_the_quarter(
    draft, perencana, perencana_lain, django_capture_on_commit_callbacks
):
    save_realisasi(draft, k=D(1), rp=None, actor=perencana)
    run_realisasi(draft, "ajukan", actor=perencana)
    draft.refresh_from_db()
    assert (draft.state, draft.diajukan_oleh) == (Status.DIAJUKAN, perencana)
    with django_capture_on_commit_callbacks(execute=True):
        run_realisasi(draft, "verifikasi", actor=perencana_lain)
    draft.refresh_from_db()
    assert draft.state == Status.TERVERIFIKASI and not draft.editable
    assert [e.transition for e in draft.timeline()] == ["ajukan", "verifikasi"]
    assert Notifikasi.objects.get().user == perencana


def test_the_submitter_cannot_verify_their_own_realisation(draft, perencana):
    save_realisasi(draft, k=D(1), rp=None, actor=perencana)
    run_realisasi(draft, "ajukan", actor=perencana)
    with pytest.raises(SikapError) as exc:
        run_realisasi(draft, "verifikasi", actor=perencana)
    assert exc.value.code == Kode.TIDAK_BERHAK
    draft.refresh_from_db()
    assert draft.state == Status.DIAJUKAN


def test_admin_bkd_cannot_verify_what_it_submitted_either(draft, world, perencana):
    admin = world.users["admin_bkd"]
    save_realisasi(draft, k=D(1), rp=None, actor=admin)
    run_realisasi(draft, "ajukan", actor=admin)
    with pytest.raises(SikapError) as exc:
        run_realisasi(draft, "verifikasi", actor=admin)
    assert exc.value.code == Kode.TIDAK_BERHAK
    run_realisasi(draft, "verifikasi", actor=perencana)
    draft.refresh_from_db()
    assert draft.state == Status.TERVERIFIKASI


@pytest.mark.parametrize("persona", ["pegawai", "admin_opd", "verifikator", "pimpinan"])
def test_nobody_else_enters_or_moves_realisation(draft, world, persona, perencana):
    user = world.users[persona]
    with pytest.raises(SikapError) as exc:
        save_realisasi(draft, k=D(1), rp=None, actor=user)
    assert exc.value.code == Kode.TIDAK_BERHAK
    save_realisasi(draft, k=D(1), rp=None, actor=perencana)
    run_realisasi(draft, "ajukan", actor=perencana)
    with pytest.raises(SikapError) as exc:
        run_realisasi(draft, "verifikasi", actor=user)
    assert exc.value.code == Kode.TIDAK_BERHAK


@pytest.mark.parametrize(("step", "state"), [("kembalikan", "dikembalikan"), ("tolak", "ditolak")])
def test_returned_or_rejected_realisation_needs_a_reason_and_can_be_fixed(
    draft, perencana, perencana_lain, step, state
):
    save_realisasi(draft, k=D(1), rp=None, actor=perencana)
    run_realisasi(draft, "ajukan", actor=perencana)
    with pytest.raises(SikapError, match="Alasan wajib diisi"):
        run_realisasi(draft, step, actor=perencana_lain)
    run_realisasi(draft, step, actor=perencana_lain, reason="Bukti belum diunggah")
    draft.refresh_from_db()
    assert draft.state == state and draft.editable
    save_realisasi(draft, k=D(2), rp=None, actor=perencana)
    run_realisasi(draft, "ajukan", actor=perencana)
    assert RealisasiTriwulan.objects.get(pk=draft.pk).state == Status.DIAJUKAN


def test_an_empty_quarter_cannot_be_submitted(draft, perencana):
    with pytest.raises(SikapError) as exc:
        run_realisasi(draft, "ajukan", actor=perencana)
    assert exc.value.code == Kode.SYARAT_BELUM_LENGKAP and "Isi realisasi" in exc.value.message


def test_a_verified_quarter_is_locked(locked, perencana):
    with pytest.raises(SikapError) as exc:
        save_realisasi(locked, k=D(9), rp=None, actor=perencana)
    assert "ajukan koreksi" in exc.value.message
    locked.refresh_from_db()
    assert locked.k == D(3)


def test_negative_values_are_refused_and_nothing_changes(draft, perencana):
    with pytest.raises(SikapError) as exc:
        save_realisasi(draft, k=D(-1), rp=D(-5), actor=perencana)
    assert set(exc.value.errors) == {"k", "rp"}
    draft.refresh_from_db()
    assert draft.k is None


def test_evidence_of_an_unknown_type_is_refused(draft, perencana):
    bukti = SimpleUploadedFile("bukti.exe", b"MZ")
    with pytest.raises(SikapError) as exc:
        save_realisasi(draft, k=D(1), rp=None, bukti=bukti, actor=perencana)
    assert "bukti" in exc.value.errors


@pytest.mark.parametrize(
    "name, data, words",
    [
        ("laporan.pdf", b"MZ\x90\x00 program", "program Windows"),  # checked by content
        ("laporan.pdf", b"%PDF-1.4 bukan pdf", "PDF"),
        ("foto.jpg", b"\x89PNG\r\n\x1a\n", "PNG"),  # a broken PNG named .jpg
    ],
)
def test_evidence_is_checked_by_content_not_by_name(draft, perencana, name, data, words):
    with pytest.raises(SikapError) as exc:
        save_realisasi(
            draft, k=D(1), rp=None, bukti=SimpleUploadedFile(name, data), actor=perencana
        )
    assert words in exc.value.errors["bukti"][0]
    draft.refresh_from_db()
    assert draft.k is None and not draft.bukti


def test_evidence_is_stored_under_the_extension_of_what_it_is(draft, perencana):
    bukti = SimpleUploadedFile("scan.exe", pdf_bytes())
    save_realisasi(draft, k=D(1), rp=None, bukti=bukti, actor=perencana)
    draft.refresh_from_db()
    assert draft.bukti.name.endswith("/scan.pdf")


def test_an_approved_correction_replaces_the_locked_values_and_keeps_the_old_in_the_audit(
    locked, perencana, perencana_lain, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    bukti = SimpleUploadedFile("berita-acara.pdf", pdf_bytes())
    koreksi = create_koreksi(
        locked,
        k=D(4),
        rp=D(5100000),
        alasan="Satu dokumen belum terhitung",
        bukti=bukti,
        actor=perencana,
    )
    assert koreksi.state == Status.DRAF
    run_koreksi(koreksi, "ajukan", actor=perencana)
    with pytest.raises(SikapError):
        run_koreksi(koreksi, "setujui", actor=perencana)  # not one's own correction
    run_koreksi(koreksi, "setujui", actor=perencana_lain)
    locked.refresh_from_db()
    assert (locked.k, locked.state) == (D(4), Status.TERVERIFIKASI)
    assert locked.bukti.name == koreksi.bukti.name
    entry = AuditEntry.objects.filter(object_id=str(locked.pk), note__startswith="Koreksi").get()
    assert entry.changes["k"] == ["3.0000", "4.0000"] and entry.actor == perencana_lain


def test_a_rejected_correction_changes_nothing(locked, perencana, perencana_lain):
    koreksi = create_koreksi(locked, k=D(9), rp=None, alasan="Salah ketik", actor=perencana)
    run_koreksi(koreksi, "ajukan", actor=perencana)
    run_koreksi(koreksi, "tolak", actor=perencana_lain, reason="Nilai lama benar")
    locked.refresh_from_db()
    assert locked.k == D(3)
    with pytest.raises(SikapError):
        save_koreksi(koreksi, k=D(8), rp=None, alasan="Coba lagi", actor=perencana)


def test_only_one_open_correction_per_quarter(locked, perencana):
    create_koreksi(locked, k=D(4), rp=None, alasan="Pertama", actor=perencana)
    with pytest.raises(SikapError) as exc:
        create_koreksi(locked, k=D(5), rp=None, alasan="Kedua", actor=perencana)
    assert exc.value.code == Kode.DUPLIKAT
    assert KoreksiRealisasi.objects.count() == 1


def test_a_draft_quarter_is_changed_directly_not_corrected(draft, perencana):
    with pytest.raises(SikapError, match="hanya untuk realisasi yang sudah terverifikasi"):
        create_koreksi(draft, k=D(1), rp=None, alasan="x", actor=perencana)


def test_a_correction_needs_a_reason(locked, perencana):
    with pytest.raises(SikapError) as exc:
        create_koreksi(locked, k=D(4), rp=None, alasan="  ", actor=perencana)
    assert exc.value.errors == {"alasan": ["Wajib diisi."]}
    assert not CaseEvent.objects.exists()
