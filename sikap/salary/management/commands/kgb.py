"""`sikap kgb hitung|due|draft` (docs/salary.md):

sikap kgb hitung --golongan III/a --mkg 1 --bulan 0 --tmt 2025-03-01 [--json]
sikap kgb due --as-of 2026-12-01 [--months 3] [--opd KODE] [--json]
sikap kgb draft --as-of 2026-12-01 [--user NAMA]      (what the daily job runs)
sikap kgb impor-tabel FILE --kode pp15-2019 --nama "PP 15/2019" --regulasi "…"
      --berlaku 2019-01-01 [--untuk pns|pppk] --user ADMIN_BKD
"""

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

from django.core.management.base import CommandError

from sikap.core.commands import WritingCommand, resolve_actor
from sikap.core.errors import SikapError
from sikap.rules import RuleError
from sikap.rules.dates import parse_tanggal
from sikap.rules.kgb import DasarGaji, add_months, hitung
from sikap.rules.ranks import parse_golongan
from sikap.salary import admin_services, selectors, services
from sikap.salary.config import aturan, window_months
from sikap.salary.tables import tables_for


def _date(text: str) -> date:
    try:
        return parse_tanggal(text)
    except RuleError as e:
        raise CommandError(e.message) from None


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _num(x: Decimal | None) -> int | None:
    return int(x) if x is not None else None


def hasil_json(hasil) -> dict:
    return {
        "tmt_jatuh": _iso(hasil.tmt_jatuh),
        "tmt": _iso(hasil.tmt),
        "golongan": hasil.golongan,
        "mkg_tahun": hasil.mkg_tahun,
        "mkg_bulan": hasil.mkg_bulan,
        "gaji_pokok": _num(hasil.gaji_pokok),
        "regulasi": hasil.tabel.regulasi if hasil.tabel else None,
        "kgb_berikutnya": _iso(hasil.berikutnya),
        "penundaan": [
            {"dari": _iso(p.mulai), "berlaku": _iso(p.berlaku), "alasan": p.alasan}
            for p in hasil.penundaan
        ],
        "alasan": hasil.hambatan or None,
        "perhatian": list(hasil.perhatian),
    }


class Command(WritingCommand):
    help = "Kenaikan gaji berkala: hitung, daftar jatuh tempo, dan penyusunan draf surat."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="aksi", required=True)
        h = sub.add_parser("hitung", help="hitung KGB berikutnya dari golongan, MKG dan TMT")
        h.add_argument("--golongan", required=True)
        h.add_argument("--mkg", type=int, required=True, help="MKG tahun pada TMT dasar")
        h.add_argument("--bulan", type=int, default=0, help="MKG bulan pada TMT dasar")
        h.add_argument("--tmt", required=True, help="TMT SK dasar (YYYY-MM-DD)")
        h.add_argument("--json", action="store_true")
        d = sub.add_parser("due", help="pegawai yang KGB-nya jatuh tempo dalam jendela")
        d.add_argument("--as-of", required=True)
        d.add_argument("--months", type=int, default=None)
        d.add_argument("--opd", help="kode OPD")
        d.add_argument("--json", action="store_true")
        r = sub.add_parser("draft", help="susun draf surat KGB yang jatuh tempo")
        r.add_argument("--as-of", required=True)
        self.add_user_argument(r)
        i = sub.add_parser("impor-tabel", help="impor tabel gaji dari CSV/XLSX")
        i.add_argument("file")
        i.add_argument("--kode", required=True)
        i.add_argument("--nama", required=True)
        i.add_argument("--regulasi", required=True)
        i.add_argument("--berlaku", required=True, help="berlaku mulai (YYYY-MM-DD)")
        i.add_argument("--untuk", choices=("pns", "pppk"), default="pns")
        self.add_user_argument(i)

    def handle(self, *args, aksi, **options):
        try:
            getattr(self, f"_{aksi.replace('-', '_')}")(**options)
        except (SikapError, RuleError) as e:
            raise CommandError(e.message) from None

    def _hitung(self, golongan, mkg, bulan, tmt, json: bool, **_):
        golongan = parse_golongan(golongan)
        if mkg < 0 or not 0 <= bulan < 12:
            raise CommandError("MKG tahun tidak boleh negatif dan MKG bulan harus 0–11.")
        dasar = DasarGaji("kgb", golongan, _date(tmt), mkg, bulan, Decimal(0))
        hasil = hitung(dasar, tables_for("pns"), None, aturan())
        out = hasil_json(hasil) if hasil else {"kgb_berikutnya": None, "alasan": "Puncak tabel"}
        if json:
            self._json(out)
        elif hasil is None:
            self.stdout.write(f"Golongan {golongan} MKG {mkg} tahun: puncak tabel, tidak ada KGB.")
        else:
            self.stdout.write(
                f"KGB berikutnya TMT {hasil.tmt:%d-%m-%Y}: {golongan} MKG {hasil.mkg_tahun} "
                f"tahun {hasil.mkg_bulan} bulan, gaji pokok "
                f"{_num(hasil.gaji_pokok) if hasil.gaji_pokok else '-'}"
                + (f" ({hasil.tabel.regulasi})" if hasil.tabel else f" — {hasil.hambatan}")
            )

    def _due(self, as_of, months, opd, json: bool, **_):
        start = _date(as_of)
        months = window_months() if months is None else months
        if months < 0:
            raise CommandError("--months tidak boleh negatif.")
        end = add_months(start, months)
        qs = selectors.candidates()
        if opd:
            qs = qs.filter(opd__kode=opd)
        rows = []
        for p in selectors.assess(qs.order_by("nip")):
            h = p.hasil
            if p.alasan or (h and start <= h.tmt_jatuh <= end):
                rows.append(self._row(p))
        if json:
            self._json(rows)
            return
        for r in rows:
            when = (r["kgb"] or {}).get("tmt") or "-"
            self.stdout.write(f"{r['nip']}  {r['nama']:<40} {when}  {r['alasan'] or ''}")
        self.stdout.write(f"{len(rows)} pegawai.")

    def _row(self, p) -> dict:
        h = p.hasil
        return {
            "nip": p.pegawai.nip,
            "nama": p.pegawai.nama,
            "opd": p.pegawai.opd.kode if p.pegawai.opd_id else None,
            "dasar": {
                "jenis": h.dasar.jenis,
                "sk_nomor": h.dasar.sk_nomor,
                "sk_tanggal": _iso(p.sk_tanggal),
                "tmt": _iso(h.dasar.tmt),
                "mkg_tahun": h.dasar.mkg_tahun,
                "mkg_bulan": h.dasar.mkg_bulan,
                "gaji_pokok": _num(h.dasar.gaji_pokok),
            }
            if h
            else None,
            "kgb": hasil_json(h) if h else None,
            "alasan": p.alasan or (h.hambatan if h else "") or None,
        }

    def _draft(self, as_of, user, **_):
        summary = services.draft_due(_date(as_of), actor=resolve_actor(user))
        self.stdout.write(f"KGB: {summary}.")

    def _impor_tabel(self, file, kode, nama, regulasi, berlaku, untuk, user, **_):
        try:
            data = Path(file).read_bytes()
        except OSError as e:
            raise CommandError(f"Berkas {file} tidak dapat dibaca: {e.strerror}.") from None
        tabel = admin_services.import_table(
            data, kode=kode, nama=nama, regulasi=regulasi, untuk=untuk,
            berlaku_mulai=_date(berlaku), actor=resolve_actor(user),
        )  # fmt: skip
        self.stdout.write(f"Tabel {tabel} diimpor: {tabel.baris.count()} baris.")

    def _json(self, data) -> None:
        self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
