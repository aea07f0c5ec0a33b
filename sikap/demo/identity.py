"""Identity numbers and names: NIP/NI PPPK, NIK, Indonesian names with degree titles.

NIP and NIK sequences increment per shared prefix exactly as the issuing rules say (RULES.md §1),
so every number is unique and agrees with its holder's birth date and sex.
"""

import random
from collections import defaultdict
from datetime import date

from faker import Faker

from sikap.demo import catalogue as cat
from sikap.rules.nik import encode_nik_date

_SEX_DIGIT = {"L": "1", "P": "2"}
_KODE_KABUPATEN = "3508"  # Jawa Timur, Kabupaten Lumajang
_PPPK_DIGITS = "21"  # digits 13–14 of an NI PPPK as commonly issued (RULES.md §1 [U])
_SPESIALIS = {
    "Ilmu Penyakit Dalam": "Sp.PD.", "Ilmu Kesehatan Anak": "Sp.A.",
    "Obstetri dan Ginekologi": "Sp.OG.", "Ilmu Bedah": "Sp.B.", "Anestesiologi": "Sp.An.",
}  # fmt: skip


class Identities:
    def __init__(self, rng: random.Random, fake: Faker):
        self.rng = rng
        self.fake = fake
        self._nip_seq: dict[str, int] = defaultdict(int)
        self._nik_seq: dict[str, int] = defaultdict(int)

    def nip(self, tanggal_lahir: date, tmt_cpns: date, jenis_kelamin: str) -> str:
        prefix = f"{tanggal_lahir:%Y%m%d}{tmt_cpns:%Y%m}{_SEX_DIGIT[jenis_kelamin]}"
        return self._next(self._nip_seq, prefix, 3)

    def ni_pppk(self, tanggal_lahir: date, tmt: date, jenis_kelamin: str) -> str:
        prefix = f"{tanggal_lahir:%Y%m%d}{tmt.year}{_PPPK_DIGITS}{_SEX_DIGIT[jenis_kelamin]}"
        return self._next(self._nip_seq, prefix, 3)

    def nik(self, kecamatan: str, tanggal_lahir: date, jenis_kelamin: str) -> str:
        prefix = f"{_KODE_KABUPATEN}{kecamatan}{encode_nik_date(tanggal_lahir, jenis_kelamin)}"
        return self._next(self._nik_seq, prefix, 4)

    @staticmethod
    def _next(counters: dict[str, int], prefix: str, width: int) -> str:
        counters[prefix] += 1
        return f"{prefix}{counters[prefix]:0{width}d}"

    def nama(self, jenis_kelamin: str) -> str:
        f = self.fake
        if jenis_kelamin == "L":
            parts = [f.first_name_male(), f.last_name_male()]
            if self.rng.random() < 0.2:
                parts.insert(1, f.first_name_male())
        else:
            parts = [f.first_name_female(), f.last_name_female()]
            if self.rng.random() < 0.2:
                parts.insert(1, f.first_name_female())
        return " ".join(parts)

    def gelar(self, jenjang: str, bidang: str, jurusan: str) -> tuple[str, str]:
        """(gelar depan, gelar belakang) for a diploma in this field (JF base name or '*')."""
        if bidang in ("Dokter", "Dokter Gigi", "Dokter Spesialis"):
            depan = "drg." if bidang == "Dokter Gigi" else "dr."
            return depan, _SPESIALIS.get(jurusan, "") if bidang == "Dokter Spesialis" else ""
        if jenjang == "S2":
            s1 = cat.GELAR.get(("S1", bidang)) or self.rng.choice(cat.GELAR_S1_LAIN)
            s2 = cat.GELAR.get(("S2", bidang)) or self.rng.choice(cat.GELAR_S2_LAIN)
            return "", f"{s1}, {s2}"
        if jenjang == "S1" and ("S1", bidang) not in cat.GELAR:
            return "", self.rng.choice(cat.GELAR_S1_LAIN)
        if jenjang in ("S1", "D4", "D3"):
            return "", cat.GELAR.get((jenjang, bidang)) or cat.GELAR[jenjang, "*"]
        return "", ""
