"""Positions created before their BUP followed their kind (all at the default 58) get the BUP
the regulation gives them (`rules.pension.bup_jabatan`); a BUP an admin set otherwise stays."""

from django.db import migrations

from sikap.rules.pension import bup_jabatan


def forwards(apps, schema_editor):
    Jabatan = apps.get_model("org", "Jabatan")
    changed = []
    for jabatan in Jabatan.objects.filter(bup=58).only("pk", "jenis", "nama", "bup"):
        bup = bup_jabatan(jabatan.jenis, jabatan.nama)
        if bup != 58:
            jabatan.bup = bup
            changed.append(jabatan)
    Jabatan.objects.bulk_update(changed, ["bup"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [("org", "0004_lokasi_kantor_unit")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
