import re

from django.db import migrations, models

_EVENT = {"create": "created", "update": "updated", "delete": "deleted", "import": "imported"}


def name_old_kinds(apps, schema_editor):
    """Rows written before kinds existed get the plain `model.event` kind of what they did."""
    AuditEntry = apps.get_model("core", "AuditEntry")
    ContentType = apps.get_model("contenttypes", "ContentType")
    pairs = AuditEntry.objects.values_list("content_type_id", "action").distinct()
    for ct_id, action in pairs:
        ct = ContentType.objects.get(pk=ct_id)
        try:
            name = apps.get_model(ct.app_label, ct.model)._meta.object_name
        except LookupError:
            name = ct.model
        domain = re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()
        AuditEntry.objects.filter(content_type_id=ct_id, action=action).update(
            kind=f"{domain}.{_EVENT.get(action, action)}"
        )


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("core", "0002_caseevent_notifikasi"),
    ]

    operations = [
        migrations.AddField(
            model_name="auditentry",
            name="source",
            field=models.CharField(
                choices=[
                    ("web", "Web"),
                    ("api", "API"),
                    ("command", "Perintah"),
                    ("job", "Pekerjaan latar"),
                    ("import", "Impor"),
                    ("lama", "Tidak tercatat"),
                ],
                default="lama",
                max_length=16,
                verbose_name="sumber",
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="auditentry",
            name="kind",
            field=models.CharField(
                db_index=True, default="", max_length=64, verbose_name="jenis"
            ),
            preserve_default=False,
        ),
        migrations.RunPython(name_old_kinds, migrations.RunPython.noop),
        migrations.AddField(
            model_name="notifikasi",
            name="emailed_at",
            field=models.DateTimeField(
                blank=True, null=True, verbose_name="dikirim lewat surel"
            ),
        ),
    ]
