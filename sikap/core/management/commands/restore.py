"""`sikap restore ARSIP`: replace the database and the uploaded files with an archive of
`sikap backup`, after checking every hash (sikap/core/backup.py). Stop the web server and the
worker first: what they write during a restore is lost."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from sikap.core.backup import restore_backup, verify
from sikap.core.errors import SikapError


class Command(BaseCommand):
    help = "Pulihkan basis data dan berkas unggahan SIKAP dari arsip sikap backup."

    def add_arguments(self, parser):
        parser.add_argument("arsip", help="arsip .tar.gz dari sikap backup")
        parser.add_argument(
            "--noinput",
            "--no-input",
            action="store_false",
            dest="interactive",
            help="tanpa pertanyaan konfirmasi",
        )
        parser.add_argument(
            "--check", action="store_true", help="hanya periksa arsip, tanpa memulihkan"
        )

    def handle(self, *args, arsip, interactive=True, check=False, **options):
        path = Path(arsip)
        if not path.is_file():
            raise CommandError(f"Arsip {path} tidak ditemukan.")
        try:
            if check:
                manifest = verify(path)
                self.stdout.write(
                    f"Arsip utuh: dibuat {manifest['created_at']}, basis data "
                    f"{manifest['engine']}, {len(manifest['sha256']) - 1} berkas."
                )
                return
            if interactive:
                answer = input(
                    "Seluruh isi basis data dan berkas unggahan saat ini akan diganti dengan isi "
                    "arsip. Ketik 'ya' untuk melanjutkan: "
                )
                if answer.strip().lower() != "ya":
                    raise CommandError("Dibatalkan; tidak ada yang diubah.")
            summary = restore_backup(path)
        except SikapError as error:
            raise CommandError(error.message) from error
        self.stdout.write(
            f"Dipulihkan dari {summary.path}: basis data {summary.engine}, {summary.files} berkas."
        )
