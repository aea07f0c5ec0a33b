"""e-Pangkat on the home page: what waits for the user (files to verify at BKD, returned
documents and drafts at the admin OPD) and the pegawai's own proposal. One query per card."""

from django.db.models import Count, Q

from sikap.accounts import access
from sikap.core import home
from sikap.promotion.models import UsulanKp

S = UsulanKp.Status


@home.card
def kp_cards(user, today):
    cards = []
    if access.may_work_kp(user):
        mine = Q(pegawai_id=user.pegawai_id) if user.pegawai_id else Q(pk__in=[])
        counts = (
            UsulanKp.objects.visible_to(user)
            .exclude(mine)
            .aggregate(
                draf=Count("pk", filter=Q(state=S.DRAF)),
                diajukan=Count("pk", filter=Q(state=S.DIAJUKAN)),
                dikembalikan=Count("pk", filter=Q(state=S.DIKEMBALIKAN)),
                proses=Count("pk", filter=Q(state__in=[S.LENGKAP, S.DITERUSKAN, S.SK_TERBIT])),
            )
        )
        if access.is_bkd_staff(user):
            todo = counts["diajukan"]
        elif access.is_admin_opd(user):
            todo = counts["draf"] + counts["dikembalikan"]
        else:
            todo = 0
        cards.append(
            home.Card(
                key="promotion.kp",
                title="Kenaikan pangkat",
                template="promotion/cards/kp.html",
                order=home.TODO if todo else home.SUMMARY,
                context={**counts, "todo": todo, "bkd": access.is_bkd_staff(user)},
                empty=not any(counts.values()),
            )
        )
    if user.pegawai_id:
        own = (
            UsulanKp.objects.filter(pegawai_id=user.pegawai_id)
            .exclude(state__in=[S.DISERAHKAN, S.DIBATALKAN])
            .select_related("periode")
            .first()
        )
        if own is not None:
            cards.append(
                home.Card(
                    key="promotion.saya",
                    title="Kenaikan pangkat saya",
                    template="promotion/cards/saya.html",
                    order=home.SUMMARY,
                    context={"usulan": own},
                )
            )
    return cards
