"""Perencana keep the Renstra and Renja trees by hand at /kelola/; nothing else is open to them."""

from decimal import Decimal

import pytest

from sikap.accounts.models import Peran
from sikap.core.models import AuditEntry
from sikap.performance.models import Indikator, IndikatorTarget, Renstra, Tujuan
from tests.factories import make_user


@pytest.fixture
def perencana(world):
    client = world.client("pegawai")
    client.force_login(make_user("perencana.bkd", Peran.PERENCANA))
    return client


RENSTRA = {
    "tahun_awal": "2025",
    "tahun_akhir": "2029",
    "nama": "Renstra BKD 2025–2029",
    "tujuan-TOTAL_FORMS": "1",
    "tujuan-INITIAL_FORMS": "0",
    "tujuan-0-urutan": "1",
    "tujuan-0-nomor": "1",
    "tujuan-0-nama": "Meningkatnya Profesionalitas ASN",
}


def test_perencana_adds_a_renstra_with_its_goal_and_both_are_audited(perencana):
    response = perencana.post("/kelola/performance/renstra/add/", RENSTRA)
    assert response.status_code == 302, response.content.decode()[-1500:]
    renstra = Renstra.objects.get(tahun_awal=2025)
    tujuan = Tujuan.objects.get(renstra=renstra)
    assert AuditEntry.objects.filter(
        object_id=str(renstra.pk), content_type__model="renstra", action="create"
    ).exists()
    assert AuditEntry.objects.filter(
        object_id=str(tujuan.pk), content_type__model="tujuan", action="create"
    ).exists()


def test_a_period_that_ends_before_it_starts_is_refused(perencana):
    response = perencana.post(
        "/kelola/performance/renstra/add/", {**RENSTRA, "tahun_awal": "2029", "tahun_akhir": "2025"}
    )
    assert response.status_code == 200
    assert not Renstra.objects.exists()


def test_perencana_cannot_manage_organisation_master_data(perencana):
    assert perencana.get("/kelola/org/opd/").status_code == 403
    index = perencana.get("/kelola/").content.decode()
    assert "Renstra" in index and "OPD" not in index


@pytest.mark.parametrize("persona", ["pegawai", "admin_opd", "pimpinan", "verifikator"])
def test_other_roles_cannot_edit_plans(world, persona):
    response = world.client(persona).post("/kelola/performance/renstra/add/", RENSTRA)
    assert response.status_code in (302, 403)
    assert not Renstra.objects.exists()


def test_an_iku_whose_target_has_a_printed_capaian_can_be_saved(perencana):
    """laporan_capaian keeps printed figures as text but reads them as Decimal; the /kelola/
    form used to measure the Decimal's length and answer 500."""
    renstra = Renstra.objects.create(tahun_awal=2025, tahun_akhir=2029)
    tujuan = Tujuan.objects.create(renstra=renstra, nama="Meningkatnya Profesionalitas ASN")
    iku = Indikator.objects.create(tujuan=tujuan, nama="Indeks Uji", satuan="%", sumber="manual")
    IndikatorTarget.objects.create(
        indikator=iku, tahun=2025, target=Decimal(80), laporan_capaian=Decimal("13.00")
    )
    target = IndikatorTarget.objects.get()
    data = {
        "tujuan": tujuan.pk, "nama": "Indeks Uji (diubah)", "satuan": "%", "arah": "higher",
        "agregasi": "last", "sumber": "manual", "urutan": "0",
        "target-TOTAL_FORMS": "1", "target-INITIAL_FORMS": "1",
        "target-0-id": target.pk, "target-0-indikator": iku.pk, "target-0-tahun": "2025",
        "target-0-target": "80", "target-0-laporan_capaian": "13.00",
        "realisasi_terbit-TOTAL_FORMS": "0", "realisasi_terbit-INITIAL_FORMS": "0",
    }  # fmt: skip
    response = perencana.post(f"/kelola/performance/indikator/{iku.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[-2000:]
    iku.refresh_from_db()
    assert iku.nama == "Indeks Uji (diubah)"
    assert IndikatorTarget.objects.get().laporan_capaian == Decimal("13.00")
