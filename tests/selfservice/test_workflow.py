"""The change-request workflow: every allowed transition of a two-step and the one-step chains,
a forbidden one per state, stale and concurrent transitions, notifications."""

import threading

import pytest
from django.core import mail
from django.db import connection

from sikap.core.errors import Kode, SikapError
from sikap.core.models import AuditEntry, CaseEvent, Notifikasi
from sikap.selfservice import services
from sikap.selfservice.models import JenisPerubahan, UsulanPerubahan
from tests.selfservice.conftest import put

ALLOWED = [
    # two steps: OPD, then BKD
    ("opd_then_bkd", "draf", "ajukan", "pegawai", "menunggu_opd"),
    ("opd_then_bkd", "dikembalikan", "ajukan", "pegawai", "menunggu_opd"),
    ("opd_then_bkd", "menunggu_opd", "teruskan", "admin_opd", "menunggu_bkd"),
    ("opd_then_bkd", "menunggu_opd", "tolak", "admin_opd", "ditolak"),
    ("opd_then_bkd", "menunggu_opd", "kembalikan", "admin_opd", "dikembalikan"),
    ("opd_then_bkd", "menunggu_bkd", "setujui", "verifikator", "disetujui"),
    ("opd_then_bkd", "menunggu_bkd", "setujui", "admin_bkd", "disetujui"),
    ("opd_then_bkd", "menunggu_bkd", "tolak", "verifikator", "ditolak"),
    ("opd_then_bkd", "menunggu_bkd", "kembalikan", "verifikator", "dikembalikan"),
    ("opd_then_bkd", "draf", "batalkan", "pegawai", "dibatalkan"),
    ("opd_then_bkd", "menunggu_opd", "batalkan", "pegawai", "dibatalkan"),
    ("opd_then_bkd", "menunggu_bkd", "batalkan", "pegawai", "dibatalkan"),
    ("opd_then_bkd", "dikembalikan", "batalkan", "pegawai", "dibatalkan"),
    # one step: OPD only
    ("opd_only", "draf", "ajukan", "pegawai", "menunggu_opd"),
    ("opd_only", "dikembalikan", "ajukan", "pegawai", "menunggu_opd"),
    ("opd_only", "menunggu_opd", "setujui", "admin_opd", "disetujui"),
    ("opd_only", "menunggu_opd", "tolak", "admin_opd", "ditolak"),
    ("opd_only", "menunggu_opd", "kembalikan", "admin_opd", "dikembalikan"),
    ("opd_only", "menunggu_opd", "batalkan", "pegawai", "dibatalkan"),
    # one step: BKD only
    ("bkd_only", "draf", "ajukan_ke_bkd", "pegawai", "menunggu_bkd"),
    ("bkd_only", "dikembalikan", "ajukan_ke_bkd", "pegawai", "menunggu_bkd"),
    ("bkd_only", "menunggu_bkd", "setujui", "verifikator", "disetujui"),
    ("bkd_only", "menunggu_bkd", "tolak", "verifikator", "ditolak"),
    ("bkd_only", "menunggu_bkd", "kembalikan", "verifikator", "dikembalikan"),
    ("bkd_only", "menunggu_bkd", "batalkan", "pegawai", "dibatalkan"),
]


@pytest.fixture
def kontak(world, propose):
    """A valid proposal (a new phone number) whose chain each test sets."""
    return propose("kontak", {"alamat": "", "no_hp": "081234567890", "email": ""})


@pytest.mark.parametrize("rantai, start, name, persona, end", ALLOWED)
def test_every_allowed_transition_moves_records_and_audits(
    world, kontak, rantai, start, name, persona, end
):
    usulan = put(kontak, start, rantai=rantai)
    AuditEntry.objects.all().delete()
    services.take_step(usulan, name, actor=world.users[persona], reason="Sudah diperiksa")
    usulan.refresh_from_db()
    assert (usulan.state, usulan.version) == (end, 1)
    event = CaseEvent.objects.get(object_id=str(usulan.pk))
    assert (event.from_state, event.to_state, event.actor) == (start, end, world.users[persona])
    step = AuditEntry.objects.get(object_id=str(usulan.pk))
    assert step.changes == {"state": [start, end]} and step.actor == world.users[persona]
    world.pegawai.refresh_from_db()
    assert (world.pegawai.no_hp == "081234567890") == (end == "disetujui")


FORBIDDEN = [
    ("opd_then_bkd", "draf", "setujui", "verifikator", Kode.LANGKAH_TIDAK_SAH),
    ("opd_then_bkd", "draf", "ajukan", "admin_opd", Kode.TIDAK_BERHAK),
    ("opd_then_bkd", "draf", "ajukan", "atasan", Kode.TIDAK_BERHAK),
    ("opd_then_bkd", "draf", "ajukan_ke_bkd", "pegawai", Kode.TIDAK_BERHAK),
    # the pegawai approving their own request
    ("opd_then_bkd", "menunggu_opd", "teruskan", "pegawai", Kode.TIDAK_BERHAK),
    ("opd_only", "menunggu_opd", "setujui", "pegawai", Kode.TIDAK_BERHAK),
    # the admin OPD of another OPD
    ("opd_then_bkd", "menunggu_opd", "teruskan", "admin_opd_lain", Kode.TIDAK_BERHAK),
    ("opd_only", "menunggu_opd", "tolak", "admin_opd_lain", Kode.TIDAK_BERHAK),
    # BKD acting at the OPD step
    ("opd_then_bkd", "menunggu_opd", "teruskan", "verifikator", Kode.TIDAK_BERHAK),
    ("opd_only", "menunggu_opd", "setujui", "admin_bkd", Kode.TIDAK_BERHAK),
    # the OPD must forward a two-step request, not decide it
    ("opd_then_bkd", "menunggu_opd", "setujui", "admin_opd", Kode.TIDAK_BERHAK),
    ("opd_then_bkd", "menunggu_opd", "ajukan", "pegawai", Kode.LANGKAH_TIDAK_SAH),
    ("opd_then_bkd", "menunggu_bkd", "setujui", "admin_opd", Kode.TIDAK_BERHAK),
    ("opd_then_bkd", "menunggu_bkd", "setujui", "pegawai", Kode.TIDAK_BERHAK),
    ("opd_then_bkd", "menunggu_bkd", "tolak", "pimpinan", Kode.TIDAK_BERHAK),
    ("opd_then_bkd", "menunggu_bkd", "teruskan", "verifikator", Kode.LANGKAH_TIDAK_SAH),
    ("opd_then_bkd", "dikembalikan", "setujui", "verifikator", Kode.LANGKAH_TIDAK_SAH),
    ("opd_then_bkd", "dikembalikan", "batalkan", "admin_opd", Kode.TIDAK_BERHAK),
    ("opd_then_bkd", "disetujui", "tolak", "verifikator", Kode.LANGKAH_TIDAK_SAH),
    ("opd_then_bkd", "disetujui", "batalkan", "pegawai", Kode.LANGKAH_TIDAK_SAH),
    ("opd_then_bkd", "ditolak", "setujui", "verifikator", Kode.LANGKAH_TIDAK_SAH),
    ("opd_then_bkd", "ditolak", "ajukan", "pegawai", Kode.LANGKAH_TIDAK_SAH),
    ("opd_only", "dibatalkan", "setujui", "admin_opd", Kode.LANGKAH_TIDAK_SAH),
    ("bkd_only", "dibatalkan", "setujui", "verifikator", Kode.LANGKAH_TIDAK_SAH),
    ("bkd_only", "dibatalkan", "ajukan_ke_bkd", "pegawai", Kode.LANGKAH_TIDAK_SAH),
]


@pytest.mark.parametrize("rantai, start, name, persona, code", FORBIDDEN)
def test_forbidden_transition_is_refused_and_changes_nothing(
    world, kontak, rantai, start, name, persona, code
):
    usulan = put(kontak, start, rantai=rantai)
    with pytest.raises(SikapError) as exc:
        services.take_step(usulan, name, actor=world.users[persona], reason="x")
    assert exc.value.code == code
    usulan.refresh_from_db()
    assert (usulan.state, usulan.version) == (start, 0)
    assert not CaseEvent.objects.exists()
    world.pegawai.refresh_from_db()
    assert world.pegawai.no_hp == ""


def test_an_admin_opd_cannot_verify_a_request_about_themselves(world, kontak):
    admin = world.users["pegawai"]  # the pegawai is also the personnel admin of their OPD
    admin.peran = "admin_opd"
    admin.save()
    admin.opd_scope.set([world.opd_a])
    usulan = put(kontak, "menunggu_opd", rantai="opd_only")
    with pytest.raises(SikapError) as exc:
        services.take_step(usulan, "setujui", actor=admin)
    assert exc.value.code == Kode.TIDAK_BERHAK


@pytest.mark.parametrize("name", ["tolak", "kembalikan"])
def test_rejecting_or_returning_needs_a_reason(world, kontak, name):
    usulan = put(kontak, "menunggu_opd", rantai="opd_only")
    with pytest.raises(SikapError) as exc:
        services.take_step(usulan, name, actor=world.users["admin_opd"], reason="  ")
    assert "Alasan wajib diisi" in exc.value.message
    assert UsulanPerubahan.objects.get(pk=usulan.pk).state == "menunggu_opd"


@pytest.mark.parametrize(
    "rantai, first_state", [("opd_then_bkd", "menunggu_opd"), ("opd_only", "menunggu_opd"),
                            ("bkd_only", "menunggu_bkd")]
)  # fmt: skip
def test_submit_goes_to_the_first_step_of_the_chain(world, kontak, rantai, first_state):
    usulan = put(kontak, "draf", rantai=rantai)
    services.submit_usulan(usulan, actor=world.users["pegawai"])
    usulan.refresh_from_db()
    assert usulan.state == first_state and usulan.diajukan_pada is not None


def test_a_pending_request_keeps_the_chain_it_was_proposed_under(world, kontak):
    JenisPerubahan.objects.filter(kode="kontak").update(rantai="bkd_only")
    services.submit_usulan(kontak, actor=world.users["pegawai"])
    assert UsulanPerubahan.objects.get(pk=kontak.pk).state == "menunggu_opd"


def test_submission_notifies_the_admins_of_the_pegawai_opd_only(
    world, kontak, django_capture_on_commit_callbacks
):
    world.users["admin_opd"].email = "admin.pendidikan@lumajang.go.id"
    world.users["admin_opd"].save()
    with django_capture_on_commit_callbacks(execute=True):
        services.submit_usulan(kontak, actor=world.users["pegawai"])
    assert list(Notifikasi.objects.values_list("user__username", flat=True)) == ["admin.pendidikan"]
    assert mail.outbox[0].to == ["admin.pendidikan@lumajang.go.id"]
    assert "Budi Santoso" in mail.outbox[0].body


def test_forwarding_notifies_the_bkd_verifiers_and_the_pegawai(
    world, kontak, django_capture_on_commit_callbacks
):
    usulan = put(kontak, "menunggu_opd", rantai="opd_then_bkd")
    with django_capture_on_commit_callbacks(execute=True):
        services.take_step(usulan, "teruskan", actor=world.users["admin_opd"])
    assert set(Notifikasi.objects.values_list("user__username", flat=True)) == {
        "verifikator",
        world.users["pegawai"].username,
    }


@pytest.mark.parametrize("name", ["setujui", "tolak", "kembalikan"])
def test_a_decision_notifies_the_pegawai_in_app_and_by_mail(
    world, kontak, name, django_capture_on_commit_callbacks
):
    pegawai = world.users["pegawai"]
    pegawai.email = "budi@example.org"
    pegawai.save()
    usulan = put(kontak, "menunggu_bkd", rantai="bkd_only")
    with django_capture_on_commit_callbacks(execute=True):
        services.take_step(usulan, name, actor=world.users["verifikator"], reason="Cek KTP")
    note = Notifikasi.objects.get()
    assert note.user == pegawai and note.url == f"/usulan/{usulan.pk}/"
    assert mail.outbox[0].to == ["budi@example.org"]
    if name != "setujui":
        assert ": Cek KTP." in note.message


def test_stale_transition_is_refused_with_a_clear_message(world, kontak):
    usulan = put(kontak, "menunggu_opd", rantai="opd_only")
    stale = UsulanPerubahan.objects.get(pk=usulan.pk)
    services.take_step(usulan, "tolak", actor=world.users["admin_opd"], reason="NIK salah")
    with pytest.raises(SikapError) as exc:
        services.take_step(stale, "setujui", actor=world.users["admin_opd"])
    assert exc.value.code == Kode.KEDALUWARSA
    assert "sudah diubah orang lain" in exc.value.message and "Ditolak" in exc.value.message
    world.pegawai.refresh_from_db()
    assert world.pegawai.no_hp == ""


def test_editing_a_draft_makes_an_open_page_stale(world, kontak):
    seen = kontak.version
    services.update_usulan(
        kontak, {"no_hp": "089876543210"}, actor=world.users["pegawai"], expected_version=seen
    )
    with pytest.raises(SikapError) as exc:
        services.submit_usulan(kontak, actor=world.users["pegawai"], expected_version=seen)
    assert exc.value.code == Kode.KEDALUWARSA


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row locks across threads need a server database"
)
@pytest.mark.django_db(transaction=True)
def test_of_two_concurrent_decisions_exactly_one_wins_and_applies_once(world):
    # The seeded types are not relied on: a transactional test may run after a flush.
    jenis = JenisPerubahan.objects.create(
        kode="uji-kontak", nama="Uji kontak", operasi="identity", kolom=["no_hp"],
        rantai="bkd_only",
    )  # fmt: skip
    usulan = services.create_usulan(
        world.pegawai, jenis, {"no_hp": "081234567890"}, actor=world.users["pegawai"]
    )
    put(usulan, "menunggu_bkd")
    barrier = threading.Barrier(2)
    outcomes = []

    def attempt(name, persona):
        copy = UsulanPerubahan.objects.get(pk=usulan.pk)
        barrier.wait()
        try:
            services.take_step(copy, name, actor=world.users[persona], reason="bersamaan")
            outcomes.append(name)
        except SikapError as e:
            outcomes.append(e.code)
        finally:
            connection.close()

    threads = [
        threading.Thread(target=attempt, args=args)
        for args in (("setujui", "verifikator"), ("setujui", "admin_bkd"))
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(map(str, outcomes)) == sorted([str(Kode.KEDALUWARSA), "setujui"])
    usulan.refresh_from_db()
    assert (usulan.state, usulan.version) == ("disetujui", 1)
    assert CaseEvent.objects.filter(object_id=str(usulan.pk)).count() == 1
    assert (
        AuditEntry.objects.filter(pegawai_id=world.pegawai.pk, note__contains="Diterapkan").count()
        == 1
    )
