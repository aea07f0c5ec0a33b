"""SIJI KOMANDO on the home page: for a pegawai, the test open for them (or the one they are
taking) and their last result; for admin BKD and admin OPD, the participation in the latest
open test. Each card answers in a fixed number of queries."""

from django.db.models import Case, Value, When
from django.utils import timezone

from sikap.accounts import access
from sikap.competency import selectors
from sikap.competency.models import HasilKompetensi, Percobaan, Sasaran, TampilHasil, Ujian
from sikap.core import home
from sikap.people.models import Pegawai


@home.card
def my_test_cards(user, today):
    if not access.may_take_competency_test(user):
        return []
    now = timezone.now()
    mine = selectors.tests_for(user, now)
    running = next((u.berjalan for u in mine if u.berjalan), None)
    open_ = [u for u in mine if u.keadaan == "terbuka" and u.bisa_mulai and not u.berjalan]
    last = (
        Percobaan.objects.filter(pegawai_id=user.pegawai_id, dinilai__isnull=False)
        .select_related("ujian")
        .order_by("-diserahkan")
        .first()
    )
    shown = last is not None and (
        last.ujian.tampil_hasil == TampilHasil.SEGERA
        or (last.ujian.tampil_hasil == TampilHasil.SETELAH_DITUTUP and now >= last.ujian.ditutup)
    )
    hasil = (
        list(HasilKompetensi.objects.filter(percobaan=last).values_list("selisih", flat=True))
        if shown
        else []
    )
    with_standard = [s for s in hasil if s is not None]
    return [
        home.Card(
            key="competency.ujian_saya",
            title="Uji kompetensi mandiri",
            template="competency/cards/ujian_saya.html",
            order=home.TODO if running or open_ else home.SUMMARY,
            context={
                "berjalan": running,
                "terbuka": open_[0].ujian if open_ else None,
                "terakhir": last if shown else None,
                "memenuhi": sum(1 for s in with_standard if s >= 0),
                "dengan_standar": len(with_standard),
            },
            empty=not (running or open_ or shown),
        )
    ]


def _eligible(ujian: Ujian, people):
    if ujian.sasaran == Sasaran.OPD:
        return people.filter(opd__in=ujian.opd.all())
    if ujian.sasaran == Sasaran.JENIS_JABATAN:
        return people.filter(jenis_jabatan=ujian.jenis_jabatan)
    return people


@home.card
def participation_cards(user, today):
    if not access.may_read_competency_recap(user):
        return []
    now = timezone.now()
    ujian = (
        Ujian.objects.filter(terbit=True, dibuka__lte=now)
        .order_by(Case(When(ditutup__gt=now, then=Value(0)), default=Value(1)), "-dibuka")
        .first()
    )
    if ujian is None:
        return []
    people = Pegawai.objects.visible_to(user).in_service()
    eligible = _eligible(ujian, people).count()
    done = (
        Percobaan.objects.visible_to(user)
        .filter(ujian=ujian, dinilai__isnull=False)
        .values("pegawai_id")
        .distinct()
        .count()
    )
    return [
        home.Card(
            key="competency.partisipasi",
            title="Partisipasi uji kompetensi",
            template="competency/cards/partisipasi.html",
            order=home.SUMMARY,
            context={
                "ujian": ujian,
                "selesai": done,
                "sasaran": eligible,
                "persen": round(done * 100 / eligible) if eligible else 0,
                "terbuka": ujian.is_open(now),
            },
        )
    ]
