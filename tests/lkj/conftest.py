"""LKj fixtures: the seed's SAKIP tables imported with the performance app's importer, with or
without a regency whose personnel data has the seed's 2023 IP ASN counts."""

import pytest
from django.db import transaction

from sikap.accounts.system import system_actor
from sikap.performance.importer import parse_bundle
from sikap.performance.services import import_sakip
from tests.factories import make_opd
from tests.ipasn.population import build_seed_population
from tests.performance.conftest import seed_files


def import_seed():
    return import_sakip(parse_bundle(seed_files(), 2023), actor=system_actor())


@pytest.fixture
def sakip(db):
    """The seed's 2023 plan and realisation only: no personnel, so the IKU realisation is
    the manually entered one (the seed's printed 66.90, 12.38, …)."""
    return import_seed()


@pytest.fixture(scope="module")
def seed_regency(django_db_setup, django_db_blocker):
    """SAKIP data and the seed's counts, built once per module in a transaction rolled back
    at its end; each test still runs in its own savepoint."""
    with django_db_blocker.unblock(), transaction.atomic():
        build_seed_population([make_opd("Dinas Pendidikan", "DINDIK")])
        import_seed()
        yield
        transaction.set_rollback(True)


REASON = "Angka tahunan sesuai laporan yang ditandatangani kepala BKD; dikoreksi tahun depan."


def confirm_all(year: int) -> None:
    """Admin BKD's confirmation of every open severity-A finding, so the year may publish."""
    from sikap.lkj.services import confirm_finding, open_findings

    for finding, _ in open_findings(year):
        confirm_finding(year, finding.key, REASON, actor=system_actor())
