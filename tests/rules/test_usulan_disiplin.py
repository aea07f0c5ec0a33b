"""PP 94/2021 Pasal 11 proposals (RULES §8): which threshold to file, once per threshold a
year, a higher one superseding the ones skipped; 10 consecutive working days → PDHTAPS."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sikap.rules.status_hari import Usulan, berturut_terpanjang, usulan_disiplin

PDHTAPS = "pemberhentian dengan hormat tidak atas permintaan sendiri"
PELAKSANA = "pembebasan dari jabatan menjadi jabatan pelaksana selama 12 bulan"


def filed(*ambang: int) -> list[Usulan]:
    return [usulan_disiplin(a, 0, []) for a in ambang]


@pytest.mark.parametrize(
    ("kumulatif", "berturut", "sudah", "expected"),
    [
        (2, 2, [], None),
        (3, 1, [], ("kumulatif", 3, "teguran lisan")),
        (4, 1, [], ("kumulatif", 4, "teguran tertulis")),
        (6, 1, [], ("kumulatif", 4, "teguran tertulis")),
        (7, 1, [], ("kumulatif", 7, "pernyataan tidak puas secara tertulis")),
        (10, 1, [], ("kumulatif", 7, "pernyataan tidak puas secara tertulis")),
        (11, 1, [], ("kumulatif", 11, "pemotongan tunjangan kinerja 25% selama 6 bulan")),
        (16, 1, [], ("kumulatif", 14, "pemotongan tunjangan kinerja 25% selama 9 bulan")),
        (20, 1, [], ("kumulatif", 17, "pemotongan tunjangan kinerja 25% selama 12 bulan")),
        (21, 1, [], ("kumulatif", 21, "penurunan jabatan setingkat lebih rendah selama 12 bulan")),
        (27, 1, [], ("kumulatif", 25, PELAKSANA)),
        (28, 1, [], ("kumulatif", 28, "pemberhentian dengan hormat tidak atas permintaan sendiri")),
        (10, 10, [], ("berturut", 10, "pemberhentian dengan hormat tidak atas permintaan sendiri")),
        # Once per threshold: the same count again files nothing.
        (3, 1, filed(3), None),
        (5, 1, filed(4), None),
        # A higher threshold is filed; one it skipped is not filed afterwards.
        (5, 1, filed(3), ("kumulatif", 4, "teguran tertulis")),
        (12, 1, filed(3), ("kumulatif", 11, "pemotongan tunjangan kinerja 25% selama 6 bulan")),
        # 10 consecutive after a lighter proposal; and nothing more once PDHTAPS is proposed.
        (12, 10, filed(11), ("berturut", 10, PDHTAPS)),
        (28, 10, [usulan_disiplin(10, 10, [])], None),
    ],
)  # fmt: skip
def test_the_proposal_to_file(kumulatif, berturut, sudah, expected):
    found = usulan_disiplin(kumulatif, berturut, sudah)
    if expected is None:
        assert found is None
    else:
        assert (found.dasar, found.ambang, found.hukuman) == expected


@pytest.mark.parametrize(
    ("days", "longest"),
    [([], 0), ([False] * 5, 0), ([True, True, False, True], 2), ([True] * 10, 10)],
)
def test_the_longest_run_of_unexcused_days(days, longest):
    assert berturut_terpanjang(days) == longest


@given(st.integers(0, 260), st.integers(0, 260), st.lists(st.integers(0, 40), max_size=5))
def test_a_filed_proposal_is_never_filed_again_and_severity_only_rises(kumulatif, berturut, past):
    sudah = [u for a in past if (u := usulan_disiplin(a, 0, [])) is not None]
    found = usulan_disiplin(kumulatif, berturut, sudah)
    if found is not None:
        assert all(found.berat_ke > u.berat_ke for u in sudah)
        assert usulan_disiplin(kumulatif, berturut, [*sudah, found]) is None
