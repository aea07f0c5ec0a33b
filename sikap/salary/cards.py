"""KGB on the home page: what waits for the user (to verify, to sign) and the early warning
of the coming months; each card answers in one query."""

from django.db.models import Count, Q

from sikap.accounts import access
from sikap.core import home
from sikap.rules.kgb import add_months, first_of_month
from sikap.salary.config import window_months
from sikap.salary.models import Kgb

S = Kgb.Status


@home.card
def kgb_cards(user, today):
    if not access.may_work_kgb(user):
        return []
    start = first_of_month(today)
    end = add_months(start, window_months() + 1)
    counts = Kgb.objects.visible_to(user).aggregate(
        draf=Count("pk", filter=Q(state=S.DRAF)),
        diverifikasi=Count("pk", filter=Q(state=S.DIVERIFIKASI)),
        terlambat=Count("pk", filter=Q(tmt__lt=today) & ~Q(state=S.TERBIT)),
        mendatang=Count("pk", filter=Q(tmt__gte=start, tmt__lt=end)),
    )
    todo = counts["draf"] if access.is_bkd_staff(user) else 0
    if access.is_kgb_signer(user):
        todo += counts["diverifikasi"]
    return [
        home.Card(
            key="salary.kgb",
            title="Kenaikan gaji berkala",
            template="salary/cards/kgb.html",
            order=home.TODO if todo or counts["terlambat"] else home.SUMMARY,
            context={**counts, "todo": todo, "bulan": window_months()},
            empty=not (todo or counts["terlambat"] or counts["mendatang"]),
        )
    ]
