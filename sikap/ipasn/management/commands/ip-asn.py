"""`sikap ip-asn --year 2023 [--opd KODE] [--rounding half_up|truncate] [--json]
[--per-status]`."""

import json

from django.core.management.base import BaseCommand, CommandError

from sikap.core.errors import SikapError
from sikap.ipasn.engine import compute_ip_asn, compute_ip_asn_per_status
from sikap.ipasn.models import GabunganStatus
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
        parser.add_argument(
            "--per-status",
            action="store_true",
            help="IP ASN PNS, PPPK, seluruh ASN dan gabungan tertimbang jumlah pegawai",
        )

    def handle(self, *args, **options):
        if options["per_status"]:
            return self._per_status(options)
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

    def _per_status(self, options) -> None:
        try:
            found = compute_ip_asn_per_status(options["year"], opd=options["opd"])
        except SikapError as e:
            raise CommandError(e.message) from None
        d = found.semua.config.decimals

        def text(value) -> str:
            return angka(value, d) if value is not None else "—"

        rows = [
            {"status": s.label, "jumlah_pegawai": s.headcount, "ip_asn": s.result.total}
            for s in found.per_status
        ]
        if options["json"]:
            payload = {
                "tahun": found.year,
                "per_status": [r | {"ip_asn": str(r["ip_asn"])} for r in rows],
                "seluruh_asn": str(found.semua.total),
                "gabungan_tertimbang": str(found.tertimbang),
                "dipakai": found.gabungan,
            }
            self.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2))
            return
        self.stdout.write(f"IP ASN {found.year} per status")
        for r in rows:
            self.stdout.write(
                f"  {r['status']:<6} {text(r['ip_asn']):>7}  ({angka(r['jumlah_pegawai'])} pegawai)"
            )
        self.stdout.write(f"  Seluruh ASN (satu indeks): {text(found.semua.total)}")
        self.stdout.write(f"  Gabungan tertimbang jumlah pegawai: {text(found.tertimbang)}")
        used = GabunganStatus(found.gabungan).label
        self.stdout.write(f"IP ASN menurut konfigurasi ({used}): {text(found.total)}")
