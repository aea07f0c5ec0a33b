"""A leave request is in someone's inbox exactly when they may decide it: the inbox and the
decision ask the one definition (`access.ketidakhadiran_to_decide`)."""

from datetime import date

from django.urls import reverse

from sikap.accounts import access
from sikap.attendance import leave
from sikap.attendance.flows import FLOW
from sikap.core import inbox

PERSONAS = ("pegawai", "atasan", "kabid", "admin_opd", "verifikator", "admin_bkd", "pimpinan")


def _in_inbox(user, case) -> bool:
    cuti = inbox.get("attendance.cuti")
    return any(i.key == str(case.pk) for i in cuti.items(user, inbox.Filters(), 50))


def _deciders(world, case) -> set[str]:
    found = set()
    for persona in PERSONAS:
        user = world.users[persona]
        may = access.may_decide_ketidakhadiran(user, case)
        assert may == _in_inbox(user, case), persona
        if may:
            found.add(persona)
    return found


def test_who_may_decide_a_leave_request_is_who_finds_it_in_the_inbox(world):
    case = leave.ajukan(jenis="cuti_besar", mulai=date(2027, 1, 4), selesai=date(2027, 1, 8),
                        alasan="Umrah", actor=world.users["pegawai"])  # fmt: skip
    assert _deciders(world, case) == {"atasan"}
    FLOW.run(case, "teruskan", actor=world.users["atasan"])
    case.refresh_from_db()
    assert _deciders(world, case) == {"admin_bkd"}


def test_nobody_decides_a_request_they_made_for_themselves(world):
    case = leave.ajukan(jenis="cuti_besar", mulai=date(2027, 2, 1), selesai=date(2027, 2, 5),
                        alasan="Umrah", actor=world.users["atasan"])  # fmt: skip
    atasan = world.users["atasan"]
    assert not access.may_decide_ketidakhadiran(atasan, case)
    assert not _in_inbox(atasan, case)


def test_after_deciding_a_leave_request_from_the_inbox_the_next_one_opens(world):
    first = leave.ajukan(jenis="cuti_besar", mulai=date(2027, 1, 4), selesai=date(2027, 1, 8),
                         alasan="Umrah", actor=world.users["pegawai"])  # fmt: skip
    second = leave.ajukan(jenis="cuti_besar", mulai=date(2027, 1, 4), selesai=date(2027, 1, 8),
                          alasan="Umrah", actor=world.users["kabid"])  # fmt: skip
    client = world.client("atasan")
    rows = client.get("/kotak-masuk/", {"jenis": "attendance.cuti"}).context["rows"]
    assert [r["item"].key for r in rows] == [str(first.pk), str(second.pk)]
    opened = client.get(rows[0]["url"])
    next_field = opened.content.decode().split('name="next" value="')[1].split('"')[0]
    decided = client.post(
        reverse("attendance:cuti_langkah", args=[first.pk]),
        {"langkah": "teruskan", "version": first.version, "next": next_field},
    )
    assert decided["Location"] == next_field
    assert client.get(next_field)["Location"].startswith(second.get_absolute_url() + "?kotak=")


def test_a_refused_leave_decision_stays_on_the_same_request(world):
    case = leave.ajukan(jenis="cuti_besar", mulai=date(2027, 1, 4), selesai=date(2027, 1, 8),
                        alasan="Umrah", actor=world.users["pegawai"])  # fmt: skip
    response = world.client("atasan").post(
        reverse("attendance:cuti_langkah", args=[case.pk]),
        {"langkah": "tolak", "alasan": "", "version": case.version,
         "next": reverse("core:kotak_masuk_berikutnya")},
    )  # fmt: skip
    assert response["Location"].startswith(case.get_absolute_url() + "?kotak=")
    case.refresh_from_db()
    assert case.state == case.Status.DIAJUKAN
