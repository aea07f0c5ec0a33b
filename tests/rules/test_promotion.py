from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

from sikap.rules import RuleError
from sikap.rules import promotion as kp
from sikap.rules.education import TINGKAT
from sikap.rules.pension import tmt_pensiun
from sikap.rules.ranks import GOLONGAN, golongan_order

PERIODE = date(2026, 4, 1)


def data(**kw) -> kp.DataKp:
    base = dict(
        status="pns",
        in_service=True,
        golongan="III/b",
        tmt_golongan=date(2022, 4, 1),
        tanggal_lahir=date(1985, 6, 15),
        bup=58,
        pendidikan=(("40", 2008),),  # S1: ceiling III/d
        skp={2024: "baik", 2025: "sangat_baik"},
        golongan_atasan="III/d",
    )
    base.update(kw)
    return kp.DataKp(**base)


def syarat(hasil: kp.Hasil, kode: str) -> kp.Syarat:
    return next(s for s in hasil.syarat if s.kode == kode)


# RULES.md §4: PP 99/2000 two periods, BKN 4/2023 six from 2024, BKN 4/2025 monthly from Oct 2025.
@pytest.mark.parametrize(
    ("tahun", "tanggal"),
    [
        (2019, [date(2019, 4, 1), date(2019, 10, 1)]),
        (2023, [date(2023, 4, 1), date(2023, 10, 1)]),
        (2024, [date(2024, m, 1) for m in (2, 4, 6, 8, 10, 12)]),
        (
            2025,
            [date(2025, m, 1) for m in (2, 4, 6, 8)] + [date(2025, m, 1) for m in (10, 11, 12)],
        ),
        (2026, [date(2026, m, 1) for m in range(1, 13)]),
    ],
)
def test_period_dates_follow_the_regulation_in_force(tahun, tanggal):
    assert kp.periode_tahun(tahun) == tanggal


@pytest.mark.parametrize(
    ("tanggal", "ok"),
    [
        (date(2023, 4, 1), True),
        (date(2023, 6, 1), False),  # not under PP 99/2000
        (date(2024, 6, 1), True),
        (date(2024, 7, 1), False),
        (date(2025, 9, 1), False),  # BKN 4/2025 starts in October
        (date(2025, 11, 1), True),
        (date(2026, 4, 2), False),  # always the first of the month
    ],
)
def test_a_period_date_is_the_first_of_a_scheduled_month(tanggal, ok):
    assert kp.is_tanggal_periode(tanggal) is ok


def test_reguler_eligible_shows_each_requirement_with_its_date():
    hasil = kp.periksa(kp.REGULER, data(), PERIODE)
    assert hasil.memenuhi
    assert hasil.golongan_tujuan == "III/c"
    assert syarat(hasil, "masa_pangkat").tanggal == date(2026, 4, 1)
    assert syarat(hasil, "skp").tanggal == date(2025, 12, 31)
    assert "paling tinggi III/d" in syarat(hasil, "plafon").keterangan


@pytest.mark.parametrize(
    ("change", "kode", "hampir"),
    [
        ({"tmt_golongan": date(2022, 10, 1)}, "masa_pangkat", True),  # 6 months short
        ({"tmt_golongan": date(2024, 4, 1)}, "masa_pangkat", False),  # 2 years short
        ({"skp": {2025: "baik"}}, "skp", True),  # 2024 not on file
        ({"skp": {2024: "butuh_perbaikan", 2025: "baik"}}, "skp_rendah", False),
        (
            {
                "golongan": "III/d",
                "golongan_atasan": "IV/b",
                "ujian": (kp.Ujian("II", date(2024, 1, 1)),),
            },
            "plafon",
            False,
        ),  # S1 ceiling
        ({"golongan_atasan": "III/b"}, "atasan", False),
        ({"status": "cpns"}, "aktif", False),
        ({"in_service": False}, "aktif", False),
        ({"tanggal_lahir": date(1968, 1, 10)}, "pensiun", False),  # TMT pensiun 2026-02-01
    ],
)
def test_reguler_says_what_is_missing(change, kode, hampir):
    hasil = kp.periksa(kp.REGULER, data(**change), PERIODE)
    assert not hasil.memenuhi
    assert [s.kode for s in hasil.kurang] == [kode]
    assert hasil.hampir() is hampir


def test_ujian_dinas_needed_crossing_ii_to_iii_unless_passed_or_exempt():
    d = data(golongan="II/d", pendidikan=(("40", 2010),))
    assert [s.kode for s in kp.periksa(kp.REGULER, d, PERIODE).kurang] == ["ujian_dinas"]
    lulus = replace(d, ujian=(kp.Ujian("I", date(2020, 5, 1)),))
    assert syarat(kp.periksa(kp.REGULER, lulus, PERIODE), "ujian_dinas").tanggal == date(2020, 5, 1)
    bebas = replace(d, ujian=(kp.Ujian("I", date(2021, 1, 1), dibebaskan=True),))
    assert kp.periksa(kp.REGULER, bebas, PERIODE).memenuhi
    # tingkat II does not open the III/d → IV/a step's first boundary
    iii = data(golongan="III/d", pendidikan=(("45", 2015),), golongan_atasan="IV/b")
    iii_wrong = replace(iii, ujian=(kp.Ujian("I", date(2010, 1, 1)),))
    assert not kp.periksa(kp.REGULER, iii_wrong, PERIODE).memenuhi
    iii_ok = replace(iii, ujian=(kp.Ujian("II", date(2025, 1, 1)),))
    assert kp.periksa(kp.REGULER, iii_ok, PERIODE).memenuhi


def test_a_passed_exam_after_the_period_does_not_count():
    d = data(golongan="II/d", ujian=(kp.Ujian("I", date(2026, 5, 1)),))
    assert not kp.periksa(kp.REGULER, d, PERIODE).memenuhi


@pytest.mark.parametrize(
    ("tingkat", "selesai", "blocks"),
    [
        ("sedang", date(2026, 9, 30), True),
        ("berat", None, True),
        ("sedang", date(2026, 3, 31), False),  # ended before the period
        ("ringan", date(2026, 12, 31), False),
    ],
)
def test_a_running_moderate_or_heavy_punishment_blocks(tingkat, selesai, blocks):
    h = kp.Hukuman(tingkat, date(2025, 10, 1), selesai, "tukin −25 %")
    hasil = kp.periksa(kp.REGULER, data(hukuman=(h,)), PERIODE)
    assert hasil.memenuhi is not blocks


def test_penyesuaian_ijazah_targets_the_entry_golongan_of_the_new_diploma():
    d = data(
        golongan="II/c",
        tmt_golongan=date(2024, 10, 1),
        pendidikan=(("15", 2005), ("40", 2023)),
        skp={2025: "baik"},
        ujian=(kp.Ujian("upkp", date(2025, 8, 1)),),
    )
    hasil = kp.periksa(kp.IJAZAH, d, PERIODE)
    assert hasil.memenuhi
    assert hasil.golongan_tujuan == "III/a"
    no_upkp = kp.periksa(kp.IJAZAH, replace(d, ujian=()), PERIODE)
    assert [s.kode for s in no_upkp.kurang] == ["ujian_dinas"]
    no_diploma = kp.periksa(kp.IJAZAH, replace(d, pendidikan=(("15", 2005),)), PERIODE)
    assert no_diploma.golongan_tujuan is None and not no_diploma.memenuhi


def test_fungsional_needs_the_pak_credit_and_two_years():
    d = data(tmt_golongan=date(2024, 4, 1), golongan="III/d", golongan_atasan="III/a")
    assert [s.kode for s in kp.periksa(kp.FUNGSIONAL, d, PERIODE).kurang] == ["angka_kredit"]
    ok = replace(d, angka_kredit=Decimal("200"), angka_kredit_minimum=Decimal("200"))
    hasil = kp.periksa(kp.FUNGSIONAL, ok, PERIODE)
    assert hasil.memenuhi and hasil.golongan_tujuan == "IV/a"  # no ceiling, no superior cap
    low = replace(ok, angka_kredit=Decimal("150"))
    assert not kp.periksa(kp.FUNGSIONAL, low, PERIODE).memenuhi


def test_struktural_needs_the_post():
    d = data(tmt_golongan=date(2025, 1, 1))
    assert [s.kode for s in kp.periksa(kp.STRUKTURAL, d, PERIODE).kurang] == ["struktural"]
    assert kp.periksa(
        kp.STRUKTURAL, replace(d, struktural_sejak=date(2024, 1, 2)), PERIODE
    ).memenuhi


def test_top_golongan_has_no_next():
    hasil = kp.periksa(kp.PRESTASI, data(golongan="IV/e"), PERIODE)
    assert hasil.golongan_tujuan is None and not hasil.memenuhi


def test_unknown_type_is_refused():
    with pytest.raises(RuleError):
        kp.periksa("anumerta", data(), PERIODE)


def test_sk_must_carry_the_proposed_golongan_and_the_period_date():
    assert kp.cek_sk("III/c", PERIODE, "III/c", PERIODE) == {}
    errors = kp.cek_sk("III/c", PERIODE, "III/d", date(2026, 5, 1))
    assert set(errors) == {"sk_golongan", "sk_tmt"}


@given(st.sampled_from(GOLONGAN[:-1]), st.sampled_from(sorted(kp.JENIS.keys() - {kp.IJAZAH})))
def test_the_target_is_always_exactly_the_next_golongan(golongan, jenis):
    hasil = kp.periksa(jenis, data(golongan=golongan), PERIODE)
    assert golongan_order(hasil.golongan_tujuan) == golongan_order(golongan) + 1
    assert hasil.memenuhi == (not hasil.kurang)


@pytest.mark.parametrize(
    ("batas", "tahun"),
    [
        (date(2026, 3, 1), 2025),  # April period: last year's SKP is out
        (date(2026, 12, 22), 2025),  # January period: this year's SKP is not out yet
        (date(2027, 1, 20), 2025),
        (date(2027, 1, 31), 2026),
    ],
)
def test_the_latest_skp_counted_is_the_last_one_due_by_the_deadline(batas, tahun):
    assert kp.tahun_skp_terakhir(batas) == tahun


def test_skp_years_follow_the_deadline_not_the_period():
    d = data(skp={2024: "baik", 2025: "baik"})
    assert not kp.periksa(kp.REGULER, d, date(2027, 1, 1)).memenuhi
    assert kp.periksa(kp.REGULER, d, date(2027, 1, 1), skp_hingga=2025).memenuhi


@pytest.mark.parametrize("periode", [PERIODE, date(2026, 12, 1), date(2027, 1, 1)])
def test_the_tmt_horizon_is_the_first_day_nobody_is_nearly_eligible_from(periode):
    batas = kp.tmt_golongan_batas(periode)
    for tmt, hampir in ((date.fromordinal(batas.toordinal() - 1), True), (batas, False)):
        hasil = kp.periksa(kp.REGULER, data(tmt_golongan=tmt), periode, skp_hingga=2025)
        assert hasil.hampir() is hampir


@pytest.mark.parametrize("golongan", GOLONGAN)
def test_the_diplomas_that_allow_the_next_golongan_are_exactly_those_passing_the_ceiling(golongan):
    ok = kp.ijazah_cukup(golongan)
    for tingkat in TINGKAT:
        hasil = kp.periksa(
            kp.REGULER, data(golongan=golongan, pendidikan=((tingkat, 2000),)), PERIODE
        )
        plafon = [s for s in hasil.syarat if s.kode == "plafon"]
        assert (tingkat in ok) == bool(plafon and plafon[0].terpenuhi)


@given(
    st.dates(date(1950, 1, 1), date(2000, 12, 31)),
    st.integers(50, 70),
    st.dates(date(2020, 1, 1), date(2040, 12, 1)).map(lambda d: d.replace(day=1)),
)
def test_born_from_lahir_sejak_is_exactly_not_retired_by_the_period(lahir, bup, periode):
    assert (lahir >= kp.lahir_sejak(periode, bup)) == (tmt_pensiun(lahir, bup) > periode)


_ujian = st.builds(
    kp.Ujian,
    st.sampled_from(("I", "II", "upkp")),
    st.dates(date(2020, 1, 1), date(2028, 1, 1)),
    st.booleans(),
)
_hukuman = st.builds(
    kp.Hukuman,
    st.sampled_from(("ringan", "sedang", "berat")),
    st.dates(date(2024, 1, 1), date(2027, 1, 1)),
    st.none() | st.dates(date(2025, 1, 1), date(2028, 1, 1)),
)


def _or_eligible(**fields):
    """Each field: the eligible value of `data()` (so every outcome is reached often) or any."""
    return st.builds(data, **{k: st.just(getattr(data(), k)) | v for k, v in fields.items()})


@given(
    _or_eligible(
        status=st.sampled_from(("pns", "cpns")),
        in_service=st.booleans(),
        golongan=st.sampled_from(GOLONGAN),
        tmt_golongan=st.dates(date(2018, 1, 1), date(2024, 12, 31)),
        tanggal_lahir=st.dates(date(1966, 1, 1), date(1970, 12, 31)),
        bup=st.sampled_from((0, 58, 60)),
        pendidikan=st.lists(
            st.tuples(st.sampled_from(sorted(TINGKAT)), st.integers(1990, 2020)), max_size=2
        ).map(tuple),
        skp=st.dictionaries(
            st.sampled_from((2023, 2024, 2025)), st.sampled_from(sorted(kp.PREDIKAT_LABEL))
        ),
        hukuman=st.lists(_hukuman, max_size=1).map(tuple),
        ujian=st.lists(_ujian, max_size=2).map(tuple),
        golongan_atasan=st.none() | st.sampled_from(GOLONGAN),
    ),
    st.sampled_from((PERIODE, date(2026, 10, 1))),
)
@settings(max_examples=400)
def test_the_list_sorts_exactly_as_the_full_rule(d, periode):
    hasil = kp.periksa(kp.REGULER, d, periode, skp_hingga=2025)
    expected = kp.MEMENUHI if hasil.memenuhi else kp.HAMPIR if hasil.hampir() else ""
    assert kp.daftar_reguler(d, periode, skp_hingga=2025) == expected
    event(expected or "tidak")
