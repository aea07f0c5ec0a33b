"""Home card of SAKIP for pimpinan and the planners: the capaian of the latest year's IKU.
Kept a few minutes in the cache, like the IP ASN figure (the capaian reads the whole plan)."""

from django.core.cache import cache

from sikap.accounts import access
from sikap.core import home
from sikap.performance.capaian import year_capaian
from sikap.performance.selectors import years

FIGURE_SECONDS = 600


def _figure(year: int) -> dict:
    key = f"home:sakip:{year}"
    figure = cache.get(key)
    if figure is None:
        result = year_capaian(year)
        figure = {
            "iku": [(i.indicator, i.capaian, i.predikat) for i in result.iku],
            "serapan": result.total.persen,
        }
        cache.set(key, figure, FIGURE_SECONDS)
    return figure


@home.card
def capaian(user, today):
    if not access.may_read_sakip(user):
        return
    known = years()
    year = known[0] if known else None
    yield home.Card(
        key="performance.capaian",
        title=f"Capaian SAKIP {year}" if year else "Capaian SAKIP",
        template="performance/cards/capaian.html",
        order=home.SUMMARY + 30,
        context={"year": year, **(_figure(year) if year else {})},
        empty=year is None,
    )
