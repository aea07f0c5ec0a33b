"""What the home page and the menu cost each persona, in queries, pinned: the menu's inbox count
is one query and the unit tree behind the superior relation is read once per request."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from sikap.core import inbox, request_memo
from tests.factories import root_unit
from tests.home.conftest import submitted, uploaded

# persona → (home page, a plain page: the password form, which is the base template's cost).
# The home page grew with the KP, pension, competency and LKj cards (one to four queries each);
# admin BKD's menu counts the SAKIP cases in its one inbox query (two fewer than before) and
# adds one for the attendance cases whose pegawai has no atasan (access._waiting_without_atasan);
# its home page counts new check-in phones waiting for approval (one more).
PINNED = {
    "pegawai": (28, 8),
    "atasan": (40, 8),
    "kabid": (39, 8),
    "admin_opd": (27, 6),
    "verifikator": (27, 5),
    "admin_bkd": (40, 8),
    "pimpinan": (24, 4),
}
TREE = '"org_tugastambahan"."pegawai_id" AS "pegawai_id"'  # one of the unit tree's queries


def _queries(client, url):
    client.get(url)  # the first visit warms per-process caches (content types, settings)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return ctx.captured_queries


@pytest.mark.parametrize("persona", sorted(PINNED))
def test_the_home_page_and_a_plain_page_cost_a_pinned_number_of_queries(world, persona):
    home, plain = PINNED[persona]
    client = world.client(persona)
    assert len(_queries(client, "/")) <= home
    assert len(_queries(client, "/akun/kata-sandi/")) <= plain


@pytest.mark.parametrize("persona", ["pegawai", "atasan", "kabid"])
def test_the_unit_tree_is_read_once_per_page(world, persona):
    client = world.client(persona)
    for url in ("/", "/akun/kata-sandi/", "/kotak-masuk/"):
        assert sum(TREE in q["sql"] for q in _queries(client, url)) <= 1, url


def test_the_home_page_costs_the_same_with_more_work_waiting(world):
    client = world.client("admin_opd")
    uploaded(world)
    submitted(world)
    few = len(_queries(client, "/"))
    for _ in range(3):
        uploaded(world, kode="kk")
        submitted(world)
    assert len(_queries(client, "/")) == few


@pytest.mark.parametrize("persona", sorted(PINNED))
def test_the_menu_count_is_every_source_s_count_in_one_query(world, persona):
    uploaded(world)
    submitted(world)
    user = world.users[persona]
    with request_memo.scope():  # as in a request, where the page has read the unit tree
        counts = sum(source.count(user, inbox.Filters()) for source in inbox.sources())
        with CaptureQueriesContext(connection) as ctx:
            assert inbox.total(user) == counts
    # Every source offers `pending`: one query in all (none when nothing can be waiting).
    assert all(hasattr(s, "pending") for s in inbox.sources())
    assert len(ctx) <= 1


def test_a_change_to_the_tree_shows_on_the_next_page(world):
    """Nothing is kept from one request to the next: the atasan loses a subordinate as soon
    as that pegawai moves to another OPD."""
    client = world.client("atasan")
    assert client.get(f"/pegawai/{world.pegawai.nip}/").status_code == 200
    world.pegawai.opd = world.opd_b
    world.pegawai.unit = root_unit(world.opd_b)
    world.pegawai.save()
    assert client.get(f"/pegawai/{world.pegawai.nip}/").status_code == 404
