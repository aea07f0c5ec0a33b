"""The two /kelola/ import pages (bank soal, standar kompetensi) share one view: each names its
own file, starts its own import as an operation, and a refused file's progress page lists the
problems and says what was not saved."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from sikap.core.models import Operasi
from tests.competency.test_bank import GOOD, _xlsx
from tests.competency.test_standards_import import xlsx

BAD_BANK = _xlsx(GOOD + [["INT-B3", "integritas", 1, "pg", "Tanpa kunci", "a", "b", "c", ""]])
BAD_STANDAR = xlsx(("", "", "", "integritas", 9))


@pytest.mark.parametrize(
    ("model", "label", "berkas", "benda"),
    [
        ("soal", "Berkas XLSX/CSV bank soal", BAD_BANK, "soal"),
        ("standarkompetensi", "Berkas XLSX/CSV standar kompetensi", BAD_STANDAR, "standar"),
    ],
)
def test_a_refused_import_shows_its_problems_and_what_was_not_saved(
    client, world, kompetensi, django_capture_on_commit_callbacks, model, label, berkas, benda
):
    client.force_login(world.users["admin_bkd"])
    url = reverse(f"kelola:competency_{model}_impor")
    assert label in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"berkas": SimpleUploadedFile("berkas.xlsx", berkas)})
    operasi = Operasi.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("core:operasi", args=[operasi.pk])
    assert operasi.state == Operasi.State.GAGAL, operasi.message
    page = client.get(response["Location"]).content.decode()
    assert f"Tidak ada {benda} yang disimpan." in page
    assert reverse(f"kelola:competency_{model}_impor") in page
