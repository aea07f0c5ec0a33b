import pytest
from django.contrib.messages import get_messages
from django.core import mail  # noqa: F401  (e-mail goes through jobs run in the caller)
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from sikap.core.models import Notifikasi
from sikap.people.models import Pegawai
from sikap.promotion import services
from sikap.promotion.models import BerkasUsulan, UsulanKp
from tests.promotion.conftest import file_all, pdf
from tests.promotion.test_services import forwarded, open_reguler, submitted

S = UsulanKp.Status


def test_the_whole_path_through_the_pages(kp, django_capture_on_commit_callbacks):
    """As the issue checks it: admin OPD opens the list and proposes; the verifier returns a
    document; the admin OPD sees the reason and fixes it; the SK is recorded; the profile shows
    the new rank; the pegawai follows it on KP saya."""
    w = kp.world
    opd, verif, bkd = w.client("admin_opd"), w.client("verifikator"), w.client("admin_bkd")
    page = opd.get(reverse("promotion:periode", args=[kp.periode.pk]))
    assert page.status_code == 200
    assert (
        "Budi Santoso" in page.content.decode()
        and "III/a → <strong>III/b</strong>" in page.content.decode()
    )
    r = opd.post(
        reverse("promotion:buka", args=[kp.periode.pk]), {"nip": kp.pegawai.nip, "jenis": "reguler"}
    )
    usulan = UsulanKp.objects.get()
    assert r.url == usulan.get_absolute_url()
    for b in usulan.berkas.filter(dokumen__isnull=True):
        r = opd.post(
            reverse("promotion:unggah", args=[usulan.pk, b.pk]), {"berkas": pdf(f"{b.pk}.pdf")}
        )
        assert r.status_code == 302
    opd.post(reverse("promotion:langkah", args=[usulan.pk, "ajukan"]), {"version": 0})
    usulan.refresh_from_db()
    assert usulan.state == S.DIAJUKAN
    rows = list(usulan.berkas.filter(aktif=True))
    verif.post(
        reverse("promotion:periksa", args=[usulan.pk, rows[0].pk]),
        {"keputusan": "btl", "alasan": "Tidak ditandatangani"},
    )
    for b in rows[1:]:
        verif.post(reverse("promotion:periksa", args=[usulan.pk, b.pk]), {"keputusan": "diterima"})
    with django_capture_on_commit_callbacks(execute=True):
        verif.post(
            reverse("promotion:langkah", args=[usulan.pk, "kembalikan"]),
            {"version": usulan.version},
        )
    usulan.refresh_from_db()
    assert usulan.state == S.DIKEMBALIKAN
    notice = Notifikasi.objects.get(user=w.users["admin_opd"], message__contains="dikembalikan")
    assert "Tidak ditandatangani" in notice.message
    page = opd.get(usulan.get_absolute_url()).content.decode()
    assert "Alasan BTL: Tidak ditandatangani" in page
    opd.post(
        reverse("promotion:unggah", args=[usulan.pk, rows[0].pk]), {"berkas": pdf("baru.pdf", 3)}
    )
    opd.post(
        reverse("promotion:langkah", args=[usulan.pk, "ajukan_ulang"]), {"version": usulan.version}
    )
    usulan.refresh_from_db()
    assert usulan.state == S.DIAJUKAN
    fixed = usulan.berkas.get(aktif=True, syarat=rows[0].syarat)
    verif.post(reverse("promotion:periksa", args=[usulan.pk, fixed.pk]), {"keputusan": "diterima"})
    for step in ("lengkap", "teruskan"):
        usulan.refresh_from_db()
        verif.post(
            reverse("promotion:langkah", args=[usulan.pk, step]), {"version": usulan.version}
        )
    usulan.refresh_from_db()
    verif.post(
        reverse("promotion:pertek", args=[usulan.pk]),
        {
            "nomor": "PERTEK/1",
            "tanggal": timezone.localdate().isoformat(),
            "version": usulan.version,
        },
    )
    usulan.refresh_from_db()
    r = bkd.post(
        reverse("promotion:sk", args=[usulan.pk]),
        {
            "nomor": "823/1/2026",
            "tanggal": timezone.localdate().isoformat(),
            "tmt": kp.periode.tanggal.isoformat(),
            "golongan": "III/b",
            "mkg_tahun": 10,
            "mkg_bulan": 2,
            "berkas": pdf("sk.pdf", 5),
            "version": usulan.version,
        },
    )
    usulan.refresh_from_db()
    assert usulan.state == S.SK_TERBIT, [m.message for m in r.wsgi_request._messages]
    assert Pegawai.objects.get(pk=kp.pegawai.pk).golongan == "III/b"
    profile = opd.get(reverse("people:pegawai_detail", args=[kp.pegawai.nip])).content.decode()
    assert "III/b" in profile
    mine = w.client("pegawai").get(reverse("promotion:saya")).content.decode()
    assert "SK terbit" in mine and "Catat SK" in mine and "Tidak ditandatangani" in mine
    assert BerkasUsulan.objects.filter(usulan=usulan, status=BerkasUsulan.Status.BTL).count() == 1


def test_list_dashboard_and_export_render(kp):
    from tests.promotion.test_services import submitted

    submitted(kp)
    for persona in ("admin_opd", "verifikator", "pimpinan"):
        c = kp.world.client(persona)
        for name in ("index",):
            assert c.get(reverse(f"promotion:{name}")).status_code == 200
        for name in ("periode", "daftar_usulan", "dasbor", "ekspor"):
            assert c.get(reverse(f"promotion:{name}", args=[kp.periode.pk])).status_code == 200
    other = kp.world.client("admin_opd_lain").get(
        reverse("promotion:daftar_usulan", args=[kp.periode.pk])
    )
    assert "Budi Santoso" not in other.content.decode()


def test_the_export_follows_the_siasn_column_order(kp):
    import io

    from openpyxl import load_workbook

    from sikap.promotion.export import COLUMNS
    from tests.promotion.test_services import submitted

    submitted(kp)
    r = kp.world.client("verifikator").get(reverse("promotion:ekspor", args=[kp.periode.pk]))
    sheet = load_workbook(io.BytesIO(b"".join(r.streaming_content))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == COLUMNS
    assert rows[1][0] == kp.pegawai.nip and rows[1][3:9] == (
        "31",
        "III/a",
        kp.pegawai.tmt_golongan.strftime("%d-%m-%Y"),
        "32",
        "III/b",
        kp.periode.tanggal.strftime("%d-%m-%Y"),
    )


def _messages(response) -> list[str]:
    return [m.message for m in response.wsgi_request._messages]


def test_a_refused_upload_names_the_document_and_says_the_reason_once(kp):
    usulan = open_reguler(kp)
    row = usulan.berkas.filter(aktif=True, dokumen__isnull=True).first()
    junk = SimpleUploadedFile("skp.pdf", b"bukan pdf", content_type="application/pdf")
    r = kp.world.client("admin_opd").post(
        reverse("promotion:unggah", args=[usulan.pk, row.pk]), {"berkas": junk}, follow=True
    )
    (message,) = _messages(r)
    assert message.startswith(f"{row.syarat.nama}: ")
    assert message.count("tidak dikenali") == 1
    assert not usulan.berkas.get(pk=row.pk).dokumen_id


def test_the_sk_form_comes_with_the_period_tmt_and_the_pertek_date_filled_in(kp):
    """<input type=date> shows only an ISO value; the Indonesian format left both blank."""
    usulan = forwarded(kp)
    page = kp.world.client("admin_bkd").get(usulan.get_absolute_url()).content.decode()
    assert f'name="tmt" value="{kp.periode.tanggal.isoformat()}"' in page
    assert f'name="tanggal" value="{usulan.pertek_tanggal.isoformat()}"' in page


def test_the_archive_offers_no_document_already_attached_to_another_row(kp):
    """Both SKP rows take an SKP document: the one attached as last year's SKP is not offered
    for this year's row (nor the row's own document)."""
    usulan = open_reguler(kp)
    opd = kp.user("admin_opd")
    skp_rows = list(usulan.berkas.filter(aktif=True, syarat__jenis_dokumen__kode="skp"))
    assert len(skp_rows) == 2
    attached = services.unggah_dokumen(skp_rows[0], pdf("skp-lama.pdf"), actor=opd)
    page = kp.world.client("admin_opd").get(usulan.get_absolute_url()).content.decode()
    pilih = reverse("promotion:pilih", args=[usulan.pk, skp_rows[1].pk])
    assert pilih not in page
    assert f'name="dokumen" value="{attached.dokumen_id}"' not in page


def test_a_step_taken_says_whose_proposal_and_its_new_status(kp):
    usulan = open_reguler(kp)
    file_all(usulan, kp.user("admin_opd"))
    r = kp.world.client("admin_opd").post(
        reverse("promotion:langkah", args=[usulan.pk, "ajukan"]), {"version": 0}, follow=True
    )
    assert _messages(r) == [f"Usul KP {kp.pegawai.nama} kini berstatus Diajukan ke BKD."]


@pytest.mark.parametrize(
    ("post", "level", "text"),
    [
        ({"keputusan": "diterima"}, "success", "{nama} diterima."),
        (
            {"keputusan": "btl", "alasan": "Tidak ditandatangani"},
            "warning",
            "{nama} dikembalikan (BTL): Tidak ditandatangani",
        ),
        ({"keputusan": "btl"}, "error", "{nama}: Tuliskan alasan dokumen dikembalikan (BTL)."),
        ({}, "error", "{nama}: pilih terima atau BTL."),
    ],
)
def test_verifying_a_document_says_what_happened_and_returns_to_its_row(
    kp, client, post, level, text
):
    usulan = submitted(kp)
    berkas = usulan.berkas.filter(aktif=True).select_related("syarat").first()
    client.force_login(kp.user("verifikator"))

    r = client.post(reverse("promotion:periksa", args=[usulan.pk, berkas.pk]), post)

    assert r.status_code == 302
    assert r.url == f"{usulan.get_absolute_url()}#dok-{berkas.pk}"
    shown = [(m.level_tag, m.message) for m in get_messages(r.wsgi_request)]
    assert shown == [(level, text.format(nama=berkas.syarat.nama))]
    page = client.get(r.url).content.decode()
    assert f'id="dok-{berkas.pk}"' in page
