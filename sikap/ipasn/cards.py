"""Home card of IP ASN for pimpinan and the planners: the index of the latest year whose data
is complete (sikap/ipasn/years.py), naming the later years passed over and why.

Choosing the year computes the index, so the card's figures are kept for a few minutes in the
cache (`FIGURE_SECONDS`): a head opening the home page repeatedly does not recount them."""

from django.core.cache import cache

from sikap.accounts import access
from sikap.core import home
from sikap.ipasn import years

FIGURE_SECONDS = 600
CACHE_KEY = "home:ipasn"


def _figure() -> dict:
    figure = cache.get(CACHE_KEY)
    if figure is None:
        choice = years.latest_complete()
        figure = {"year": choice.year, "skipped": list(choice.skipped)}
        if choice.result is not None:
            figure |= {
                "total": choice.result.total,
                "kategori": choice.result.kategori,
                "dimensi": [(s.name, s.rounded) for s in choice.result.sub_indices],
            }
        cache.set(CACHE_KEY, figure, FIGURE_SECONDS)
    return figure


@home.card
def ip_asn(user, today):
    if not access.may_read_sakip(user):
        return
    figure = _figure()
    year = figure["year"]
    yield home.Card(
        key="ipasn.tahun",
        title=f"IP ASN {year}" if year else "IP ASN",
        template="ipasn/cards/ip_asn.html",
        order=home.SUMMARY + 20,
        context=figure,
        empty=year is None and not figure["skipped"],
    )
