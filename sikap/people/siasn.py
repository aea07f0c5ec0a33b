"""Reading BKN SIASN "download data pegawai" files (docs/import-siasn.md).

Turns a CSV or XLSX file, as SIASN gives it, into validated `SiasnRow`s and a list of every
problem found (`RowError`: row as numbered in the file, column as headed in the file, value,
Indonesian message). A problem with the file itself raises `SikapError`. No database access:
`sikap.people.import_service` resolves OPDs and writes.
"""

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from sikap.core.errors import Kode, SikapError
from sikap.core.tabular import (
    Column,
    as_text,
    estimate_rows,
    match_header,
    missing_columns,
    normalise_header,
    read_table,
)
from sikap.core.validators import FORMULA_MESSAGE, starts_like_formula
from sikap.org.models import JenisJabatan, Opd
from sikap.people.models import Agama, Kedudukan, Pegawai, StatusKawin, StatusPegawai
from sikap.people.validation import identity_errors
from sikap.rules import RuleError
from sikap.rules.dates import parse_tanggal
from sikap.rules.education import tingkat_from_bkn
from sikap.rules.ranks import golongan_from_bkn, parse_golongan_pppk

# The 64 columns of the SIASN download, in its order (SIASN.md).
EXPORT_COLUMNS = (
    "PNS ID", "NIP BARU", "NIP LAMA", "NAMA", "GELAR DEPAN", "GELAR BELAKANG",
    "TEMPAT LAHIR ID", "TEMPAT LAHIR NAMA", "TANGGAL LAHIR", "JENIS KELAMIN", "AGAMA ID",
    "AGAMA NAMA", "JENIS KAWIN ID", "JENIS KAWIN NAMA", "NIK", "NOMOR HP", "EMAIL", "EMAIL GOV",
    "ALAMAT", "NPWP NOMOR", "BPJS", "JENIS PEGAWAI ID", "JENIS PEGAWAI NAMA",
    "KEDUDUKAN HUKUM ID", "KEDUDUKAN HUKUM NAMA", "STATUS CPNS PNS", "KARTU ASN VIRTUAL",
    "NOMOR SK CPNS", "TANGGAL SK CPNS", "TMT CPNS", "NOMOR SK PNS", "TANGGAL SK PNS", "TMT PNS",
    "GOL AWAL ID", "GOL AWAL NAMA", "GOL AKHIR ID", "GOL AKHIR NAMA", "TMT GOLONGAN", "MK TAHUN",
    "MK BULAN", "JENIS JABATAN ID", "JENIS JABATAN NAMA", "JABATAN ID", "JABATAN NAMA",
    "TMT JABATAN", "TINGKAT PENDIDIKAN ID", "TINGKAT PENDIDIKAN NAMA", "PENDIDIKAN ID",
    "PENDIDIKAN NAMA", "TAHUN LULUS", "KPKN ID", "KPKN NAMA", "LOKASI KERJA ID",
    "LOKASI KERJA NAMA", "UNOR ID", "UNOR NAMA", "INSTANSI INDUK ID", "INSTANSI INDUK NAMA",
    "INSTANSI KERJA ID", "INSTANSI KERJA NAMA", "SATUAN KERJA INDUK ID",
    "SATUAN KERJA INDUK NAMA", "SATUAN KERJA KERJA ID", "SATUAN KERJA KERJA NAMA",
)  # fmt: skip

# Other headers seen in the field for the same column (SIASN.md, "Variants").
ALIASES = {
    "KEDUDUKAN HUKUM ID": ("KEDUDUKAN PNS ID",),
    "KEDUDUKAN HUKUM NAMA": ("KEDUDUKAN PNS NAMA",),
    "TEMPAT LAHIR NAMA": ("TEMPAT LAHIR",),
}
REQUIRED = (
    "NIP BARU",
    "NAMA",
    "TANGGAL LAHIR",
    "JENIS KELAMIN",
    "SATUAN KERJA KERJA ID",
    "SATUAN KERJA KERJA NAMA",
)
# PNS or PPPK is read from the kedudukan hukum, or from the jenis pegawai when that is blank.
STATUS_COLUMNS = ("KEDUDUKAN HUKUM ID", "JENIS PEGAWAI ID")
READ = REQUIRED + STATUS_COLUMNS + (
    "PNS ID", "NIP LAMA", "GELAR DEPAN", "GELAR BELAKANG", "TEMPAT LAHIR NAMA",
    "AGAMA ID", "AGAMA NAMA", "JENIS KAWIN ID", "JENIS KAWIN NAMA", "NIK", "NOMOR HP",
    "EMAIL", "EMAIL GOV", "ALAMAT", "NPWP NOMOR", "BPJS", "KEDUDUKAN HUKUM NAMA",
    "STATUS CPNS PNS", "TMT CPNS", "TMT PNS", "GOL AKHIR ID", "TMT GOLONGAN", "MK TAHUN",
    "MK BULAN", "JENIS JABATAN ID", "JENIS JABATAN NAMA", "JABATAN ID", "JABATAN NAMA",
    "TMT JABATAN", "ESELON ID", "ESELON NAMA", "TINGKAT PENDIDIKAN ID", "PENDIDIKAN NAMA",
    "NAMA SEKOLAH", "TAHUN LULUS", "UNOR ID", "UNOR NAMA",
)  # fmt: skip
COLUMNS = tuple(Column(name, ALIASES.get(name, ()), name in REQUIRED) for name in READ)
_HINT = "Pastikan berkas adalah unduhan data pegawai SIASN dengan baris judul di baris 1."

PNS_KEDUDUKAN = frozenset({1, 2, 3, 4, 15})
PPPK_KEDUDUKAN = frozenset({71, 73, 101})
# Kedudukan hukum other than active service, by SIASN ID and by words of its name.
_KEDUDUKAN_BY_ID = {2: Kedudukan.CLTN, 3: Kedudukan.TUGAS_BELAJAR, 4: Kedudukan.BERHENTI_SEMENTARA}
_KEDUDUKAN_BY_NAME = (
    ("tugas belajar", Kedudukan.TUGAS_BELAJAR),
    ("cltn", Kedudukan.CLTN),
    ("luar tanggungan", Kedudukan.CLTN),
    ("sementara", Kedudukan.BERHENTI_SEMENTARA),
)
_JENIS_KELAMIN = {
    "M": "L", "L": "L", "1": "L", "PRIA": "L", "LAKI-LAKI": "L", "LAKI LAKI": "L",
    "F": "P", "P": "P", "2": "P", "WANITA": "P", "PEREMPUAN": "P",
}  # fmt: skip
_AGAMA_BY_NAME = {
    "islam": Agama.ISLAM, "kristen": Agama.KRISTEN, "protestan": Agama.KRISTEN,
    "katolik": Agama.KATOLIK, "katholik": Agama.KATOLIK, "hindu": Agama.HINDU,
    "budha": Agama.BUDDHA, "buddha": Agama.BUDDHA, "konghucu": Agama.KONGHUCU,
    "khonghucu": Agama.KONGHUCU, "lainnya": Agama.LAINNYA, "kepercayaan": Agama.LAINNYA,
}  # fmt: skip
_AGAMA_BY_ID = {
    1: Agama.ISLAM,
    2: Agama.KRISTEN,
    3: Agama.KATOLIK,
    4: Agama.HINDU,
    5: Agama.BUDDHA,
    6: Agama.KONGHUCU,
    7: Agama.LAINNYA,
}
# SIASN jenis kawin: 1 belum kawin, 2 menikah, 3 cerai hidup, 4 cerai mati.
_KAWIN_BY_ID = {1: "belum", 2: "kawin", 3: "cerai", 4: "cerai"}
_KAWIN_BY_NAME = {
    "belum kawin": "belum",
    "belum menikah": "belum",
    "kawin": "kawin",
    "menikah": "kawin",
    "cerai hidup": "cerai",
    "cerai mati": "cerai",
    "janda": "cerai",
    "duda": "cerai",
}
# SIASN jenis jabatan: 1 struktural, 2 fungsional (tertentu), 4 pelaksana (fungsional umum).
_JENIS_JABATAN_BY_ID = {1: "struktural", 2: JenisJabatan.JF, 4: JenisJabatan.PELAKSANA}
_JENIS_JABATAN_BY_NAME = (
    ("struktural", "struktural"),
    ("pelaksana", JenisJabatan.PELAKSANA),
    ("fungsional umum", JenisJabatan.PELAKSANA),
    ("fungsional", JenisJabatan.JF),
)
# A structural position's type follows its eselon (PermenPANRB 28/2019 equivalence).
_JENIS_BY_ESELON = {
    "I": JenisJabatan.JPT,
    "II": JenisJabatan.JPT,
    "III": JenisJabatan.JA,
    "IV": JenisJabatan.JP,
    "V": JenisJabatan.JP,
}
_ROMAN = ("I", "II", "III", "IV", "V")
_ESELON_TEXT = re.compile(r"(IV|V|III|II|I)\s*[./\- ]?\s*([AB])", re.IGNORECASE)
_ESELON_ID = re.compile(r"([1-5])([12])")
_BLANK = frozenset({"", "-", "null", "NULL"})
# Names, titles and places: a formula start there is never meaningful (core/validators.py).
_NAME_COLUMNS = frozenset({
    "NAMA", "GELAR DEPAN", "GELAR BELAKANG", "TEMPAT LAHIR NAMA", "SATUAN KERJA KERJA NAMA",
    "UNOR NAMA", "JABATAN NAMA", "PENDIDIKAN NAMA", "NAMA SEKOLAH",
})  # fmt: skip
_MAX_LENGTH = {f.name: f.max_length for f in Pegawai._meta.fields if f.max_length}
_OPD_KODE_MAX = Opd._meta.get_field("kode").max_length
# Names of OPD, unit, jabatan and school, and SIASN IDs, share these column sizes.
_NAME_MAX = 255
_ID_MAX = 64


@dataclass(frozen=True, slots=True)
class RowError:
    row: int | None
    column: str
    value: str
    message: str


@dataclass(frozen=True, slots=True)
class JabatanRef:
    siasn_id: str
    nama: str
    jenis: str
    eselon: str
    tmt: date | None


@dataclass(frozen=True, slots=True)
class PangkatRef:
    golongan: str
    tmt: date
    mkg_tahun: int
    mkg_bulan: int


@dataclass(frozen=True, slots=True)
class PendidikanRef:
    tingkat: str
    jurusan: str
    nama_sekolah: str
    tahun_lulus: int


@dataclass(slots=True)
class SiasnRow:
    """One valid row: the pegawai fields it gives (blank cells left out) and its references."""

    row: int
    fields: dict
    satker_id: str
    satker_nama: str
    unor_id: str
    unor_nama: str
    jabatan: JabatanRef | None
    pangkat: PangkatRef | None
    pendidikan: PendidikanRef | None


@dataclass
class ParsedFile:
    rows: list[SiasnRow]
    errors: list[RowError]
    total: int  # data rows in the file, valid or not
    stopped: bool = False  # reading stopped at the error cap (core/tabular.py)


class _Invalid(Exception):
    def __init__(self, message: str):
        self.message = message


def parse_file(data: bytes, progress=None) -> ParsedFile:
    """Read and validate a whole SIASN file (CSV or XLSX, recognised by content).
    `progress(done, total)` hears about every few hundred rows (core/operations.py)."""
    table = read_table(data, COLUMNS)
    columns = _columns(table.header, table.index, table.missing, table.unknown)
    errors: list[RowError] = []
    rows = ((row.number, row.cells, row.too_wide) for row in table.rows(errors=errors))
    if progress is not None:
        rows = _reporting(rows, progress, estimate_rows(data))
    parsed = _parse(columns, rows, errors)
    parsed.stopped = table.stopped
    return parsed


def _reporting(rows, progress, total: int | None, every: int = 500):
    done = 0
    for row in rows:
        done += 1
        if done % every == 0:
            progress(done, total)
        yield row
    progress(done, done)


def parse_records(records: Iterable[Mapping[str, object]]) -> ParsedFile:
    """Validate rows already split into {header: value}; row 2 is the first, as in a file."""
    records = list(records)
    if not records:
        raise SikapError(Kode.BERKAS_TIDAK_VALID, "Tidak ada baris data pegawai untuk diimpor.")
    header = list(dict.fromkeys(str(key) for record in records for key in record))
    columns = _columns(header, *match_header(header, COLUMNS))
    rows = ((n, [record.get(h) for h in header], None) for n, record in enumerate(records, 2))
    return _parse(columns, rows)


# Headers


def _columns(header, index, missing, unknown) -> dict[str, tuple[int, str]]:
    """{canonical name: (index, header as written)} for every column this importer reads."""
    missing = list(missing)
    if not any(name in index for name in STATUS_COLUMNS):
        missing.append("KEDUDUKAN HUKUM ID (atau KEDUDUKAN PNS ID / JENIS PEGAWAI ID)")
    if missing:
        # The export's columns this importer does not read are not worth a mention.
        exported = {normalise_header(h) for h in EXPORT_COLUMNS}
        unknown = [h for h in unknown if normalise_header(h) not in exported]
        raise missing_columns(missing, unknown, _HINT)
    return {name: (i, str(header[i]).strip()) for name, i in index.items()}


def _parse(
    columns: dict[str, tuple[int, str]], records: Iterable[tuple], errors: list | None = None
) -> ParsedFile:
    """Validate rows given as (row number, cells in header order, why the row is too wide)."""
    rows, first_row_of = [], {}
    errors = [] if errors is None else errors
    total = 0
    for row_no, cells, too_wide in records:
        total += 1
        if too_wide:
            errors.append(RowError(row_no, "", "", too_wide))
            continue
        parser = _RowParser(columns, row_no, cells)
        nip = _compact(parser.get("NIP BARU"))
        if nip and nip in first_row_of:
            parser.fail("NIP BARU", f"NIP {nip} ganda: sudah ada di baris {first_row_of[nip]}.")
        first_row_of.setdefault(nip, row_no)
        parsed, row_errors = parser.parse()
        errors.extend(row_errors)
        if parsed is not None:
            rows.append(parsed)
    return ParsedFile(rows, errors, total)


# One row


class _RowParser:
    def __init__(self, columns: dict[str, tuple[int, str]], row_no: int, cells: list):
        self.columns = columns
        self.row_no = row_no
        width = len(cells)
        self.values = {
            name: value
            for name, (index, _) in columns.items()
            if index < width and (value := as_text(cells[index])) not in _BLANK
        }
        self.errors: list[RowError] = []

    def get(self, name: str) -> str:
        return self.values.get(name, "")

    def fail(self, name: str, message: str, value: str | None = None) -> None:
        header = self.columns.get(name, (None, name))[1]
        self.errors.append(
            RowError(self.row_no, header, self.get(name) if value is None else value, message)
        )

    def read(self, name: str, convert, *, required: bool = False):
        """convert(text) of the cell; None when blank or invalid (the error is recorded)."""
        text = self.get(name)
        if not text:
            if required:
                self.fail(name, f"Kolom {self.columns.get(name, (0, name))[1]} wajib diisi.")
            return None
        try:
            return convert(text)
        except (RuleError, _Invalid) as e:
            self.fail(name, e.message)
            return None

    def text(self, name: str, limit: int | None, *, required: bool = False) -> str | None:
        def check(value):
            if limit and len(value) > limit:
                raise _Invalid(f"Terlalu panjang: {len(value)} karakter, paling banyak {limit}.")
            if name in _NAME_COLUMNS and starts_like_formula(value):
                raise _Invalid(FORMULA_MESSAGE)
            return value

        return self.read(name, check, required=required)

    def parse(self) -> tuple[SiasnRow | None, list[RowError]]:
        f = {}
        f["nip"] = self.read("NIP BARU", _compact, required=True)
        f["nama"] = self.text("NAMA", _MAX_LENGTH["nama"], required=True)
        f["tanggal_lahir"] = self.read("TANGGAL LAHIR", parse_tanggal, required=True)
        f["jenis_kelamin"] = self.read("JENIS KELAMIN", _jenis_kelamin, required=True)
        f["status"] = self._status()
        f["kedudukan"] = self._kedudukan()
        f["nik"] = self.read("NIK", _compact)
        f["tmt_cpns"] = self.read("TMT CPNS", parse_tanggal)
        f["tmt_pns"] = self.read("TMT PNS", parse_tanggal)
        self._identity(f)
        for name, field in (
            ("PNS ID", "siasn_id"),
            ("NIP LAMA", "nip_lama"),
            ("GELAR DEPAN", "gelar_depan"),
            ("GELAR BELAKANG", "gelar_belakang"),
            ("TEMPAT LAHIR NAMA", "tempat_lahir"),
            ("NOMOR HP", "no_hp"),
            ("ALAMAT", "alamat"),
            ("NPWP NOMOR", "npwp"),
            ("BPJS", "bpjs"),
        ):
            f[field] = self.text(name, _MAX_LENGTH.get(field))
        f["email"] = self.read("EMAIL", _email)
        f["email_dinas"] = self.read("EMAIL GOV", _email)
        f["agama"] = self._coded("AGAMA", _AGAMA_BY_ID, _AGAMA_BY_NAME, "Agama")
        f["status_kawin"] = self._status_kawin(f["jenis_kelamin"])
        satker_id = self.read("SATUAN KERJA KERJA ID", _opd_kode, required=True)
        satker_nama = self.text("SATUAN KERJA KERJA NAMA", _NAME_MAX, required=True)
        unor_id = self.text("UNOR ID", _ID_MAX) or ""
        unor_nama = self.text("UNOR NAMA", _NAME_MAX) or ""
        pangkat = self._pangkat(f)
        jabatan = self._jabatan(f)
        pendidikan = self._pendidikan(f)
        if self.errors:
            return None, self.errors
        fields = {k: v for k, v in f.items() if v is not None and v != ""}
        return SiasnRow(
            self.row_no,
            fields,
            satker_id,
            satker_nama,
            unor_id,
            unor_nama,
            jabatan,
            pangkat,
            pendidikan,
        ), []

    def _status(self) -> str | None:
        for name in STATUS_COLUMNS:
            text = self.get(name)
            if not text:
                continue
            code = int(text) if text.isdecimal() else None
            if code in PPPK_KEDUDUKAN:
                return StatusPegawai.PPPK
            if code in PNS_KEDUDUKAN:
                cpns = self.get("STATUS CPNS PNS").upper() in ("C", "CPNS")
                return StatusPegawai.CPNS if cpns else StatusPegawai.PNS
            label = "kedudukan hukum" if name == "KEDUDUKAN HUKUM ID" else "jenis pegawai"
            self.fail(name, f"Kode {label} '{text}' tidak dikenal untuk impor: PNS/CPNS 01, 02, "
                            "03, 04, 15; PPPK 71, 73, 101.")  # fmt: skip
            return None
        self.fail(
            STATUS_COLUMNS[0],
            "Kedudukan hukum wajib diisi (PNS 01, 02, 03, 04, 15; PPPK 71, 73, 101).",
            "",
        )
        return None

    def _kedudukan(self) -> str:
        name = self.get("KEDUDUKAN HUKUM NAMA").casefold()
        for words, kedudukan in _KEDUDUKAN_BY_NAME:
            if words in name:
                return kedudukan
        code = self.get("KEDUDUKAN HUKUM ID")
        return _KEDUDUKAN_BY_ID.get(int(code) if code.isdecimal() else 0, Kedudukan.AKTIF)

    def _identity(self, f: dict) -> None:
        if not f["nip"]:
            return
        # Without a known status the lenient NI PPPK layout still catches a malformed NIP.
        errors = identity_errors(
            nip=f["nip"],
            status=f["status"] or StatusPegawai.PPPK,
            tanggal_lahir=f["tanggal_lahir"],
            jenis_kelamin=f["jenis_kelamin"],
            nik=f["nik"] or "",
            tmt_cpns=f["tmt_cpns"],
        )
        for field, messages in errors.items():
            name = {"nip": "NIP BARU", "nik": "NIK", "tmt_cpns": "TMT CPNS"}[field]
            for message in messages:
                self.fail(name, message)

    def _coded(self, prefix: str, by_id: dict, by_name: dict, label: str):
        name, code = self.get(f"{prefix} NAMA"), self.get(f"{prefix} ID")
        if name:
            value = by_name.get(" ".join(name.casefold().split()))
            if value is None:
                self.fail(f"{prefix} NAMA", f"{label} '{name}' tidak dikenal.")
            return value
        if code:
            value = by_id.get(int(code) if code.isdecimal() else 0)
            if value is None:
                self.fail(f"{prefix} ID", f"Kode {label.lower()} '{code}' tidak dikenal.")
            return value
        return None

    def _status_kawin(self, jenis_kelamin: str | None) -> str | None:
        kawin = self._coded("JENIS KAWIN", _KAWIN_BY_ID, _KAWIN_BY_NAME, "Status perkawinan")
        if kawin == "cerai":
            return StatusKawin.JANDA if jenis_kelamin == "P" else StatusKawin.DUDA
        return {"belum": StatusKawin.BELUM_KAWIN, "kawin": StatusKawin.KAWIN}.get(kawin)

    def _pangkat(self, f: dict) -> PangkatRef | None:
        tmt = self.read("TMT GOLONGAN", parse_tanggal)
        mkg_tahun = self.read("MK TAHUN", lambda t: _whole(t, 0, 60)) or 0
        mkg_bulan = self.read("MK BULAN", lambda t: _whole(t, 0, 11)) or 0
        if f["status"] is None:  # PNS and PPPK golongan IDs overlap: unreadable without it
            return None
        pppk = f["status"] == StatusPegawai.PPPK
        golongan = self.read("GOL AKHIR ID", parse_golongan_pppk if pppk else golongan_from_bkn)
        f["golongan"], f["tmt_golongan"] = golongan, tmt
        if golongan and tmt:
            return PangkatRef(golongan, tmt, mkg_tahun, mkg_bulan)
        return None

    def _jabatan(self, f: dict) -> JabatanRef | None:
        nama = self.text("JABATAN NAMA", _NAME_MAX) or ""
        siasn_id = self.text("JABATAN ID", _ID_MAX) or ""
        tmt = self.read("TMT JABATAN", parse_tanggal)
        if not nama:
            if siasn_id:
                self.fail("JABATAN NAMA", "Nama jabatan wajib diisi bila JABATAN ID diisi.", "")
            return None
        jenis = self._jenis_jabatan()
        eselon = ""
        if jenis == "struktural":
            eselon = self._eselon()
            jenis = _JENIS_BY_ESELON[eselon.split(".")[0]] if eselon else JenisJabatan.JA
        if jenis is None:
            return None
        f["jenis_jabatan"] = jenis
        return JabatanRef(siasn_id, nama, jenis, eselon, tmt)

    def _jenis_jabatan(self) -> str | None:
        code = self.get("JENIS JABATAN ID")
        if code:
            jenis = _JENIS_JABATAN_BY_ID.get(int(code) if code.isdecimal() else 0)
            if jenis is None:
                self.fail(
                    "JENIS JABATAN ID",
                    f"Kode jenis jabatan '{code}' tidak dikenal: "
                    "1 struktural, 2 fungsional, 4 pelaksana.",
                )
            return jenis
        name = self.get("JENIS JABATAN NAMA").casefold()
        for words, jenis in _JENIS_JABATAN_BY_NAME:
            if name and words in name:
                return jenis
        self.fail(
            "JENIS JABATAN ID",
            "Jenis jabatan wajib diisi bila jabatan diisi: "
            "1 struktural, 2 fungsional, 4 pelaksana.",
        )
        return None

    def _eselon(self) -> str:
        if name := self.get("ESELON NAMA"):
            m = _ESELON_TEXT.fullmatch(name)
            if m:
                return f"{m[1].upper()}.{m[2].lower()}"
            self.fail("ESELON NAMA", f"Eselon '{name}' tidak dikenal; contoh bentuk: II.a, III.b.")
            return ""
        if code := self.get("ESELON ID"):
            m = _ESELON_ID.fullmatch(code)
            if m:
                return f"{_ROMAN[int(m[1]) - 1]}.{'ab'[int(m[2]) - 1]}"
            self.fail("ESELON ID", f"Kode eselon '{code}' tidak dikenal; contoh: 22 untuk II.b.")
        return ""

    def _pendidikan(self, f: dict) -> PendidikanRef | None:
        tingkat = self.read("TINGKAT PENDIDIKAN ID", tingkat_from_bkn)
        tahun = self.read("TAHUN LULUS", lambda t: _whole(t, 1900, 2100))
        jurusan = self.text("PENDIDIKAN NAMA", _NAME_MAX) or ""
        sekolah = self.text("NAMA SEKOLAH", _NAME_MAX) or ""
        f["tingkat_pendidikan"] = tingkat
        if tingkat and tahun:
            return PendidikanRef(tingkat, jurusan, sekolah, tahun)
        return None


def _compact(text: str) -> str:
    return "".join(text.split())


def _jenis_kelamin(text: str) -> str:
    try:
        return _JENIS_KELAMIN[" ".join(text.upper().split())]
    except KeyError:
        raise _Invalid(
            f"Jenis kelamin '{text}' tidak dikenal; gunakan M/F, L/P, Pria/Wanita atau 1/2."
        ) from None


def _email(text: str) -> str:
    try:
        validate_email(text)
    except ValidationError:
        raise _Invalid(f"Alamat email '{text}' tidak valid.") from None
    if len(text) > _MAX_LENGTH["email"]:
        raise _Invalid(f"Alamat email terlalu panjang: paling banyak {_MAX_LENGTH['email']}.")
    return text


def _opd_kode(text: str) -> str:
    if len(text) > _OPD_KODE_MAX:
        raise _Invalid(f"ID satuan kerja terlalu panjang: paling banyak {_OPD_KODE_MAX} karakter.")
    return text


def _whole(text: str, low: int, high: int) -> int:
    if not text.isdecimal() or not low <= int(text) <= high:
        raise _Invalid(f"Harus bilangan bulat {low}–{high}, bukan '{text}'.")
    return int(text)
