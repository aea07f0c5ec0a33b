"""Retirement (pensiun): when a PNS reaches the batas usia pensiun (BUP) and retires.

PP 11/2017 Pasal 239(2) sets the BUP by position (58, 60, 65) and Pasal 240 defers to a law where
one sets it (guru 60, dosen 65, guru besar 70); the TMT pensiun is the first day of the month after
the month of the birthday on which the BUP is reached (RULES.md §5).
"""

from dataclasses import dataclass
from datetime import date

from sikap.rules import RuleError


def ulang_tahun(tanggal_lahir: date, umur: int) -> date:
    """The birthday on which someone turns `umur`; someone born 29 February has it on 28
    February in a common year (so the month, which is all a TMT needs, stays February)."""
    if umur < 0:
        raise RuleError("Umur tidak boleh negatif")
    try:
        return tanggal_lahir.replace(year=tanggal_lahir.year + umur)
    except ValueError:
        return tanggal_lahir.replace(year=tanggal_lahir.year + umur, day=28)


def tmt_pensiun(tanggal_lahir: date, bup: int) -> date:
    """The first day of the month after the month in which the BUP is reached."""
    if bup <= 0:
        raise RuleError("Batas usia pensiun (BUP) belum ditetapkan untuk jabatan ini")
    reached = ulang_tahun(tanggal_lahir, bup)
    if reached.month == 12:
        return date(reached.year + 1, 1, 1)
    return date(reached.year, reached.month + 1, 1)


# BUP by position (PP 11/2017 Pasal 239(2)) and where a law sets it (Pasal 240; UU 14/2005).
# The key is what the calculator offers and what a Jabatan's configured `bup` is checked
# against; the number is the default the regulation gives.
KATEGORI_BUP: dict[str, tuple[str, int]] = {
    "administrasi": ("Jabatan administrasi (administrator, pengawas, pelaksana)", 58),
    "jf_keterampilan": ("JF keterampilan (pemula s.d. penyelia)", 58),
    "jf_ahli_pertama": ("JF ahli pertama", 58),
    "jf_ahli_muda": ("JF ahli muda", 58),
    "jf_ahli_madya": ("JF ahli madya", 60),
    "jpt": ("Jabatan pimpinan tinggi (JPT)", 60),
    "jf_ahli_utama": ("JF ahli utama", 65),
    "guru": ("Guru (UU 14/2005)", 60),
    "dosen": ("Dosen (UU 14/2005)", 65),
    "guru_besar": ("Guru besar/profesor (UU 14/2005)", 70),
}
BUP_MIN, BUP_MAX = 50, 70


def bup_kategori(kategori: str) -> int:
    """The BUP the regulation gives a kind of position."""
    try:
        return KATEGORI_BUP[kategori][1]
    except KeyError:
        raise RuleError(f"Kategori jabatan '{kategori}' tidak dikenal") from None


_JENJANG_AHLI = (
    ("ahli utama", "jf_ahli_utama"),
    ("ahli madya", "jf_ahli_madya"),
    ("ahli muda", "jf_ahli_muda"),
    ("ahli pertama", "jf_ahli_pertama"),
)


def kategori_jabatan(jenis: str, nama: str) -> str:
    """The BUP category a position's kind (org.JenisJabatan value) and name show: a law's
    position first (UU 14/2005: guru besar, dosen, guru), then JPT, then the JF jenjang."""
    n = " ".join(nama.casefold().split())
    if "guru besar" in n or "profesor" in n:
        return "guru_besar"
    if n.startswith("dosen"):
        return "dosen"
    if n.startswith("guru"):
        return "guru"
    if jenis == "jpt":
        return "jpt"
    for jenjang, kategori in _JENJANG_AHLI:
        if jenjang in n:
            return kategori
    return "jf_keterampilan" if jenis == "jf" else "administrasi"


def bup_jabatan(jenis: str, nama: str) -> int:
    """The BUP a new position gets (an admin may still set another at /kelola/)."""
    return bup_kategori(kategori_jabatan(jenis, nama))


def periksa_bup(bup: int | None) -> int:
    """A BUP as the rules accept it: set, and within what any regulation gives (50–70)."""
    if bup is None or bup <= 0:
        raise RuleError("Batas usia pensiun (BUP) belum ditetapkan untuk jabatan ini")
    if not BUP_MIN <= bup <= BUP_MAX:
        raise RuleError(
            f"BUP {bup} tahun di luar batas yang dikenal peraturan ({BUP_MIN}–{BUP_MAX})"
        )
    return bup


def bulan_tersisa(as_of: date, tmt: date) -> int:
    """Whole months from `as_of` until the TMT (0 once it has come): 1 May from 15 March is 1."""
    if tmt <= as_of:
        return 0
    months = (tmt.year - as_of.year) * 12 + tmt.month - as_of.month
    if tmt.day < as_of.day:
        months -= 1
    return months


def sisa_masa_dinas(as_of: date, tmt: date) -> str:
    """What is left before the TMT, in words that stay true within the last month too."""
    if tmt <= as_of:
        return "TMT pensiun sudah lewat"
    months = bulan_tersisa(as_of, tmt)
    return f"{months} bulan lagi" if months else "kurang dari sebulan lagi"


@dataclass(frozen=True)
class Perhitungan:
    tanggal_lahir: date
    bup: int
    tmt: date
    bulan_tersisa: int
    as_of: date

    @property
    def sudah_pensiun(self) -> bool:
        return self.tmt <= self.as_of

    @property
    def sisa(self) -> str:
        return sisa_masa_dinas(self.as_of, self.tmt)


def hitung(tanggal_lahir: date | None, bup: int | None, as_of: date) -> Perhitungan:
    """TMT pensiun and months left, refusing what cannot be true: no birth date, a birth date
    after `as_of`, no BUP."""
    if tanggal_lahir is None:
        raise RuleError("Tanggal lahir belum diisi")
    if tanggal_lahir > as_of:
        raise RuleError("Tanggal lahir tidak boleh di masa depan")
    bup = periksa_bup(bup)
    tmt = tmt_pensiun(tanggal_lahir, bup)
    return Perhitungan(tanggal_lahir, bup, tmt, bulan_tersisa(as_of, tmt), as_of)


def tambah_bulan(d: date, months: int) -> date:
    """The first of the month `months` after `d`'s month (the projection window's edges)."""
    index = d.year * 12 + d.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def dalam_jendela(tmt: date, as_of: date, months: int) -> bool:
    """A TMT within the projection window: from `as_of` (inclusive) up to `months` months
    after it (exclusive of the month after the last)."""
    if months < 0:
        raise RuleError("Jumlah bulan proyeksi tidak boleh negatif")
    return as_of <= tmt < tambah_bulan(as_of, months + 1)


def tahun_proyeksi(as_of: date, tahun: int = 5) -> tuple[int, ...]:
    """The calendar years of the yearly projection, starting with `as_of`'s year."""
    if tahun <= 0:
        raise RuleError("Jumlah tahun proyeksi harus lebih dari nol")
    return tuple(range(as_of.year, as_of.year + tahun))
