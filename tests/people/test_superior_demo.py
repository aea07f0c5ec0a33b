"""The superior relation over the whole demo regency: every atasan sees exactly the pegawai who
have them as atasan. Built once for this module (about 15 s on SQLite) and rolled back."""

from collections import defaultdict

import pytest
from django.db import connection, transaction

from sikap.accounts.models import User
from sikap.accounts.system import system_actor
from sikap.demo.generator import build_demo
from sikap.demo.loader import load
from sikap.org.models import TugasTambahan, UnitKerja
from sikap.people.models import Pegawai
from sikap.people.selectors import atasan_map


@pytest.fixture(scope="module")
def regency(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        load(build_demo(), actor=system_actor())
        connection.check_constraints()
        pegawai = list(Pegawai.objects.all())
        atasan = {pk: a.pk if a else None for pk, a in atasan_map(pegawai).items()}
        yield pegawai, atasan
        transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def _each_test_in_a_savepoint(db):
    pass


def test_every_atasan_sees_exactly_those_who_have_them_as_atasan(regency):
    pegawai, atasan = regency
    expected = defaultdict(set)
    for pk, a in atasan.items():
        if a is not None:
            expected[a].add(pk)
    users = User.objects.select_related("pegawai").in_bulk(
        list(User.objects.filter(pegawai_id__in=expected).values_list("pk", flat=True))
    )
    assert len(users) == len(expected)
    wrong = {}
    for user in users.values():
        seen = set(Pegawai.objects.visible_to(user).values_list("pk", flat=True))
        if seen != expected[user.pegawai_id] | {user.pegawai_id}:
            wrong[user.pegawai.nip] = len(seen ^ (expected[user.pegawai_id] | {user.pegawai_id}))
    assert wrong == {}
    assert sum(map(len, expected.values())) > 5000


def test_someone_who_is_nobodys_atasan_sees_only_themself(regency):
    pegawai, atasan = regency
    leaders = set(atasan.values())
    sample = [p.pk for p in pegawai if p.pk not in leaders][::97]
    for user in User.objects.select_related("pegawai").filter(pegawai_id__in=sample):
        assert list(Pegawai.objects.visible_to(user).values_list("pk", flat=True)) == [
            user.pegawai_id
        ]


def test_every_school_and_instalasi_is_led_by_one_of_its_own(regency):
    pegawai, atasan = regency
    sekolah = UnitKerja.objects.filter(nama__startswith="SD Negeri") | UnitKerja.objects.filter(
        nama__startswith="SMP Negeri"
    )
    instalasi = UnitKerja.objects.filter(nama__startswith="Instalasi")
    led = dict(TugasTambahan.objects.values_list("unit_id", "pegawai_id"))
    assert set(sekolah.values_list("pk", flat=True)) | set(
        instalasi.values_list("pk", flat=True)
    ) <= set(led)
    for p in pegawai:
        head = led.get(p.unit_id)
        if head is not None and head != p.pk:
            assert atasan[p.pk] == head, p.nip


def test_only_the_heads_of_the_opds_have_no_atasan(regency):
    pegawai, atasan = regency
    roots = set(UnitKerja.objects.filter(induk=None).values_list("pk", flat=True))
    without = [p for p in pegawai if atasan[p.pk] is None]
    assert without
    assert all(p.unit_id in roots and p.jabatan.kepala for p in without)
