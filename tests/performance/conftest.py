"""SAKIP fixtures: two perencana (one submits, the other verifies) and the seed's 2023 tables
imported from the project's own copy (sikap/performance/data/lumajang-2023)."""

from pathlib import Path

import pytest

from sikap.accounts.models import Peran
from sikap.accounts.system import system_actor
from sikap.performance.importer import files_in_directory, parse_bundle
from sikap.performance.services import import_sakip
from tests.factories import make_user

SEED_DIR = Path(__file__).resolve().parents[2] / "sikap" / "performance" / "data" / "lumajang-2023"


def seed_files() -> dict:
    return files_in_directory(SEED_DIR, 2023)[1]


@pytest.fixture
def perencana(db):
    return make_user("perencana.satu", Peran.PERENCANA)


@pytest.fixture
def perencana_lain(db):
    return make_user("perencana.dua", Peran.PERENCANA)


@pytest.fixture
def seed(db):
    """The 2023 seed, imported from the command line (actor None)."""
    return import_sakip(parse_bundle(seed_files(), 2023), actor=system_actor())
