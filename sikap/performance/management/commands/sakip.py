"""`sikap sakip import DIR [--year 2023] [--renstra 2018-2023]`, `sikap sakip riwayat FILE`,
`sikap sakip check --year 2023 [--json]`, `sikap sakip capaian --year 2023 [--json]` and
`sikap sakip demo` (the shipped 2023 tables of the seed, loaded once; `sikap demo` loads them
too: sikap/demo/sakip.py) (docs/sakip.md)."""

import json
import re
from pathlib import Path

from django.core.management.base import CommandError

from sikap.core.commands import WritingCommand, resolve_actor
from sikap.core.errors import SikapError
from sikap.demo import sakip as sakip_demo
from sikap.performance.capaian import year_capaian
from sikap.performance.checks import AGGREGATION_NAME
from sikap.performance.earlier import import_earlier
from sikap.performance.importer import ImportRefused, files_in_directory, parse_bundle
from sikap.performance.selectors import findings_for_year, years
from sikap.performance.services import import_sakip
from sikap.rules.formatting import angka, rupiah
from sikap.rules.narasi import nilai

SOURCE_LABEL = {"manual": "diisi manual", "formula": "dihitung dari data kepegawaian"}


def _capaian_text(result) -> str:
    return f"{angka(result.capaian)} %" if result.capaian is not None else result.note


def _period(text: str) -> tuple[int, int]:
    m = re.fullmatch(r"(\d{4})\s*-\s*(\d{4})", text)
    if not m or int(m[1]) > int(m[2]):
        raise CommandError(f"--renstra harus berbentuk AWAL-AKHIR, mis. 2018-2023, bukan {text!r}.")
    return int(m[1]), int(m[2])


class Command(WritingCommand):
    help = "SAKIP: impor tabel Renja/realisasi, periksa konsistensi, hitung capaian."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        imp = sub.add_parser("import", help="Impor renja_TAHUN.csv dan kawan-kawannya dari folder.")
        imp.add_argument("directory", type=Path)
        imp.add_argument("--year", type=int)
        imp.add_argument("--renstra", type=_period, help="Periode Renstra, mis. 2018-2023.")
        imp.add_argument("--json", action="store_true")
        self.add_user_argument(imp)
        earlier = sub.add_parser(
            "riwayat",
            help="Impor realisasi terbit tahun-tahun sebelumnya (indikator, tahun, realisasi).",
        )
        earlier.add_argument("file", type=Path)
        self.add_user_argument(earlier)
        sub.add_parser("demo", help="Muat data SAKIP 2023 bawaan bila belum ada.")
        check = sub.add_parser("check", help="Periksa konsistensi tabel satu tahun.")
        check.add_argument("--year", type=int)
        check.add_argument("--json", action="store_true")
        cap = sub.add_parser("capaian", help="Target, realisasi dan capaian satu tahun.")
        cap.add_argument("--year", type=int)
        cap.add_argument("--json", action="store_true")
        cap.add_argument(
            "--terverifikasi", action="store_true", help="Hanya triwulan terverifikasi."
        )

    def handle(self, *args, action, **options):
        try:
            getattr(self, f"_{action}")(**options)
        except ImportRefused as e:
            lines = [e.message, *(f"  - {issue}" for issue in e.issues)]
            raise CommandError("\n".join(lines)) from None
        except SikapError as e:
            raise CommandError(e.message) from None

    def _year(self, year: int | None) -> int:
        known = years()
        if year is None:
            if not known:
                raise CommandError("Belum ada data SAKIP; impor dulu dengan `sikap sakip import`.")
            return known[0]
        if year not in known:
            raise CommandError(f"Tidak ada data SAKIP tahun {year}.")
        return year

    def _import(self, directory, year, renstra, json: bool, user, **_):
        year, files = files_in_directory(directory, year)
        bundle = parse_bundle(files, year)
        result = import_sakip(bundle, actor=resolve_actor(user), renstra=renstra)
        if json:
            self._json(
                {
                    "tahun": result.year,
                    "jumlah": result.counts,
                    "diganti": result.replaced,
                    "ringkasan": result.summary,
                    "temuan": [f.as_dict() for f in result.findings],
                }
            )
            return
        self.stdout.write(result.summary)
        self._findings(result.findings)

    def _riwayat(self, file: Path, user, **_):
        if not file.is_file():
            raise CommandError(f"Berkas {file} tidak ditemukan.")
        saved = import_earlier(file.name, file.read_bytes(), actor=resolve_actor(user))
        self.stdout.write(f"{saved} realisasi tahun sebelumnya disimpan dari {file.name}.")

    def _demo(self, **_):
        if sakip_demo.BUILDER.exists():
            year = sakip_demo.SHIPPED_YEAR
            self.stdout.write(f"Data SAKIP {year} sudah ada; tidak dimuat ulang.")
            return
        self.stdout.write(sakip_demo.load_shipped(actor=resolve_actor(None)))

    def _check(self, year, json: bool, **_):
        year = self._year(year)
        findings = findings_for_year(year)
        if json:
            self._json({"tahun": year, "temuan": [f.as_dict() for f in findings]})
        else:
            self._findings(findings)

    def _capaian(self, year, json: bool, terverifikasi: bool, **_):
        result = year_capaian(self._year(year), verified_only=terverifikasi)
        if json:
            self._json(result.as_json())
            return
        # Every figure in one (Indonesian) format: 12,38 / 13 → 95,23 %.
        self.stdout.write("Indikator kinerja utama:")
        for i in result.iku:
            self.stdout.write(
                f"  {i.indicator}: {nilai(i.realisasi)} / {nilai(i.target)} "
                f"→ {_capaian_text(i)} [{SOURCE_LABEL.get(i.source, i.source)}]"
            )
        self.stdout.write("Indikator program, kegiatan dan sub kegiatan:")
        for i in result.indicators:
            unit = f" {i.unit}" if i.unit and i.unit != "%" else (" %" if i.unit else "")
            self.stdout.write(
                f"  {i.code} {i.indicator}: {nilai(i.realisasi)}{unit} / {nilai(i.target)}{unit} "
                f"→ {_capaian_text(i)} ({AGGREGATION_NAME.get(i.aggregation, i.aggregation)})"
            )
        self.stdout.write("Realisasi anggaran:")
        for a in [*result.level("program"), result.total]:
            persen = f"{angka(a.persen)} %" if a.persen is not None else "—"
            self.stdout.write(
                f"{a.code or 'JUMLAH':8} {rupiah(a.anggaran, sen=False):>18} "
                f"{rupiah(a.realisasi, sen=False):>18} {persen:>9}  {a.name}"
            )

    def _findings(self, findings) -> None:
        by_severity = {s: sum(1 for f in findings if f.severity == s) for s in ("A", "B", "C")}
        self.stdout.write(
            f"{len(findings)} temuan (A: {by_severity['A']}, B: {by_severity['B']}, "
            f"C: {by_severity['C']})."
        )
        for f in findings:
            self.stdout.write(f"[{f.severity}] {f.location}: {f.problem} → {f.remedy}")

    def _json(self, payload) -> None:
        self.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2))
