"""Configuration rows about one pegawai (ujian dinas, temporary locations, absences) are never
written by that pegawai, whatever their role: not through the services, not at /kelola/."""

from datetime import date
from decimal import Decimal

import pytest
from django.test import RequestFactory

from sikap.accounts.models import Peran
from sikap.attendance.models import Ketidakhadiran, LokasiSementara
from sikap.attendance.services import save_config, save_ketidakhadiran
from sikap.core.admin_site import site
from sikap.core.errors import SikapError
from sikap.promotion import admin_services
from sikap.promotion.models import UjianDinas
from tests.factories import make_user


@pytest.fixture
def admin_with_record(world):
    return make_user("admin.bkd.pegawai", Peran.ADMIN_BKD, pegawai=world.pegawai_b)


def _lokasi(pegawai):
    return LokasiSementara(
        pegawai=pegawai, nama="Rumah", latitude=Decimal("-8.1"), longitude=Decimal("113.2"),
        radius_m=100, mulai=date(2026, 12, 1), selesai=date(2027, 12, 1), alasan="dinas luar",
    )  # fmt: skip


def test_an_admin_bkd_may_not_record_their_own_ujian_dinas(admin_with_record, world):
    own = UjianDinas(
        pegawai=world.pegawai_b, tingkat=UjianDinas.Tingkat.II, tanggal=date(2026, 1, 5),
        nomor="BEBAS/1", dibebaskan=True,
    )  # fmt: skip
    with pytest.raises(SikapError, match="Data Anda sendiri"):
        admin_services.save_setting(own, actor=admin_with_record)
    assert not UjianDinas.objects.exists()


def test_an_admin_bkd_may_not_give_themselves_a_location_or_an_absence(admin_with_record, world):
    with pytest.raises(SikapError, match="Data Anda sendiri"):
        save_config(_lokasi(world.pegawai_b), actor=admin_with_record)
    absence = Ketidakhadiran(
        pegawai=world.pegawai_b,
        jenis=Ketidakhadiran._meta.get_field("jenis").choices[0][0],
        mulai=date(2026, 11, 2),
        selesai=date(2026, 11, 6),
    )
    with pytest.raises(SikapError, match="Data Anda sendiri"):
        save_ketidakhadiran(absence, actor=admin_with_record)
    assert not LokasiSementara.objects.exists() and not Ketidakhadiran.objects.exists()


def test_someone_elses_location_is_still_saved(admin_with_record, world):
    save_config(_lokasi(world.pegawai), actor=admin_with_record)
    assert LokasiSementara.objects.get().pegawai == world.pegawai


def test_the_kelola_form_refuses_ones_own_row_with_a_message(admin_with_record, world):
    request = RequestFactory().get("/kelola/")
    request.user = admin_with_record
    form_class = site._registry[LokasiSementara].get_form(request)
    data = {
        "nip": world.pegawai_b.nip, "nama": "Rumah", "latitude": "-8.1", "longitude": "113.2",
        "radius_m": 100, "mulai": "2026-12-01", "selesai": "2027-12-01", "alasan": "dinas luar",
    }  # fmt: skip
    form = form_class(data=data)
    assert not form.is_valid()
    assert "Data Anda sendiri" in str(form.non_field_errors())
