from datetime import date
from decimal import Decimal

import pytest

from sikap.accounts.system import system_actor
from sikap.core.errors import SikapError
from sikap.core.models import AuditEntry, Notifikasi
from sikap.documents.models import DokumenTerbit
from sikap.people.models import RiwayatGaji, RiwayatHukdis
from sikap.salary import services
from sikap.salary.models import Kgb, KgbTertunda
from tests.salary.conftest import add_gaji

AS_OF = date(2026, 12, 10)  # the KGB of 1 Mar 2027 is within three months


def draft():
    return services.draft_due(AS_OF, actor=system_actor())


def test_the_daily_drafting_drafts_a_due_kgb_once_from_its_basis(kantor):
    summary = draft()
    assert summary.disusun == 1
    kgb = Kgb.objects.get()
    assert (kgb.state, kgb.tmt, kgb.mkg_tahun, kgb.gaji_pokok) == (
        "draf", date(2027, 3, 1), 4, Decimal(2_964_000),
    )  # fmt: skip
    assert (kgb.dasar_sk_nomor, kgb.dasar_sk_tanggal, kgb.dasar_tmt) == (
        "822/1/2025", date(2025, 2, 10), date(2025, 3, 1),
    )  # fmt: skip
    assert kgb.tmt_berikutnya == date(2029, 3, 1)
    assert AuditEntry.objects.filter(kind="kgb.drafted").count() == 1
    assert draft().disusun == 0
    assert Kgb.objects.count() == 1


def test_nothing_is_drafted_before_the_window(kantor):
    assert services.draft_due(date(2026, 11, 30), actor=system_actor()).disusun == 0


@pytest.mark.parametrize(
    ("breakage", "reason"),
    [
        ("none", "tidak memuat SK penetapan gaji"),
        ("same_tmt", "Dua SK penetapan gaji ber-TMT sama (01-03-2025)"),
        ("months", "MKG bulan pada SK TMT 01-03-2025 tidak valid (12)"),
        ("before_birth", "sebelum tanggal lahir"),
        ("rank", "Golongan 'V/z' pada SK TMT 01-03-2025 tidak dikenal"),
    ],
)
def test_a_bad_history_waits_on_the_due_list_with_the_reason_and_nothing_is_drafted(
    kantor, breakage, reason
):
    rows = RiwayatGaji.objects.filter(pegawai=kantor.pegawai)
    last = rows.get(tmt=date(2025, 3, 1))
    if breakage == "none":
        rows.delete()
    elif breakage == "same_tmt":
        add_gaji(kantor.pegawai, date(2025, 3, 1), (2, 0), 2_873_500, nomor="lain")
    elif breakage == "months":
        rows.filter(pk=last.pk).update(mkg_bulan=12)
    elif breakage == "before_birth":
        rows.filter(pk=last.pk).update(tmt=date(1970, 3, 1))
    else:
        rows.filter(pk=last.pk).update(golongan="V/z")
    summary = draft()
    assert summary.disusun == 0
    assert reason in KgbTertunda.objects.get(pegawai=kantor.pegawai).alasan
    assert not Kgb.objects.exists()


def test_a_running_punishment_defers_and_the_case_waits_with_the_reason(kantor):
    RiwayatHukdis.objects.create(
        pegawai=kantor.pegawai, tingkat="sedang", jenis="Penundaan KGB", tmt=date(2026, 6, 1),
        tanggal_selesai=date(2027, 5, 31),
    )  # fmt: skip
    assert draft().ditunda == 1
    waiting = KgbTertunda.objects.get()
    assert waiting.ditunda and waiting.tmt == date(2027, 6, 1)
    assert "hukuman disiplin" in waiting.alasan


def verified(kantor):
    draft()
    done, errors = services.verify(
        Kgb.objects.values_list("pk", flat=True), actor=kantor.verifikator
    )
    assert not errors
    return done[0]


def test_verify_sign_publish_and_record_on_the_tmt(kantor, django_capture_on_commit_callbacks):
    kgb = verified(kantor)
    with django_capture_on_commit_callbacks(execute=True):
        done, errors = services.sign([kgb.pk], actor=kantor.kepala)
    assert not errors
    kgb.refresh_from_db()
    assert kgb.state == "terbit"
    terbit = kgb.dokumen
    assert terbit.pegawai == kantor.pegawai and len(terbit.sha256) == 64
    assert terbit.jenis.kode == "kgb" and terbit.urut == 1
    assert DokumenTerbit.objects.visible_to(kantor.akun_pegawai).filter(pk=terbit.pk).exists()
    assert Notifikasi.objects.filter(user=kantor.akun_pegawai).exists()
    assert services.apply_due(date(2027, 2, 28), actor=system_actor()) == (0, [])
    assert services.apply_due(date(2027, 3, 1), actor=system_actor()) == (1, [])
    assert services.apply_due(date(2027, 3, 2), actor=system_actor()) == (0, [])
    kgb.refresh_from_db()
    row = kgb.riwayat_gaji
    assert (row.tmt, row.gaji_pokok, row.dasar, row.sk_nomor) == (
        date(2027, 3, 1), Decimal(2_964_000), "kgb", terbit.nomor,
    )  # fmt: skip
    kantor.pegawai.refresh_from_db()
    assert kantor.pegawai.gaji_pokok == Decimal(2_964_000)
    assert AuditEntry.objects.filter(kind="riwayat_gaji.from_kgb").count() == 1


def test_nobody_verifies_or_signs_their_own_letter(kantor):
    from sikap.accounts.models import Peran

    draft()
    kgb = Kgb.objects.get()
    own = kantor.akun_pegawai
    own.peran = Peran.VERIFIKATOR
    own.save()
    done, errors = services.verify([kgb.pk], actor=own)
    assert not done and "tidak berhak" in errors[0]


def test_a_signature_by_someone_without_the_right_is_refused(kantor):
    kgb = verified(kantor)
    with pytest.raises(SikapError, match="tidak terdaftar sebagai penandatangan"):
        services.sign([kgb.pk], actor=kantor.verifikator)
    kgb.refresh_from_db()
    assert kgb.state == "diverifikasi"


def test_the_verifier_may_not_sign_what_they_verified(kantor):
    kgb = verified(kantor)
    plt = kantor.penandatangan
    plt.pk, plt.user = None, kantor.verifikator
    plt.save()
    done, errors = services.sign([kgb.pk], actor=kantor.verifikator)
    assert not done and "tidak berhak" in errors[0]


def test_a_deleted_signature_image_stops_signing_and_nothing_is_issued(kantor):
    kgb = verified(kantor)
    kantor.penandatangan.tanda_tangan.storage.delete(kantor.penandatangan.tanda_tangan.name)
    with pytest.raises(SikapError, match="tidak ditemukan di penyimpanan"):
        services.sign([kgb.pk], actor=kantor.kepala)
    kgb.refresh_from_db()
    assert kgb.state == "diverifikasi" and not DokumenTerbit.objects.exists()


def test_a_returned_letter_is_redrafted_from_the_corrected_history(kantor):
    draft()
    kgb = Kgb.objects.get()
    with pytest.raises(SikapError, match="Alasan wajib diisi"):
        services.send_back(kgb, actor=kantor.verifikator, reason=" ")
    services.send_back(kgb, actor=kantor.verifikator, reason="MKG pada SK salah")
    RiwayatGaji.objects.filter(pegawai=kantor.pegawai, tmt=date(2025, 3, 1)).update(mkg_bulan=6)
    assert draft().disusun_ulang == 1
    kgb.refresh_from_db()
    assert (kgb.state, kgb.tmt, kgb.alasan_kembali) == (
        "draf",
        date(2026, 9, 1),
        "MKG pada SK salah",
    )


def test_a_corrected_history_clears_the_waiting_reason_even_when_no_longer_due(kantor):
    rows = RiwayatGaji.objects.filter(pegawai=kantor.pegawai, tmt=date(2025, 3, 1))
    rows.update(mkg_bulan=12)
    draft()
    assert KgbTertunda.objects.filter(pegawai=kantor.pegawai).exists()
    rows.update(mkg_bulan=0, tmt=date(2026, 3, 1))  # corrected: next KGB only in 2028
    draft()
    assert not KgbTertunda.objects.filter(pegawai=kantor.pegawai).exists()
    assert not Kgb.objects.exists()
