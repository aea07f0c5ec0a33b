"""The LKj on the home page of its readers: the latest SAKIP year's report, whether it has been
published, and (for admin BKD, who confirms them) the consistency findings that hold
publishing back. Three small queries, none of them the checks themselves (the inbox rows)."""

from sikap.accounts import access
from sikap.core import home
from sikap.lkj.models import LkjTerbit, TemuanMenunggu
from sikap.performance.selectors import years


@home.card
def lkj(user, today):
    if not access.may_read_sakip(user):
        return
    known = years()
    year = known[0] if known else None
    if year is None:
        return
    terbit = (
        LkjTerbit.objects.filter(tahun=year).select_related("dokumen").order_by("-versi").first()
    )
    menunggu = (
        TemuanMenunggu.objects.filter(tahun=year).count() if access.may_publish_lkj(user) else 0
    )
    yield home.Card(
        key="lkj.tahun",
        title=f"LKj {year}",
        template="lkj/cards/lkj.html",
        order=home.TODO if menunggu else home.SUMMARY + 40,
        context={"year": year, "terbit": terbit, "menunggu": menunggu},
    )
