"""The document types of a personnel file (the BUP pension checklist of RULES.md §5 and the
identity documents), and the numbering of KGB letters. Admin BKD edits them at /kelola/."""

from django.db import migrations

PDF = "pdf"
PDF_IMG = "pdf,jpeg,png"
IMG = "jpeg,png"

# kode, nama, wajib_untuk, formats, max KB, needs verification, history kind
JENIS = [
    ("sk_cpns", "SK CPNS", "pns_cpns", PDF, 5120, True, ""),
    ("sk_pns", "SK PNS", "pns", PDF, 5120, True, ""),
    ("sk_pppk", "Perjanjian Kerja / SK PPPK", "pppk", PDF, 5120, True, ""),
    ("sk_pangkat", "SK Kenaikan Pangkat", "tidak", PDF, 5120, True, "pangkat"),
    ("sk_jabatan", "SK Jabatan", "tidak", PDF, 5120, True, "jabatan"),
    ("sk_kgb", "SK Kenaikan Gaji Berkala", "tidak", PDF, 5120, True, "gaji"),
    ("ijazah", "Ijazah", "semua", PDF_IMG, 5120, True, "pendidikan"),
    ("transkrip", "Transkrip Nilai", "tidak", PDF_IMG, 5120, False, "pendidikan"),
    ("sertifikat_diklat", "Sertifikat Diklat", "tidak", PDF_IMG, 5120, False, "diklat"),
    ("skp", "Dokumen SKP", "tidak", PDF, 5120, False, "skp"),
    ("sk_hukdis", "SK Hukuman Disiplin", "tidak", PDF, 5120, True, "hukdis"),
    ("ktp", "KTP", "semua", PDF_IMG, 2048, True, ""),
    ("kk", "Kartu Keluarga", "semua", PDF_IMG, 2048, True, ""),
    ("npwp", "NPWP", "semua", PDF_IMG, 2048, False, ""),
    ("bpjs", "Kartu BPJS Kesehatan", "semua", PDF_IMG, 2048, False, ""),
    ("akta_nikah", "Akta / Buku Nikah", "kawin", PDF_IMG, 5120, True, "keluarga"),
    ("akta_lahir_anak", "Akta Kelahiran Anak", "punya_anak", PDF_IMG, 2048, True, "keluarga"),
    ("karpeg", "Kartu Pegawai (Karpeg)", "pns", PDF_IMG, 2048, True, ""),
    ("karis_karsu", "Karis / Karsu", "tidak", PDF_IMG, 2048, False, ""),
    ("taspen", "Kartu Taspen", "pns", PDF_IMG, 2048, False, ""),
    ("foto", "Pas Foto", "semua", IMG, 1024, False, ""),
]


def seed(apps, schema_editor):
    JenisDokumen = apps.get_model("documents", "JenisDokumen")
    for urutan, (kode, nama, wajib, formats, kb, verif, kind) in enumerate(JENIS, start=1):
        JenisDokumen.objects.update_or_create(
            kode=kode,
            defaults={
                "nama": nama,
                "wajib_untuk": wajib,
                "format_diizinkan": formats,
                "ukuran_maks_kb": kb,
                "perlu_verifikasi": verif,
                "riwayat_kind": kind,
                "urutan": urutan * 10,
            },
        )
    PenomoranSurat = apps.get_model("documents", "PenomoranSurat")
    PenomoranSurat.objects.update_or_create(
        kode="kgb",
        defaults={
            "nama": "Surat Pemberitahuan Kenaikan Gaji Berkala",
            "pola": "800/{seq:04d}/427.35/{year}",
        },
    )


def unseed(apps, schema_editor):
    apps.get_model("documents", "JenisDokumen").objects.filter(
        kode__in=[row[0] for row in JENIS], dokumen__isnull=True
    ).delete()
    apps.get_model("documents", "PenomoranSurat").objects.filter(
        kode="kgb", terbit__isnull=True
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("documents", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
