from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from sikap.core.errors import Kode, SikapError
from sikap.core.models import AuditEntry, CaseEvent
from sikap.people.models import Pegawai, RiwayatGaji, RiwayatPangkat, RiwayatSkp
from sikap.promotion import services
from sikap.promotion.models import BerkasUsulan, UjianDinas, UsulanKp
from sikap.rules import promotion as rule
from sikap.salary.selectors import next_dues
from tests.promotion.conftest import file_all, pdf, upload_to_file

S = UsulanKp.Status
B = BerkasUsulan.Status


def open_reguler(kp, persona="admin_opd", **kw):
    return services.buka_usulan(kp.periode, kp.pegawai, "reguler", actor=kp.user(persona), **kw)


def submitted(kp):
    usulan = open_reguler(kp)
    file_all(usulan, kp.user("admin_opd"))
    return services.jalankan(usulan, "ajukan", actor=kp.user("admin_opd"))


def test_opening_attaches_what_the_digital_file_already_has(kp):
    last = rule.tahun_skp_terakhir(kp.periode.batas_usul)
    skp = RiwayatSkp.objects.get(pegawai=kp.pegawai, tahun=last)
    ktp_like = upload_to_file(kp.pegawai, "skp", kp.user("admin_opd"), riwayat=skp)
    usulan = open_reguler(kp)
    assert (usulan.golongan_asal, usulan.golongan_tujuan) == ("III/a", "III/b")
    assert usulan.memenuhi_syarat and usulan.state == S.DRAF
    rows = {(b.syarat.jenis_dokumen.kode, b.syarat.tahun_skp): b for b in usulan.berkas.all()}
    # not the first KP (two rank rows): the last KP's SK, not the SK CPNS/PNS; no STLUD
    assert ("sk_pangkat", None) in rows and ("sk_cpns", None) not in rows
    assert ("stlud", None) not in rows
    assert rows[("skp", 1)].dokumen == ktp_like and rows[("skp", 1)].status == B.MENUNGGU
    assert rows[("skp", 2)].dokumen is None and rows[("skp", 2)].status == B.BELUM_ADA


def test_a_reguler_proposal_for_someone_not_eligible_is_refused_and_nothing_recorded(kp):
    RiwayatSkp.objects.filter(pegawai=kp.pegawai).update(predikat="butuh_perbaikan")
    with pytest.raises(SikapError, match="belum memenuhi syarat") as e:
        open_reguler(kp)
    assert e.value.code == Kode.SYARAT_BELUM_LENGKAP
    assert not UsulanKp.objects.exists() and not BerkasUsulan.objects.exists()


def test_a_pilihan_proposal_not_meeting_the_rule_needs_a_stated_reason(kp):
    RiwayatSkp.objects.filter(pegawai=kp.pegawai).delete()
    with pytest.raises(SikapError, match="alasan") as e:
        services.buka_usulan(kp.periode, kp.pegawai, "prestasi", actor=kp.user("admin_opd"))
    assert "alasan" in e.value.errors and not UsulanKp.objects.exists()
    usulan = services.buka_usulan(
        kp.periode, kp.pegawai, "prestasi", actor=kp.user("admin_opd"),
        alasan="Juara I inovasi pelayanan publik tingkat nasional",
    )  # fmt: skip
    assert not usulan.memenuhi_syarat and usulan.alasan.startswith("Juara")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"kedudukan": "tugas_belajar"}, "PNS dalam jabatan"),
        ({"status": "cpns"}, "PNS dalam jabatan"),
    ],
)
def test_a_stated_reason_does_not_waive_service_or_status(kp, change, message):
    Pegawai.objects.filter(pk=kp.pegawai.pk).update(**change)
    kp.pegawai.refresh_from_db()
    with pytest.raises(SikapError, match=message):
        services.buka_usulan(
            kp.periode, kp.pegawai, "prestasi", actor=kp.user("admin_opd"),
            alasan="Juara I inovasi pelayanan publik tingkat nasional",
        )  # fmt: skip
    assert not UsulanKp.objects.exists()


def test_twice_in_one_period_is_refused(kp):
    open_reguler(kp)
    with pytest.raises(SikapError, match="sudah diusulkan") as e:
        open_reguler(kp)
    assert e.value.code == Kode.DUPLIKAT
    assert UsulanKp.objects.count() == 1


def test_after_the_deadline_nothing_is_opened_or_submitted(kp):
    usulan = open_reguler(kp)
    file_all(usulan, kp.user("admin_opd"))
    kp.periode.batas_usul = timezone.localdate() - timedelta(days=1)
    kp.periode.save()
    with pytest.raises(SikapError, match="Batas pengajuan"):
        services.jalankan(usulan, "ajukan", actor=kp.user("admin_opd"))
    usulan.refresh_from_db()
    assert usulan.state == S.DRAF
    usulan.delete()
    with pytest.raises(SikapError, match="Batas pengajuan"):
        open_reguler(kp)


def test_only_the_admin_opd_of_the_pegawai_opens_and_never_for_themself(kp):
    for persona in ("admin_opd_lain", "verifikator", "pegawai"):
        with pytest.raises(SikapError) as e:
            open_reguler(kp, persona)
        assert e.value.code == Kode.TIDAK_BERHAK


def test_a_document_of_the_wrong_type_or_someone_elses_is_refused(kp):
    usulan = open_reguler(kp)
    admin = kp.user("admin_opd")
    berkas = usulan.berkas.get(syarat__jenis_dokumen__kode="karpeg")
    ktp = upload_to_file(kp.pegawai, "ktp", admin)
    with pytest.raises(SikapError, match="Jenis dokumen salah"):
        services.pilih_dokumen(berkas, ktp.pk, actor=admin)
    other = upload_to_file(kp.world.pegawai_lain, "karpeg", admin)
    with pytest.raises(SikapError, match="bukan milik"):
        services.pilih_dokumen(berkas, other.pk, actor=admin)
    berkas.refresh_from_db()
    assert berkas.dokumen is None and berkas.aktif
    own = upload_to_file(kp.pegawai, "karpeg", admin)
    assert services.pilih_dokumen(berkas, own.pk, actor=admin).dokumen == own


def test_an_upload_is_content_checked_by_documents(kp):
    usulan = open_reguler(kp)
    berkas = usulan.berkas.get(syarat__jenis_dokumen__kode="karpeg")
    from django.core.files.uploadedfile import SimpleUploadedFile

    fake = SimpleUploadedFile("karpeg.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    with pytest.raises(SikapError):
        services.unggah_dokumen(berkas, fake, actor=kp.user("admin_opd"))
    assert usulan.berkas.filter(aktif=True).count() == usulan.berkas.count()


def test_submitting_needs_every_document(kp):
    usulan = open_reguler(kp)
    with pytest.raises(SikapError, match="belum dilampirkan"):
        services.jalankan(usulan, "ajukan", actor=kp.user("admin_opd"))


def test_a_returned_document_comes_back_with_its_reason_and_the_history_stays(kp):
    usulan = submitted(kp)
    verif, admin = kp.user("verifikator"), kp.user("admin_opd")
    rows = list(usulan.berkas.filter(aktif=True))
    with pytest.raises(SikapError, match="alasan"):
        services.periksa_berkas(rows[0], diterima=False, actor=verif)
    services.periksa_berkas(rows[0], diterima=False, alasan="Buram, tidak terbaca", actor=verif)
    for b in rows[1:]:
        services.periksa_berkas(b, diterima=True, actor=verif)
    with pytest.raises(SikapError, match="Semua dokumen harus diterima"):
        services.jalankan(usulan, "lengkap", actor=verif)
    usulan = services.jalankan(usulan, "kembalikan", actor=verif)
    assert usulan.state == S.DIKEMBALIKAN
    event = CaseEvent.objects.filter(transition="kembalikan").get()
    assert "Buram, tidak terbaca" in event.reason and rows[0].syarat.nama in event.reason
    with pytest.raises(SikapError, match="BTL belum diperbaiki"):
        services.jalankan(usulan, "ajukan_ulang", actor=admin)
    with pytest.raises(SikapError, match="yang dikembalikan"):
        services.unggah_dokumen(rows[1], pdf("lagi.pdf", 3), actor=admin)
    services.unggah_dokumen(rows[0], pdf("jelas.pdf", 4), actor=admin)
    usulan = services.jalankan(usulan, "ajukan_ulang", actor=admin)
    assert usulan.state == S.DIAJUKAN
    history = BerkasUsulan.objects.filter(usulan=usulan, syarat=rows[0].syarat).order_by("pk")
    assert [(b.status, b.aktif) for b in history][-2:] == [(B.BTL, False), (B.MENUNGGU, True)]
    assert history[len(history) - 2].alasan == "Buram, tidak terbaca"


def test_nobody_verifies_a_file_they_opened_or_their_own(kp):
    usulan = submitted(kp)
    berkas = usulan.berkas.filter(aktif=True).first()
    for persona in ("admin_opd", "pegawai", "pimpinan"):
        with pytest.raises(SikapError) as e:
            services.periksa_berkas(berkas, diterima=True, actor=kp.user(persona))
        assert e.value.code == Kode.TIDAK_BERHAK


def forwarded(kp):
    usulan = submitted(kp)
    verif = kp.user("verifikator")
    for b in usulan.berkas.filter(aktif=True):
        services.periksa_berkas(b, diterima=True, actor=verif)
    usulan = services.jalankan(usulan, "lengkap", actor=verif)
    usulan = services.jalankan(usulan, "teruskan", actor=verif)
    with pytest.raises(SikapError, match="pertek"):
        services.catat_sk(usulan, **sk_fields(kp), actor=kp.user("admin_bkd"))
    return services.catat_pertek(
        usulan, nomor="PERTEK-KP/0042/2026", tanggal=timezone.localdate(), actor=verif
    )


def sk_fields(kp, **kw):
    fields = dict(
        nomor="823.3/0101/BKD/2026",
        tanggal=timezone.localdate(),
        tmt=kp.periode.tanggal,
        golongan="III/b",
        mkg_tahun=12,
        mkg_bulan=0,
        berkas=pdf("sk.pdf", 5),
    )
    return {**fields, **kw}


def test_recording_the_sk_updates_rank_pay_current_fields_and_kgb_in_one_transaction(kp):
    usulan = forwarded(kp)
    admin_bkd = kp.user("admin_bkd")
    usulan = services.catat_sk(usulan, **sk_fields(kp), actor=admin_bkd)
    assert usulan.state == S.SK_TERBIT
    pangkat = RiwayatPangkat.objects.get(pegawai=kp.pegawai, golongan="III/b")
    assert (pangkat.tmt, pangkat.mkg_tahun, pangkat.sk_nomor) == (
        kp.periode.tanggal,
        12,
        "823.3/0101/BKD/2026",
    )
    assert usulan.sk_dokumen.riwayat_id == pangkat.pk and usulan.riwayat_pangkat == pangkat
    pegawai = Pegawai.objects.get(pk=kp.pegawai.pk)
    assert (pegawai.golongan, pegawai.tmt_golongan) == ("III/b", kp.periode.tanggal)
    gaji = RiwayatGaji.objects.get(pegawai=kp.pegawai, dasar=RiwayatGaji.Dasar.KP)
    assert gaji.gaji_pokok == pegawai.gaji_pokok and gaji.gaji_pokok > Decimal("3000000")
    # KGB follows: MKG 12 at the TMT → the next step (MKG 14) two years later
    due = dict(next_dues(Pegawai.objects.filter(pk=pegawai.pk)))
    assert due and list(due.values())[0] == kp.periode.tanggal.replace(
        year=kp.periode.tanggal.year + 2
    )
    assert AuditEntry.objects.filter(kind="riwayat_pangkat.created").exists()
    usulan = services.jalankan(usulan, "serahkan", actor=kp.user("admin_opd"))
    assert usulan.state == S.DISERAHKAN


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"golongan": "III/c"}, "sk_golongan"),
        ({"tmt": "shift"}, "sk_tmt"),
        ({"mkg_bulan": 12}, "sk_mkg_bulan"),
        ({"nomor": "=HYPERLINK(1)"}, "sk_nomor"),
        ({"berkas": None}, "berkas"),
    ],
)
def test_a_wrong_sk_is_refused_and_nothing_recorded(kp, change, field):
    usulan = forwarded(kp)
    if change.get("tmt") == "shift":
        change = {"tmt": kp.periode.tanggal + timedelta(days=31)}
    with pytest.raises(SikapError) as e:
        services.catat_sk(usulan, **sk_fields(kp, **change), actor=kp.user("admin_bkd"))
    assert field in e.value.errors
    usulan.refresh_from_db()
    assert usulan.state == S.DITERUSKAN and not usulan.sk_nomor
    assert not RiwayatPangkat.objects.filter(pegawai=kp.pegawai, golongan__in=["III/b", "III/c"])
    assert not RiwayatGaji.objects.filter(pegawai=kp.pegawai).exists()


def test_crossing_ii_to_iii_asks_for_the_stlud(kp):
    p = kp.world.pegawai_lain
    from tests.promotion.conftest import give_history

    give_history(p, kp.periode.tanggal, golongan="II/d")
    with pytest.raises(SikapError, match="ujian dinas"):
        services.buka_usulan(kp.periode, p, "reguler", actor=kp.user("admin_opd"))
    UjianDinas.objects.create(
        pegawai=p, tingkat="I", tanggal=kp.periode.tanggal.replace(year=2020), nomor="STLUD/1"
    )
    usulan = services.buka_usulan(kp.periode, p, "reguler", actor=kp.user("admin_opd"))
    assert usulan.berkas.filter(syarat__jenis_dokumen__kode="stlud").exists()


def test_the_eligibility_list_costs_the_same_queries_for_one_or_many(kp, django_assert_num_queries):
    from sikap.people.models import Pegawai
    from sikap.promotion.selectors import daftar
    from tests.factories import make_pegawai
    from tests.promotion.conftest import give_history

    def count():
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as q:
            rows = daftar(kp.periode, Pegawai.objects.all())
        return len(q), rows

    few, rows = count()
    for i in range(6):
        give_history(
            make_pegawai(kp.world.opd_b, nama=f"Pegawai {i}"), kp.periode.tanggal, golongan="II/b"
        )
    many, more = count()
    assert few == many and len(more) > len(rows)
    assert sum(c.memenuhi for c in more) >= 7


def _kgb_draft_before_the_kp(kp):
    """Pay III/a at MKG 12 from two years before a month after the period: a KGB draft (MKG 14)
    due a month after the KP's TMT, made before the SK is recorded."""
    from sikap.accounts.system import system_actor
    from sikap.salary import services as salary
    from sikap.salary.models import Kgb

    tmt = kp.periode.tanggal.replace(day=1)
    due = (tmt + timedelta(days=31)).replace(day=1)
    RiwayatGaji.objects.create(
        pegawai=kp.pegawai, golongan="III/a", tmt=due.replace(year=due.year - 2), mkg_tahun=12,
        mkg_bulan=0, gaji_pokok=Decimal("3300000"), dasar="kgb", sk_nomor="822/2/2024",
    )  # fmt: skip
    salary.draft_due(timezone.localdate(), actor=system_actor())
    draft = Kgb.objects.get(pegawai=kp.pegawai)
    assert (draft.state, draft.tmt, draft.golongan) == (Kgb.Status.DRAF, due, "III/a")
    return draft


def test_recording_the_sk_redrafts_the_pending_kgb_draft_from_the_new_pay_row(kp):
    draft = _kgb_draft_before_the_kp(kp)
    due = draft.tmt
    usulan = forwarded(kp)

    services.catat_sk(
        usulan, **sk_fields(kp, mkg_tahun=13, mkg_bulan=11), actor=kp.user("admin_bkd")
    )

    draft.refresh_from_db()
    kp_row = RiwayatGaji.objects.get(pegawai=kp.pegawai, dasar=RiwayatGaji.Dasar.KP)
    assert (draft.state, draft.tmt, draft.golongan, draft.mkg_tahun) == (
        "draf",
        due,
        "III/b",
        14,
    )
    assert draft.riwayat_dasar == kp_row and draft.dasar_golongan == "III/b"
    assert draft.gaji_pokok > kp_row.gaji_pokok
    entry = AuditEntry.objects.get(kind="kgb.redrafted", object_id=str(draft.pk))
    assert entry.note == "SK KP 823.3/0101/BKD/2026"


def test_recording_the_sk_removes_a_kgb_draft_the_new_pay_row_makes_not_yet_due(kp):
    from sikap.salary.models import Kgb

    draft = _kgb_draft_before_the_kp(kp)
    usulan = forwarded(kp)

    services.catat_sk(usulan, **sk_fields(kp), actor=kp.user("admin_bkd"))  # MKG 12: KGB in 2 years

    assert not Kgb.objects.filter(pegawai=kp.pegawai).exists()
    assert AuditEntry.objects.filter(kind="kgb.superseded", object_id=str(draft.pk)).exists()


def test_a_refused_sk_leaves_the_kgb_draft_as_it_was(kp):
    draft = _kgb_draft_before_the_kp(kp)
    usulan = forwarded(kp)
    with pytest.raises(SikapError):
        services.catat_sk(usulan, **sk_fields(kp, golongan="III/c"), actor=kp.user("admin_bkd"))
    draft_after = type(draft).objects.get(pk=draft.pk)
    assert (draft_after.golongan, draft_after.version) == ("III/a", draft.version)
