"""The settings row and the Perpres 21/2023 working week for the whole region, with the
Ramadan 1447 H variant (admin BKD adjusts its dates to the government's announcement)."""

from datetime import date, time

from django.db import migrations

BIASA = {
    **{d: (time(7, 30), time(16, 0), 60) for d in range(4)},
    4: (time(7, 30), time(16, 30), 90),
}
RAMADAN = {
    **{d: (time(8, 0), time(15, 0), 30) for d in range(4)},
    4: (time(8, 0), time(15, 30), 60),
}


def seed(apps, schema_editor):
    Pengaturan = apps.get_model("attendance", "PengaturanPresensi")
    JadwalKerja = apps.get_model("attendance", "JadwalKerja")
    HariJadwal = apps.get_model("attendance", "HariJadwal")
    if not Pengaturan.objects.exists():
        Pengaturan.objects.create()
    if JadwalKerja.objects.exists():
        return
    for nama, mulai, sampai, week in [
        ("Jam kerja ASN (Perpres 21/2023)", date(2023, 1, 1), None, BIASA),
        ("Ramadan 1447 H (Perpres 21/2023)", date(2026, 2, 19), date(2026, 3, 19), RAMADAN),
    ]:
        jadwal = JadwalKerja.objects.create(nama=nama, berlaku_mulai=mulai, berlaku_sampai=sampai)
        HariJadwal.objects.bulk_create(
            HariJadwal(jadwal=jadwal, hari=d, masuk=m, pulang=p, istirahat_menit=i)
            for d, (m, p, i) in week.items()
        )


class Migration(migrations.Migration):
    dependencies = [("attendance", "0001_siperlu")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
