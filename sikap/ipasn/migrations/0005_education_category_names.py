"""The 2019 ladder's education categories take the names SIKAP shows everywhere (SMA, SMP),
where an admin has not renamed them."""

from django.db import migrations

RENAMED = {"sma": ("SMA/SLTA", "SMA"), "smp": ("SMP/SLTP", "SMP")}


def rename(apps, schema_editor, forward=True):
    Category = apps.get_model("ipasn", "Category")
    for kode, (old, new) in RENAMED.items():
        before, after = (old, new) if forward else (new, old)
        Category.objects.filter(dimension__kode="kualifikasi", kode=kode, nama=before).update(
            nama=after
        )


def back(apps, schema_editor):
    rename(apps, schema_editor, forward=False)


class Migration(migrations.Migration):
    dependencies = [("ipasn", "0004_ip_asn_per_status")]

    operations = [migrations.RunPython(rename, back)]
