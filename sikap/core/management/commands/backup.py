"""`sikap backup [ARSIP]`: the database and the uploaded files in one archive with a manifest of
SHA-256 hashes (sikap/core/backup.py), safe while the server runs."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from sikap.core.backup import create_backup
from sikap.core.errors import SikapError


class Command(BaseCommand):
    help = "Cadangkan basis data dan berkas unggahan SIKAP ke satu arsip .tar.gz."

    def add_arguments(self, parser):
        parser.add_argument(
            "arsip",
            nargs="?",
            help="berkas arsip yang dibuat (bawaan: var/backups/sikap-TANGGAL-JAM.tar.gz)",
        )

    def handle(self, *args, arsip=None, **options):
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
        path = (
            Path(arsip) if arsip else Path(settings.VAR_DIR) / "backups" / f"sikap-{stamp}.tar.gz"
        )
        try:
            summary = create_backup(path)
        except SikapError as error:
            raise CommandError(error.message) from error
        self.stdout.write(
            f"Cadangan dibuat: {summary.path} (basis data {summary.engine}, "
            f"{summary.files} berkas, {summary.size / 1024 / 1024:.1f} MB)."
        )
