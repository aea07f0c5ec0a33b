"""The demo regency's organisation: OPDs with offices, unit trees and head positions.

Every unit except schools and RSUD instalasi has a head position (`kepala`): JPT for the head
of an agency, JA for bidang/bagian (and the camat), JP for seksi/subbagian, puskesmas, kelurahan.
Schools and instalasi have none: a teacher or doctor there leads them by tugas tambahan
(people.assign_tugas_tambahan).
"""

import random
from decimal import Decimal

from sikap.demo import catalogue as cat
from sikap.demo.data import JabatanData, OpdData, UnitData
from sikap.org.models import JenisJabatan

_PUSAT = (-8.1335, 113.2245)  # alun-alun Lumajang
_JALAN = (
    "Jl. Alun-Alun Utara", "Jl. Kyai Ilyas", "Jl. Jenderal Panjaitan", "Jl. Basuki Rahmat",
    "Jl. Sultan Agung", "Jl. Veteran", "Jl. Gajah Mada", "Jl. Panglima Sudirman",
    "Jl. Ahmad Yani", "Jl. Hayam Wuruk", "Jl. Wahid Hasyim", "Jl. Brigjen Slamet Riyadi",
)  # fmt: skip
# BUP by position (PP 11/2017 Pasal 239): JPT 60, administrator/pengawas 58.
_BUP = {JenisJabatan.JPT: 60, JenisJabatan.JA: 58, JenisJabatan.JP: 58}
_JENIS_BY_ESELON = {"II": JenisJabatan.JPT, "III": JenisJabatan.JA, "IV": JenisJabatan.JP}


class Org:
    """Builds and holds the organisation; people are placed with `unit_for_*` and
    `jabatan_for`, which draw from the organisation's own random stream."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.opds: list[OpdData] = []
        self.units: list[UnitData] = []
        self.jabatan: list[JabatanData] = []
        self.heads: list[JabatanData] = []  # structural positions, top of each tree first
        self.staff_units: dict[str, list[int]] = {}  # OPD kode → units for pelaksana/other JF
        self.sekolah_units: list[int] = []
        self.puskesmas_units: list[int] = []
        self.rsud_units: list[int] = []
        self.pelaksana_weight: dict[str, int] = {}
        self.kecamatan_of_opd: dict[str, str] = {}  # kode → Kemendagri kecamatan code
        self._jabatan_by_name: dict[tuple[int, str], JabatanData] = {}
        self._unit_opd: dict[int, str] = {}
        self._build()

    # --- lookup -----------------------------------------------------------------------------
    def opd_of_unit(self, unit_key: int) -> str:
        return self._unit_opd[unit_key]

    def jabatan_for(
        self, unit_key: int, nama: str, jenis: str, *, bup: int = 58, kelas: int | None = None
    ) -> JabatanData:
        """The JF/pelaksana position of this name in the unit, created on first use."""
        key = (unit_key, nama)
        if key not in self._jabatan_by_name:
            jab = JabatanData(len(self.jabatan) + 1, unit_key, nama, jenis, kelas=kelas, bup=bup)
            self.jabatan.append(jab)
            self._jabatan_by_name[key] = jab
        return self._jabatan_by_name[key]

    def unit_for_home(self, home: str) -> int:
        """A unit for a JF whose catalogue home is `home` (see catalogue.JF_AHLI)."""
        if home == "sekolah":
            return self.rng.choice(self.sekolah_units)
        if home == "puskesmas":
            return self.rng.choice(self.puskesmas_units)
        if home == "rsud":
            return self.rng.choice(self.rsud_units)
        if home == "*":
            return self.unit_for_pelaksana()
        return self.rng.choice(self.staff_units[home])

    def unit_for_pelaksana(self) -> int:
        kodes = list(self.pelaksana_weight)
        kode = self.rng.choices(kodes, weights=[self.pelaksana_weight[k] for k in kodes])[0]
        return self.rng.choice(self.staff_units[kode])

    # --- building ---------------------------------------------------------------------------
    def _opd(self, kode, nama, singkatan, lat, lon, alamat, *, radius=100, weight) -> None:
        self.opds.append(
            OpdData(
                kode, nama, singkatan, alamat, Decimal(f"{lat:.6f}"), Decimal(f"{lon:.6f}"), radius
            )
        )
        self.pelaksana_weight[kode] = weight
        self.staff_units[kode] = []

    def _unit(self, opd_kode: str, induk: int | None, nama: str, *, staff: bool = True) -> int:
        key = len(self.units) + 1
        self.units.append(UnitData(key, opd_kode, induk, nama))
        self._unit_opd[key] = opd_kode
        if staff:
            self.staff_units[opd_kode].append(key)
        return key

    def _head(self, unit_key: int, nama: str, eselon: str) -> None:
        jenis = _JENIS_BY_ESELON[eselon.split(".")[0]]
        jab = JabatanData(
            len(self.jabatan) + 1,
            unit_key,
            nama,
            jenis,
            eselon,
            cat.KELAS_ESELON[eselon],
            _BUP[jenis],
            kepala=True,
        )
        self.jabatan.append(jab)
        self.heads.append(jab)

    def _unit_with_head(self, opd_kode, induk, unit_nama, kepala_nama, eselon) -> int:
        key = self._unit(opd_kode, induk, unit_nama)
        self._head(key, kepala_nama, eselon)
        return key

    def _children(self, opd_kode, induk, bagian, eselon_bagian, eselon_seksi) -> None:
        for nama, seksi in bagian:
            key = self._unit_with_head(opd_kode, induk, nama, _kepala(nama), eselon_bagian)
            for s in seksi:
                self._unit_with_head(opd_kode, key, s, _kepala(s), eselon_seksi)

    def _office_near_centre(self) -> tuple[float, float, str]:
        lat = _PUSAT[0] + self.rng.uniform(-0.012, 0.012)
        lon = _PUSAT[1] + self.rng.uniform(-0.012, 0.012)
        alamat = f"{self.rng.choice(_JALAN)} No. {self.rng.randint(1, 120)}, Lumajang"
        return lat, lon, alamat

    def _build(self) -> None:
        for kode, nama, singkatan, kind, bidang, weight in cat.OPD_LAIN:
            lat, lon, alamat = self._office_near_centre()
            self._opd(
                kode,
                nama,
                singkatan,
                lat,
                lon,
                alamat,
                radius=150 if kind == "rsud" else 100,
                weight=weight,
            )
            getattr(self, f"_build_{kind}")(kode, nama, bidang)
        for code, kecamatan, lat, lon in cat.KECAMATAN:
            kode = _kode_kecamatan(kecamatan)
            self._opd(
                kode,
                f"Kecamatan {kecamatan}",
                f"Kec. {kecamatan}",
                lat,
                lon,
                f"Jl. Raya {kecamatan}, Kecamatan {kecamatan}, Lumajang",
                weight=cat.KECAMATAN_PELAKSANA_WEIGHT,
            )
            self.kecamatan_of_opd[kode] = code
            self._build_kecamatan(kode, kecamatan)
        self._build_schools()
        # Heads top-down: a small --scale fills the top of each tree first.
        order = {JenisJabatan.JPT: 0, JenisJabatan.JA: 1, JenisJabatan.JP: 2}
        self.heads.sort(key=lambda j: order[j.jenis])

    def _sekretariat(self, kode, root) -> None:
        self._children(kode, root, [cat.SEKRETARIAT], "III.a", "IV.a")

    def _build_dinas(self, kode, nama, bidang) -> None:
        root = self._unit_with_head(kode, None, nama, _kepala_opd(nama), "II.b")
        self._sekretariat(kode, root)
        self._children(kode, root, bidang, "III.b", "IV.a")
        if kode == "DINKES":
            puskesmas = [k for _, k, _, _ in cat.KECAMATAN] + list(cat.PUSKESMAS_TAMBAHAN)
            for p in puskesmas:
                key = self._unit_with_head(
                    kode, root, f"UPTD Puskesmas {p}", f"Kepala UPTD Puskesmas {p}", "IV.a"
                )
                self.puskesmas_units.append(key)

    def _build_setda(self, kode, nama, _bidang) -> None:
        root = self._unit_with_head(kode, None, nama, "Sekretaris Daerah", "II.a")
        for asisten, bagian in cat.SETDA:
            key = self._unit_with_head(kode, root, asisten, asisten, "II.b")
            self._children(kode, key, bagian, "III.a", "IV.a")

    def _build_setwan(self, kode, nama, _bidang) -> None:
        root = self._unit_with_head(kode, None, nama, "Sekretaris DPRD", "II.b")
        self._children(kode, root, cat.SETWAN, "III.a", "IV.a")

    def _build_inspektorat(self, kode, nama, _bidang) -> None:
        root = self._unit_with_head(kode, None, nama, "Inspektur", "II.b")
        self._sekretariat(kode, root)
        for irban in cat.INSPEKTUR_PEMBANTU:
            self._unit_with_head(kode, root, irban, irban, "III.b")

    def _build_rsud(self, kode, nama, _bidang) -> None:
        root = self._unit_with_head(kode, None, nama, "Direktur RSUD dr. Haryoto", "II.b")
        for wadir, bagian in cat.RSUD_WADIR:
            key = self._unit_with_head(kode, root, wadir, wadir, "III.a")
            self._children(kode, key, bagian, "III.b", "IV.a")
        pelayanan_medik = next(u.key for u in self.units if u.nama == "Bidang Pelayanan Medik")
        for instalasi in cat.RSUD_INSTALASI:
            key = self._unit(kode, pelayanan_medik, instalasi, staff=False)
            self.rsud_units.append(key)
            self.puskesmas_units.append(key)

    def _build_kecamatan(self, kode, kecamatan) -> None:
        root = self._unit_with_head(
            kode, None, f"Kecamatan {kecamatan}", f"Camat {kecamatan}", "III.a"
        )
        self._children(
            kode, root, [("Sekretariat Kecamatan", cat.KECAMATAN_SEKRETARIAT)], "III.b", "IV.a"
        )
        for seksi in cat.KECAMATAN_SEKSI:
            self._unit_with_head(kode, root, seksi, _kepala(seksi), "IV.a")
        if kecamatan == "Lumajang":
            for kelurahan in cat.KELURAHAN_LUMAJANG:
                self._unit_with_head(
                    kode, root, f"Kelurahan {kelurahan}", f"Lurah {kelurahan}", "IV.a"
                )

    def _build_schools(self) -> None:
        units = {u.nama: u.key for u in self.units if u.opd_kode == "DINDIK"}
        sd, smp = (
            units["Bidang Pembinaan Sekolah Dasar"],
            units["Bidang Pembinaan Sekolah Menengah Pertama"],
        )
        for _, kecamatan, _, _ in cat.KECAMATAN:
            for n in range(1, cat.SD_PER_KECAMATAN + 1):
                self.sekolah_units.append(
                    self._unit("DINDIK", sd, f"SD Negeri {n} {kecamatan}", staff=False)
                )
            for n in range(1, cat.SMP_TAMBAHAN.get(kecamatan, 0) + 2):
                self.sekolah_units.append(
                    self._unit("DINDIK", smp, f"SMP Negeri {n} {kecamatan}", staff=False)
                )
        # School administration staff (tenaga kependidikan) are pelaksana in schools too.
        self.staff_units["DINDIK"] += self.sekolah_units


def _kepala(unit_nama: str) -> str:
    """'Subbagian Keuangan' → 'Kepala Subbagian Keuangan'; a sekretariat is led by a sekretaris."""
    if unit_nama.startswith("Sekretariat"):
        return unit_nama.replace("Sekretariat", "Sekretaris", 1)
    return f"Kepala {unit_nama}"


def _kepala_opd(nama: str) -> str:
    if nama.startswith("Satuan"):
        return "Kepala Satuan Polisi Pamong Praja"
    return f"Kepala {nama}"


def _kode_kecamatan(kecamatan: str) -> str:
    return f"KEC-{kecamatan.upper()}"


def demo_opd_kodes() -> list[str]:
    return [row[0] for row in cat.OPD_LAIN] + [_kode_kecamatan(k) for _, k, _, _ in cat.KECAMATAN]
