"""Names, titles and places that a spreadsheet would run as a formula are refused at input."""

import pytest
from django.forms.models import model_to_dict

from sikap.accounts.system import system_actor
from sikap.core.validators import FORMULA_MESSAGE
from sikap.people.forms import PegawaiForm
from sikap.people.import_service import import_siasn
from sikap.people.models import Pegawai
from tests.people.test_import_siasn import person

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("field", ["nama", "gelar_depan", "gelar_belakang", "tempat_lahir"])
@pytest.mark.parametrize("value", ["=1+1", "+SUM(A1)", "-2+3", "@A1"])
def test_pegawai_form_refuses_a_formula_start_in_names_and_places(world, field, value):
    pegawai = world.pegawai
    data = {k: v for k, v in model_to_dict(pegawai).items() if v is not None}
    data[field] = value
    form = PegawaiForm(data, instance=pegawai, user=world.user("admin_bkd"))
    assert not form.is_valid()
    assert form.errors[field] == [FORMULA_MESSAGE]
    pegawai.refresh_from_db()
    assert getattr(pegawai, field) != value


def test_a_name_with_a_sign_inside_is_accepted(world):
    data = {k: v for k, v in model_to_dict(world.pegawai).items() if v is not None}
    data.update(nama="Siti Nur-Aini", gelar_belakang="S.E., M.Si.")
    form = PegawaiForm(data, instance=world.pegawai, user=world.user("admin_bkd"))
    assert form.is_valid(), form.errors


def test_siasn_import_refuses_a_formula_start_in_a_name_and_writes_nothing(world):
    before = Pegawai.objects.count()
    rows = [person(1, NAMA='=HYPERLINK("http://x")'), person(2, **{"UNOR NAMA": "@evil"})]
    report = import_siasn(rows, actor=system_actor())
    assert {(e.row, e.column) for e in report.errors} == {(2, "NAMA"), (3, "UNOR NAMA")}
    assert all(e.message == FORMULA_MESSAGE for e in report.errors)
    assert Pegawai.objects.count() == before


def test_siasn_import_keeps_a_phone_number_with_a_country_code(world):
    report = import_siasn([person(1, **{"NOMOR HP": "+6281234567890"})], actor=system_actor())
    assert report.ok and report.created == 1
    assert Pegawai.objects.get(nama="PEGAWAI NOMOR 1").no_hp == "+6281234567890"


@pytest.mark.parametrize("model", ["Opd", "UnitKerja", "Jabatan"])
def test_organisation_names_refuse_a_formula_start_as_kelola_forms_do(world, model):
    from django.core.exceptions import ValidationError

    from sikap.org import models as org

    field = org.__dict__[model]._meta.get_field("nama")
    with pytest.raises(ValidationError) as refused:
        field.run_validators("=1+1")
    assert refused.value.messages == [FORMULA_MESSAGE]
    field.run_validators("Dinas Pendidikan")
