"""Personas shared by every view and service test: each permission test names who acts.

Two OPDs. In OPD A the head of the root unit (`atasan`) supervises `pegawai`; `pegawai_lain`
works in a child unit of OPD A under another head; `pegawai_b` works in OPD B.
"""

import itertools
import json
import os
from dataclasses import dataclass
from datetime import date

import pytest
from django.apps import apps
from django.contrib.auth.models import AnonymousUser
from django.core import serializers
from django.core.management import call_command
from django.core.management.sql import emit_post_migrate_signal
from django.db import connections
from django.test import Client
from pytest_django.plugin import blocking_manager_key, validate_django_db

from sikap.accounts.models import Peran
from sikap.org.models import JenisJabatan, UnitKerja
from tests.factories import make_jabatan, make_opd, make_pegawai, make_user, root_unit

pytest_plugins = ("tests.browser", "tests.dukcapil_standin")


@dataclass
class World:
    opd_a: object
    opd_b: object
    atasan: object
    pegawai: object
    pegawai_lain: object
    pegawai_b: object
    users: dict

    def client(self, persona: str) -> Client:
        client = Client()
        if persona != "anonymous":
            client.force_login(self.users[persona])
        return client

    def user(self, persona: str):
        return AnonymousUser() if persona == "anonymous" else self.users[persona]


def _weasyprint_usable() -> bool:
    try:
        import weasyprint  # noqa: F401  (needs Pango from the system)
    except (ImportError, OSError):
        return False
    return True


def pytest_collection_modifyitems(config, items):
    """Tests marked `pdf` need WeasyPrint's system libraries. Where the machine lacks them, CI
    (CI=true) fails, as it does without PostgreSQL; elsewhere they are skipped, saying why."""
    if _weasyprint_usable() or not any("pdf" in item.keywords for item in items):
        return
    reason = "WeasyPrint needs Pango (libpango-1.0-0, libpangoft2-1.0-0)"
    if os.environ.get("CI") == "true":
        raise pytest.UsageError(f"{reason}; CI requires it (`make install` installs it as root).")
    skip = pytest.mark.skip(reason=reason)
    for item in items:
        if "pdf" in item.keywords:
            item.add_marker(skip)


# --- tests in any order -----------------------------------------------------------------------
# A transactional test (transaction=True, transactional_db, live_server) ends with Django emptying
# every table, the rows the data migrations seeded included (document types, numbering, change
# types, the IP ASN ladder). So that the tests after it see the database as migrated, whatever the
# order, the migrated contents are kept once per run and loaded back after such a test.

_FLUSHING_FIXTURES = {"transactional_db", "live_server", "django_db_serialized_rollback"}
_MIGRATED = pytest.StashKey[dict]()


def _flushes(item: pytest.Item) -> bool:
    marker = item.get_closest_marker("django_db")
    if marker is not None and validate_django_db(marker)[0]:
        return True
    return bool(_FLUSHING_FIXTURES & set(getattr(item, "fixturenames", ())))


def _contents(connection) -> str:
    """Django's serialize_db_to_string without the test-only models (core's Probe) whose table
    a test creates later."""
    introspection = connection.introspection
    models = sorted(
        (m for m in introspection.installed_models(introspection.table_names())
         if m._meta.can_migrate(connection)),
        key=lambda m: m._meta.label,
    )  # fmt: skip
    rows = (m._base_manager.using(connection.alias).order_by("pk").iterator() for m in models)
    return serializers.serialize("json", itertools.chain.from_iterable(rows))


@pytest.fixture(scope="session", autouse=True)
def migrated_contents(request):
    """Per database: its contents right after the migrations, and one seeded row whose absence
    shows that a flush removed them."""
    if not any(_flushes(item) for item in request.session.items):
        return
    request.getfixturevalue("django_db_setup")
    kept = {}
    with request.getfixturevalue("django_db_blocker").unblock():
        for connection in connections.all():
            contents = _contents(connection)
            last = json.loads(contents)[-1]
            kept[connection.alias] = (contents, last["model"], last["pk"])
    request.config.stash[_MIGRATED] = kept


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    result = yield
    kept = item.config.stash.get(_MIGRATED, {})
    # After the last test the test databases are gone already, and nothing needs them.
    if kept and nextitem is not None and _flushes(item):
        with item.config.stash[blocking_manager_key].unblock():
            for alias, (contents, model, pk) in kept.items():
                if not apps.get_model(model)._base_manager.using(alias).filter(pk=pk).exists():
                    # Empty again (the flush re-created content types and permissions).
                    call_command(
                        "flush", database=alias, interactive=False, verbosity=0,
                        inhibit_post_migrate=True, reset_sequences=False,
                    )  # fmt: skip
                    connections[alias].creation.deserialize_db_from_string(contents)
                    # As after `migrate`: content types of models without a migration (core's
                    # Probe) again, and a fresh content type cache.
                    emit_post_migrate_signal(verbosity=0, interactive=False, db=alias)
    return result


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Argon2 is deliberately slow; tests that check hashing itself switch it back on."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def jobs_run_in_the_caller(settings):
    """Queued jobs run at once in the test process (django-q2's sync mode), on commit; the
    real-worker tests (tests/core/test_worker.py) start a worker process instead."""
    settings.SIKAP_JOBS_SYNC = True


@pytest.fixture(autouse=True)
def empty_cache():
    """Counters kept in the cache (upload rate, API throttling) start at zero in every test."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def files_in_a_temporary_folder(settings, tmp_path):
    """Stored files (uploads, operation inputs and results) never land in the checkout's var/."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def world(db) -> World:
    opd_a = make_opd("Dinas Pendidikan")
    opd_b = make_opd("Dinas Kesehatan")
    unit_a = root_unit(opd_a)
    sub_a = UnitKerja.objects.create(opd=opd_a, induk=unit_a, nama="Bidang Pembinaan SD")
    kepala_a = make_jabatan(
        unit_a, "Kepala Dinas Pendidikan", kepala=True, jenis=JenisJabatan.JPT, eselon="II.b"
    )
    kepala_sub = make_jabatan(
        sub_a, "Kepala Bidang Pembinaan SD", kepala=True, jenis=JenisJabatan.JA, eselon="III.b"
    )
    staf_a = make_jabatan(unit_a, "Pengelola Data Kepegawaian")
    staf_sub = make_jabatan(sub_a, "Analis Kurikulum", jenis=JenisJabatan.JF)
    atasan = make_pegawai(
        opd_a,
        nama="Siti Rahayu",
        jabatan=kepala_a,
        jenis_kelamin="P",
        tanggal_lahir=date(1970, 2, 11),
        tmt_cpns=date(1995, 3, 1),
        golongan="IV/b",
    )
    pegawai = make_pegawai(opd_a, nama="Budi Santoso", jabatan=staf_a)
    kabid = make_pegawai(
        opd_a,
        nama="Agus Wibowo",
        jabatan=kepala_sub,
        tanggal_lahir=date(1975, 8, 1),
        tmt_cpns=date(2000, 1, 1),
    )
    pegawai_lain = make_pegawai(
        opd_a,
        nama="Dewi Lestari",
        jabatan=staf_sub,
        jenis_kelamin="P",
        tanggal_lahir=date(1988, 12, 3),
        tmt_cpns=date(2014, 2, 1),
    )
    pegawai_b = make_pegawai(
        opd_b, nama="Rudi Hartono", tanggal_lahir=date(1985, 1, 20), tmt_cpns=date(2010, 4, 1)
    )
    users = {
        "pegawai": make_user(pegawai.nip, pegawai=pegawai),
        "atasan": make_user(atasan.nip, pegawai=atasan),
        "kabid": make_user(kabid.nip, pegawai=kabid),
        "admin_opd": make_user("admin.pendidikan", Peran.ADMIN_OPD, opds=[opd_a]),
        "admin_opd_lain": make_user("admin.kesehatan", Peran.ADMIN_OPD, opds=[opd_b]),
        "verifikator": make_user("verifikator", Peran.VERIFIKATOR),
        "admin_bkd": make_user("admin.bkd", Peran.ADMIN_BKD),
        "pimpinan": make_user("kepala.bkd", Peran.PIMPINAN),
    }
    return World(opd_a, opd_b, atasan, pegawai, pegawai_lain, pegawai_b, users)
