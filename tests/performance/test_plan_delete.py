"""Deleting SAKIP plans at /kelola/ (issue 8, finding 8): never through submitted or verified
realisation, every deleted row audited, evidence files not left behind."""

import os
from decimal import Decimal

import pytest
from django.core.files.base import ContentFile

from sikap.accounts.models import Peran
from sikap.core.errors import SikapError
from sikap.core.models import AuditEntry
from sikap.performance import services
from sikap.performance.models import (
    IndikatorRenja,
    Program,
    RealisasiTriwulan,
    Renja,
    Status,
    Tingkat,
)
from tests.factories import make_user


@pytest.fixture
def perencana(world):
    return make_user("perencana.bkd", Peran.PERENCANA)


@pytest.fixture
def tree(db, settings, tmp_path):
    """Renja 2030 → one programme → one indicator → quarter 1 with an evidence file."""
    settings.MEDIA_ROOT = tmp_path / "media"
    renja = Renja.objects.create(tahun=2030)
    program = Program.objects.create(renja=renja, kode="5.01", nama="Program Uji")
    indikator = IndikatorRenja.objects.create(
        renja=renja, tingkat=Tingkat.PROGRAM, program=program, kode="5.01", indikator="Uji",
        satuan="%", target=Decimal(100), agregasi="last",
    )  # fmt: skip
    quarter = RealisasiTriwulan(indikator=indikator, triwulan=1, state=Status.DRAF)
    quarter.bukti.save("bukti.pdf", ContentFile(b"%PDF-1.7 bukti"), save=False)
    quarter.save()
    return renja, quarter


def test_a_verified_quarter_keeps_its_renja_and_programme(tree, perencana):
    renja, quarter = tree
    RealisasiTriwulan.objects.filter(pk=quarter.pk).update(state=Status.TERVERIFIKASI)
    for obj in (renja, Program.objects.get()):
        with pytest.raises(SikapError) as exc:
            services.delete_plan_object(obj, actor=perencana)
        assert "hanya berubah melalui koreksi" in exc.value.message
    assert RealisasiTriwulan.objects.filter(pk=quarter.pk).exists()
    assert not AuditEntry.objects.exists()


def test_every_deleted_row_is_audited_and_the_evidence_file_removed(
    tree, perencana, django_capture_on_commit_callbacks
):
    renja, quarter = tree
    path = quarter.bukti.path
    with django_capture_on_commit_callbacks(execute=True):
        services.delete_plan_object(renja, actor=perencana)
    assert not Renja.objects.exists() and not RealisasiTriwulan.objects.exists()
    kinds = sorted(AuditEntry.objects.values_list("kind", flat=True))
    assert kinds == [
        "indikator_renja.deleted",
        "program.deleted",
        "realisasi_triwulan.deleted",
        "renja.deleted",
    ]
    assert all(e.actor == perencana for e in AuditEntry.objects.all())
    assert not os.path.exists(path)


def test_kelola_refuses_the_delete_with_the_reason(tree, perencana, client):
    renja, quarter = tree
    RealisasiTriwulan.objects.filter(pk=quarter.pk).update(state=Status.DIAJUKAN)
    client.force_login(perencana)
    response = client.post(
        f"/kelola/performance/renja/{renja.pk}/delete/", {"post": "yes"}, follow=True
    )
    page = response.content.decode()
    assert "hanya berubah melalui koreksi" in page
    assert "berhasil dihapus" not in page and "deleted successfully" not in page
    assert Renja.objects.filter(pk=renja.pk).exists()
