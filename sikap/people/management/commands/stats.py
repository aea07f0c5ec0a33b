"""`sikap stats [--json] [--year N]`: head counts of the active ASN (sikap.people.stats)."""

import json

from django.core.management.base import BaseCommand
from django.utils import timezone

from sikap.org.models import JenisJabatan
from sikap.people import stats
from sikap.people.models import JenisKelamin, Predikat, StatusPegawai, TingkatHukdis

_SECTIONS = (
    ("asn_per_status", "ASN menurut status kepegawaian"),
    ("pns_per_pendidikan", "PNS menurut pendidikan terakhir"),
    ("asn_per_predikat_skp", "ASN menurut predikat SKP tahun {tahun}"),
    ("pns_per_hukdis", "PNS menurut hukuman disiplin tahun {tahun} (tingkat terberat)"),
    ("pns_per_diklat", "PNS yang menyelesaikan pelatihan tahun {tahun}"),
    ("asn_per_golongan", "ASN menurut golongan"),
    ("asn_per_jenis_kelamin", "ASN menurut jenis kelamin"),
    ("asn_per_jenis_jabatan", "ASN menurut jenis jabatan"),
    ("asn_per_opd", "ASN menurut OPD"),
)

_DIKLAT = {
    "kepemimpinan": "Kepemimpinan (PIM)",
    "fungsional": "Fungsional",
    "teknis": f"Teknis ≥{stats.TEKNIS_MIN_JP} JP",
    "seminar": "Seminar/workshop/kursus/magang",
}

# Row labels of the plain-text table; JSON keeps the codes.
_LABELS = {
    **dict(StatusPegawai.choices),
    **dict(Predikat.choices),
    **dict(TingkatHukdis.choices),
    **dict(JenisKelamin.choices),
    **dict(JenisJabatan.choices),
    "tanpa_skp": "Tanpa SKP",
    "tanpa_hukdis": "Tanpa hukuman disiplin",
    stats.TANPA_JABATAN: "Tanpa jabatan",
    stats.TIDAK_DIKETAHUI: "Tidak diketahui",
}


class Command(BaseCommand):
    help = (
        "Menampilkan rekap jumlah ASN aktif: status, pendidikan, SKP, hukuman disiplin, "
        "pelatihan, golongan, jenis kelamin, jenis jabatan dan OPD."
    )

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true", dest="as_json", help="keluaran JSON")
        parser.add_argument(
            "--year",
            type=int,
            help="tahun SKP, hukuman disiplin dan pelatihan (bawaan: tahun SKP terakhir yang ada)",
        )

    def handle(self, *args, as_json: bool, year: int | None, **options):
        year = year or stats.latest_skp_year() or timezone.localdate().year - 1
        data = stats.summary(year)
        self.stdout.write(
            json.dumps(data, indent=2, ensure_ascii=False) if as_json else _table(data)
        )


def _table(data: dict) -> str:
    lines = []
    for key, title in _SECTIONS:
        lines += ["", title.format(tahun=data["tahun"])]
        section = data[key]
        if key == "asn_per_opd":
            rows = [(r["nama"], r["jumlah"]) for r in section]
        elif key == "pns_per_diklat":
            lines.append(f"  {'':<32}{'JPT/JA/JP/JF':>14}{'pelaksana':>11}{'tanpa jabatan':>15}")
            rows = []
            for kategori, groups in section.items():
                counts = (
                    groups[stats.STRUKTURAL_FUNGSIONAL],
                    groups[stats.PELAKSANA],
                    groups[stats.TANPA_JABATAN],
                )
                lines.append(
                    f"  {_DIKLAT[kategori]:<32}{counts[0]:>14}{counts[1]:>11}{counts[2]:>15}"
                )
        else:
            rows = [(_LABELS.get(code, code), n) for code, n in section.items()]
        width = max((len(str(label)) for label, _ in rows), default=0)
        lines += [f"  {label:<{width}}  {n:>6}" for label, n in rows]
    return "\n".join(lines).lstrip("\n")
