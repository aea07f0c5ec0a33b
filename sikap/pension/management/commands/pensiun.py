"""`sikap pensiun hitung|proyeksi|harian|periksa-kematian` (docs/pension.md):

sikap pensiun hitung --tanggal-lahir 1969-04-07 --bup 58 [--as-of 2026-12-01] [--json]
sikap pensiun hitung --tanggal-lahir 1969-04-07 --kategori guru_besar [--json]
sikap pensiun proyeksi --as-of 2026-12-01 [--months 15] [--opd KODE] [--json]
sikap pensiun harian [--as-of 2026-12-01] [--user NAMA]    (what the daily job runs)
sikap pensiun periksa-kematian [--opd KODE] [--user NAMA]  (death records in the registry)
"""

import json
from datetime import date

from django.core.management.base import CommandError
from django.utils import timezone

from sikap.core.commands import WritingCommand, resolve_actor
from sikap.core.errors import SikapError
from sikap.pension import selectors, services
from sikap.pension.kependudukan import death_check
from sikap.rules import RuleError
from sikap.rules.dates import parse_tanggal
from sikap.rules.pension import KATEGORI_BUP, bup_kategori, hitung


def _date(text: str | None, name: str) -> date:
    if not text:
        raise CommandError(f"{name} wajib diisi (YYYY-MM-DD).")
    try:
        return parse_tanggal(text)
    except RuleError as e:
        raise CommandError(f"{name}: {e.message}") from None


class Command(WritingCommand):
    help = "Pensiun: hitung TMT, proyeksi, pekerjaan harian, dan pemeriksaan catatan kematian."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="aksi", required=True)
        h = sub.add_parser("hitung", help="TMT pensiun dari tanggal lahir dan BUP")
        h.add_argument("--tanggal-lahir", required=True)
        h.add_argument("--bup", type=int)
        h.add_argument("--kategori", choices=sorted(KATEGORI_BUP), help="jenis jabatan (BUP-nya)")
        h.add_argument("--as-of", help="hitung sisa bulan dari tanggal ini (bawaan: hari ini)")
        h.add_argument("--json", action="store_true")
        p = sub.add_parser("proyeksi", help="pegawai yang mencapai BUP dalam jendela")
        p.add_argument("--as-of", required=True)
        p.add_argument("--months", type=int, default=None)
        p.add_argument("--opd", help="kode OPD")
        p.add_argument("--json", action="store_true")
        d = sub.add_parser("harian", help="buka berkas BUP yang jatuh tempo; kedudukan pada TMT SK")
        d.add_argument("--as-of")
        self.add_user_argument(d)
        k = sub.add_parser("periksa-kematian", help="cari catatan kematian pegawai aktif")
        k.add_argument("--opd", help="kode OPD")
        self.add_user_argument(k)

    def handle(self, *args, aksi, **options):
        try:
            getattr(self, f"_{aksi.replace('-', '_')}")(**options)
        except (SikapError, RuleError) as e:
            raise CommandError(e.message) from None

    def _hitung(self, tanggal_lahir, bup, kategori, as_of, json: bool, **_):
        if bup is None and kategori is None:
            raise CommandError("Isi --bup atau --kategori.")
        bup = bup if bup is not None else bup_kategori(kategori)
        today = _date(as_of, "--as-of") if as_of else timezone.localdate()
        h = hitung(_date(tanggal_lahir, "--tanggal-lahir"), bup, today)
        out = {
            "tanggal_lahir": h.tanggal_lahir.isoformat(),
            "bup": h.bup,
            "tmt_pensiun": h.tmt.isoformat(),
            "bulan_tersisa": h.bulan_tersisa,
            "dihitung_per": today.isoformat(),
        }
        if json:
            self._json(out)
        else:
            self.stdout.write(
                f"BUP {h.bup} tahun: TMT pensiun {h.tmt:%d-%m-%Y}, {h.bulan_tersisa} bulan lagi."
            )

    def _proyeksi(self, as_of, months, opd, json: bool, **_):
        start = _date(as_of, "--as-of")
        if months is not None and months < 0:
            raise CommandError("--months tidak boleh negatif.")
        qs = selectors.candidates()
        if opd:
            qs = qs.filter(opd__kode=opd)
            if not qs.exists():
                raise CommandError(f"Tidak ada pegawai aktif di OPD berkode '{opd}'.")
        rows, problems = selectors.due(qs, start, months)
        out = [self._row(r) for r in rows]
        if json:
            self._json({"pegawai": out, "belum_dapat_dihitung": [self._row(r) for r in problems]})
            return
        for r in out:
            self.stdout.write(f"{r['nip']}  {r['nama']:<40} BUP {r['bup']}  TMT {r['tmt_pensiun']}")
        for r in problems:
            self.stdout.write(f"{r.pegawai.nip}  {r.pegawai.nama:<40} {r.masalah}")
        self.stdout.write(f"{len(out)} pegawai.")

    def _row(self, r) -> dict:
        p = r.pegawai
        return {
            "nip": p.nip,
            "nama": p.nama,
            "opd": p.opd.kode,
            "jabatan": p.jabatan.nama if p.jabatan_id else None,
            "bup": r.bup,
            "sumber_bup": r.sumber or None,
            "tmt_pensiun": r.tmt.isoformat() if r.tmt else None,
            "bulan_tersisa": r.bulan_tersisa,
            "masalah": r.masalah or None,
        }

    def _harian(self, as_of, user, **_):
        today = _date(as_of, "--as-of") if as_of else timezone.localdate()
        actor = resolve_actor(user)
        summary = services.open_due(today, actor=actor)
        services.apply_due(today, actor=actor, summary=summary)
        self.stdout.write(f"Pensiun: {summary}.")
        for line in summary.masalah:
            self.stdout.write(line)

    def _periksa_kematian(self, opd, user, **_):
        actor = resolve_actor(user)
        qs = selectors.candidates().exclude(nik="")
        if opd:
            qs = qs.filter(opd__kode=opd)
        opened = 0
        for pegawai in qs.order_by("nip"):
            try:
                if death_check(pegawai, actor=actor):
                    opened += 1
                    self.stdout.write(f"{pegawai.nip} {pegawai.nama}: berkas janda/duda dibuka.")
            except SikapError as e:
                self.stderr.write(f"{pegawai.nip} {pegawai.nama}: {e.message}")
        self.stdout.write(f"{qs.count()} pegawai diperiksa, {opened} berkas janda/duda dibuka.")

    def _json(self, data) -> None:
        self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
