"""The wording rule: exceeded / met / missed and by how much, decided on the printed figures."""

from decimal import Decimal as D

import pytest

from sikap.rules.narasi import (
    Status,
    nilai,
    ringkasan,
    status,
    terhadap_renstra,
    terhadap_tahun_lalu,
    terhadap_target,
)


@pytest.mark.parametrize(
    ("target", "realisasi", "direction", "expected"),
    [
        ("13.00", "12.38", "higher", Status.BELUM),
        ("4.99", "4.99", "higher", Status.MENCAPAI),
        ("22.76", "24.10", "higher", Status.MELAMPAUI),
        # Equal at the printed precision is met, not exceeded (4.992 prints as 4,99).
        ("4.99", "4.992", "higher", Status.MENCAPAI),
        ("5", "3", "lower", Status.MELAMPAUI),
        ("5", "5", "lower", Status.MENCAPAI),
        ("5", "7", "lower", Status.BELUM),
    ],
)
def test_status_by_direction(target, realisasi, direction, expected):
    assert status(D(target), D(realisasi), direction) == expected


def test_a_missed_target_says_so_with_the_shortfall():
    sentence = terhadap_target(
        "Indeks Kualifikasi Pendidikan ASN",
        D("13.00"),
        D("12.38"),
        capaian=D("95.23"),
        unit="Indeks",
    )
    assert sentence.status == Status.BELUM
    assert sentence.teks == (
        "Indeks Kualifikasi Pendidikan ASN belum mencapai target: realisasi 12,38 dari target "
        "13,00 (capaian 95,23 %, kurang 0,62 poin)."
    )
    assert "melampaui" not in sentence.teks and "diatas" not in sentence.teks


def test_an_exceeded_and_a_met_target():
    up = terhadap_target("Indeks Kompetensi ASN", D("22.76"), D("24.10"), capaian=D("105.89"))
    assert up.teks.endswith("melampaui target: realisasi 24,10 dari target 22,76 "
                            "(capaian 105,89 %, lebih 1,34 poin).")  # fmt: skip
    met = terhadap_target("Indeks Disiplin ASN", D("4.99"), D("4.99"), capaian=D("100"))
    assert met.teks == (
        "Indeks Disiplin ASN mencapai target: realisasi 4,99 sama dengan target 4,99 "
        "(capaian 100,00 %)."
    )


def test_lower_is_better_reads_the_other_way_round():
    good = terhadap_target("Jumlah pelanggaran", D(5), D(3), capaian=D(140), direction="lower",
                           unit="Kasus", decimals=0)  # fmt: skip
    assert good.status == Status.MELAMPAUI
    assert "realisasi 3, lebih rendah 2 Kasus dari target 5" in good.teks
    bad = terhadap_target("Jumlah pelanggaran", D(5), D(7), capaian=D(60), direction="lower",
                          unit="Kasus", decimals=0)  # fmt: skip
    assert bad.status == Status.BELUM
    assert "belum mencapai target: realisasi 7, lebih tinggi 2 Kasus dari target 5" in bad.teks


def test_percentage_differences_are_percentage_points():
    sentence = terhadap_target("Persentase X", D(95), D(68), capaian=D("71.58"), unit="%")
    assert "kurang 27,00 poin persen" in sentence.teks


def test_comparison_with_earlier_years_only_when_there_are_any():
    assert terhadap_tahun_lalu(2023, D("12.38"), []) is None
    text = terhadap_tahun_lalu(2023, D("12.38"), [(2022, D("12.10")), (2021, D("11.90"))])
    assert text.startswith(
        "Realisasi tahun 2023 naik 0,28 poin dari 12,10 pada tahun 2022 (membaik)."
    )
    assert "2021: 11,90, 2022: 12,10" in text
    worse = terhadap_tahun_lalu(2023, D(3), [(2022, D(2))], direction="lower", unit="Kasus")
    assert "naik 1,00 Kasus" in worse and "memburuk" in worse


def test_renstra_final_target():
    text = terhadap_renstra(2023, D("12.38"), D("13"), 2023, capaian=D("95.23"))
    assert text == (
        "Realisasi tahun 2023 masih kurang 0,62 poin dari target akhir Renstra (13,00 pada "
        "tahun 2023), atau 95,23 % dari target akhir."
    )


def test_summary_and_figures():
    assert ringkasan([Status.BELUM, Status.MELAMPAUI, Status.BELUM, Status.MENCAPAI]) == (
        "dari 4 indikator, 1 melampaui target, 1 mencapai target dan 2 belum mencapai target"
    )
    assert ringkasan([]) == "tidak ada indikator dengan realisasi"
    assert [nilai(D("95.78333")), nilai(D("94.0000")), nilai(D("5.54")), nilai(None)] == [
        "95,78", "94", "5,54", "—",
    ]  # fmt: skip
