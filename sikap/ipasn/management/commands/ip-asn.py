"""`sikap ip-asn --year 2023 [--opd KODE] [--rounding half_up|truncate] [--json]`."""

import json

from django.core.management.base import BaseCommand, CommandError

from sikap.core.errors import SikapError
from sikap.ipasn.engine import compute_ip_asn
from sikap.rules.formatting import angka
from sikap.rules.indices import ROUNDING


class Command(BaseCommand):
    help = (
        "Hitung Indeks Profesionalitas ASN dari data kepegawaian dan tampilkan angka di baliknya."
    )

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True, help="tahun laporan, mis. 2023")
        parser.add_argument("--opd", help="kode OPD (tanpa ini: seluruh pemerintah daerah)")
        parser.add_argument("--rounding", choices=ROUNDING, help="ganti pembulatan konfigurasi")
        parser.add_argument("--json", action="store_true", help="keluaran JSON")

    def handle(self, *args, **options):
        try:
            result = compute_ip_asn(
                options["year"], opd=options["opd"], rounding=options["rounding"]
            )
        except SikapError as e:
            raise CommandError(e.message) from None
        if options["json"]:
            self.stdout.write(json.dumps(result.as_json(), ensure_ascii=False, indent=2))
            return
        decimals = result.config.decimals
        where = result.opd.nama if result.opd else "seluruh OPD"
        self.stdout.write(f"Indeks Profesionalitas ASN {result.year} — {where}")
        self.stdout.write(
            f"Konfigurasi: {result.config.nama}; pembulatan {result.config.rounding}\n"
        )
        for sub in result.sub_indices:
            value = angka(sub.rounded, decimals) if sub.rounded is not None else "—"
            self.stdout.write(f"{sub.name}: {value}  (populasi {angka(sub.population)})")
            for c in sub.categories:
                self.stdout.write(f"  {c.label:<55} {c.weight_text:>5} × {angka(c.count):>6}")
            self.stdout.write(f"  {sub.formula}\n")
        total = angka(result.total, decimals) if result.total is not None else "—"
        self.stdout.write(f"IP ASN: {total} ({result.kategori or '—'})")
