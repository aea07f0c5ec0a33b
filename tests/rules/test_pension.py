from datetime import date

import pytest

from sikap.rules import RuleError
from sikap.rules.pension import tmt_pensiun


# RULES.md §5, from dkpp-admin's retirement-age tests.
@pytest.mark.parametrize(
    ("lahir", "bup", "tmt"),
    [
        (date(1969, 4, 7), 58, date(2027, 5, 1)),  # NIP 19690407…
        (date(1968, 12, 31), 60, date(2029, 1, 1)),  # December rolls into the next year
        (date(1968, 2, 29), 65, date(2033, 3, 1)),  # leap-day birth, common-year birthday
        (date(1970, 1, 1), 58, date(2028, 2, 1)),  # born on the 1st still waits for next month
        (date(1966, 3, 25), 70, date(2036, 4, 1)),  # guru besar
    ],
)
def test_tmt_pensiun_is_first_of_the_month_after_the_bup_birthday(lahir, bup, tmt):
    assert tmt_pensiun(lahir, bup) == tmt


def test_tmt_pensiun_refuses_a_missing_bup():
    with pytest.raises(RuleError, match="BUP"):
        tmt_pensiun(date(1970, 1, 1), 0)
