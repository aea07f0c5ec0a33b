"""Default change types. Admin BKD edits them at /kelola/ afterwards; this only seeds.

Choices made here: career and salary data (rank, position, education, salary, discipline,
family, which feeds the family allowance) pass the OPD and then BKD; training and SKP only the
OPD, training being simple enough to approve in bulk; identity data registered elsewhere (name,
NIK, place of birth: Dukcapil/BKN) only BKD; contact data only the OPD, in bulk, without a
document. Adding or correcting a row needs the document that proves it; removing one needs a
reason instead.
"""

from django.db import migrations

# kind: (label, document proving a row, chain, simple)
RIWAYAT = {
    "pangkat": ("riwayat pangkat", "sk_pangkat", "opd_then_bkd", False),
    "jabatan": ("riwayat jabatan", "sk_jabatan", "opd_then_bkd", False),
    "pendidikan": ("riwayat pendidikan", "ijazah", "opd_then_bkd", False),
    "diklat": ("riwayat diklat", "sertifikat_diklat", "opd_only", True),
    "skp": ("penilaian kinerja (SKP)", "skp", "opd_only", False),
    "hukdis": ("hukuman disiplin", "sk_hukdis", "opd_then_bkd", False),
    "gaji": ("riwayat gaji", "sk_kgb", "opd_then_bkd", False),
    "keluarga": ("anggota keluarga", "kk", "opd_then_bkd", False),
}
OPERASI = (("add", "tambah", "Tambah"), ("correct", "perbaiki", "Perbaiki"),
           ("remove", "hapus", "Hapus"))  # fmt: skip

IDENTITAS = (
    ("kontak", "Ubah alamat dan kontak", ["alamat", "no_hp", "email"], "", "opd_only", True),
    ("npwp-bpjs", "Ubah NPWP dan nomor BPJS", ["npwp", "bpjs"], "", "opd_only", True),
    ("gelar", "Ubah gelar", ["gelar_depan", "gelar_belakang"], "ijazah", "opd_then_bkd", False),
    ("agama-status-kawin", "Ubah agama dan status perkawinan", ["agama", "status_kawin"], "kk",
     "opd_then_bkd", False),
    ("kependudukan", "Ubah nama, NIK dan tempat lahir", ["nama", "nik", "tempat_lahir"], "ktp",
     "bkd_only", False),
)  # fmt: skip


def seed(apps, schema_editor):
    JenisPerubahan = apps.get_model("selfservice", "JenisPerubahan")
    dokumen = {d.kode: d for d in apps.get_model("documents", "JenisDokumen").objects.all()}
    for kind, (label, kode_dokumen, rantai, sederhana) in RIWAYAT.items():
        for operasi, kata, verb in OPERASI:
            JenisPerubahan.objects.get_or_create(
                kode=f"{kata}-{kind}",
                defaults=dict(
                    nama=f"{verb} {label}",
                    operasi=operasi,
                    kind=kind,
                    dokumen_wajib=None if operasi == "remove" else dokumen.get(kode_dokumen),
                    rantai=rantai,
                    sederhana=sederhana,
                ),
            )
    for kode, nama, kolom, kode_dokumen, rantai, sederhana in IDENTITAS:
        JenisPerubahan.objects.get_or_create(
            kode=kode,
            defaults=dict(
                nama=nama,
                operasi="identity",
                kolom=kolom,
                dokumen_wajib=dokumen.get(kode_dokumen),
                rantai=rantai,
                sederhana=sederhana,
            ),
        )


def unseed(apps, schema_editor):
    JenisPerubahan = apps.get_model("selfservice", "JenisPerubahan")
    kode = [f"{kata}-{kind}" for kind in RIWAYAT for _op, kata, _verb in OPERASI]
    kode += [row[0] for row in IDENTITAS]
    JenisPerubahan.objects.filter(kode__in=kode, usulan__isnull=True).delete()


class Migration(migrations.Migration):
    # The document types a change type requires are seeded by the documents app.
    dependencies = [("selfservice", "0001_initial"), ("documents", "0002_seed_jenis_dokumen")]

    operations = [migrations.RunPython(seed, unseed)]
