from django.contrib.auth.hashers import make_password
from django.db import migrations


def create_system_actor(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    User.objects.get_or_create(
        username="sistem",
        defaults={"first_name": "Sistem", "last_name": "SIKAP", "password": make_password(None)},
    )


class Migration(migrations.Migration):
    dependencies = [("accounts", "0002_device_tokens")]

    operations = [migrations.RunPython(create_system_actor, migrations.RunPython.noop)]
