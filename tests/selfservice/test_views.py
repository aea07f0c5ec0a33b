"""The self-service pages through the views, with the personas of `tests/conftest.py`: the
pegawai's requests, the verification queue with filters and bulk approval, notifications."""

from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from sikap.core.models import AuditEntry, Notifikasi
from sikap.people import services as people
from sikap.people.models import Pegawai, RiwayatPangkat, RiwayatPendidikan
from sikap.selfservice import services
from sikap.selfservice.models import JenisPerubahan, UsulanPerubahan
from tests.factories import make_user
from tests.selfservice.conftest import S2, approve, pdf, put, values_of

pytestmark = pytest.mark.django_db


def url(name, *args):
    return reverse(name, args=args)


def messages_of(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]


# --- the pegawai ----------------------------------------------------------------------------


def test_pegawai_proposes_through_the_form_and_submits(world, s1):
    client = world.client("pegawai")
    assert "Riwayat pendidikan" in client.get(url("selfservice:usulan_pilih")).content.decode()
    form = client.get(url("selfservice:usulan_create", "tambah-pendidikan"))
    assert form.context["meta"].fields["berkas"].label == "Ijazah"
    response = client.post(
        url("selfservice:usulan_create", "tambah-pendidikan"),
        {**S2, "berkas": pdf("ijazah-s2.pdf"), "aksi": "ajukan"},
    )
    usulan = UsulanPerubahan.objects.get()
    assert response.status_code == 302 and response["Location"] == url(
        "selfservice:usulan_detail", usulan.pk
    )
    assert usulan.state == "menunggu_opd" and usulan.dokumen.nama_asli == "ijazah-s2.pdf"
    world.pegawai.refresh_from_db()
    assert world.pegawai.tingkat_pendidikan == "40"
    page = client.get(url("selfservice:usulan_list")).content.decode()
    assert "Tambah riwayat pendidikan" in page and "Menunggu verifikasi OPD" in page


def test_submitting_without_the_document_keeps_a_draft_and_says_why(world):
    response = world.client("pegawai").post(
        url("selfservice:usulan_create", "tambah-pendidikan"), {**S2, "aksi": "ajukan"}, follow=True
    )
    assert "Ijazah wajib diunggah" in messages_of(response)[0]
    assert UsulanPerubahan.objects.get().state == "draf"


def test_a_file_that_is_not_what_it_claims_is_refused_on_its_field(world):
    fake = SimpleUploadedFile("ijazah.pdf", b"MZ\x90\x00 not a pdf", "application/pdf")
    response = world.client("pegawai").post(
        url("selfservice:usulan_create", "tambah-pendidikan"),
        {**S2, "berkas": fake, "aksi": "ajukan"},
    )
    assert response.status_code == 200
    assert "program Windows" in response.context["meta"].errors["berkas"][0]
    assert not UsulanPerubahan.objects.exists()


def test_invalid_proposal_shows_the_field_errors_and_saves_nothing(world):
    response = world.client("pegawai").post(
        url("selfservice:usulan_create", "tambah-pendidikan"), {"tingkat": "45", "aksi": "draf"}
    )
    assert response.status_code == 200
    assert "Bidang ini tidak boleh kosong." in response.content.decode()
    assert not UsulanPerubahan.objects.exists()


def test_correction_starts_from_the_pegawais_own_row(world, pangkat_iiia):
    client = world.client("pegawai")
    picker = client.get(url("selfservice:usulan_create", "perbaiki-pangkat")).content.decode()
    assert f"?baris={pangkat_iiia.pk}" in picker
    form = client.get(
        url("selfservice:usulan_create", "perbaiki-pangkat") + f"?baris={pangkat_iiia.pk}"
    )
    assert form.context["form"]["golongan"].value() == "III/a"
    values = values_of("perbaiki-pangkat", pangkat_iiia, golongan="III/b")
    response = client.post(
        url("selfservice:usulan_create", "perbaiki-pangkat") + f"?baris={pangkat_iiia.pk}",
        {**values, "aksi": "draf"},
    )
    assert response.status_code == 302
    assert UsulanPerubahan.objects.get().target_id == pangkat_iiia.pk


def test_a_row_of_another_pegawai_cannot_be_chosen(world):
    row = people.save_riwayat(
        RiwayatPangkat(pegawai=world.pegawai_b, golongan="III/a", tmt=date(2010, 4, 1)),
        actor=world.users["admin_opd_lain"],
    )
    client = world.client("pegawai")
    target = url("selfservice:usulan_create", "perbaiki-pangkat") + f"?baris={row.pk}"
    assert client.get(target).status_code == 404
    assert client.post(target, {"golongan": "IV/e", "tmt": "2010-04-01"}).status_code == 404
    assert not UsulanPerubahan.objects.exists()


def test_a_row_that_is_not_a_number_is_not_found(world):
    target = url("selfservice:usulan_create", "perbaiki-pangkat") + "?baris=satu"
    assert world.client("pegawai").get(target).status_code == 404


def test_a_returned_request_shows_the_pegawai_why_at_the_top(world, propose):
    usulan = put(propose("kontak", {"no_hp": "0812"}), "menunggu_opd", rantai="opd_only")
    services.take_step(usulan, "kembalikan", actor=world.users["admin_opd"], reason="Nomor kurang")
    response = world.client("pegawai").get(url("selfservice:usulan_detail", usulan.pk))
    assert response.context["keputusan"].reason == "Nomor kurang"
    page = response.content.decode()
    assert "Perbaiki usulan lalu ajukan kembali." in page
    assert url("selfservice:usulan_edit", usulan.pk) in page


def test_staff_without_a_pegawai_record_has_no_own_requests(world):
    response = world.client("verifikator").get(url("selfservice:usulan_list"))
    assert response.status_code == 403


def test_pegawai_edits_a_returned_request_and_resubmits(world, propose):
    usulan = put(propose("kontak", {"no_hp": "0812"}), "dikembalikan")
    client = world.client("pegawai")
    page = client.get(url("selfservice:usulan_edit", usulan.pk))
    assert page.context["form"]["no_hp"].value() == "0812"
    response = client.post(
        url("selfservice:usulan_edit", usulan.pk),
        {"no_hp": "081234567890", "alamat": "", "email": "", "version": "0", "aksi": "ajukan"},
    )
    assert response.status_code == 302
    usulan.refresh_from_db()
    assert (usulan.state, usulan.data["no_hp"]) == ("menunggu_opd", "081234567890")


def test_a_submitted_request_cannot_be_edited_through_the_page(world, propose):
    usulan = put(propose("kontak", {"no_hp": "0812"}), "menunggu_opd")
    response = world.client("pegawai").post(
        url("selfservice:usulan_edit", usulan.pk), {"no_hp": "0899"}
    )
    assert response.status_code == 403
    assert UsulanPerubahan.objects.get(pk=usulan.pk).data["no_hp"] == "0812"


def test_pegawai_withdraws_a_pending_request(world, propose):
    usulan = put(propose("kontak", {"no_hp": "0812"}), "menunggu_opd")
    client = world.client("pegawai")
    assert (
        "Batalkan usulan"
        in client.get(url("selfservice:usulan_detail", usulan.pk)).content.decode()
    )
    client.post(url("selfservice:usulan_step", usulan.pk), {"langkah": "batalkan", "version": "0"})
    assert UsulanPerubahan.objects.get(pk=usulan.pk).state == "dibatalkan"


# --- who sees a request -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "persona, draft, submitted",
    [
        ("pegawai", 200, 200),
        ("admin_opd", 404, 200),
        ("verifikator", 404, 200),
        ("pimpinan", 404, 200),
        ("admin_opd_lain", 404, 404),
        ("atasan", 404, 404),
        ("kabid", 404, 404),
    ],
)
def test_who_sees_a_request(world, propose, persona, draft, submitted):
    usulan = propose("kontak", {"no_hp": "0812"})
    client = world.client(persona)
    assert client.get(url("selfservice:usulan_detail", usulan.pk)).status_code == draft
    put(usulan, "menunggu_opd")
    assert client.get(url("selfservice:usulan_detail", usulan.pk)).status_code == submitted


@pytest.mark.parametrize("persona", ["atasan", "admin_opd_lain"])
def test_an_outsider_can_neither_see_nor_move_a_request(world, propose, persona):
    usulan = put(propose("kontak", {"no_hp": "0812"}), "menunggu_opd", rantai="opd_only")
    client = world.client(persona)
    assert client.get(url("selfservice:usulan_edit", usulan.pk)).status_code == 404
    response = client.post(
        url("selfservice:usulan_step", usulan.pk), {"langkah": "setujui", "version": "0"}
    )
    assert response.status_code == 404
    assert UsulanPerubahan.objects.get(pk=usulan.pk).state == "menunggu_opd"


def test_detail_shows_current_and_proposed_values_side_by_side(world, propose, pangkat_iiia):
    values = values_of("perbaiki-pangkat", pangkat_iiia, golongan="III/b")
    usulan = propose("perbaiki-pangkat", values, target=pangkat_iiia)
    services.submit_usulan(usulan, actor=world.users["pegawai"])
    response = world.client("admin_opd").get(url("selfservice:usulan_detail", usulan.pk))
    rows = {
        b.label: (b.sekarang, b.usulan, b.berubah) for b in response.context["perbandingan"].baris
    }
    assert rows["Golongan"] == ("III/a", "III/b", True)
    assert rows["TMT"] == ("1 Maret 2005", "1 Maret 2005", False)
    page = response.content.decode()
    assert "Setujui dan teruskan ke BKD" in page and "Kembalikan untuk dilengkapi" in page
    assert "Ajukan" in page  # the timeline
    assert "Batalkan usulan" not in page


def test_an_applied_request_still_shows_what_it_changed(world, propose, pangkat_iiia):
    values = values_of("perbaiki-pangkat", pangkat_iiia, golongan="III/b")
    usulan = approve(world, propose("perbaiki-pangkat", values, target=pangkat_iiia))
    response = world.client("pegawai").get(url("selfservice:usulan_detail", usulan.pk))
    rows = {b.label: (b.sekarang, b.usulan) for b in response.context["perbandingan"].baris}
    assert rows["Golongan"] == ("III/a", "III/b")
    assert "Sebelum" in response.content.decode()


def test_pimpinan_reads_a_request_without_any_button(world, propose):
    usulan = put(propose("kontak", {"no_hp": "0812"}), "menunggu_bkd")
    response = world.client("pimpinan").get(url("selfservice:usulan_detail", usulan.pk))
    assert response.context["steps"] == []
    assert 'name="langkah"' not in response.content.decode()


# --- deciding ---------------------------------------------------------------------------------


def test_admin_opd_approves_from_the_page_and_the_change_applies(world, propose):
    usulan = propose("kontak", values_of("kontak", world.pegawai, no_hp="081234567890"))
    services.submit_usulan(usulan, actor=world.users["pegawai"])
    response = world.client("admin_opd").post(
        url("selfservice:usulan_step", usulan.pk),
        {"langkah": "setujui", "version": "1"},
        follow=True,
    )
    assert f"Usulan #{usulan.pk} — Setujui: berhasil" in messages_of(response)[0]
    world.pegawai.refresh_from_db()
    assert world.pegawai.no_hp == "081234567890"


def test_a_reason_is_asked_for_when_rejecting(world, propose):
    usulan = put(propose("kontak", {"no_hp": "0812"}), "menunggu_opd", rantai="opd_only")
    response = world.client("admin_opd").post(
        url("selfservice:usulan_step", usulan.pk), {"langkah": "tolak", "version": "0"}, follow=True
    )
    assert "Alasan wajib diisi" in messages_of(response)[0]
    assert UsulanPerubahan.objects.get(pk=usulan.pk).state == "menunggu_opd"


def test_a_decision_on_a_page_someone_else_already_moved_is_explained(world, propose):
    usulan = put(propose("kontak", {"no_hp": "0812"}), "menunggu_bkd", rantai="bkd_only")
    services.take_step(usulan, "tolak", actor=world.users["admin_bkd"], reason="NPWP salah")
    response = world.client("verifikator").post(
        url("selfservice:usulan_step", usulan.pk),
        {"langkah": "setujui", "version": "0"},
        follow=True,
    )
    message = messages_of(response)[0]
    assert "sudah diubah orang lain" in message and "Ditolak" in message
    world.pegawai.refresh_from_db()
    assert world.pegawai.no_hp == ""


def test_an_approval_that_cannot_be_applied_is_explained(world, propose, pangkat_iiia):
    values = values_of("perbaiki-pangkat", pangkat_iiia, golongan="III/b")
    usulan = put(propose("perbaiki-pangkat", values, target=pangkat_iiia), "menunggu_bkd")
    people.delete_riwayat(pangkat_iiia, actor=world.users["admin_opd"])
    response = world.client("verifikator").post(
        url("selfservice:usulan_step", usulan.pk),
        {"langkah": "setujui", "version": "0"},
        follow=True,
    )
    assert "sudah tidak ada" in messages_of(response)[0]
    assert UsulanPerubahan.objects.get(pk=usulan.pk).state == "menunggu_bkd"


# --- the queue --------------------------------------------------------------------------------


def _submitted(propose, kode, values, *, days=0, persona="pegawai", **fields):
    usulan = propose(kode, values, persona=persona)
    state = "menunggu_bkd" if usulan.rantai == "bkd_only" else "menunggu_opd"
    return put(usulan, state, diajukan_pada=timezone.now() - timedelta(days=days), **fields)


def test_queue_shows_what_waits_for_each_verifier(world, propose, s1):
    kontak = _submitted(propose, "kontak", {"no_hp": "0812"})
    nik = _submitted(propose, "kependudukan", values_of("kependudukan", world.pegawai,
                                                        nama="Budi Santosa"))  # fmt: skip
    queues = {
        persona: [
            u.pk for u in world.client(persona).get(url("selfservice:antrian")).context["page"]
        ]
        for persona in ("admin_opd", "admin_opd_lain", "verifikator", "admin_bkd")
    }
    assert queues == {
        "admin_opd": [kontak.pk],
        "admin_opd_lain": [],
        "verifikator": [nik.pk],
        "admin_bkd": [nik.pk],
    }


@pytest.mark.parametrize("persona", ["pegawai", "atasan", "pimpinan"])
def test_queue_is_only_for_verifiers(world, persona):
    assert world.client(persona).get(url("selfservice:antrian")).status_code == 403
    assert (
        world.client(persona).post(url("selfservice:antrian_bulk"), {"pilih": ["1"]}).status_code
        == 403
    )


def test_queue_filters_by_opd_type_and_age(world, propose):
    world.users["pegawai_b"] = make_user(world.pegawai_b.nip, pegawai=world.pegawai_b)
    baru = _submitted(propose, "kontak", {"no_hp": "0812"}, days=1)
    lama = _submitted(propose, "kontak", {"no_hp": "0813"}, days=10, persona="kabid")
    npwp = _submitted(propose, "npwp-bpjs", {"npwp": "01.234.567.8-625.000"}, days=4)
    opd_b = _submitted(propose, "kontak", {"no_hp": "0814"}, days=20, persona="pegawai_b")
    for usulan in (baru, lama, npwp, opd_b):
        put(usulan, "menunggu_bkd")
    client = world.client("verifikator")
    kontak = JenisPerubahan.objects.get(kode="kontak").pk

    def shown(**params):
        return {u.pk for u in client.get(url("selfservice:antrian"), params).context["page"]}

    assert shown() == {baru.pk, lama.pk, npwp.pk, opd_b.pk}
    assert shown(opd=world.opd_a.pk) == {baru.pk, lama.pk, npwp.pk}
    assert shown(opd=world.opd_b.pk) == {opd_b.pk}
    assert shown(jenis=kontak) == {baru.pk, lama.pk, opd_b.pk}
    assert shown(umur="3") == {lama.pk, npwp.pk, opd_b.pk}
    assert shown(umur="7", opd=world.opd_a.pk) == {lama.pk}
    assert shown(umur="14", jenis=kontak) == {opd_b.pk}


def test_admin_opd_filters_only_among_own_opds(world):
    form = world.client("admin_opd").get(url("selfservice:antrian")).context["form"]
    assert list(form.fields["opd"].queryset) == [world.opd_a]


def test_a_verifier_decides_from_the_queue_and_returns_to_it(world, propose):
    usulan = _submitted(propose, "kontak", {"no_hp": "081234567890"}, days=5)
    client = world.client("admin_opd")
    row = client.get(url("selfservice:antrian"), {"umur": "3"}).context["rows"][0]
    assert [step.name for step in row[2]] == ["setujui", "tolak", "kembalikan"]
    response = client.post(
        url("selfservice:usulan_step", usulan.pk),
        {"langkah": "kembalikan", "alasan": "Nomor HP kurang satu digit", "version": "0",
         "dari": "antrian", "filter": "umur=3"},
    )  # fmt: skip
    assert response["Location"] == url("selfservice:antrian") + "?umur=3"
    assert UsulanPerubahan.objects.get(pk=usulan.pk).state == "dikembalikan"


def test_queue_query_count_does_not_grow_with_requests(
    world, propose, django_assert_max_num_queries
):
    client = world.client("admin_opd")
    _submitted(propose, "kontak", {"no_hp": "0812"})
    client.get(url("selfservice:antrian"))  # warm: the session, per-process caches
    with CaptureQueriesContext(connection) as small:
        client.get(url("selfservice:antrian"))
    for i in range(4):
        _submitted(propose, "kontak", {"no_hp": f"0813{i}"}, persona="kabid")
    with django_assert_max_num_queries(len(small)):
        response = client.get(url("selfservice:antrian"))
    assert response.context["page"].paginator.count == 5


def test_bulk_approval_applies_simple_types_and_reports_the_rest(world, propose, s1):
    kontak = _submitted(propose, "kontak", {"no_hp": "081234567890"})
    kabid = _submitted(propose, "kontak", {"no_hp": "085799998888"}, persona="kabid")
    not_simple = _submitted(propose, "tambah-pendidikan", S2)
    response = world.client("admin_opd").post(
        url("selfservice:antrian_bulk"),
        {
            "pilih": [str(kontak.pk), str(kabid.pk), str(not_simple.pk)],
            f"versi-{kontak.pk}": "0",
            f"versi-{kabid.pk}": "0",
        },
        follow=True,
    )
    shown = messages_of(response)
    assert shown[0] == f"2 usulan disetujui: #{kontak.pk}, #{kabid.pk}."
    assert f"#{not_simple.pk} gagal" in shown[1] and "satu per satu" in shown[1]
    assert Pegawai.objects.get(pk=world.pegawai.pk).no_hp == "081234567890"
    assert Pegawai.objects.get(pk=world.users["kabid"].pegawai_id).no_hp == "085799998888"
    assert UsulanPerubahan.objects.get(pk=not_simple.pk).state == "menunggu_opd"
    assert not RiwayatPendidikan.objects.filter(tingkat="45").exists()
    for usulan in (kontak, kabid):
        entry = AuditEntry.objects.get(pegawai_id=usulan.pegawai_id, note__contains="Diterapkan")
        assert entry.actor == world.users["admin_opd"]


def test_bulk_approval_reports_requests_someone_else_already_decided(world, propose):
    kontak = _submitted(propose, "kontak", {"no_hp": "081234567890"})
    services.take_step(kontak, "tolak", actor=world.users["admin_opd"], reason="Nomor salah")
    response = world.client("admin_opd").post(
        url("selfservice:antrian_bulk"),
        {"pilih": [str(kontak.pk)], f"versi-{kontak.pk}": "0"},
        follow=True,
    )
    assert "sudah tidak menunggu verifikasi Anda" in messages_of(response)[0]
    assert UsulanPerubahan.objects.get(pk=kontak.pk).state == "ditolak"


def test_bulk_approval_refuses_a_version_the_verifier_did_not_see(world, propose):
    kontak = _submitted(propose, "kontak", {"no_hp": "081234567890"})
    UsulanPerubahan.objects.filter(pk=kontak.pk).update(version=5)
    response = world.client("admin_opd").post(
        url("selfservice:antrian_bulk"),
        {"pilih": [str(kontak.pk)], f"versi-{kontak.pk}": "0"},
        follow=True,
    )
    assert "sudah diubah orang lain" in messages_of(response)[0]
    world.pegawai.refresh_from_db()
    assert world.pegawai.no_hp == ""


def test_bulk_approval_of_a_two_step_type_forwards_it_to_bkd(world, propose):
    JenisPerubahan.objects.filter(kode="kontak").update(rantai="opd_then_bkd")
    kontak = _submitted(propose, "kontak", {"no_hp": "081234567890"})
    world.client("admin_opd").post(
        url("selfservice:antrian_bulk"), {"pilih": [str(kontak.pk)], f"versi-{kontak.pk}": "0"}
    )
    assert UsulanPerubahan.objects.get(pk=kontak.pk).state == "menunggu_bkd"


# --- notifications ----------------------------------------------------------------------------


def test_notifications_list_mark_read_and_nav_count(
    world, propose, django_capture_on_commit_callbacks
):
    usulan = put(propose("kontak", {"no_hp": "0812"}), "menunggu_opd", rantai="opd_only")
    with django_capture_on_commit_callbacks(execute=True):
        services.take_step(usulan, "tolak", actor=world.users["admin_opd"], reason="Tidak jelas")
    Notifikasi.objects.create(user=world.users["pegawai"], message="Pengumuman")
    client = world.client("pegawai")
    page = client.get(url("selfservice:notifikasi"))
    assert page.context["notifikasi_baru"]() == 2
    assert f"Usulan Anda #{usulan.pk} (Ubah alamat dan kontak) ditolak: Tidak jelas." in (
        page.content.decode()
    )
    note = Notifikasi.objects.get(url__endswith=f"/{usulan.pk}/")
    response = client.post(url("selfservice:notifikasi_open", note.pk), {"buka": "1"})
    assert response["Location"] == url("selfservice:usulan_detail", usulan.pk)
    assert Notifikasi.objects.filter(user=world.users["pegawai"], read_at=None).count() == 1
    client.post(url("selfservice:notifikasi_read_all"))
    assert not Notifikasi.objects.filter(read_at=None).exists()


def test_someone_elses_notification_cannot_be_opened(world):
    note = Notifikasi.objects.create(user=world.users["admin_opd"], message="Usulan baru")
    assert (
        world.client("pegawai").post(url("selfservice:notifikasi_open", note.pk)).status_code == 404
    )
    assert Notifikasi.objects.get(pk=note.pk).read_at is None


def test_nav_links_follow_the_role(world):
    def links(persona):
        page = world.client(persona).get(url("selfservice:notifikasi")).content.decode()
        names = ("selfservice:usulan_list", "selfservice:antrian", "core:kotak_masuk")
        return {name for name in names if f'href="{url(name)}"' in page}

    # The queue is no longer in the menu: the inbox replaces it (tests/home/test_old_queues.py).
    assert links("pegawai") == {"selfservice:usulan_list"}
    assert links("verifikator") == {"core:kotak_masuk"}
    assert links("kabid") == {"selfservice:usulan_list"}


# --- configuration at /kelola/ ----------------------------------------------------------------


def test_admin_bkd_edits_a_change_type_and_it_is_audited(world):
    jenis = JenisPerubahan.objects.get(kode="kontak")
    response = world.client("admin_bkd").post(
        f"/kelola/selfservice/jenisperubahan/{jenis.pk}/change/",
        {
            "kode": "kontak",
            "nama": "Ubah alamat dan kontak",
            "operasi": "identity",
            "kind": "",
            "kolom": ["alamat", "no_hp"],
            "dokumen_wajib": "",
            "rantai": "opd_then_bkd",
            "aktif": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:800]
    jenis.refresh_from_db()
    assert (jenis.kolom, jenis.rantai, jenis.sederhana) == (
        ["alamat", "no_hp"],
        "opd_then_bkd",
        False,
    )
    entry = AuditEntry.objects.get(content_type__model="jenisperubahan", object_id=str(jenis.pk))
    assert entry.actor == world.users["admin_bkd"]
    assert entry.changes["rantai"] == ["opd_only", "opd_then_bkd"]


def test_a_change_type_may_not_open_nip_to_self_service(world):
    jenis = JenisPerubahan.objects.get(kode="kontak")
    response = world.client("admin_bkd").post(
        f"/kelola/selfservice/jenisperubahan/{jenis.pk}/change/",
        {"kode": "kontak", "nama": "x", "operasi": "identity", "kolom": ["nip"],
         "rantai": "bkd_only", "aktif": "on"},
    )  # fmt: skip
    assert response.status_code == 200
    jenis.refresh_from_db()
    assert "nip" not in jenis.kolom


@pytest.mark.parametrize("persona", ["admin_opd", "verifikator", "pegawai"])
def test_other_roles_cannot_edit_change_types(world, persona):
    jenis = JenisPerubahan.objects.get(kode="kontak")
    response = world.client(persona).post(
        f"/kelola/selfservice/jenisperubahan/{jenis.pk}/change/",
        {"kode": "kontak", "nama": "Dibajak", "operasi": "identity", "kolom": ["no_hp"],
         "rantai": "opd_only"},
    )  # fmt: skip
    assert response.status_code == 302 and "/kelola/login/" in response["Location"]
    assert JenisPerubahan.objects.get(pk=jenis.pk).nama != "Dibajak"


def test_bulk_approval_with_ids_no_database_holds_says_so_and_changes_nothing(world, propose):
    kontak = _submitted(propose, "kontak", {"no_hp": "081234567890"})
    huge = "9" * 30
    response = world.client("admin_opd").post(
        url("selfservice:antrian_bulk"),
        {"pilih": [huge, "²", str(2**63)], f"versi-{huge}": huge},
        follow=True,
    )
    assert response.status_code == 200
    assert "bukan nomor usulan yang sah" in " ".join(messages_of(response))
    assert UsulanPerubahan.objects.get(pk=kontak.pk).state == "menunggu_opd"
