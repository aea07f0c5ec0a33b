"""Home cards of the personnel module: a pegawai's own summary, and the workforce in figures
for those who read OPD-wide data."""

from django.db.models import Count

from sikap.accounts import access
from sikap.core import home
from sikap.people import stats
from sikap.people.drh import masa_kerja_of
from sikap.people.models import Pegawai, StatusPegawai
from sikap.people.selectors import bawahan_of
from sikap.rules.dates import usia


@home.card
def data_saya(user, today):
    if not user.pegawai_id:
        if not (access.manages_opd_data(user) or access.may_use_inbox(user)):
            yield home.Card(
                key="people.data_saya",
                title="Data Anda",
                template="people/cards/tidak_terhubung.html",
                order=home.SUMMARY,
            )
        return
    pegawai = (
        Pegawai.objects.select_related("opd", "unit", "jabatan").filter(pk=user.pegawai_id).first()
    )
    if pegawai is None:
        return
    context = {
        "pegawai": pegawai,
        "usia": usia(pegawai.tanggal_lahir, today),
        "masa_kerja": masa_kerja_of(pegawai, today),
        "pppk": pegawai.status == StatusPegawai.PPPK,
    }
    # Heads by position or by tugas tambahan alike: the superior rule says who leads.
    context["bawahan"] = bawahan_of(pegawai).count() or None
    yield home.Card(
        key="people.data_saya",
        title="Ringkasan data Anda",
        template="people/cards/data_saya.html",
        order=home.SUMMARY,
        context=context,
    )


@home.card
def tenaga_kerja(user, today):
    """Headcount in service by status: one grouped count, whatever the population."""
    if not access.manages_opd_data(user):
        return
    population = stats.active_asn() & Pegawai.objects.visible_to(user)
    counts = dict(
        population.values_list("status")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("status", "n")
    )
    per_status = [(s.value, s.label, counts.get(s.value, 0)) for s in StatusPegawai]
    total = sum(counts.values())
    yield home.Card(
        key="people.tenaga_kerja",
        title="Pegawai berkedudukan aktif"
        + (" di OPD yang Anda kelola" if access.is_admin_opd(user) else ""),
        template="people/cards/tenaga_kerja.html",
        order=home.SUMMARY + 10,
        context={"total": total, "per_status": per_status},
        empty=not total,
    )
