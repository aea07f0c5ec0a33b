"""`sikap lkj --year 2023 --out DIR [--paper a4|f4]`: writes LKj-2023.docx and LKj-2023.pdf."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from sikap.core.errors import SikapError
from sikap.lkj.builder import build_lkj
from sikap.lkj.docx import lkj_docx
from sikap.lkj.pdf import PAPERS, lkj_pdf


class Command(BaseCommand):
    help = "Buat Laporan Kinerja (LKj) satu tahun sebagai DOCX dan PDF."

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True, help="tahun laporan, mis. 2023")
        parser.add_argument("--out", required=True, help="folder tujuan")
        parser.add_argument("--paper", choices=sorted(PAPERS), default="a4", help="ukuran kertas")

    def handle(self, *args, **options):
        year, out = options["year"], Path(options["out"])
        try:
            lkj = build_lkj(year)
        except SikapError as e:
            raise CommandError(e.message) from None
        out.mkdir(parents=True, exist_ok=True)
        for name, content in (
            (f"LKj-{year}.docx", lkj_docx(lkj, options["paper"])),
            (f"LKj-{year}.pdf", lkj_pdf(lkj, options["paper"])),
        ):
            (out / name).write_bytes(content)
            self.stdout.write(f"{out / name} ({len(content):,} bita)".replace(",", "."))
