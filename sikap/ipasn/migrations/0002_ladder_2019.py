"""Seed the 2019 ladder (sikap/ipasn/ladder.py) as the configuration in force from 2019."""

from datetime import date
from decimal import Decimal

from django.db import migrations

from sikap.ipasn.ladder import LADDER_2019


def seed(apps, schema_editor):
    Configuration = apps.get_model("ipasn", "Configuration")
    Dimension = apps.get_model("ipasn", "Dimension")
    Category = apps.get_model("ipasn", "Category")
    Band = apps.get_model("ipasn", "Band")
    data = LADDER_2019
    config = Configuration.objects.create(
        nama=data["nama"],
        berlaku_mulai=date.fromisoformat(data["berlaku_mulai"]),
        skp_year_offset=data["skp_year_offset"],
        hukdis_years=data["hukdis_years"],
        diklat_years=data["diklat_years"],
        pembulatan=data["pembulatan"],
        desimal=data["desimal"],
        keterangan=data["keterangan"],
    )
    for urutan, (kode, nama, populasi, categories) in enumerate(data["dimensions"], start=1):
        dimension = Dimension.objects.create(
            config=config, kode=kode, nama=nama, urutan=urutan, populasi=populasi
        )
        Category.objects.bulk_create(
            Category(
                dimension=dimension,
                kode=c_kode,
                nama=c_nama,
                bobot=Decimal(bobot),
                kriteria=kriteria,
                urutan=c_urutan,
            )
            for c_urutan, (c_kode, c_nama, bobot, kriteria) in enumerate(categories, start=1)
        )
    Band.objects.bulk_create(
        Band(config=config, nama=nama, batas_atas=Decimal(upper)) for nama, upper in data["bands"]
    )


def unseed(apps, schema_editor):
    Configuration = apps.get_model("ipasn", "Configuration")
    Configuration.objects.filter(
        berlaku_mulai=date.fromisoformat(LADDER_2019["berlaku_mulai"])
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("ipasn", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
