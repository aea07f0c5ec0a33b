"""Typed audit rows: every row has a kind and says where the change came from, and the one
helper for "lock, snapshot, change, save, audit"."""

from unittest import mock

import pytest
from django.db.models import QuerySet
from django.test import RequestFactory

from sikap.core import audit, audited
from sikap.core.errors import Kode, SikapError
from sikap.core.models import AuditEntry
from sikap.core.trail import readable
from sikap.people.models import Pegawai

pytestmark = pytest.mark.django_db


def test_outside_any_entry_point_the_source_is_command_and_a_block_can_name_another():
    assert audit.current_source() == AuditEntry.Sumber.COMMAND
    with audit.source(AuditEntry.Sumber.JOB):
        assert audit.current_source() == AuditEntry.Sumber.JOB
    assert audit.current_source() == AuditEntry.Sumber.COMMAND


@pytest.mark.parametrize("path, expected", [("/pegawai/", "web"), ("/api/v1/saya/", "api")])
def test_requests_say_web_or_api_by_path(path, expected):
    seen = []
    middleware = audit.SourceMiddleware(lambda request: seen.append(audit.current_source()))
    middleware(RequestFactory().get(path))
    assert seen == [expected] and audit.current_source() == AuditEntry.Sumber.COMMAND


def test_an_audit_row_without_a_kind_is_refused(world):
    with pytest.raises(ValueError, match="kind"):
        audit.record(world.pegawai, actor=world.users["admin_bkd"], action="update", kind="")


def test_change_locks_the_row_saves_it_and_audits_the_diff_with_its_kind(world):
    calls = []
    original = QuerySet.select_for_update

    def spy(qs, *args, **kwargs):
        calls.append(qs.model)
        return original(qs, *args, **kwargs)

    admin = world.users["admin_bkd"]
    with (
        mock.patch.object(QuerySet, "select_for_update", spy),
        audited.change(Pegawai, world.pegawai.pk, actor=admin, note="uji") as pegawai,
    ):
        pegawai.gelar_depan = "Dr."
    assert calls == [Pegawai]
    assert Pegawai.objects.get(pk=world.pegawai.pk).gelar_depan == "Dr."
    entry = AuditEntry.objects.get()
    assert (entry.kind, entry.actor, entry.note) == ("pegawai.updated", admin, "uji")
    assert entry.changes == {"gelar_depan": ["", "Dr."]}
    [row] = readable([entry])
    assert (row.kind, row.source) == ("Pegawai diubah", "Perintah")


def test_a_refusal_inside_change_leaves_the_row_and_the_trail_as_they_were(world):
    with (
        pytest.raises(SikapError),
        audited.change(Pegawai, world.pegawai.pk, actor=world.users["admin_bkd"]) as pegawai,
    ):
        pegawai.gelar_depan = "Dr."
        raise SikapError(Kode.TIDAK_BERHAK, "Tidak boleh.")
    assert Pegawai.objects.get(pk=world.pegawai.pk).gelar_depan == ""
    assert not AuditEntry.objects.exists()
