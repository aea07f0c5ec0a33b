"""`sikap demo`: determinism and the command. The full-size regency's counts and consistency:
test_demo_regency.py."""

import random

import pytest
from django.core.management import CommandError, call_command

from sikap.accounts.models import User
from sikap.demo.generator import build_demo
from sikap.demo.loader import DEMO_PASSWORD
from sikap.people.models import Pegawai
from tests.factories import make_opd, make_pegawai

SMALL = 0.02


def first_nips(seed: int, n: int = 50) -> list[str]:
    return [p.fields["nip"] for p in build_demo(seed, SMALL).people[:n]]


def test_same_seed_gives_the_same_people():
    a, b = build_demo(7, SMALL), build_demo(7, SMALL)
    assert [p.fields["nip"] for p in a.people[:50]] == [p.fields["nip"] for p in b.people[:50]]
    assert [p.fields["nama"] for p in a.people] == [p.fields["nama"] for p in b.people]
    assert [p.fields["nik"] for p in a.people] == [p.fields["nik"] for p in b.people]


def test_a_different_seed_gives_different_people():
    assert first_nips(7) != first_nips(8)


def test_the_generator_does_not_touch_the_global_random_state():
    random.seed(1)
    expected = random.random()
    random.seed(1)
    build_demo(7, SMALL)
    assert random.random() == expected


@pytest.mark.django_db
def test_demo_command_builds_and_prints_a_login_per_role(capsys):
    call_command("demo", "--scale", str(SMALL))
    out = capsys.readouterr().out
    assert Pegawai.objects.count() == 117
    for label in ("Admin BKD", "Verifikator BKD", "Pimpinan", "Perencana", "Admin OPD",
                  "Pegawai (atasan)"):  # fmt: skip
        assert label in out
    assert DEMO_PASSWORD in out


@pytest.mark.django_db
def test_demo_command_refuses_a_database_with_data_unless_reset():
    call_command("demo", "--scale", str(SMALL))
    with pytest.raises(CommandError, match="--reset"):
        call_command("demo", "--scale", str(SMALL))


@pytest.mark.django_db
def test_if_empty_keeps_existing_data_and_only_prints_logins(capsys):
    call_command("demo", "--scale", str(SMALL), "--seed", "1")
    nips = set(Pegawai.objects.values_list("nip", flat=True))
    capsys.readouterr()
    call_command("demo", "--scale", str(SMALL), "--seed", "2", "--if-empty")
    out = capsys.readouterr().out
    assert set(Pegawai.objects.values_list("nip", flat=True)) == nips
    assert "tidak dibangun ulang" in out and "admin.bkd" in out


@pytest.mark.django_db
def test_reset_replaces_the_demo_with_a_new_one():
    call_command("demo", "--scale", str(SMALL), "--seed", "1")
    call_command("demo", "--scale", str(SMALL), "--seed", "2", "--reset")
    expected = sorted(p.fields["nip"] for p in build_demo(2, SMALL).people)
    assert sorted(Pegawai.objects.values_list("nip", flat=True)) == expected
    assert User.objects.filter(username="admin.bkd").count() == 1


@pytest.mark.django_db
def test_reset_refuses_to_delete_pegawai_the_demo_did_not_create():
    make_pegawai(make_opd("Dinas Lain", kode="LAIN"))
    with pytest.raises(CommandError, match="bukan data demo"):
        call_command("demo", "--scale", str(SMALL), "--reset")
    assert Pegawai.objects.count() == 1
