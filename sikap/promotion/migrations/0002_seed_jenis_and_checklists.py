"""The KP types and their document checklists (RULES.md §4 "typical documents"), with the
document types the digital file did not have yet (STLUD, PAK, pelantikan, SPMT, prestasi).
Admin BKD edits them at /kelola/."""

from django.db import migrations

PDF = "pdf"
# kode, nama, formats, max KB, needs verification, history kind
JENIS_DOKUMEN = [
    ("stlud", "STLUD / Surat Tanda Lulus Ujian Dinas atau UPKP", PDF, 5120, True, ""),
    ("pak", "Penetapan Angka Kredit (PAK) asli", PDF, 5120, True, ""),
    ("sk_pelantikan", "Berita Acara Pelantikan", PDF, 5120, True, ""),
    ("spmt", "Surat Pernyataan Melaksanakan Tugas (SPMT)", PDF, 5120, True, ""),
    ("bukti_prestasi", "Bukti Prestasi Luar Biasa", PDF, 5120, True, ""),
]

JENIS_KP = [
    ("reguler", "Reguler"),
    ("struktural", "Pilihan — jabatan struktural"),
    ("fungsional", "Pilihan — jabatan fungsional (angka kredit)"),
    ("penyesuaian_ijazah", "Pilihan — penyesuaian ijazah"),
    ("prestasi", "Pilihan — prestasi luar biasa"),
]

# per type: (jenis dokumen, bila, SKP year)
_BASE = [
    ("sk_cpns", "kp_pertama", None),
    ("sk_pns", "kp_pertama", None),
    ("sk_pangkat", "bukan_pertama", None),
    ("skp", "selalu", 1),
    ("karpeg", "selalu", None),
]
CHECKLIST = {
    "reguler": [*_BASE, ("skp", "selalu", 2), ("ijazah", "selalu", None), ("stlud", "lintas", None)],
    "struktural": [
        *_BASE,
        ("skp", "selalu", 2),
        ("sk_jabatan", "selalu", None),
        ("sk_pelantikan", "selalu", None),
        ("spmt", "selalu", None),
        ("stlud", "lintas", None),
    ],
    "fungsional": [*_BASE, ("skp", "selalu", 2), ("pak", "selalu", None), ("sk_jabatan", "selalu", None)],
    "penyesuaian_ijazah": [
        *_BASE,
        ("ijazah", "selalu", None),
        ("transkrip", "selalu", None),
        ("stlud", "selalu", None),
    ],
    "prestasi": [*_BASE, ("skp", "selalu", 2), ("bukti_prestasi", "selalu", None)],
}


def seed(apps, schema_editor):
    JenisDokumen = apps.get_model("documents", "JenisDokumen")
    for i, (kode, nama, formats, kb, verif, kind) in enumerate(JENIS_DOKUMEN, start=1):
        JenisDokumen.objects.update_or_create(
            kode=kode,
            defaults={
                "nama": nama,
                "format_diizinkan": formats,
                "ukuran_maks_kb": kb,
                "perlu_verifikasi": verif,
                "riwayat_kind": kind,
                "urutan": 300 + i * 10,
            },
        )
    JenisKp = apps.get_model("promotion", "JenisKp")
    SyaratDokumen = apps.get_model("promotion", "SyaratDokumen")
    dokumen = {j.kode: j for j in JenisDokumen.objects.all()}
    for urutan, (kode, nama) in enumerate(JENIS_KP, start=1):
        jenis, _ = JenisKp.objects.update_or_create(
            kode=kode, defaults={"nama": nama, "urutan": urutan * 10}
        )
        for i, (dok, bila, tahun) in enumerate(CHECKLIST[kode], start=1):
            SyaratDokumen.objects.get_or_create(
                jenis_kp=jenis,
                jenis_dokumen=dokumen[dok],
                tahun_skp=tahun,
                defaults={"bila": bila, "urutan": i * 10},
            )


def unseed(apps, schema_editor):
    apps.get_model("promotion", "JenisKp").objects.filter(usulan__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("promotion", "0001_initial"), ("documents", "0002_seed_jenis_dokumen")]

    operations = [migrations.RunPython(seed, unseed)]
