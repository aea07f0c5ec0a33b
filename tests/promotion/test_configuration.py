from datetime import date

import pytest

from sikap.core.errors import SikapError
from sikap.promotion import admin_services
from sikap.promotion.models import JenisKp, PeriodeKp


@pytest.mark.parametrize(
    ("tanggal", "batas", "message"),
    [
        (date(2026, 4, 2), date(2026, 3, 1), "bukan periode KP"),
        (date(2023, 6, 1), date(2023, 5, 1), "PP 99/2000"),
        (date(2026, 4, 1), date(2026, 4, 1), "sebelum tanggal periode"),
    ],
)
def test_a_period_must_be_a_regulation_date_with_an_earlier_deadline(
    world, tanggal, batas, message
):
    periode = PeriodeKp(tanggal=tanggal, batas_usul=batas)
    with pytest.raises(SikapError, match=message):
        admin_services.save_setting(periode, actor=world.users["admin_bkd"])
    assert not PeriodeKp.objects.exists()


def test_only_admin_bkd_configures_periods(world):
    periode = PeriodeKp(tanggal=date(2026, 5, 1), batas_usul=date(2026, 4, 15))
    with pytest.raises(SikapError):
        admin_services.save_setting(periode, actor=world.users["verifikator"])
    admin_services.save_setting(periode, actor=world.users["admin_bkd"])
    assert PeriodeKp.objects.get().tanggal == date(2026, 5, 1)


def test_every_type_has_its_checklist_seeded(db):
    kinds = {j.kode: {s.jenis_dokumen.kode for s in j.syarat.all()} for j in JenisKp.objects.all()}
    assert set(kinds) == {"reguler", "struktural", "fungsional", "penyesuaian_ijazah", "prestasi"}
    assert {"sk_pangkat", "skp", "ijazah", "stlud"} <= kinds["reguler"]
    assert {"pak", "sk_jabatan"} <= kinds["fungsional"]
    assert {"sk_jabatan", "sk_pelantikan", "spmt"} <= kinds["struktural"]
