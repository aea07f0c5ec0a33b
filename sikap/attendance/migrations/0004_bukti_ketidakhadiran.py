"""The document type leave and permission requests attach (doctor's note, surat tugas, SK):
kept in the pegawai's digital file, content-checked like every upload."""

from django.db import migrations


def seed(apps, schema_editor):
    JenisDokumen = apps.get_model("documents", "JenisDokumen")
    JenisDokumen.objects.get_or_create(
        kode="bukti_ketidakhadiran",
        defaults={
            "nama": "Bukti cuti/izin (surat dokter, surat tugas, SK)",
            "format_diizinkan": "pdf,jpeg,png",
            "ukuran_maks_kb": 2048,
            "perlu_verifikasi": False,
            "urutan": 900,
        },
    )


class Migration(migrations.Migration):
    dependencies = [("attendance", "0003_leave_requests"), ("documents", "0003_seed_penomoran_lkj")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
