"""`sikap lkj --year 2023 --out DIR [--paper a4|f4]`: writes LKj-2023.docx and LKj-2023.pdf.
`--publish [--user USERNAME]` (an admin BKD; without it the system actor) also registers a
numbered PDF as an issued document and prints its number and verification URL."""

from pathlib import Path

from django.core.management.base import CommandError

from sikap.core.commands import WritingCommand, resolve_actor
from sikap.core.errors import SikapError
from sikap.lkj.builder import build_lkj
from sikap.lkj.docx import lkj_docx
from sikap.lkj.pdf import PAPERS, lkj_pdf
from sikap.lkj.services import publish_lkj


class Command(WritingCommand):
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
        self.add_user_argument(parser)

    def handle(self, *args, **options):
        year, paper = options["year"], options["paper"]
        if not options["out"] and not options["publish"]:
            raise CommandError("Sebutkan --out FOLDER, --publish, atau keduanya.")
        actor = resolve_actor(options["user"]) if options["publish"] else None
        try:
            if options["out"]:
                self._write(build_lkj(year), Path(options["out"]), year, paper)
            if options["publish"]:
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
