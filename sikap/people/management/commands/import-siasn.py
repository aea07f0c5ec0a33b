"""`sikap import-siasn FILE [--dry-run] [--user NAME]`: the SIASN import from the command line,
as the system actor (every OPD) unless `--user` names whose rights apply."""

from django.core.management.base import CommandError

from sikap.core.commands import WritingCommand, resolve_actor
from sikap.core.errors import SikapError
from sikap.people.import_service import import_siasn


class Command(WritingCommand):
    help = "Impor berkas unduhan data pegawai SIASN (CSV atau XLSX)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="berkas CSV atau XLSX dari SIASN")
        parser.add_argument(
            "--dry-run", action="store_true", help="periksa dan hitung saja, jangan simpan"
        )
        self.add_user_argument(parser)

    def handle(self, *args, file, dry_run, user, **options):
        actor = resolve_actor(user)
        try:
            report = import_siasn(file, actor=actor, dry_run=dry_run)
        except SikapError as e:
            raise CommandError(e.message) from e
        if report.errors:
            for error in report.errors:
                row = f"baris {error.row}" if error.row else "berkas"
                column = f", kolom {error.column}" if error.column else ""
                self.stderr.write(f"{row}{column}, nilai '{error.value}': {error.message}")
            raise CommandError(
                f"{len(report.errors)} kesalahan pada {report.total} baris data; "
                "tidak ada data yang disimpan."
            )
        prefix = "Uji coba, tidak disimpan: " if dry_run else "Impor selesai: "
        self.stdout.write(
            f"{prefix}{report.total} baris, {report.created} dibuat, {report.updated} diperbarui, "
            f"{report.unchanged} tidak berubah; {report.new_opd} OPD, {report.new_units} unit "
            f"kerja dan {report.new_jabatan} jabatan baru."
        )
