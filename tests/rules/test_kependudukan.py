"""SIMAK against the registry: what a verifier must look at, and nothing else."""

from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sikap.rules.kependudukan import ANAK, PASANGAN, Jenis, Orang, bandingkan, normalkan_nama

BUDI = Orang("3508011705800001", "Budi Santoso", date(1980, 5, 17), "L", "kawin")
SITI = Orang("3508016208830002", "Siti Aminah", date(1983, 8, 22), "P", hubungan=PASANGAN)
RIZKY = Orang("3508010301100003", "Rizky Pratama", date(2010, 1, 3), "L", hubungan=ANAK)
REG_BUDI = replace(BUDI, nama="BUDI SANTOSO")
REG_SITI = replace(SITI, nama="SITI AMINAH")
REG_RIZKY = replace(RIZKY, nama="RIZKY PRATAMA")


def jenis(beda):
    return [(b.jenis, b.siapa) for b in beda]


@pytest.mark.parametrize(
    ("simak", "registry"),
    [
        ("Budi Santoso", "BUDI SANTOSO"),
        ("Budi  Santoso ", "budi santoso"),
        ("Budi Santoso", "DRS. BUDI SANTOSO"),
        ("Budi Santoso", "H. BUDI SANTOSO, S.PD., M.SI."),
        ("Budi Santoso", "Dr. Ir. Budi Santoso M.T."),
        ("M. Nur Hidayat", "M NUR HIDAYAT"),
        ("Ni'mah", "NIMAH"),
        ("Hj. Siti Aminah", "SITI AMINAH, S.E."),
    ],
)
def test_case_spacing_punctuation_and_titles_are_not_differences(simak, registry):
    assert normalkan_nama(simak) == normalkan_nama(registry)


@pytest.mark.parametrize(
    ("simak", "registry"),
    [
        ("Muhammad Rizki", "MUHAMAD RIZKI"),
        ("Sukarno", "SOEKARNO"),
        ("Siti Aminah", "SITI AMINA"),
        ("M. Nur Hidayat", "NUR HIDAYAT"),  # a lone initial is part of the name
        ("Budi Santoso", "BUDI SANTOSO SUBAGYO"),
    ],
)
def test_different_letters_are_reported_as_a_spelling_difference(simak, registry):
    beda = bandingkan(replace(BUDI, nama=simak), [], replace(REG_BUDI, nama=registry), [])
    assert [(b.jenis, b.simak, b.registry) for b in beda] == [(Jenis.NAMA, simak, registry)]


def test_the_same_person_and_family_give_no_difference():
    assert bandingkan(BUDI, [SITI, RIZKY], REG_BUDI, [REG_RIZKY, REG_SITI]) == []


def test_the_pegawai_is_not_counted_as_their_own_family_member():
    assert bandingkan(BUDI, [SITI], REG_BUDI, [REG_BUDI, REG_SITI]) == []


@pytest.mark.parametrize(
    ("ubah", "diharapkan", "simak", "registry"),
    [
        ({"tanggal_lahir": date(1980, 5, 18)}, Jenis.TANGGAL_LAHIR, "17 Mei 1980", "18 Mei 1980"),
        ({"status_kawin": "duda"}, Jenis.STATUS_KAWIN, "Kawin", "Duda"),
        ({"jenis_kelamin": "P"}, Jenis.JENIS_KELAMIN, "Laki-laki", "Perempuan"),
        ({"tanggal_kematian": date(2026, 11, 1)}, Jenis.MENINGGAL, "Hidup",
         "Meninggal 1 November 2026"),
    ],
)  # fmt: skip
def test_each_field_of_the_pegawai_is_compared(ubah, diharapkan, simak, registry):
    beda = bandingkan(BUDI, [], replace(REG_BUDI, **ubah), [])
    assert [(b.jenis, b.siapa, b.simak, b.registry) for b in beda] == [
        (diharapkan, "Pegawai", simak, registry)
    ]
    assert beda[0].nik == BUDI.nik and beda[0].keterangan.endswith(".")


@pytest.mark.parametrize(
    "ubah", [{"tanggal_lahir": None}, {"status_kawin": ""}, {"jenis_kelamin": ""}]
)
def test_a_value_one_side_does_not_know_is_not_a_difference(ubah):
    assert bandingkan(BUDI, [], replace(REG_BUDI, **ubah), []) == []
    assert bandingkan(replace(BUDI, **ubah), [], REG_BUDI, []) == []


def test_a_family_members_fields_are_compared_but_not_their_marital_status():
    reg_siti = replace(REG_SITI, nama="SITI AMINA", tanggal_lahir=date(1983, 8, 23))
    beda = bandingkan(BUDI, [SITI], REG_BUDI, [replace(reg_siti, status_kawin="janda")])
    assert jenis(beda) == [
        (Jenis.NAMA, "Pasangan: Siti Aminah"),
        (Jenis.TANGGAL_LAHIR, "Pasangan: Siti Aminah"),
    ]


def test_a_member_missing_on_either_side_is_reported():
    beda = bandingkan(BUDI, [SITI], REG_BUDI, [REG_RIZKY])
    assert [(b.jenis, b.siapa, b.nik, b.simak, b.registry) for b in beda] == [
        (Jenis.TIDAK_DI_REGISTRY, "Pasangan: Siti Aminah", SITI.nik, "Siti Aminah", "—"),
        (Jenis.TIDAK_DI_SIMAK, "Anak: RIZKY PRATAMA", RIZKY.nik, "—", "RIZKY PRATAMA"),
    ]


def test_a_member_without_a_nik_in_simak_is_paired_by_name_and_birth_date():
    tanpa_nik = replace(RIZKY, nik="")
    assert bandingkan(BUDI, [tanpa_nik], REG_BUDI, [REG_RIZKY]) == []


def test_a_mistyped_member_nik_still_pairs_by_name_and_birth_date():
    salah = replace(RIZKY, nik="3508010301100009")
    assert bandingkan(BUDI, [salah], REG_BUDI, [REG_RIZKY]) == []


def test_a_spouse_recorded_dead_is_reported():
    beda = bandingkan(
        BUDI, [SITI], REG_BUDI, [replace(REG_SITI, tanggal_kematian=date(2025, 1, 2))]
    )
    assert jenis(beda) == [(Jenis.MENINGGAL, "Pasangan: Siti Aminah")]


nama = st.text(alphabet="ABCDEFGHIJKLMNOPRSTUWYZ '.", min_size=1, max_size=30).filter(
    lambda s: normalkan_nama(s)
)


@given(nama)
def test_normalising_is_idempotent_and_ignores_case(n):
    assert normalkan_nama(normalkan_nama(n)) == normalkan_nama(n)
    assert normalkan_nama(n.lower()) == normalkan_nama(n.upper())


@given(nama)
def test_a_person_compared_with_themself_has_no_difference(n):
    orang = replace(BUDI, nama=n)
    assert bandingkan(orang, [replace(SITI, nama=n)], orang, [replace(SITI, nama=n.upper())]) == []
