from datetime import date

import pytest
from django.urls import reverse

from sikap.accounts.models import Peran
from sikap.accounts.system import system_actor
from sikap.core import home, inbox
from sikap.salary import services
from sikap.salary.cards import kgb_cards
from sikap.salary.models import Kgb
from tests.factories import make_opd, make_user


@pytest.fixture
def drafted(kantor):
    services.draft_due(date(2026, 12, 10), actor=system_actor())
    return Kgb.objects.get()


def test_the_due_list_shows_the_month_and_batch_verify_moves_the_selection(client, kantor, drafted):
    client.force_login(kantor.verifikator)
    page = client.get(reverse("salary:daftar"), {"bulan": "2027-03"})
    assert page.status_code == 200
    assert "Maret 2027" in page.text and "Siti Aminah" in page.text
    response = client.post(
        reverse("salary:verifikasi"),
        {"kgb": [drafted.pk], "kembali": "/kgb/?bulan=2027-03"},
        follow=True,
    )
    assert "1 surat KGB diverifikasi." in response.text
    drafted.refresh_from_db()
    assert drafted.state == "diverifikasi"


def test_a_batch_without_a_selection_or_a_bad_month_says_so_and_changes_nothing(
    client, kantor, drafted
):
    client.force_login(kantor.verifikator)
    response = client.post(reverse("salary:verifikasi"), {}, follow=True)
    assert "Pilih sedikitnya satu surat KGB" in response.text
    page = client.get(reverse("salary:daftar"), {"bulan": "2027-13", "opd": "x"})
    assert page.status_code == 200
    assert "Bulan tidak valid" in page.text and "OPD tidak dikenal" in page.text
    drafted.refresh_from_db()
    assert drafted.state == "draf"


def test_an_admin_opd_sees_only_its_own_opd(client, kantor, drafted):
    other = make_user("admin-lain", Peran.ADMIN_OPD, opds=[make_opd("Dinas Kesehatan")])
    client.force_login(other)
    page = client.get(reverse("salary:daftar"), {"bulan": "2027-03"})
    assert "Siti Aminah" not in page.text
    assert client.get(drafted.get_absolute_url()).status_code == 404
    client.force_login(kantor.admin_opd)
    assert "Siti Aminah" in client.get(reverse("salary:daftar"), {"bulan": "2027-03"}).text


def test_returning_needs_a_reason(client, kantor, drafted):
    client.force_login(kantor.verifikator)
    url = reverse("salary:kembalikan", args=[drafted.pk])
    response = client.post(url, {"alasan": "", "version": drafted.version}, follow=True)
    assert "Alasan wajib diisi" in response.text
    client.post(url, {"alasan": "SK dasar salah", "version": drafted.version})
    drafted.refresh_from_db()
    assert (drafted.state, drafted.alasan_kembali) == ("dikembalikan", "SK dasar salah")


def test_the_calculator_cites_the_regulation_and_explains_bad_input(client, kantor):
    client.force_login(kantor.verifikator)
    url = reverse("salary:kalkulator")
    page = client.get(url, {"golongan": "III/b", "mkg_tahun": 2, "mkg_bulan": 0,
                            "tmt": "2023-05-01"})  # fmt: skip
    assert "1 Mei 2025" in page.text and "3.089.300" in page.text
    assert "Peraturan Pemerintah Nomor 5 Tahun 2024" in page.text
    top = client.get(url, {"golongan": "I/b", "mkg_tahun": 27, "mkg_bulan": 0, "tmt": "2025-03-01"})
    assert "tidak ada KGB berikutnya" in top.text
    bad = client.get(url, {"golongan": "V/a", "mkg_tahun": -1, "mkg_bulan": 12, "tmt": "kemarin"})
    assert "MKG bulan paling banyak 11." in bad.text
    assert "Tanggal tidak valid." in bad.text


def test_the_pegawai_finds_the_published_letter_and_its_qr_page(
    client, kantor, drafted, django_capture_on_commit_callbacks
):
    services.verify([drafted.pk], actor=kantor.verifikator)
    with django_capture_on_commit_callbacks(execute=True):
        services.sign([drafted.pk], actor=kantor.kepala)
    drafted.refresh_from_db()
    client.force_login(kantor.akun_pegawai)
    page = client.get(reverse("salary:saya"))
    assert drafted.dokumen.nomor in page.text
    download = client.get(reverse("documents:terbit_unduh", args=[drafted.dokumen_id]))
    assert download.status_code == 200
    client.logout()
    assert client.get(drafted.dokumen.verification_path).status_code == 200


def test_card_and_inbox_show_what_waits_with_a_fixed_number_of_queries(
    kantor, drafted, django_assert_max_num_queries
):
    with django_assert_max_num_queries(2):
        cards = list(kgb_cards(kantor.verifikator, date(2027, 1, 5)))
    assert cards[0].context["todo"] == 1 and cards[0].order == home.TODO
    source = next(s for s in inbox.sources() if s.kind == "salary.verifikasi")
    with django_assert_max_num_queries(2):
        items = source.items(kantor.verifikator, inbox.Filters(), 10)
    assert [i.pegawai_nama for i in items] == ["Siti Aminah"]
    assert source.count(kantor.akun_pegawai, inbox.Filters()) == 0


def test_the_phone_lists_and_downloads_my_kgb_letter(
    client, kantor, drafted, django_capture_on_commit_callbacks
):
    from sikap.accounts.tokens import issue_token

    services.verify([drafted.pk], actor=kantor.verifikator)
    with django_capture_on_commit_callbacks(execute=True):
        services.sign([drafted.pk], actor=kantor.kepala)
    drafted.refresh_from_db()
    raw = issue_token(kantor.akun_pegawai, "Ponsel", actor=kantor.akun_pegawai)[1]
    auth = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}
    letters = client.get("/api/v1/me/letters", **auth).json()["items"]
    assert [x["nomor"] for x in letters] == [drafted.dokumen.nomor]
    pdf = client.get(f"/api/v1/me/letters/{drafted.dokumen_id}/file", **auth)
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    other = issue_token(kantor.verifikator, "Ponsel", actor=kantor.verifikator)[1]
    refused = client.get(
        f"/api/v1/me/letters/{drafted.dokumen_id}/file", HTTP_AUTHORIZATION=f"Bearer {other}"
    )
    assert refused.status_code == 404


def test_staff_download_the_draft_as_docx_on_f4(client, kantor, drafted):
    client.force_login(kantor.verifikator)
    response = client.get(reverse("salary:surat_docx", args=[drafted.pk]), {"kertas": "f4"})
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('-F4.docx"')
    assert response.content.startswith(b"PK")


def test_a_month_beyond_the_window_lists_who_will_fall_due(client, kantor):
    client.force_login(kantor.verifikator)
    page = client.get(reverse("salary:daftar"), {"bulan": "2027-03"})
    assert "Akan jatuh tempo, belum disusun (1)" in page.text and "Siti Aminah" in page.text
    services.draft_due(date(2026, 12, 10), actor=system_actor())
    page = client.get(reverse("salary:daftar"), {"bulan": "2027-03"})
    assert "Akan jatuh tempo, belum disusun" not in page.text
