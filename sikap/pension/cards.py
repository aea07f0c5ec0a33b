"""Pension on the home page: for staff, the files waiting on them and who retires in the
window; for a pegawai, their own file's progress or their TMT when it is near."""

from django.db.models import Count, Q

from sikap.accounts import access
from sikap.core import home
from sikap.pension import selectors
from sikap.pension.models import BerkasPensiun
from sikap.pension.tracker import next_step

S = BerkasPensiun.Status


@home.card
def pension_cards(user, today):
    cards = []
    if access.may_see_pension_projection(user):
        cards.append(_staff_card(user, today))
    if user.pegawai_id:
        own = _own_card(user, today)
        if own is not None:
            cards.append(own)
    return cards


def _staff_card(user, today) -> home.Card:
    files = BerkasPensiun.objects.visible_to(user)
    if user.pegawai_id:
        files = files.exclude(pegawai_id=user.pegawai_id)
    counts = files.aggregate(
        dilengkapi=Count("pk", filter=Q(state__in=(S.DIBUKA, S.DPCP_DIKONFIRMASI, S.DIKEMBALIKAN))),
        diajukan=Count("pk", filter=Q(state=S.DIAJUKAN)),
        di_bkd=Count("pk", filter=Q(state__in=(S.DIVERIFIKASI, S.DIKIRIM_BKN, S.PERTEK))),
        manual=Count(
            "pk",
            filter=Q(cek_kependudukan=BerkasPensiun.Cek.MANUAL)
            & ~Q(state__in=BerkasPensiun.CLOSED),
        ),
    )
    todo = 0
    if access.is_admin_opd(user):
        todo = counts["dilengkapi"]
    elif access.is_bkd_staff(user):
        todo = counts["diajukan"]
    from sikap.people.models import Pegawai

    people = selectors.candidates().filter(pk__in=Pegawai.objects.visible_to(user).values("pk"))
    due, _ = selectors.due(people, today)
    return home.Card(
        key="pension.berkas",
        title="Pensiun",
        template="pension/cards/staf.html",
        order=home.TODO if todo else home.SUMMARY,
        context={**counts, "todo": todo, "akan": len(due), "bulan": selectors.window_months()},
        empty=not (todo or due or any(counts.values())),
    )


def _own_card(user, today) -> home.Card | None:
    berkas = BerkasPensiun.objects.filter(pegawai_id=user.pegawai_id).open().first()
    if berkas is None:
        r = selectors.project(user.pegawai, today)
        if r.tmt is None or r.bulan_tersisa is None or r.bulan_tersisa > selectors.window_months():
            return None
        return home.Card(
            key="pension.saya", title="Pensiun saya", template="pension/cards/saya.html",
            order=home.SUMMARY, context={"proyeksi": r},
        )  # fmt: skip
    return home.Card(
        key="pension.saya",
        title="Pensiun saya",
        template="pension/cards/saya.html",
        order=home.TODO if berkas.state == S.DIBUKA else home.SUMMARY,
        context={"berkas": berkas, "berikutnya": next_step(berkas)},
    )
