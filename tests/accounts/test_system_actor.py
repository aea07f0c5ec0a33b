"""The system actor: a named account that jobs and commands act as, and that cannot log in."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from sikap.accounts.system import system_actor
from sikap.core.models import AuditEntry

pytestmark = pytest.mark.django_db


def test_the_system_actor_is_created_by_migration_with_an_unusable_password():
    actor = system_actor()
    assert actor.username == "sistem" and str(actor) == "Sistem SIKAP"
    assert actor.is_system and not actor.has_usable_password()


def test_the_system_actor_cannot_log_in_even_with_a_password_set(client):
    actor = system_actor()
    actor.set_password("kata-sandi-sistem-123")
    actor.save()
    response = client.post("/masuk/", {"username": "sistem", "password": "kata-sandi-sistem-123"})
    assert response.status_code == 200 and "salah" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_import_siasn_without_user_acts_as_the_system_actor_in_every_opd(tmp_path: Path):
    from tests.people.test_import_siasn import person, to_csv

    path = tmp_path / "siasn.csv"
    path.write_bytes(to_csv([person(1)]))
    call_command("import-siasn", str(path), stdout=StringIO())
    entry = AuditEntry.objects.get(kind="pegawai.imported")
    assert entry.actor == system_actor() and entry.source == AuditEntry.Sumber.IMPORT
