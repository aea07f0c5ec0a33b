from django.core.management.base import BaseCommand, CommandError

from sikap.documents.integrity import check


class Command(BaseCommand):
    help = "Periksa arsip digital: berkas hilang, berubah (SHA-256), atau tanpa catatan."

    def handle(self, *args, **options):
        report = check()
        for name in report.missing:
            self.stderr.write(f"HILANG   {name}")
        for name in report.altered:
            self.stderr.write(f"BERUBAH  {name}")
        for name in report.orphans:
            self.stdout.write(f"TANPA CATATAN  {name}")
        self.stdout.write(
            f"{report.checked} berkas diperiksa: {len(report.missing)} hilang, "
            f"{len(report.altered)} berubah, {len(report.orphans)} tanpa catatan."
        )
        if not report.ok:
            raise CommandError("Arsip tidak utuh: ada berkas yang hilang atau berubah.")
