"""The workflow mechanism on a probe case: transitions as data, permission, reason, requirements,
timeline + audit, notifications after commit, stale and concurrent transitions."""

import threading

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection, models

from sikap.core.errors import Kode, SikapError
from sikap.core.models import AuditEntry, CaseEvent, Notifikasi
from sikap.workflow import Case, Transition, Workflow


class Probe(Case):
    title = models.CharField(max_length=50)
    complete = models.BooleanField(default=True)
    applied = models.BooleanField(default=False)
    # No database constraint and no delete handling: deleting a user elsewhere in the suite
    # must never touch this test-only table.
    owner = models.ForeignKey(
        "accounts.User", null=True, on_delete=models.DO_NOTHING, db_constraint=False
    )

    class Meta:
        app_label = "core"

    def __str__(self):
        return self.title


def is_admin(user, case):
    return user.peran == "admin_opd"


def is_verifier(user, case):
    return user.peran == "verifikator"


FLOW = Workflow(
    [
        Transition(
            "ajukan",
            "Ajukan",
            ("draf", "dikembalikan"),
            "diajukan",
            is_admin,
            requires=(lambda c: None if c.complete else "Dokumen belum lengkap.",),
        ),
        Transition(
            "kembalikan",
            "Kembalikan",
            ("diajukan",),
            "dikembalikan",
            is_verifier,
            needs_reason=True,
        ),
        Transition("tolak", "Tolak", ("diajukan",), "ditolak", is_verifier, needs_reason=True),
        Transition(
            "setujui",
            "Setujui",
            ("diajukan",),
            "disetujui",
            is_verifier,
            effect=lambda c, actor: Probe.objects.filter(pk=c.pk).update(applied=True),
            recipients=lambda c: [c.owner],
        ),
    ],
    labels={"draf": "Draf", "diajukan": "Diajukan", "disetujui": "Disetujui"},
)


@pytest.fixture(scope="session")
def probe_table(django_db_setup, django_db_blocker):
    """The probe model has no migration: create its table once; it goes with the test database."""
    with django_db_blocker.unblock():
        if Probe._meta.db_table not in connection.introspection.table_names():
            with connection.schema_editor() as editor:
                editor.create_model(Probe)
        ContentType.objects.clear_cache()
        ContentType.objects.get_for_model(Probe)


@pytest.fixture
def case(probe_table, world):
    return Probe.objects.create(
        title="Usul perubahan", state="draf", owner=world.users["admin_opd"]
    )


ALLOWED = [
    ("draf", "ajukan", "admin_opd", "diajukan"),
    ("dikembalikan", "ajukan", "admin_opd", "diajukan"),
    ("diajukan", "kembalikan", "verifikator", "dikembalikan"),
    ("diajukan", "tolak", "verifikator", "ditolak"),
    ("diajukan", "setujui", "verifikator", "disetujui"),
]


@pytest.mark.parametrize("start, name, persona, end", ALLOWED)
def test_every_allowed_transition_moves_records_and_audits(case, world, start, name, persona, end):
    Probe.objects.filter(pk=case.pk).update(state=start)
    case.refresh_from_db()
    FLOW.run(case, name, actor=world.user(persona), reason="Cek ulang")
    case.refresh_from_db()
    assert (case.state, case.version) == (end, 1)
    event = CaseEvent.objects.get()
    assert (event.from_state, event.to_state, event.actor) == (start, end, world.users[persona])
    assert AuditEntry.objects.get().changes == {"state": [start, end]}


FORBIDDEN = [
    ("draf", "setujui", "verifikator", Kode.LANGKAH_TIDAK_SAH),
    ("draf", "ajukan", "pegawai", Kode.TIDAK_BERHAK),
    ("diajukan", "setujui", "admin_opd", Kode.TIDAK_BERHAK),
    ("diajukan", "ajukan", "admin_opd", Kode.LANGKAH_TIDAK_SAH),
    ("disetujui", "tolak", "verifikator", Kode.LANGKAH_TIDAK_SAH),
    ("ditolak", "setujui", "verifikator", Kode.LANGKAH_TIDAK_SAH),
    ("dikembalikan", "setujui", "verifikator", Kode.LANGKAH_TIDAK_SAH),
]


@pytest.mark.parametrize("start, name, persona, code", FORBIDDEN)
def test_forbidden_transition_is_refused_and_changes_nothing(
    case, world, start, name, persona, code
):
    Probe.objects.filter(pk=case.pk).update(state=start)
    case.refresh_from_db()
    with pytest.raises(SikapError) as exc:
        FLOW.run(case, name, actor=world.user(persona), reason="x")
    assert exc.value.code == code
    case.refresh_from_db()
    assert (case.state, case.version) == (start, 0)
    assert not CaseEvent.objects.exists() and not AuditEntry.objects.exists()


def test_reason_is_required_to_reject(case, world):
    Probe.objects.filter(pk=case.pk).update(state="diajukan")
    case.refresh_from_db()
    with pytest.raises(SikapError) as exc:
        FLOW.run(case, "tolak", actor=world.user("verifikator"), reason="  ")
    assert "Alasan wajib diisi" in exc.value.message


def test_unmet_requirement_names_what_is_missing(case, world):
    Probe.objects.filter(pk=case.pk).update(complete=False)
    case.refresh_from_db()
    with pytest.raises(SikapError) as exc:
        FLOW.run(case, "ajukan", actor=world.user("admin_opd"))
    assert exc.value.code == Kode.SYARAT_BELUM_LENGKAP
    assert exc.value.message == "Dokumen belum lengkap."


def test_effect_runs_and_notification_is_sent_only_after_commit(
    case, world, django_capture_on_commit_callbacks
):
    Probe.objects.filter(pk=case.pk).update(state="diajukan")
    case.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        FLOW.run(case, "setujui", actor=world.user("verifikator"))
    assert Probe.objects.get(pk=case.pk).applied
    assert not Notifikasi.objects.exists()
    for callback in callbacks:
        callback()
    note = Notifikasi.objects.get()
    assert note.user == world.users["admin_opd"]
    # Without a notice of its own, a transition tells the case and its new state in words.
    assert note.message == f"{Probe.objects.get(pk=case.pk)}: Disetujui."


def test_stale_transition_is_refused(case, world):
    stale = Probe.objects.get(pk=case.pk)
    FLOW.run(case, "ajukan", actor=world.user("admin_opd"))
    FLOW.run(
        Probe.objects.get(pk=case.pk),
        "kembalikan",
        actor=world.user("verifikator"),
        reason="Lengkapi SK",
    )
    with pytest.raises(SikapError) as exc:
        FLOW.run(stale, "ajukan", actor=world.user("admin_opd"))
    assert exc.value.code == Kode.KEDALUWARSA
    assert Probe.objects.get(pk=case.pk).state == "dikembalikan"


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row locks across threads need a server database"
)
@pytest.mark.django_db(transaction=True)
def test_of_two_concurrent_transitions_exactly_one_wins(probe_table, world):
    probe = Probe.objects.create(title="Usul", state="diajukan")
    verifier = world.users["verifikator"]
    barrier = threading.Barrier(2)
    outcomes = []

    def attempt(name):
        copy = Probe.objects.get(pk=probe.pk)
        barrier.wait()
        try:
            FLOW.run(copy, name, actor=verifier, reason="bersamaan")
            outcomes.append(name)
        except SikapError as e:
            outcomes.append(e.code)
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt, args=(n,)) for n in ("setujui", "tolak")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(map(str, outcomes)).count(str(Kode.KEDALUWARSA)) == 1
    probe.refresh_from_db()
    assert probe.version == 1 and probe.state in ("disetujui", "ditolak")
    assert CaseEvent.objects.filter(object_id=str(probe.pk)).count() == 1
