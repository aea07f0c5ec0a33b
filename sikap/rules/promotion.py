"""Kenaikan pangkat (KP): the periods and, per type, which requirements hold (RULES.md §2, §4).

`periksa(jenis, data, periode)` answers for one pegawai and one period with every requirement of
the type: whether it holds, the date it was met (or will be), and, when it does not, what is
missing. The eligibility list of an OPD is this function over the histories (promotion.selectors).

Conventions the regulations leave open are parameters with the defaults documented in
docs/promotion.md: which punishments block a KP, what counts as "nearly eligible".
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from sikap.rules import RuleError
from sikap.rules.education import (
    TINGKAT,
    golongan_awal,
    golongan_maksimum,
    tingkat_label,
    tingkat_order,
)
from sikap.rules.pension import tmt_pensiun
from sikap.rules.ranks import GOLONGAN, golongan_order, ruang_group

REGULER = "reguler"
STRUKTURAL = "struktural"
FUNGSIONAL = "fungsional"
IJAZAH = "penyesuaian_ijazah"
PRESTASI = "prestasi"

JENIS: Mapping[str, str] = {
    REGULER: "Reguler",
    STRUKTURAL: "Pilihan — jabatan struktural",
    FUNGSIONAL: "Pilihan — jabatan fungsional (angka kredit)",
    IJAZAH: "Pilihan — penyesuaian ijazah",
    PRESTASI: "Pilihan — prestasi luar biasa",
}
PILIHAN = frozenset({STRUKTURAL, FUNGSIONAL, IJAZAH, PRESTASI})

# Years in the current pangkat each type asks for (RULES.md §4: reguler 4, JF commonly 2,
# penyesuaian ijazah 1; struktural and prestasi are not stated there: 1 year, docs/promotion.md).
MASA_PANGKAT = {REGULER: 4, FUNGSIONAL: 2, IJAZAH: 1, STRUKTURAL: 1, PRESTASI: 1}
# Years of SKP at least Baik (penyesuaian ijazah: 1 year, RULES.md §4).
TAHUN_SKP = {REGULER: 2, FUNGSIONAL: 2, IJAZAH: 1, STRUKTURAL: 2, PRESTASI: 2}
# How far after the period missing years in rank still make a pegawai "nearly eligible".
HAMPIR_BULAN = 12
PREDIKAT_CUKUP = frozenset({"sangat_baik", "baik"})
PREDIKAT_LABEL = {
    "sangat_baik": "Sangat Baik",
    "baik": "Baik",
    "butuh_perbaikan": "Butuh Perbaikan",
    "kurang": "Kurang/Misconduct",
    "sangat_kurang": "Sangat Kurang",
}


# --- periods ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class JadwalPeriode:
    """The months whose first day is a KP period under a regulation in force from a date."""

    regulasi: str
    berlaku_mulai: date
    bulan: tuple[int, ...]


JADWAL: tuple[JadwalPeriode, ...] = (
    JadwalPeriode("PP 99/2000", date(2000, 1, 1), (4, 10)),
    JadwalPeriode("Peraturan BKN 4/2023", date(2024, 1, 1), (2, 4, 6, 8, 10, 12)),
    JadwalPeriode("Peraturan BKN 4/2025", date(2025, 10, 1), tuple(range(1, 13))),
)


def jadwal_pada(tanggal: date, jadwal: tuple[JadwalPeriode, ...] = JADWAL) -> JadwalPeriode:
    """The schedule in force on `tanggal`."""
    berlaku = [j for j in jadwal if j.berlaku_mulai <= tanggal]
    if not berlaku:
        raise RuleError(f"Tidak ada aturan periode KP yang berlaku pada {tanggal:%d-%m-%Y}")
    return max(berlaku, key=lambda j: j.berlaku_mulai)


def is_tanggal_periode(tanggal: date, jadwal: tuple[JadwalPeriode, ...] = JADWAL) -> bool:
    return tanggal.day == 1 and tanggal.month in jadwal_pada(tanggal, jadwal).bulan


def periode_tahun(tahun: int, jadwal: tuple[JadwalPeriode, ...] = JADWAL) -> list[date]:
    """Every period date of a year, each under the schedule in force on it."""
    return [
        d
        for m in range(1, 13)
        if (d := date(tahun, m, 1)) >= jadwal[0].berlaku_mulai and is_tanggal_periode(d, jadwal)
    ]


# --- the pegawai's data ------------------------------------------------------------------------


@dataclass(frozen=True)
class Hukuman:
    tingkat: str  # ringan, sedang, berat
    mulai: date
    selesai: date | None
    uraian: str = ""


@dataclass(frozen=True)
class Ujian:
    """A passed ujian dinas (tingkat I: II→III, tingkat II: III→IV) or UPKP (penyesuaian
    ijazah), or an exemption recorded with its basis."""

    tingkat: str  # "I", "II", "upkp"
    tanggal: date
    dibebaskan: bool = False


@dataclass(frozen=True, slots=True)
class DataKp:
    status: str  # pns, cpns, pppk
    in_service: bool
    golongan: str
    tmt_golongan: date
    tanggal_lahir: date
    bup: int
    pendidikan: tuple[tuple[str, int], ...] = ()  # (BKN tingkat code, year of graduation)
    skp: Mapping[int, str] = field(default_factory=dict)  # year -> predikat code
    hukuman: tuple[Hukuman, ...] = ()
    ujian: tuple[Ujian, ...] = ()
    golongan_atasan: str | None = None
    struktural_sejak: date | None = None  # TMT of a current JPT/administrator/pengawas post
    angka_kredit: Decimal | None = None  # from the PAK, for the JF type
    angka_kredit_minimum: Decimal | None = None


@dataclass(frozen=True, slots=True)
class Syarat:
    kode: str
    nama: str
    terpenuhi: bool
    # Why it holds, or what is missing: `pola` with `nilai` filled in (dates as dd-mm-yyyy) when
    # read — the list checks every PNS but shows the reasons of a few.
    pola: str
    tanggal: date | None = None  # when it was (or will be) met
    nilai: tuple[object, ...] = ()

    @property
    def keterangan(self) -> str:
        if not self.nilai:
            return self.pola
        return self.pola.format(*(_tgl(v) if isinstance(v, date) else v for v in self.nilai))


@dataclass(frozen=True)
class Hasil:
    jenis: str
    periode: date
    golongan_asal: str
    golongan_tujuan: str | None
    syarat: tuple[Syarat, ...]

    @property
    def memenuhi(self) -> bool:
        return self.golongan_tujuan is not None and all(s.terpenuhi for s in self.syarat)

    @property
    def kurang(self) -> tuple[Syarat, ...]:
        return tuple(s for s in self.syarat if not s.terpenuhi)

    @property
    def terhalang(self) -> tuple[Syarat, ...]:
        """What no stated reason waives, whatever the type: not an active PNS, retiring before
        the period, a punishment that blocks promotion."""
        return tuple(s for s in self.kurang if s.kode in MUTLAK)

    def hampir(self, bulan: int = HAMPIR_BULAN) -> bool:
        """Nearly eligible: what is missing can still come by itself or be supplied — the years
        in rank within `bulan` months after the period, an SKP or ujian dinas not yet on file —
        and nothing final blocks it (ceiling, superior, retirement, service, punishment)."""
        if self.memenuhi or not self.kurang:
            return False
        for s in self.kurang:
            if s.kode == "masa_pangkat":
                if s.tanggal is None or _months(self.periode, s.tanggal) > bulan:
                    return False
            elif s.kode not in {"skp", "ujian_dinas"}:
                return False
        return True


def tmt_golongan_batas(periode: date, jenis: str = REGULER, bulan: int = HAMPIR_BULAN) -> date:
    """A TMT golongan on or after this date leaves the years in rank unmet more than `bulan`
    months after the period: neither eligible nor nearly eligible (`Hasil.hampir` counts whole
    calendar months). The list narrows its candidates with it in SQL; the rule still decides."""
    month = periode.year * 12 + periode.month - 1 + bulan + 1  # the first month past the horizon
    return date(month // 12 - MASA_PANGKAT[jenis], month % 12 + 1, 1)


def ijazah_cukup(golongan: str) -> frozenset[str]:
    """The diploma codes whose ceiling allows the golongan after `golongan`: with none of them
    on file the reguler KP fails its ceiling, whatever else holds (the rule reads the highest
    diploma; one of these is at least as high). Empty at the top golongan."""
    tujuan = _next(golongan)
    if tujuan is None:
        return frozenset()
    return frozenset(t for t in TINGKAT if _order(_PLAFON[t][1]) >= _order(tujuan))


# Requirements a KP pilihan's stated reason may not set aside (the others — years in rank, SKP,
# ujian dinas, ceilings — are what the pilihan types exist to weigh differently).
MUTLAK = frozenset({"aktif", "pensiun", "hukdis"})


# --- the requirements ------------------------------------------------------------------------

# The eligibility list runs the rule for every PNS of the regency: the rank and diploma facts are
# read from these tables (built from ranks/education once) rather than recomputed per call.
_ORDER = {g: golongan_order(g) for g in GOLONGAN}
_GROUP = {g: ruang_group(g) for g in GOLONGAN}
_TINGKAT_ORDER = {code: tingkat_order(code) for code in TINGKAT}
_PLAFON = {code: (tingkat_label(code), golongan_maksimum(code)) for code in TINGKAT}


def _order(golongan: str) -> int:
    return _ORDER[golongan] if golongan in _ORDER else golongan_order(golongan)


def _group(golongan: str) -> int:
    return _GROUP[golongan] if golongan in _GROUP else ruang_group(golongan)


def _tingkat_order(code: str) -> int:
    return _TINGKAT_ORDER[code] if code in _TINGKAT_ORDER else tingkat_order(code)


def _tgl(d: date) -> str:
    return f"{d.day:02d}-{d.month:02d}-{d.year}"


_NAMA_MASA = {y: f"Masa kerja dalam pangkat {y} tahun" for y in set(MASA_PANGKAT.values())}
_NAMA_SKP = {y: f"SKP {y} tahun terakhir sekurang-kurangnya Baik" for y in set(TAHUN_SKP.values())}
HUKUMAN_MENGHALANGI = frozenset({"sedang", "berat"})


def _months(start: date, end: date) -> int:
    return (end.year - start.year) * 12 + end.month - start.month


def _plus_years(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)


def _next(golongan: str) -> str | None:
    i = _order(golongan)
    return GOLONGAN[i + 1] if i + 1 < len(GOLONGAN) else None


# Several requirements have a cheap test (`_…_ok`) the reasons are built around, which
# `daftar_reguler` shares.


def _aktif_ok(data: DataKp) -> bool:
    return data.status == "pns" and data.in_service


def _in_service(data: DataKp) -> Syarat:
    if data.status != "pns":
        label = {"cpns": "CPNS", "pppk": "PPPK"}.get(data.status, data.status)
        return Syarat("aktif", "PNS dalam jabatan", False, f"Berstatus {label}, bukan PNS")
    if not data.in_service:
        return Syarat("aktif", "PNS dalam jabatan", False, "Tidak sedang aktif bertugas")
    return Syarat("aktif", "PNS dalam jabatan", True, "PNS aktif")


def lahir_sejak(periode: date, bup: int) -> date:
    """Who was born on or after this date has not retired by the period with this BUP
    (`tmt_pensiun` after it); anyone born before has. The list narrows on it in SQL."""
    month = periode.year * 12 + periode.month - 1 - bup * 12  # the birth month of the last TMT
    return date(month // 12, month % 12 + 1, 1)


def _pensiun_ok(data: DataKp, periode: date) -> bool:
    return data.bup > 0 and data.tanggal_lahir >= lahir_sejak(periode, data.bup)


def _not_retiring(data: DataKp, periode: date) -> Syarat:
    nama = "Belum pensiun pada periode"
    if data.bup <= 0:
        return Syarat("pensiun", nama, False, "BUP jabatan belum ditetapkan")
    tmt = tmt_pensiun(data.tanggal_lahir, data.bup)
    ok = _pensiun_ok(data, periode)
    return Syarat(
        "pensiun", nama, ok, "Pensiun TMT {} (BUP {})", None if ok else tmt, (tmt, data.bup)
    )


def _years_in_rank(data: DataKp, periode: date, years: int) -> Syarat:
    nama = _NAMA_MASA[years]
    met = _plus_years(data.tmt_golongan, years)
    ok = met <= periode
    pola = "{} TMT {}; terpenuhi {}" if ok else "{} TMT {}; baru terpenuhi {}"
    return Syarat("masa_pangkat", nama, ok, pola, met, (data.golongan, data.tmt_golongan, met))


def tahun_skp_terakhir(batas_usul: date) -> int:
    """The latest year whose SKP counts for a period: the last year whose SKP was due (by the
    end of the following January, PermenPANRB 6/2022) on the submission deadline."""
    return (
        batas_usul.year - 1 if batas_usul >= date(batas_usul.year, 1, 31) else batas_usul.year - 2
    )


def _skp_ok(data: DataKp, last: int, years: int) -> bool:
    return all(data.skp.get(last - i) in PREDIKAT_CUKUP for i in range(years))


def _skp_rendah(data: DataKp, last: int, years: int) -> bool:
    """An SKP on file below Baik among the counted years."""
    return any(
        (p := data.skp.get(last - i)) is not None and p not in PREDIKAT_CUKUP for i in range(years)
    )


def _skp(data: DataKp, last: int, years: int) -> Syarat:
    wanted = [last - i for i in range(years)]
    nama = _NAMA_SKP[years]
    missing = [y for y in wanted if y not in data.skp]
    low = [y for y in wanted if y in data.skp and data.skp[y] not in PREDIKAT_CUKUP]
    if low:
        text = ", ".join(f"{y}: {PREDIKAT_LABEL.get(data.skp[y], data.skp[y])}" for y in low)
        return Syarat("skp_rendah", nama, False, f"Predikat di bawah Baik ({text})")
    if missing:
        return Syarat(
            "skp", nama, False, f"SKP tahun {', '.join(map(str, missing))} belum tercatat"
        )
    pola = ", ".join("{}: {}" for _ in wanted)
    nilai = tuple(v for y in sorted(wanted) for v in (y, PREDIKAT_LABEL[data.skp[y]]))
    return Syarat("skp", nama, True, pola, date(max(wanted), 12, 31), nilai)


def _highest_diploma(data: DataKp) -> tuple[str, int] | None:
    if len(data.pendidikan) == 1:
        return data.pendidikan[0]
    return max(data.pendidikan, key=lambda p: (_tingkat_order(p[0]), p[1]), default=None)


def _plafon(tingkat: str) -> tuple[str, str]:
    return _PLAFON.get(tingkat) or (tingkat_label(tingkat), golongan_maksimum(tingkat))


def _plafon_ok(data: DataKp, tujuan: str) -> bool:
    best = _highest_diploma(data)
    return best is not None and _order(tujuan) <= _order(_plafon(best[0])[1])


def _ceiling(data: DataKp, tujuan: str) -> Syarat:
    nama = "Tidak melampaui pangkat tertinggi ijazah"
    best = _highest_diploma(data)
    if best is None:
        return Syarat("plafon", nama, False, "Riwayat pendidikan belum tercatat")
    tingkat, tahun = best
    label, top = _plafon(tingkat)
    ok = _plafon_ok(data, tujuan)
    met = date(tahun, 1, 1) if ok else None
    return Syarat("plafon", nama, ok, "Ijazah {} ({}): paling tinggi {}", met, (label, tahun, top))


def _atasan_ok(data: DataKp, tujuan: str) -> bool:
    return data.golongan_atasan is None or _order(tujuan) <= _order(data.golongan_atasan)


def _superior(data: DataKp, tujuan: str) -> Syarat:
    nama = "Tidak melampaui pangkat atasan langsung"
    if data.golongan_atasan is None:
        return Syarat("atasan", nama, True, "Tidak ada atasan langsung PNS yang tercatat")
    ok = _atasan_ok(data, tujuan)
    return Syarat("atasan", nama, ok, "Atasan langsung {}", None, (data.golongan_atasan,))


def ujian_diperlukan(asal: str, tujuan: str) -> list[str]:
    """The ujian dinas tingkat a KP from `asal` to `tujuan` crosses (I: II→III, II: III→IV)."""
    dari, ke = _group(asal), _group(tujuan)
    return [t for g, t in ((2, "I"), (3, "II")) if dari <= g < ke]


def _belum_lulus(data: DataKp, periode: date, needed: list[str]) -> str | None:
    """The first tingkat in `needed` not passed (or exempted) by the period."""
    for tingkat in needed:
        if not any(u.tingkat == tingkat and u.tanggal <= periode for u in data.ujian):
            return tingkat
    return None


def _exam(data: DataKp, periode: date, asal: str, tujuan: str) -> Syarat:
    nama = "Ujian dinas"
    needed = ujian_diperlukan(asal, tujuan)
    if not needed:
        return Syarat("ujian_dinas", nama, True, "Tidak melewati batas golongan II→III/III→IV")
    if (tingkat := _belum_lulus(data, periode, needed)) is not None:
        return Syarat("ujian_dinas", nama, False, f"Belum lulus ujian dinas tingkat {tingkat}")
    last = max(
        (u for u in data.ujian if u.tingkat in needed and u.tanggal <= periode),
        key=lambda u: u.tanggal,
    )
    how = "Dibebaskan" if last.dibebaskan else "Lulus"
    return Syarat(
        "ujian_dinas", nama, True, f"{how} ujian dinas tingkat {needed[-1]}", last.tanggal
    )


def _menghalangi(data: DataKp, periode: date, blocking: frozenset[str]) -> Hukuman | None:
    for h in data.hukuman:
        if (
            h.tingkat in blocking
            and h.mulai <= periode
            and (h.selesai is None or h.selesai >= periode)
        ):
            return h
    return None


def _punishment(data: DataKp, periode: date, blocking: frozenset[str]) -> Syarat:
    nama = "Tidak sedang menjalani hukuman disiplin"
    if (h := _menghalangi(data, periode, blocking)) is not None:
        until = f" s.d. {_tgl(h.selesai)}" if h.selesai else ""
        what = f" ({h.uraian})" if h.uraian else ""
        return Syarat(
            "hukdis", nama, False, f"Hukuman disiplin {h.tingkat}{what}{until}", h.selesai
        )
    return Syarat("hukdis", nama, True, "Tidak ada hukuman disiplin yang menghalangi")


def _upkp(data: DataKp, periode: date) -> Syarat:
    nama = "Lulus ujian penyesuaian kenaikan pangkat (UPKP)"
    found = [u for u in data.ujian if u.tingkat == "upkp" and u.tanggal <= periode]
    if not found:
        return Syarat("ujian_dinas", nama, False, "Belum lulus UPKP")
    last = max(found, key=lambda u: u.tanggal)
    return Syarat(
        "ujian_dinas", nama, True, "Dibebaskan" if last.dibebaskan else "Lulus", last.tanggal
    )


def _diploma_target(data: DataKp) -> tuple[str | None, Syarat]:
    nama = "Ijazah lebih tinggi yang sudah tercatat"
    best = _highest_diploma(data)
    if best is not None:
        awal = golongan_awal(best[0])
        if _order(awal) > _order(data.golongan):
            text = f"Ijazah {tingkat_label(best[0])} ({best[1]}): golongan awal {awal}"
            return awal, Syarat("ijazah", nama, True, text, date(best[1], 1, 1))
    return None, Syarat(
        "ijazah", nama, False, f"Tidak ada ijazah dengan golongan awal di atas {data.golongan}"
    )


def _structural(data: DataKp) -> Syarat:
    nama = "Menduduki jabatan struktural"
    if data.struktural_sejak is None:
        return Syarat("struktural", nama, False, "Tidak menduduki jabatan struktural")
    return Syarat(
        "struktural", nama, True, f"Sejak {_tgl(data.struktural_sejak)}", data.struktural_sejak
    )


def _credit(data: DataKp) -> Syarat:
    nama = "Angka kredit (PAK) mencukupi"
    if data.angka_kredit is None or data.angka_kredit_minimum is None:
        return Syarat("angka_kredit", nama, False, "PAK belum dicatat pada usul")
    ok = data.angka_kredit >= data.angka_kredit_minimum
    text = f"{data.angka_kredit} dari {data.angka_kredit_minimum} yang dipersyaratkan"
    return Syarat("angka_kredit", nama, ok, text)


def periksa(
    jenis: str,
    data: DataKp,
    periode: date,
    *,
    skp_hingga: int | None = None,
    hukuman_menghalangi: frozenset[str] = HUKUMAN_MENGHALANGI,
) -> Hasil:
    """Every requirement of a KP of type `jenis` for this pegawai in the period `periode`;
    `skp_hingga`: the latest SKP year counted (`tahun_skp_terakhir` of the deadline; without
    it, the year before the period)."""
    if jenis not in JENIS:
        raise RuleError(f"Jenis kenaikan pangkat '{jenis}' tidak dikenal", field="jenis")
    syarat = [_in_service(data), _not_retiring(data, periode)]
    if jenis == IJAZAH:
        tujuan, found = _diploma_target(data)
        syarat.append(found)
    else:
        tujuan = _next(data.golongan)
    if tujuan is None and jenis != IJAZAH:
        syarat.append(Syarat("puncak", "Golongan berikutnya", False, "Sudah golongan tertinggi"))
    syarat.append(_years_in_rank(data, periode, MASA_PANGKAT[jenis]))
    last = skp_hingga if skp_hingga is not None else periode.year - 1
    syarat.append(_skp(data, last, TAHUN_SKP[jenis]))
    if jenis == REGULER and tujuan:
        syarat += [_ceiling(data, tujuan), _superior(data, tujuan)]
    if jenis == STRUKTURAL:
        syarat.append(_structural(data))
    if jenis == FUNGSIONAL:
        syarat.append(_credit(data))
    if jenis == IJAZAH:
        syarat.append(_upkp(data, periode))
    elif jenis in (REGULER, STRUKTURAL) and tujuan:
        syarat.append(_exam(data, periode, data.golongan, tujuan))
    syarat.append(_punishment(data, periode, hukuman_menghalangi))
    return Hasil(jenis, periode, data.golongan, tujuan, tuple(syarat))


MEMENUHI, HAMPIR = "memenuhi", "hampir"


def daftar_reguler(
    data: DataKp,
    periode: date,
    *,
    skp_hingga: int | None = None,
    hukuman_menghalangi: frozenset[str] = HUKUMAN_MENGHALANGI,
    bulan: int = HAMPIR_BULAN,
) -> str:
    """Where `periksa(REGULER, …)` puts a pegawai, without building the reasons: `MEMENUHI`
    (`.memenuhi`), `HAMPIR` (`.hampir(bulan)`) or "" (neither). The eligibility list sorts
    every candidate with it and builds the reasons of those it shows."""
    tujuan = _next(data.golongan)
    if (
        tujuan is None
        or not _aktif_ok(data)
        or not _pensiun_ok(data, periode)
        or not _plafon_ok(data, tujuan)
        or not _atasan_ok(data, tujuan)
        or _menghalangi(data, periode, hukuman_menghalangi) is not None
    ):
        return ""
    last = skp_hingga if skp_hingga is not None else periode.year - 1
    if _skp_rendah(data, last, TAHUN_SKP[REGULER]):
        return ""
    met = _plus_years(data.tmt_golongan, MASA_PANGKAT[REGULER])
    if met > periode and _months(periode, met) > bulan:
        return ""
    if (
        met <= periode
        and _skp_ok(data, last, TAHUN_SKP[REGULER])
        and _belum_lulus(data, periode, ujian_diperlukan(data.golongan, tujuan)) is None
    ):
        return MEMENUHI
    return HAMPIR


def cek_sk(
    golongan_tujuan: str, periode: date, sk_golongan: str, sk_tmt: date
) -> dict[str, list[str]]:
    """What is wrong with an SK recorded against a proposal: its golongan must be the one
    proposed, its TMT the period's date. Empty when it fits."""
    errors: dict[str, list[str]] = {}
    if sk_golongan != golongan_tujuan:
        errors["sk_golongan"] = [
            f"Golongan pada SK ({sk_golongan}) bukan golongan yang diusulkan ({golongan_tujuan})."
        ]
    if sk_tmt != periode:
        errors["sk_tmt"] = [
            f"TMT SK ({_tgl(sk_tmt)}) harus sama dengan tanggal periode ({_tgl(periode)})."
        ]
    return errors
