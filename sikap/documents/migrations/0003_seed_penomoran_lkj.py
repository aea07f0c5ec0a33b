"""The numbering of the published Laporan Kinerja (LKj): admin BKD issues it from /lkj/<tahun>/
(`sikap.lkj.services.publish_lkj`). Admin BKD may change the pattern at /kelola/."""

from django.db import migrations


def seed(apps, schema_editor):
    PenomoranSurat = apps.get_model("documents", "PenomoranSurat")
    PenomoranSurat.objects.get_or_create(
        kode="lkj",
        defaults={"nama": "Laporan Kinerja (LKj)", "pola": "050/{seq:03d}/427.35/{year}"},
    )


class Migration(migrations.Migration):
    dependencies = [("documents", "0002_seed_jenis_dokumen")]

    # Going back keeps the row: numbers already issued under it must stay verifiable.
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
