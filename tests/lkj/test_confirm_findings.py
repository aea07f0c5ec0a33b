"""Issue 15: publishing with open severity-A findings needs admin BKD to confirm each one with
a reason (audited); the reason is printed in the report's Catatan Konsistensi Data."""

import pytest

from sikap.accounts.models import Peran
from sikap.core import kinds
from sikap.core.errors import SikapError
from sikap.core.models import AuditEntry
from sikap.documents.models import DokumenTerbit, NomorUrut
from sikap.lkj.builder import build_lkj
from sikap.lkj.models import KonfirmasiTemuan
from sikap.lkj.services import confirm_finding, open_findings, publish_lkj
from tests.factories import make_user
from tests.lkj.conftest import REASON, confirm_all


def test_publishing_is_refused_while_an_a_finding_is_unconfirmed(world, sakip):
    admin = world.users["admin_bkd"]
    findings = open_findings(2023)
    assert len(findings) == 22 and all(c is None for _, c in findings)
    with pytest.raises(SikapError, match="22 temuan tingkat A belum dikonfirmasi"):
        publish_lkj(2023, actor=admin)
    for finding, _ in findings[1:]:
        confirm_finding(2023, finding.key, REASON, actor=admin)
    with pytest.raises(SikapError, match="1 temuan tingkat A"):
        publish_lkj(2023, actor=admin)
    assert not DokumenTerbit.objects.exists() and not NomorUrut.objects.exists()


def test_a_confirmation_needs_a_real_reason_a_known_finding_and_admin_bkd(world, sakip):
    admin = world.users["admin_bkd"]
    key = open_findings(2023)[0][0].key
    with pytest.raises(SikapError, match="sekurang-kurangnya 20 karakter"):
        confirm_finding(2023, key, "   ok   ", actor=admin)
    with pytest.raises(SikapError, match="tidak \\(lagi\\) ada"):
        confirm_finding(2023, "0" * 20, REASON, actor=admin)
    for role in (Peran.PERENCANA, Peran.PIMPINAN):
        with pytest.raises(SikapError, match="Hanya admin BKD"):
            confirm_finding(2023, key, REASON, actor=make_user(f"u.{role}", role))
    assert not KonfirmasiTemuan.objects.exists()
    confirm_finding(2023, key, REASON, actor=admin)
    entry = AuditEntry.objects.get(kind=kinds.LKJ_FINDING_CONFIRMED)
    assert entry.actor == admin


def test_the_reason_is_printed_beside_the_finding(sakip):
    confirm_all(2023)
    rows = [r.cells for r in build_lkj(2023).konsistensi.rows if r.cells[1] == "tingkat A"]
    assert len(rows) == 22 and all(r[-1] == f"Dikonfirmasi: {REASON}" for r in rows)


def test_the_page_confirms_and_bad_input_changes_nothing(world, sakip):
    client = world.client("admin_bkd")
    page = client.get("/lkj/2023/")
    assert "Temuan tingkat A yang harus dikonfirmasi" in page.content.decode()
    key = open_findings(2023)[0][0].key
    response = client.post("/lkj/2023/konfirmasi/", {"kunci": key, "alasan": ""}, follow=True)
    assert "Pilih temuan dan tuliskan alasan" in response.content.decode()
    response = client.post("/lkj/2023/konfirmasi/", {"kunci": key, "alasan": "kurang"}, follow=True)
    assert "sekurang-kurangnya 20 karakter" in response.content.decode()
    assert not KonfirmasiTemuan.objects.exists()
    response = client.post("/lkj/2023/konfirmasi/", {"kunci": key, "alasan": REASON})
    assert response.status_code == 302 and response["Location"] == "/lkj/2023/#temuan"
    assert KonfirmasiTemuan.objects.get().alasan == REASON
    pimpinan = world.client("pimpinan")
    assert (
        pimpinan.post("/lkj/2023/konfirmasi/", {"kunci": key, "alasan": REASON}).status_code == 403
    )
    assert KonfirmasiTemuan.objects.count() == 1
