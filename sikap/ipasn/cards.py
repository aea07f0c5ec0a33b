"""Home card of IP ASN for pimpinan and the planners: the index of the latest rated year.

Computing it counts the whole population, so the figure is kept for a few minutes in the cache
(`FIGURE_SECONDS`): a head opening the home page repeatedly does not recount it each time."""

from django.core.cache import cache

from sikap.accounts import access
from sikap.core import home
from sikap.core.errors import SikapError
from sikap.ipasn import engine
from sikap.people import stats

FIGURE_SECONDS = 600


def _figure(year: int) -> dict:
    key = f"home:ipasn:{year}"
    figure = cache.get(key)
    if figure is None:
        try:
            result = engine.compute_ip_asn(year)
        except SikapError as e:
            figure = {"error": e.message}
        else:
            figure = {
                "total": result.total,
                "kategori": result.kategori,
                "dimensi": [(s.name, s.rounded) for s in result.sub_indices],
            }
        cache.set(key, figure, FIGURE_SECONDS)
    return figure


@home.card
def ip_asn(user, today):
    if not access.may_read_sakip(user):
        return
    year = stats.latest_skp_year()
    yield home.Card(
        key="ipasn.tahun",
        title=f"IP ASN {year}" if year else "IP ASN",
        template="ipasn/cards/ip_asn.html",
        order=home.SUMMARY + 20,
        context={"year": year, **(_figure(year) if year else {})},
        empty=year is None,
    )
