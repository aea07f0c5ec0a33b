from datetime import date

import pytest
from django.utils import timezone

from sikap.core.errors import SikapError
from sikap.core.models import AuditEntry, Notifikasi
from sikap.documents.models import Dokumen
from sikap.documents.services import upload_dokumen
from sikap.pension import services
from sikap.pension.models import BerkasPensiun, JenisPensiun, LampiranBerkas
from sikap.pension.tracker import tracker
from sikap.people.models import Pegawai
from sikap.salary import selectors as kgb_selectors
from tests.factories import make_pegawai
from tests.pension.conftest import pdf_bytes, png_bytes, upload

S = BerkasPensiun.Status
L = LampiranBerkas.Status


def open_bup(kantor, actor=None):
    return services.open_file(
        kantor.pegawai, JenisPensiun.BUP, actor=actor or kantor.admin_opd, check_registry=False
    )


def complete(berkas, actor):
    """Upload a PDF for every required item still empty."""
    for item in berkas.lampiran.filter(wajib=True, status=L.KOSONG).select_related("jenis_dokumen"):
        if "pdf" in item.jenis_dokumen.formats:
            f = upload(f"{item.jenis_dokumen.kode}.pdf", pdf_bytes())
        else:
            f = upload("foto.png", png_bytes(), "image/png")
        services.upload(item, f, actor=actor)


def test_opening_a_bup_file_builds_its_checklist_and_attaches_the_digital_file(kantor):
    ktp = upload_dokumen(
        kantor.pegawai, "ktp", upload("ktp.pdf", pdf_bytes()), actor=kantor.akun_pegawai
    )
    berkas = open_bup(kantor)
    assert (berkas.state, berkas.tmt_pensiun, berkas.bup) == (S.DIBUKA, date(2027, 5, 1), 58)
    items = {i.jenis_dokumen.kode: i for i in berkas.lampiran.all()}
    assert items["ktp"].dokumen == ktp and items["ktp"].status == L.MENUNGGU
    assert items["kk"].status == L.KOSONG and items["kk"].wajib
    assert items["akta_nikah"].wajib  # she is married
    assert not items["akta_lahir_anak"].wajib if "akta_lahir_anak" in items else True
    assert not items["sk_jabatan"].wajib  # attached when there is one
    assert AuditEntry.objects.filter(kind="berkas_pensiun.created").count() == 1


def test_a_file_is_opened_once(kantor):
    open_bup(kantor)
    with pytest.raises(SikapError, match="sudah mempunyai berkas pensiun") as e:
        services.open_file(kantor.pegawai, JenisPensiun.APS, actor=kantor.admin_opd,
                           tmt=date(2027, 1, 1), check_registry=False)  # fmt: skip
    assert e.value.code == "duplikat"
    assert BerkasPensiun.objects.count() == 1


def test_nobody_opens_their_own_file_nor_one_of_another_opd(kantor):
    with pytest.raises(SikapError, match="sendiri"):
        open_bup(kantor, actor=kantor.akun_pegawai)
    with pytest.raises(SikapError, match="tidak berhak"):
        open_bup(kantor, actor=kantor.admin_opd_lain)
    assert not BerkasPensiun.objects.exists()


def test_a_bup_file_needs_a_bup(kantor):
    with pytest.raises(SikapError, match="BUP"):
        services.open_file(kantor.tanpa_jabatan, JenisPensiun.BUP, actor=kantor.admin_opd,
                           check_registry=False)  # fmt: skip
    assert not BerkasPensiun.objects.exists()


def test_other_types_need_a_tmt(kantor):
    with pytest.raises(SikapError, match="TMT"):
        services.open_file(kantor.pegawai, JenisPensiun.APS, actor=kantor.admin_opd,
                           check_registry=False)  # fmt: skip


def test_a_document_of_someone_else_cannot_be_attached(kantor):
    other = make_pegawai(kantor.opd, nama="Orang Lain")
    theirs = upload_dokumen(other, "kk", upload("kk.pdf", pdf_bytes()), actor=kantor.admin_opd)
    berkas = open_bup(kantor)
    item = berkas.lampiran.get(jenis_dokumen__kode="kk")
    with pytest.raises(SikapError, match="milik pegawai lain"):
        services.attach(item, theirs, actor=kantor.admin_opd)
    item.refresh_from_db()
    assert item.status == L.KOSONG and item.dokumen is None


def test_a_document_of_another_type_cannot_be_attached(kantor):
    ktp = upload_dokumen(
        kantor.pegawai, "ktp", upload("ktp.pdf", pdf_bytes()), actor=kantor.admin_opd
    )
    item = open_bup(kantor).lampiran.get(jenis_dokumen__kode="kk")
    with pytest.raises(SikapError, match="bukan Kartu Keluarga"):
        services.attach(item, ktp, actor=kantor.admin_opd)


def test_submitting_needs_the_dpcp_confirmed_and_every_required_document(kantor):
    berkas = open_bup(kantor)
    with pytest.raises(SikapError, match="tidak dapat dilakukan"):
        services.submit(berkas, actor=kantor.admin_opd)
    with pytest.raises(SikapError, match="tidak berhak"):
        services.confirm_dpcp(berkas, actor=kantor.admin_opd)  # the pegawai confirms their own
    services.confirm_dpcp(berkas, actor=kantor.akun_pegawai)
    with pytest.raises(SikapError, match="Dokumen wajib belum dilampirkan: .*Kartu Keluarga"):
        services.submit(berkas, actor=kantor.admin_opd)
    berkas.refresh_from_db()
    assert berkas.state == S.DPCP_DIKONFIRMASI


def test_the_whole_bup_file_to_the_pegawai_retiring_on_the_tmt(
    kantor, django_capture_on_commit_callbacks
):
    berkas = open_bup(kantor)
    with django_capture_on_commit_callbacks(execute=True):
        services.confirm_dpcp(berkas, actor=kantor.akun_pegawai)
        complete(berkas, kantor.admin_opd)
        services.submit(berkas, actor=kantor.admin_opd)
    assert Notifikasi.objects.filter(
        user=kantor.akun_pegawai, message__startswith="Berkas pensiun Anda sudah diajukan ke BKD"
    ).exists()
    # The BKD returns one document, the admin OPD replaces it, the BKD accepts all.
    kk = berkas.lampiran.get(jenis_dokumen__kode="kk")
    services.review(kk, actor=kantor.verifikator, accept=False, reason="Buram")
    with pytest.raises(SikapError, match="belum"):
        services.step(berkas, "verifikasi", actor=kantor.verifikator)
    berkas = services.send_back(berkas, actor=kantor.verifikator, reason="KK buram")
    with pytest.raises(SikapError, match="dikembalikan belum diganti"):
        services.submit(berkas, actor=kantor.admin_opd)
    kk.refresh_from_db()
    services.upload(kk, upload("kk2.pdf", pdf_bytes(2)), actor=kantor.admin_opd)
    berkas = services.submit(berkas, actor=kantor.admin_opd)
    for item in berkas.lampiran.exclude(status=L.KOSONG).exclude(status=L.DITERIMA):
        services.review(item, actor=kantor.verifikator, accept=True)
    berkas = services.step(berkas, "verifikasi", actor=kantor.verifikator)
    berkas = services.step(berkas, "kirim_bkn", actor=kantor.verifikator)
    with pytest.raises(SikapError, match="Nomor pertek BKN wajib diisi"):
        services.record_pertek(
            berkas, actor=kantor.verifikator, nomor="", tanggal=date(2026, 11, 1)
        )
    berkas = services.record_pertek(
        berkas, actor=kantor.verifikator, nomor="AR-13.03/00123/KEP/2026", tanggal=date(2026, 11, 1)
    )
    sk = upload("sk.pdf", pdf_bytes())
    with pytest.raises(SikapError, match="tanggal 1"):
        services.record_sk(
            berkas, actor=kantor.admin_bkd, nomor="823.4/1/2026", tanggal=date(2026, 11, 20),
            tmt=date(2027, 5, 2), uploaded_file=sk,
        )  # fmt: skip
    with pytest.raises(SikapError, match="TMT pensiun BUP pada berkas ini 01-05-2027"):
        services.record_sk(
            berkas, actor=kantor.admin_bkd, nomor="823.4/1/2026", tanggal=date(2026, 11, 20),
            tmt=date(2025, 5, 1), uploaded_file=upload("sk.pdf", pdf_bytes()),
        )  # fmt: skip
    berkas = services.record_sk(
        berkas, actor=kantor.admin_bkd, nomor="823.4/1/2026", tanggal=date(2026, 11, 20),
        tmt=date(2027, 5, 1), uploaded_file=upload("sk.pdf", pdf_bytes()),
    )  # fmt: skip
    assert berkas.state == S.SK_TERBIT and berkas.sk_dokumen.jenis.kode == "sk_pensiun"
    berkas = services.step(berkas, "serahkan", actor=kantor.admin_opd)
    steps = tracker(berkas)
    assert all(s.selesai and s.tanggal for s in steps) and steps[-1].sekarang
    # Before the TMT nothing changes; on it the kedudukan becomes pensiun, once.
    services.apply_due(date(2027, 4, 30), actor=kantor.admin_bkd)
    kantor.pegawai.refresh_from_db()
    assert kantor.pegawai.kedudukan == "aktif"
    summary = services.apply_due(date(2027, 5, 1), actor=kantor.admin_bkd)
    kantor.pegawai.refresh_from_db()
    assert summary.pensiun == 1 and kantor.pegawai.kedudukan == "pensiun"
    assert services.apply_due(date(2027, 5, 2), actor=kantor.admin_bkd).pensiun == 0
    entry = AuditEntry.objects.filter(kind="pegawai.updated", pegawai_id=kantor.pegawai.pk).last()
    assert entry.changes == {"kedudukan": ["aktif", "pensiun"]} and "823.4/1/2026" in entry.note
    # Out of the in-service lists: KGB candidates, attendance, the projection.
    assert kantor.pegawai not in kgb_selectors.candidates()
    assert kantor.pegawai not in Pegawai.objects.in_service()


def test_the_verifier_never_verifies_a_file_they_submitted(kantor):
    berkas = open_bup(kantor, actor=kantor.admin_bkd)
    services.confirm_dpcp(berkas, actor=kantor.akun_pegawai)
    complete(berkas, kantor.admin_bkd)
    berkas = services.submit(berkas, actor=kantor.admin_bkd)
    item = berkas.lampiran.exclude(status=L.KOSONG).first()
    with pytest.raises(SikapError, match="verifikator"):
        services.review(item, actor=kantor.admin_bkd, accept=True)


def test_a_returned_document_needs_a_reason(kantor):
    berkas = open_bup(kantor)
    services.confirm_dpcp(berkas, actor=kantor.akun_pegawai)
    complete(berkas, kantor.admin_opd)
    berkas = services.submit(berkas, actor=kantor.admin_opd)
    item = berkas.lampiran.exclude(status=L.KOSONG).first()
    with pytest.raises(SikapError, match="Alasan wajib"):
        services.review(item, actor=kantor.verifikator, accept=False, reason="  ")
    item.refresh_from_db()
    assert item.status == L.MENUNGGU


def test_the_daily_job_opens_bup_files_within_the_months_once(kantor, settings):
    settings.SIKAP_PENSIUN_BUKA_BULAN = 3
    today = date(2026, 12, 6)
    summary = services.open_due(today, actor=kantor.admin_bkd, check_registry=False)
    assert summary.dibuka == 1  # the guru (TMT 1 Feb 2027); Siti's TMT is 5 months away
    assert any("Tanpa Jabatan" in m for m in summary.masalah)
    assert services.open_due(today, actor=kantor.admin_bkd, check_registry=False).dibuka == 0
    assert BerkasPensiun.objects.get().pegawai == kantor.guru


def test_a_pegawai_sees_only_their_own_file(kantor):
    berkas = open_bup(kantor)
    assert list(BerkasPensiun.objects.visible_to(kantor.akun_pegawai)) == [berkas]
    assert not BerkasPensiun.objects.visible_to(kantor.admin_opd_lain).exists()


def test_a_late_file_is_reported_by_the_daily_job(kantor):
    berkas = open_bup(kantor)
    summary = services.apply_due(date(2027, 5, 1), actor=kantor.admin_bkd)
    assert any("belum terbit" in m for m in summary.masalah)
    assert berkas.pegawai.kedudukan == "aktif"


def test_the_dpcp_prints_the_simak_data(kantor):
    from sikap.pension.dpcp import dpcp_context

    ctx = dpcp_context(open_bup(kantor))
    assert [a.nama for a in ctx["keluarga"]] == ["Ahmad Fauzi"]
    assert ctx["dicetak"].date() == timezone.localdate()


def test_dokumen_uploaded_for_a_file_lands_in_the_digital_file(kantor):
    berkas = open_bup(kantor)
    item = berkas.lampiran.get(jenis_dokumen__kode="kk")
    services.upload(item, upload("kk.pdf", pdf_bytes()), actor=kantor.admin_opd)
    assert Dokumen.objects.filter(pegawai=kantor.pegawai, jenis__kode="kk").count() == 1


def test_no_bup_file_for_someone_deceased_but_a_janda_duda_file_is_fine(kantor):
    kantor.pegawai.kedudukan = "meninggal"
    kantor.pegawai.save()
    with pytest.raises(SikapError, match="sudah tidak berdinas"):
        open_bup(kantor)
    berkas = services.open_file(
        kantor.pegawai, JenisPensiun.JANDA_DUDA, actor=kantor.admin_opd,
        tmt=date(2026, 12, 1), check_registry=False,
    )  # fmt: skip
    items = set(berkas.lampiran.values_list("jenis_dokumen__kode", flat=True))
    assert {"surat_kematian", "dpcp_ahli_waris", "kp4"} <= items
    with pytest.raises(SikapError, match="tidak berhak"):
        services.confirm_dpcp(berkas, actor=kantor.akun_pegawai)
    assert services.confirm_dpcp(berkas, actor=kantor.admin_opd).state == S.DPCP_DIKONFIRMASI
