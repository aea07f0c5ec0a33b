"""The PP 5/2024 salary table from the shipped file (sikap/data/gaji_pokok_pns_pp5_2024.csv)
and the letter settings; KGB letters are numbered by the `kgb` PenomoranSurat that documents
migration 0002 seeds. Admin BKD changes them at /kelola/."""

from datetime import date

from django.db import migrations

REGULASI_PP5_2024 = (
    "Peraturan Pemerintah Nomor 5 Tahun 2024 tentang Perubahan Kesembilan Belas atas Peraturan "
    "Pemerintah Nomor 7 Tahun 1977 tentang Peraturan Gaji Pegawai Negeri Sipil"
)


def seed(apps, schema_editor):
    from sikap.salary.tables import pp5_2024_rows

    TabelGaji = apps.get_model("salary", "TabelGaji")
    BarisGaji = apps.get_model("salary", "BarisGaji")
    tabel, created = TabelGaji.objects.get_or_create(
        kode="pp5-2024",
        defaults={
            "nama": "PP 5/2024",
            "regulasi": REGULASI_PP5_2024,
            "untuk": "pns",
            "berlaku_mulai": date(2024, 1, 1),
        },
    )
    if created:
        BarisGaji.objects.bulk_create(
            BarisGaji(tabel=tabel, golongan=g, mkg_tahun=m, gaji_pokok=amount)
            for g, m, amount in pp5_2024_rows()
        )
    PengaturanSurat = apps.get_model("salary", "PengaturanSurat")
    if not PengaturanSurat.objects.exists():
        PengaturanSurat.objects.create()


class Migration(migrations.Migration):
    dependencies = [
        ("salary", "0001_initial"),
        ("documents", "0003_seed_penomoran_lkj"),
    ]

    # Going back keeps the rows: letters issued under them must stay true and verifiable.
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
