"""Proposing: only for one's own record and rows, checked by the admin's forms, the record
untouched until approval; editing while draft or returned; the change types as configuration."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from sikap.core.errors import Kode, SikapError
from sikap.core.models import AuditEntry
from sikap.documents.services import verify_dokumen
from sikap.people import services as people
from sikap.people.models import RIWAYAT_MODELS, RiwayatPendidikan
from sikap.selfservice import services
from sikap.selfservice.models import JenisPerubahan, Operasi, UsulanPerubahan
from tests.selfservice.conftest import S2, jenis, pdf, put, values_of


def test_proposal_is_stored_as_validated_json_and_the_record_is_untouched(world, propose, s1):
    usulan = propose("tambah-pendidikan", S2)
    services.submit_usulan(usulan, actor=world.users["pegawai"])
    assert usulan.data["tingkat"] == "45" and usulan.data["tahun_lulus"] == 2020
    assert usulan.basis == {} and usulan.dibuat_oleh == world.users["pegawai"]
    world.pegawai.refresh_from_db()
    assert world.pegawai.tingkat_pendidikan == "40"
    assert not RiwayatPendidikan.objects.filter(tingkat="45").exists()
    created = AuditEntry.objects.get(
        content_type__model="usulanperubahan", object_id=str(usulan.pk), action="create"
    )
    assert created.actor == world.users["pegawai"] and created.pegawai_id == world.pegawai.pk


@pytest.mark.parametrize("persona", ["pegawai", "admin_opd", "verifikator"])
def test_a_request_for_someone_elses_record_is_refused(world, persona):
    with pytest.raises(SikapError) as exc:
        services.create_usulan(
            world.pegawai_b, jenis("tambah-pendidikan"), S2, actor=world.users[persona]
        )
    assert exc.value.code == Kode.TIDAK_BERHAK
    assert not UsulanPerubahan.objects.exists()


@pytest.mark.parametrize("kode", ["perbaiki-pendidikan", "hapus-pendidikan"])
def test_correcting_or_removing_another_pegawais_row_is_refused(world, propose, kode):
    row = people.save_riwayat(
        RiwayatPendidikan(pegawai=world.pegawai_b, tingkat="40", tahun_lulus=2007),
        actor=world.users["admin_opd_lain"],
    )
    with pytest.raises(SikapError) as exc:
        propose(kode, values_of(kode, row, jurusan="Hukum"), target=row, keterangan="ganda")
    assert exc.value.code == Kode.TIDAK_DITEMUKAN
    assert not UsulanPerubahan.objects.exists()


def test_invalid_proposal_is_refused_with_indonesian_field_errors(world, propose):
    with pytest.raises(SikapError) as exc:
        propose("tambah-pendidikan", {"tingkat": "99", "jurusan": "Hukum"})
    assert exc.value.code == Kode.DATA_TIDAK_VALID
    assert set(exc.value.errors) == {"tingkat", "tahun_lulus"}
    assert exc.value.errors["tingkat"][0].startswith("Masukkan pilihan yang valid.")
    assert exc.value.errors["tahun_lulus"] == ["Bidang ini tidak boleh kosong."]
    assert not UsulanPerubahan.objects.exists()


def test_the_admins_cross_field_checks_apply_to_proposals(world, propose):
    with pytest.raises(SikapError) as exc:
        propose("tambah-diklat", {
            "kategori": "teknis", "nama": "Bimtek", "tanggal_mulai": "2024-05-08",
            "tanggal_selesai": "2024-05-06", "jp": "24",
        })  # fmt: skip
    assert exc.value.errors["tanggal_selesai"] == ["Tidak boleh sebelum tanggal mulai/TMT."]


def test_a_nik_that_contradicts_the_birth_date_is_refused(world, propose):
    values = values_of("kependudukan", world.pegawai, nik="3508121805800001")
    with pytest.raises(SikapError) as exc:
        propose("kependudukan", values)
    assert "tidak sesuai dengan tanggal lahir" in exc.value.errors["nik"][0]


def test_a_proposal_that_changes_nothing_is_refused(world, propose, s1):
    with pytest.raises(SikapError) as exc:
        propose("perbaiki-pendidikan", values_of("perbaiki-pendidikan", s1), target=s1)
    assert exc.value.message == "Tidak ada perubahan dibanding data sekarang."


def test_removal_needs_a_reason(world, propose, s1):
    with pytest.raises(SikapError) as exc:
        propose("hapus-pendidikan", target=s1)
    assert "keterangan" in exc.value.errors


def test_an_inactive_type_cannot_be_proposed(world, propose):
    JenisPerubahan.objects.filter(kode="kontak").update(aktif=False)
    with pytest.raises(SikapError):
        propose("kontak", {"no_hp": "081234567890"})


@pytest.mark.parametrize("state", ["draf", "dikembalikan"])
def test_the_pegawai_edits_a_draft_or_returned_request_and_submits_it(world, propose, state):
    usulan = put(propose("kontak", {"no_hp": "081234567890"}), state)
    usulan = services.update_usulan(
        usulan,
        {"no_hp": "089876543210", "alamat": "Jl. Panjaitan 12"},
        actor=world.users["pegawai"],
    )
    assert usulan.data["no_hp"] == "089876543210" and usulan.version == 1
    services.submit_usulan(usulan, actor=world.users["pegawai"])
    assert UsulanPerubahan.objects.get(pk=usulan.pk).state == "menunggu_opd"
    assert AuditEntry.objects.filter(
        content_type__model="usulanperubahan", object_id=str(usulan.pk), action="update"
    ).exists()


@pytest.mark.parametrize("state", ["menunggu_opd", "menunggu_bkd", "disetujui", "dibatalkan"])
def test_a_request_out_of_the_pegawais_hands_cannot_be_edited(world, propose, state):
    usulan = put(propose("kontak", {"no_hp": "081234567890"}), state)
    with pytest.raises(SikapError) as exc:
        services.update_usulan(usulan, {"no_hp": "0899"}, actor=world.users["pegawai"])
    assert exc.value.code == Kode.LANGKAH_TIDAK_SAH


@pytest.mark.parametrize("persona", ["admin_opd", "atasan"])
def test_nobody_else_edits_a_pegawais_request(world, propose, persona):
    usulan = propose("kontak", {"no_hp": "081234567890"})
    with pytest.raises(SikapError) as exc:
        services.update_usulan(usulan, {"no_hp": "0899"}, actor=world.users[persona])
    assert exc.value.code == Kode.TIDAK_BERHAK


# --- change types -----------------------------------------------------------------------------


def test_defaults_cover_every_history_kind_and_operation_and_are_valid(db):
    seeded = JenisPerubahan.objects.all()
    pairs = {(j.kind, j.operasi) for j in seeded if not j.is_identity}
    ops = (Operasi.ADD, Operasi.CORRECT, Operasi.REMOVE)
    assert pairs == {(kind, op) for kind in RIWAYAT_MODELS for op in ops}
    assert {j.rantai for j in seeded} == {"opd_then_bkd", "opd_only", "bkd_only"}
    assert any(j.sederhana for j in seeded)
    for j in seeded:
        j.full_clean()


@pytest.mark.parametrize(
    "fields, message_in",
    [
        (dict(operasi="identity", kolom=["nip"], rantai="bkd_only"), "kolom"),
        (dict(operasi="identity", kolom=["tanggal_lahir"], rantai="bkd_only"), "kolom"),
        (dict(operasi="identity", kolom=["nik"], rantai="opd_only"), "rantai"),
        (dict(operasi="identity", kolom=[], rantai="opd_only"), "kolom"),
        (dict(operasi="add", kind="", rantai="opd_only"), "kind"),
        (dict(operasi="add", kind="diklat", kolom=["no_hp"], rantai="opd_only"), "kolom"),
    ],
)
def test_a_change_type_that_breaks_the_rules_is_refused(db, fields, message_in):
    with pytest.raises(ValidationError) as exc:
        JenisPerubahan(kode="uji", nama="Uji", **fields).full_clean()
    assert message_in in exc.value.message_dict


# --- the supporting document ------------------------------------------------------------------


def test_the_document_goes_to_the_personnel_file_awaiting_verification(world, propose):
    usulan = propose("tambah-pendidikan", S2)
    dokumen = usulan.dokumen
    assert (dokumen.pegawai, dokumen.jenis.kode, dokumen.state) == (
        world.pegawai,
        "ijazah",
        "menunggu",
    )
    assert dokumen.riwayat_id is None  # the row it proves does not exist yet


def test_a_correction_document_is_attached_to_the_corrected_row(world, propose, pangkat_iiia):
    values = values_of("perbaiki-pangkat", pangkat_iiia, golongan="III/b")
    usulan = propose("perbaiki-pangkat", values, target=pangkat_iiia)
    assert (usulan.dokumen.riwayat_kind, usulan.dokumen.riwayat_id) == ("pangkat", pangkat_iiia.pk)


def test_submission_needs_the_document_the_type_requires(world, propose):
    usulan = propose("tambah-pendidikan", S2, berkas=None)
    with pytest.raises(SikapError) as exc:
        services.submit_usulan(usulan, actor=world.users["pegawai"])
    assert exc.value.code == Kode.SYARAT_BELUM_LENGKAP
    assert exc.value.message == "Ijazah wajib diunggah sebelum usulan diajukan."
    usulan = services.update_usulan(usulan, S2, actor=world.users["pegawai"], berkas=pdf())
    services.submit_usulan(usulan, actor=world.users["pegawai"])
    assert UsulanPerubahan.objects.get(pk=usulan.pk).state == "menunggu_opd"


def test_a_file_that_is_not_a_document_is_refused_on_its_field(world, propose):
    fake = SimpleUploadedFile("ijazah.pdf", b"%PDF-1.7 but truncated", "application/pdf")
    with pytest.raises(SikapError) as exc:
        propose("tambah-pendidikan", S2, berkas=fake)
    assert exc.value.code == Kode.BERKAS_TIDAK_VALID and "berkas" in exc.value.errors
    assert not UsulanPerubahan.objects.exists()


def test_approval_waits_while_the_document_is_rejected(world, propose):
    usulan = put(propose("tambah-pendidikan", S2), "menunggu_bkd")
    verify_dokumen(usulan.dokumen, actor=world.users["verifikator"], approve=False, reason="Buram")
    with pytest.raises(SikapError) as exc:
        services.take_step(usulan, "setujui", actor=world.users["verifikator"])
    assert "ditolak pada verifikasi dokumen" in exc.value.message
    assert not RiwayatPendidikan.objects.filter(tingkat="45").exists()
