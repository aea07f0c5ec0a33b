"""Answers kept for one request: computed once inside it, never outside it, dropped when what
they come from changes (a save of the unit tree's rows, a job)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from sikap.core import request_memo
from sikap.core.jobs import job
from sikap.people.models import Kedudukan, Pegawai
from sikap.people.selectors import bawahan_of, struktur


def _counter():
    calls = []

    def compute():
        calls.append(1)
        return len(calls)

    return calls, compute


def test_outside_a_request_nothing_is_kept():
    calls, compute = _counter()
    assert request_memo.remembered("k", compute) == 1
    assert request_memo.remembered("k", compute) == 2


def test_inside_a_request_an_answer_is_computed_once_per_key():
    calls, compute = _counter()
    with request_memo.scope():
        assert request_memo.remembered("k", compute) == 1
        assert request_memo.remembered("k", compute) == 1
        assert request_memo.remembered("other", compute) == 2
    with request_memo.scope():  # the next request starts afresh
        assert request_memo.remembered("k", compute) == 3


def test_the_unit_tree_is_read_once_per_request(world):
    with request_memo.scope(), CaptureQueriesContext(connection) as ctx:
        struktur([world.opd_a.pk])
        struktur([world.opd_a.pk])
        list(bawahan_of(world.atasan))
    assert len(ctx) == 3 + 1  # the tree's three queries, then the subordinates


def test_a_change_to_the_tree_in_the_same_request_is_seen(world):
    """The kabid leads the sub-unit where pegawai_lain works; when the kabid leaves service
    (saved in the same request), the unit is vacant and its staff answer to the atasan."""
    kabid = world.users["kabid"].pegawai
    with request_memo.scope():
        assert world.pegawai_lain not in bawahan_of(world.atasan)
        kabid.kedudukan = Kedudukan.CLTN
        kabid.save()
        assert world.pegawai_lain in bawahan_of(world.atasan)


def test_a_change_to_the_tree_in_another_request_is_seen(world):
    kabid = world.users["kabid"].pegawai
    with request_memo.scope():
        assert world.pegawai_lain not in bawahan_of(world.atasan)
    Pegawai.objects.filter(pk=kabid.pk).update(kedudukan=Kedudukan.CLTN)  # no signal
    with request_memo.scope():
        assert world.pegawai_lain in bawahan_of(world.atasan)


@job
def _tree_in_a_job(opd_id, *, actor):
    return request_memo.remembered("in-job", lambda: object())


def test_a_job_keeps_nothing_and_drops_what_the_request_kept(db):
    calls, compute = _counter()
    with request_memo.scope():
        request_memo.remembered("k", compute)
        assert _tree_in_a_job(1) is not _tree_in_a_job(1)
        assert request_memo.remembered("k", compute) == 2
