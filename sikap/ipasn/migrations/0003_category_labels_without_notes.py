"""The kinerja categories of the 2019 ladder lose the internal notes "(LKj: cukup)" etc. that
were printed into the LKj's official formula text (issue 15, finding 3). Only labels still
exactly as seeded are renamed: a label an admin edited stays theirs."""

from django.db import migrations

RENAMED = {
    "SKP Butuh Perbaikan (LKj: cukup)": "SKP Butuh Perbaikan",
    "SKP Kurang (LKj: sedang)": "SKP Kurang",
    "SKP Sangat Kurang (LKj: kurang)": "SKP Sangat Kurang",
}


def rename(apps, schema_editor):
    Category = apps.get_model("ipasn", "Category")
    for old, new in RENAMED.items():
        Category.objects.filter(nama=old).update(nama=new)


def restore(apps, schema_editor):
    Category = apps.get_model("ipasn", "Category")
    for old, new in RENAMED.items():
        Category.objects.filter(nama=new, kode__in=["butuh_perbaikan", "kurang", "sangat_kurang"]).update(nama=old)


class Migration(migrations.Migration):
    dependencies = [("ipasn", "0002_ladder_2019")]
    operations = [migrations.RunPython(rename, restore)]
