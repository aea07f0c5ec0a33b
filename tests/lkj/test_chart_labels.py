"""Chart labels are plain text (issue 8, finding 6): matplotlib's math text never reads a name."""

from decimal import Decimal

import pytest

from sikap.lkj.charts import budget_chart, capaian_chart

NAMES = ["Indeks $\\frac{a}{b}$ kepuasan", "Biaya $ per pegawai", "Nilai $x^{2$ rusak"]


@pytest.mark.parametrize("name", NAMES)
def test_dollar_signs_in_indicator_names_are_drawn_as_written(name):
    chart = capaian_chart(2023, [(name, Decimal("97.5"), "mencapai")])
    assert chart.png.startswith(b"\x89PNG")
    # Matplotlib writes each plain text into the SVG as a comment; math text is not plain.
    assert f"<!-- {name} -->" in chart.svg


def test_dollar_signs_in_programme_names_are_drawn_as_written():
    programs = [(NAMES[2], [Decimal(1_000_000)] * 4)]
    chart = budget_chart(2023, programs, Decimal(8_000_000))
    assert chart.png.startswith(b"\x89PNG")
    assert f"<!-- {NAMES[2]} -->" in chart.svg
