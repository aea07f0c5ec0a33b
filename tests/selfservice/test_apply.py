"""Approval applies the change through the people services (audit, current fields); rejection and
return change nothing; an approval that can no longer be applied is refused as a whole."""

import pytest

from sikap.core.errors import Kode, SikapError
from sikap.core.models import AuditEntry, CaseEvent
from sikap.people import services as people
from sikap.people.models import RiwayatPangkat, RiwayatPendidikan, RiwayatSkp
from sikap.selfservice import services
from sikap.selfservice.models import UsulanPerubahan
from tests.selfservice.conftest import S2, approve, put, values_of


def applied_entries(usulan):
    return AuditEntry.objects.filter(note__contains=f"Usulan #{usulan.pk} ").exclude(
        object_id=str(usulan.pk), content_type__model="usulanperubahan"
    )


def test_approved_s2_raises_education_with_audit_by_the_verifier(world, propose, s1):
    usulan = approve(world, propose("tambah-pendidikan", S2))
    assert usulan.state == "disetujui" and usulan.diterapkan_pada is not None
    world.pegawai.refresh_from_db()
    assert world.pegawai.tingkat_pendidikan == "45"
    row = RiwayatPendidikan.objects.get(pegawai=world.pegawai, tingkat="45")
    assert (row.jurusan, row.tahun_lulus) == ("Magister Manajemen", 2020)
    entries = {(e.content_type.model, e.action) for e in applied_entries(usulan)}
    assert entries == {("riwayatpendidikan", "create"), ("pegawai", "update")}
    assert {e.actor for e in applied_entries(usulan)} == {world.users["verifikator"]}


def test_approved_rank_correction_updates_the_golongan(world, propose, pangkat_iiia):
    values = values_of("perbaiki-pangkat", pangkat_iiia, golongan="III/b", sk_nomor="823/12/2005")
    usulan = approve(world, propose("perbaiki-pangkat", values, target=pangkat_iiia))
    world.pegawai.refresh_from_db()
    assert world.pegawai.golongan == "III/b"
    entry = applied_entries(usulan).get(action="update", content_type__model="riwayatpangkat")
    assert entry.changes == {"golongan": ["III/a", "III/b"], "sk_nomor": ["", "823/12/2005"]}
    assert entry.actor == world.users["verifikator"]
    assert entry.note == f"Diterapkan dari {usulan}"


def test_approved_contact_change_updates_the_field_by_the_opd_admin(world, propose):
    values = values_of("kontak", world.pegawai, no_hp="081234567890")
    usulan = approve(world, propose("kontak", values))
    world.pegawai.refresh_from_db()
    assert world.pegawai.no_hp == "081234567890"
    entry = applied_entries(usulan).get()
    assert entry.changes == {"no_hp": ["", "081234567890"]}
    assert entry.actor == world.users["admin_opd"]


def test_bkd_verifier_applies_a_nik_change_it_could_not_make_directly(world, propose):
    with pytest.raises(SikapError):
        people.update_pegawai(
            world.pegawai, {"nik": "3508121705800001"}, actor=world.users["verifikator"]
        )
    values = values_of("kependudukan", world.pegawai, nik="3508 1217 0580 0001")
    usulan = approve(world, propose("kependudukan", values))
    world.pegawai.refresh_from_db()
    assert world.pegawai.nik == "3508121705800001"
    assert applied_entries(usulan).get().actor == world.users["verifikator"]


def test_approved_removal_deletes_the_row_and_lowers_education(world, propose, s1):
    s2 = people.save_riwayat(
        RiwayatPendidikan(pegawai=world.pegawai, tingkat="45", tahun_lulus=2020),
        actor=world.users["admin_opd"],
    )
    usulan = approve(
        world, propose("hapus-pendidikan", target=s2, keterangan="Tercatat ganda dari impor")
    )
    assert not RiwayatPendidikan.objects.filter(pk=s2.pk).exists()
    world.pegawai.refresh_from_db()
    assert world.pegawai.tingkat_pendidikan == "40"
    assert applied_entries(usulan).filter(action="delete").count() == 1


@pytest.mark.parametrize("step, end", [("tolak", "ditolak"), ("kembalikan", "dikembalikan")])
@pytest.mark.parametrize("state, persona", [("menunggu_opd", "admin_opd"),
                                            ("menunggu_bkd", "verifikator")])  # fmt: skip
def test_rejection_or_return_leaves_the_record_unchanged(
    world, propose, s1, step, end, state, persona
):
    usulan = put(propose("tambah-pendidikan", S2), state)
    services.take_step(usulan, step, actor=world.users[persona], reason="Ijazah tidak terbaca")
    usulan.refresh_from_db()
    world.pegawai.refresh_from_db()
    assert usulan.state == end and usulan.diterapkan_pada is None
    assert world.pegawai.tingkat_pendidikan == "40"
    assert not RiwayatPendidikan.objects.filter(tingkat="45").exists()


def _refused_whole(world, usulan, code):
    before = AuditEntry.objects.count()
    with pytest.raises(SikapError) as exc:
        services.take_step(usulan, "setujui", actor=world.users["verifikator"])
    assert exc.value.code == code
    usulan.refresh_from_db()
    assert (usulan.state, usulan.version, usulan.diterapkan_pada) == ("menunggu_bkd", 0, None)
    assert not CaseEvent.objects.filter(object_id=str(usulan.pk)).exists()
    assert AuditEntry.objects.count() == before
    return exc.value


def test_approval_is_refused_whole_when_the_row_is_gone(world, propose, pangkat_iiia):
    values = values_of("perbaiki-pangkat", pangkat_iiia, golongan="III/b")
    usulan = put(propose("perbaiki-pangkat", values, target=pangkat_iiia), "menunggu_bkd")
    people.delete_riwayat(pangkat_iiia, actor=world.users["admin_opd"])
    error = _refused_whole(world, usulan, Kode.DATA_TIDAK_VALID)
    assert "sudah tidak ada" in error.message


def test_approval_is_refused_whole_when_someone_changed_the_same_field(
    world, propose, pangkat_iiia
):
    values = values_of("perbaiki-pangkat", pangkat_iiia, golongan="III/b")
    usulan = put(propose("perbaiki-pangkat", values, target=pangkat_iiia), "menunggu_bkd")
    pangkat_iiia.golongan = "III/c"
    people.save_riwayat(pangkat_iiia, actor=world.users["admin_opd"])
    error = _refused_whole(world, usulan, Kode.KEDALUWARSA)
    assert "Golongan" in error.message
    world.pegawai.refresh_from_db()
    assert world.pegawai.golongan == "III/c"


def test_a_field_changed_meanwhile_that_the_pegawai_left_alone_is_kept(
    world, propose, pangkat_iiia
):
    values = values_of("perbaiki-pangkat", pangkat_iiia, golongan="III/b")
    usulan = put(propose("perbaiki-pangkat", values, target=pangkat_iiia), "menunggu_bkd")
    pangkat_iiia.sk_nomor = "823/45/2005"
    people.save_riwayat(pangkat_iiia, actor=world.users["admin_opd"])
    services.take_step(usulan, "setujui", actor=world.users["verifikator"])
    row = RiwayatPangkat.objects.get(pk=pangkat_iiia.pk)
    assert (row.golongan, row.sk_nomor) == ("III/b", "823/45/2005")


def test_approval_is_refused_whole_when_the_record_now_makes_it_invalid(world, propose):
    values = {"tahun": "2023", "predikat": "baik"}
    usulan = put(propose("tambah-skp", values), "menunggu_bkd")
    people.save_riwayat(
        RiwayatSkp(pegawai=world.pegawai, tahun=2023, predikat="sangat_baik"),
        actor=world.users["admin_opd"],
    )
    error = _refused_whole(world, usulan, Kode.DATA_TIDAK_VALID)
    assert "tidak dapat diterapkan" in error.message
    assert RiwayatSkp.objects.get(pegawai=world.pegawai).predikat == "sangat_baik"


def test_each_approving_step_is_logged_on_the_timeline(world, propose):
    usulan = approve(world, propose("tambah-pendidikan", S2))
    steps = [(e.transition, e.actor) for e in usulan.timeline()]
    assert steps == [
        ("ajukan", world.users["pegawai"]),
        ("teruskan", world.users["admin_opd"]),
        ("setujui", world.users["verifikator"]),
    ]
    assert UsulanPerubahan.objects.get(pk=usulan.pk).version == 3


def test_a_withdrawn_request_is_never_applied(world, propose):
    usulan = propose("tambah-diklat", {
        "kategori": "teknis", "nama": "Bimtek SIASN", "tanggal_mulai": "2024-05-06",
        "tanggal_selesai": "2024-05-08", "jp": "24",
    })  # fmt: skip
    services.submit_usulan(usulan, actor=world.users["pegawai"])
    services.take_step(usulan, "batalkan", actor=world.users["pegawai"])
    with pytest.raises(SikapError) as exc:
        services.take_step(usulan, "setujui", actor=world.users["admin_opd"])
    assert exc.value.code == Kode.LANGKAH_TIDAK_SAH
    assert not world.pegawai.riwayat_diklat.exists()
