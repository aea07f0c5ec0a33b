"""Long XLSX exports run as a job with a progress page; short ones download at once. Either
way the file holds what the user may see under the page's filters."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from sikap.core.models import Operasi
from sikap.reports.xlsx import write_xlsx

pytestmark = pytest.mark.django_db


def _rows(data: bytes):
    return list(load_workbook(io.BytesIO(data)).active.iter_rows(values_only=True))


def _direct(client, url, params=None):
    response = client.get(url, params or {})
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    return _rows(b"".join(response.streaming_content))


@pytest.fixture
def as_job(django_capture_on_commit_callbacks):
    """GET an export that becomes a job: the job runs (on commit, as after a request), then
    (the operation, the rows of the file downloaded from its page)."""

    def get(client, url, params=None):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.get(url, params or {})
        return _finished(client, response)

    return get


def _finished(client, response):
    assert response.status_code == 302
    operasi = Operasi.objects.latest("pk")
    assert response["Location"] == reverse("core:operasi", args=[operasi.pk])
    page = client.get(response["Location"]).content.decode()
    assert "Selesai" in page and reverse("core:operasi_berkas", args=[operasi.pk]) in page
    download = client.get(reverse("core:operasi_berkas", args=[operasi.pk]))
    assert download.status_code == 200
    return operasi, _rows(b"".join(download.streaming_content))


@pytest.mark.parametrize(
    ("url", "persona", "params"),
    [
        ("people:pegawai_export", "admin_bkd", {}),
        ("people:pegawai_export", "admin_opd", {"q": "Budi"}),
        ("documents:kelengkapan_ekspor", "admin_bkd", {}),
        ("documents:kelengkapan_ekspor", "admin_opd", {}),
    ],
)
def test_a_long_export_is_a_job_whose_file_holds_the_same_rows(
    world, settings, as_job, url, persona, params
):
    client = world.client(persona)
    direct = _direct(client, reverse(url), params)
    settings.SIKAP_EKSPOR_LANGSUNG_MAKS = 0
    operasi, from_job = as_job(client, reverse(url), params)
    assert from_job == direct
    assert operasi.user == world.users[persona] and operasi.kind == "ekspor"
    assert f"{len(direct) - 1} baris" in operasi.message


def test_the_job_s_file_is_for_its_owner_only(world, settings, as_job):
    settings.SIKAP_EKSPOR_LANGSUNG_MAKS = 0
    operasi, _rows_ = as_job(world.client("admin_opd"), reverse("people:pegawai_export"))
    other = world.client("admin_opd_lain")
    assert other.get(reverse("core:operasi_berkas", args=[operasi.pk])).status_code == 404


def test_the_job_writes_what_its_user_may_see_under_the_filters(world, settings, as_job):
    settings.SIKAP_EKSPOR_LANGSUNG_MAKS = 0
    _operasi, rows = as_job(world.client("admin_opd_lain"), reverse("people:pegawai_export"))
    assert [r[1] for r in rows[1:]] == ["Rudi Hartono"]


def test_writing_reports_progress_every_thousand_rows():
    seen = []
    write_xlsx(["n"], ([n] for n in range(2500)), progress=seen.append)
    assert seen == [1000, 2000]
