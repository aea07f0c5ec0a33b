"""Criteria (sikap.rules.indices.Criterion) as Django `Q` objects on `Pegawai`.

`criterion_q` is the reference meaning of a criterion in the database: the members pages list
exactly `Pegawai.objects.filter(criterion_q(...))`, and the fast counts in `counts.py` must agree
with it (tests/ipasn/test_counts.py checks both against `person_score`). History tests become
"has a row in …" (`has`), written the way each database evaluates best.
"""

import operator
from functools import reduce

from django.db import connection
from django.db.models import Exists, OuterRef, Q

from sikap.people.models import RiwayatDiklat, RiwayatHukdis, RiwayatSkp
from sikap.rules.education import TINGKAT, jenjang
from sikap.rules.indices import HUKDIS, TIDAK_ADA, Criterion, DiklatTest, Window


def tingkat_codes(jenjang_values) -> list[str]:
    """BKN tingkat pendidikan codes whose IP ASN jenjang is one of `jenjang_values`."""
    return [code for code in TINGKAT if jenjang(code) in jenjang_values]


def row_q(c: Criterion) -> Q:
    """The tests on the pegawai row itself; history and SKP tests are left to the caller."""
    q = Q()
    if c.status is not None:
        q &= Q(status__in=sorted(c.status))
    if c.kedudukan is not None:
        q &= Q(kedudukan__in=sorted(c.kedudukan))
    if c.jenjang is not None:
        q &= Q(tingkat_pendidikan__in=tingkat_codes(c.jenjang))
    if c.jenis_jabatan is not None:
        q &= Q(jenis_jabatan__in=sorted(c.jenis_jabatan))
    return q


def heavier_or_equal(level: str) -> list[str]:
    return list(HUKDIS[HUKDIS.index(level) :])


def hukdis_rows(year: int, window: Window, levels):
    start, end = window.hukdis_range(year)
    return RiwayatHukdis.objects.filter(tmt__range=(start, end), tingkat__in=sorted(levels))


def diklat_rows(year: int, window: Window, test: DiklatTest):
    start, end = window.diklat_range(year)
    rows = RiwayatDiklat.objects.filter(tanggal_selesai__range=(start, end), kategori=test.kategori)
    return rows.filter(jp__gte=test.min_jp) if test.min_jp else rows


def has(rows) -> Q:
    """Pegawai with at least one of `rows`. SQLite: `pk IN (SELECT pegawai_id …)`, built once
    as an in-memory index (it has no hash join). PostgreSQL: `EXISTS (… = pegawai.id)`, a
    semi-join (an anti-join when negated) in WHERE and an index probe per row inside an
    aggregate; its hashed IN must fit in work_mem or it rescans the list for every row."""
    if connection.vendor == "sqlite":
        return Q(pk__in=rows.order_by().values("pegawai_id"))
    return Q(Exists(rows.filter(pegawai_id=OuterRef("pk"))))


def criterion_q(c: Criterion, *, year: int, window: Window) -> Q:
    """All of the criterion's tests as one Q on Pegawai."""
    q = row_q(c)
    if c.predikat is not None:
        skp_year = window.skp_year(year)
        q &= has(RiwayatSkp.objects.filter(tahun=skp_year, predikat__in=sorted(c.predikat)))
    if c.hukdis is not None:
        q &= has(hukdis_rows(year, window, c.hukdis))
    if c.hukdis_terberat is not None:
        q &= _heaviest_q(c.hukdis_terberat, year, window)
    if c.diklat is not None:
        q &= has(diklat_rows(year, window, c.diklat))
    return q


def _heaviest_q(levels, year: int, window: Window) -> Q:
    """Heaviest punishment in the window is one of `levels`: has one at that level or heavier,
    and none heavier."""
    parts = []
    for level in sorted(levels):
        if level == TIDAK_ADA:
            parts.append(~has(hukdis_rows(year, window, HUKDIS)))
            continue
        heavier = heavier_or_equal(level)[1:]
        this = has(hukdis_rows(year, window, [level]))
        parts.append(this & ~has(hukdis_rows(year, window, heavier)) if heavier else this)
    return reduce(operator.or_, parts)
