"""`sikap lkj --year 2023 --out DIR [--paper a4|f4]`: writes LKj-2023.docx and LKj-2023.pdf.
`--publish --user USERNAME` (an admin BKD) also registers a numbered PDF as an issued
document and prints its number and verification URL."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from sikap.accounts.models import User
from sikap.core.errors import SikapError
from sikap.lkj.builder import build_lkj
from sikap.lkj.docx import lkj_docx
from sikap.lkj.pdf import PAPERS, lkj_pdf
from sikap.lkj.services import publish_lkj


class Command(BaseCommand):
    help = "Buat Laporan Kinerja (LKj) satu tahun sebagai DOCX dan PDF, atau terbitkan bernomor."

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True, help="tahun laporan, mis. 2023")
        parser.add_argument("--out", help="folder tujuan DOCX dan PDF")
        parser.add_argument("--paper", choices=sorted(PAPERS), default="a4", help="ukuran kertas")
        parser.add_argument(
            "--publish",
            action="store_true",
            help="terbitkan PDF bernomor dengan QR verifikasi (register dokumen terbit)",
        )
        parser.add_argument("--user", help="nama pengguna admin BKD yang menerbitkan (--publish)")

    def handle(self, *args, **options):
        year, paper = options["year"], options["paper"]
        if not options["out"] and not options["publish"]:
            raise CommandError("Sebutkan --out FOLDER, --publish, atau keduanya.")
        actor = None
        if options["publish"]:
            if not options["user"]:
                raise CommandError("--publish memerlukan --user NAMA_PENGGUNA (admin BKD).")
            actor = User.objects.filter(username=options["user"], is_active=True).first()
            if actor is None:
                raise CommandError(
                    f"Pengguna '{options['user']}' tidak ditemukan atau tidak aktif."
                )
        try:
            if options["out"]:
                self._write(build_lkj(year), Path(options["out"]), year, paper)
            if actor is not None:
                terbit = publish_lkj(year, actor=actor, paper_code=paper)
                self.stdout.write(f"LKj {year} versi {terbit.lkj.versi} diterbitkan.")
                self.stdout.write(f"Nomor: {terbit.nomor}")
                self.stdout.write(f"Verifikasi: {terbit.verification_url}")
        except SikapError as e:
            raise CommandError(e.message) from None

    def _write(self, lkj, out: Path, year: int, paper: str) -> None:
        out.mkdir(parents=True, exist_ok=True)
        for name, content in (
            (f"LKj-{year}.docx", lkj_docx(lkj, paper)),
            (f"LKj-{year}.pdf", lkj_pdf(lkj, paper)),
        ):
            (out / name).write_bytes(content)
            self.stdout.write(f"{out / name} ({len(content):,} bita)".replace(",", "."))
