"""The document types a pension file needs that the digital file did not have yet, and the
checklist of each type of pension (RULES.md §5); both are configuration at /kelola/ after."""

from django.db import migrations

PDF, PDF_IMG = "pdf", "pdf,jpeg,png"

# kode, nama, formats, max KB
JENIS = [
    ("pernyataan_hukdis", "Surat Pernyataan Tidak Pernah Dijatuhi Hukuman Disiplin Sedang/Berat", PDF, 2048),
    ("pernyataan_pidana", "Surat Pernyataan Tidak Sedang Menjalani Proses Pidana", PDF, 2048),
    ("daftar_keluarga", "Daftar Susunan Keluarga", PDF_IMG, 2048),
    ("surat_kematian", "Surat Keterangan Kematian", PDF_IMG, 2048),
    ("pernyataan_tidak_menikah", "Surat Pernyataan Janda/Duda Tidak Menikah Lagi", PDF, 2048),
    ("kp4", "Surat Keterangan untuk Mendapatkan Tunjangan Keluarga (KP4)", PDF, 2048),
    ("dpcp_ahli_waris", "DPCP Ditandatangani Ahli Waris", PDF, 2048),
    ("permohonan_pensiun", "Surat Permohonan Berhenti dengan Hak Pensiun", PDF, 2048),
    ("keterangan_tim_penguji", "Surat Keterangan Tim Penguji Kesehatan", PDF, 2048),
    ("keputusan_perampingan", "Keputusan Perampingan Organisasi", PDF, 5120),
    ("sk_pensiun", "SK Pensiun", PDF, 5120),
]

# The checklist of a BUP file; APS, uzur and perampingan add their own basis to it.
BUP = [
    ("sk_cpns", "pns_cpns"), ("sk_pns", "pns"), ("sk_pangkat", "semua"),
    ("sk_jabatan", "tidak"), ("sk_kgb", "tidak"), ("skp", "semua"),
    ("pernyataan_hukdis", "semua"), ("pernyataan_pidana", "semua"),
    ("akta_nikah", "kawin"), ("akta_lahir_anak", "punya_anak"), ("kk", "semua"),
    ("ktp", "semua"), ("karpeg", "pns"), ("karis_karsu", "kawin"), ("taspen", "tidak"),
    ("daftar_keluarga", "semua"), ("foto", "semua"),
]
CHECKLISTS = {
    "bup": BUP,
    "aps": [("permohonan_pensiun", "semua"), *BUP],
    "uzur": [("keterangan_tim_penguji", "semua"), *BUP],
    "perampingan": [("keputusan_perampingan", "semua"), *BUP],
    "janda_duda": [
        ("dpcp_ahli_waris", "semua"), ("surat_kematian", "semua"),
        ("pernyataan_tidak_menikah", "semua"), ("kp4", "semua"), ("sk_cpns", "pns_cpns"),
        ("sk_pangkat", "semua"), ("akta_nikah", "semua"), ("akta_lahir_anak", "punya_anak"),
        ("kk", "semua"), ("ktp", "semua"), ("karis_karsu", "tidak"),
        ("daftar_keluarga", "semua"),
    ],
}


def seed(apps, schema_editor):
    JenisDokumen = apps.get_model("documents", "JenisDokumen")
    SyaratDokumen = apps.get_model("pension", "SyaratDokumen")
    for i, (kode, nama, formats, kb) in enumerate(JENIS, start=200):
        JenisDokumen.objects.get_or_create(
            kode=kode,
            defaults={
                "nama": nama, "wajib_untuk": "tidak", "format_diizinkan": formats,
                "ukuran_maks_kb": kb, "perlu_verifikasi": False, "urutan": i,
            },
        )  # fmt: skip
    ids = dict(JenisDokumen.objects.values_list("kode", "pk"))
    for jenis, items in CHECKLISTS.items():
        for urutan, (kode, berlaku) in enumerate(items, start=1):
            if kode in ids:
                SyaratDokumen.objects.get_or_create(
                    jenis_pensiun=jenis, jenis_dokumen_id=ids[kode],
                    defaults={"berlaku_untuk": berlaku, "urutan": urutan},
                )  # fmt: skip


def unseed(apps, schema_editor):
    apps.get_model("pension", "SyaratDokumen").objects.all().delete()
    apps.get_model("documents", "JenisDokumen").objects.filter(
        kode__in=[k for k, *_ in JENIS], dokumen__isnull=True
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("pension", "0001_initial"), ("documents", "0004_access_log_of_personal_files")]

    operations = [migrations.RunPython(seed, unseed)]
