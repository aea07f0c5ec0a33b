"""The daftar riwayat hidup (DRH): a pegawai's profile as labelled, formatted values.

The profile page and the printable PDF show the same content, so both are built from here: the
templates only lay out strings that are already in their Indonesian display form.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.db.models import Prefetch

from sikap.people.models import RIWAYAT_MODELS, RiwayatJabatan, StatusPegawai
from sikap.rules import RuleError
from sikap.rules.dates import MasaKerja, masa_kerja
from sikap.rules.formatting import rupiah, tanggal
from sikap.rules.nip import format_nip
from sikap.rules.ranks import golongan_label, pangkat

KOSONG = "—"


def _tgl(value: date | None) -> str:
    return tanggal(value) if value else KOSONG


def _text(value) -> str:
    return str(value) if value not in (None, "") else KOSONG


def _golongan(golongan: str) -> str:
    """'Penata Muda, III/a'; a PPPK golongan has no pangkat name."""
    if not golongan:
        return KOSONG
    try:
        return f"{pangkat(golongan)}, {golongan}"
    except RuleError:
        return golongan_label(golongan)


def masa_kerja_of(pegawai, as_of: date) -> MasaKerja | None:
    """Service up to `as_of`: from TMT CPNS, or for a PPPK (who has none) from their first
    contract, the earliest TMT in their golongan history (prefetched by `with_everything`, one
    query otherwise); None when that date is unknown or still ahead."""
    if pegawai.status == StatusPegawai.PPPK:
        start = min((row.tmt for row in pegawai.riwayat_pangkat.all()), default=None)
    else:
        start = pegawai.tmt_cpns
    return masa_kerja(start, as_of) if start and start <= as_of else None


def _nip(nip: str) -> str:
    try:
        return format_nip(nip)
    except RuleError:  # a malformed NIP from an old import is shown as stored
        return nip


def _mkg(row) -> str:
    return f"{row.mkg_tahun} th {row.mkg_bulan} bln"


def _sk(row) -> str:
    if not row.sk_nomor:
        return KOSONG
    return f"{row.sk_nomor}, {tanggal(row.sk_tanggal)}" if row.sk_tanggal else row.sk_nomor


@dataclass(frozen=True)
class Column:
    label: str
    value: Callable[[object], str]


# One table per history kind, in the order of the DRH form.
COLUMNS: dict[str, tuple[Column, ...]] = {
    "pangkat": (
        Column("Pangkat, golongan", lambda r: _golongan(r.golongan)),
        Column("TMT", lambda r: _tgl(r.tmt)),
        Column("Masa kerja", _mkg),
        Column("Jenis kenaikan", lambda r: _text(r.jenis)),
        Column("SK", _sk),
    ),
    "jabatan": (
        Column("Jabatan", lambda r: r.nama_jabatan),
        Column("Jenis", lambda r: r.get_jenis_jabatan_display()),
        Column("Eselon", lambda r: _text(r.eselon)),
        Column("Unit kerja", lambda r: _text(r.unit)),
        Column("TMT", lambda r: _tgl(r.tmt)),
        Column("SK", _sk),
    ),
    "pendidikan": (
        Column("Tingkat", lambda r: r.get_tingkat_display()),
        Column("Jurusan", lambda r: _text(r.jurusan)),
        Column("Sekolah/perguruan tinggi", lambda r: _text(r.nama_sekolah)),
        Column("Lulus", lambda r: str(r.tahun_lulus)),
        Column("Nomor ijazah", lambda r: _text(r.no_ijazah)),
    ),
    "diklat": (
        Column("Diklat", lambda r: r.nama),
        Column("Kategori", lambda r: r.get_kategori_display()),
        Column("Penyelenggara", lambda r: _text(r.penyelenggara)),
        Column("Tanggal", lambda r: _periode(r.tanggal_mulai, r.tanggal_selesai)),
        Column("JP", lambda r: str(r.jp)),
        Column("Sertifikat", lambda r: _text(r.no_sertifikat)),
    ),
    "skp": (
        Column("Tahun", lambda r: str(r.tahun)),
        Column("Predikat", lambda r: r.get_predikat_display()),
        Column("SK", _sk),
    ),
    "hukdis": (
        Column("Tingkat", lambda r: r.get_tingkat_display()),
        Column("Jenis hukuman", lambda r: r.jenis),
        Column("TMT", lambda r: _tgl(r.tmt)),
        Column("Berakhir", lambda r: _tgl(r.tanggal_selesai)),
        Column("Pelanggaran", lambda r: _text(r.alasan)),
        Column("SK", _sk),
    ),
    "gaji": (
        Column("TMT", lambda r: _tgl(r.tmt)),
        Column("Golongan", lambda r: golongan_label(r.golongan)),
        Column("Masa kerja", _mkg),
        Column("Gaji pokok", lambda r: rupiah(r.gaji_pokok)),
        Column("Dasar", lambda r: r.get_dasar_display()),
        Column("SK", _sk),
    ),
    "keluarga": (
        Column("Hubungan", lambda r: r.get_hubungan_display()),
        Column("Nama", lambda r: r.nama),
        Column("NIK", lambda r: _text(r.nik)),
        Column("Tempat, tanggal lahir", lambda r: _lahir(r.tempat_lahir, r.tanggal_lahir)),
        Column("Tanggal nikah", lambda r: _tgl(r.tanggal_nikah)),
        Column("Pekerjaan", lambda r: _text(r.pekerjaan)),
        Column("Masuk daftar gaji", lambda r: "Ya" if r.tertanggung else "Tidak"),
    ),
}

TITLES = {
    "pangkat": "Riwayat pangkat",
    "jabatan": "Riwayat jabatan",
    "pendidikan": "Riwayat pendidikan",
    "diklat": "Riwayat diklat",
    "skp": "Penilaian kinerja (SKP)",
    "hukdis": "Hukuman disiplin",
    "gaji": "Riwayat gaji",
    "keluarga": "Keluarga",
}


def _periode(mulai: date, selesai: date) -> str:
    return tanggal(mulai) if mulai == selesai else f"{tanggal(mulai)} – {tanggal(selesai)}"


def _lahir(tempat: str, tanggal_lahir: date | None) -> str:
    parts = [p for p in (tempat, tanggal(tanggal_lahir) if tanggal_lahir else "") if p]
    return ", ".join(parts) or KOSONG


def _related_name(kind: str) -> str:
    return RIWAYAT_MODELS[kind]._meta.get_field("pegawai").remote_field.related_name


def with_everything(queryset):
    """The pegawai queryset with all a DRH shows, in a fixed number of queries."""
    prefetches = [
        Prefetch(_related_name(kind), queryset=RiwayatJabatan.objects.select_related("unit"))
        if kind == "jabatan"
        else _related_name(kind)
        for kind in COLUMNS
    ]
    return queryset.select_related("opd", "unit", "jabatan").prefetch_related(*prefetches)


def headers(kind: str) -> list[str]:
    return [column.label for column in COLUMNS[kind]]


def cells(kind: str, row) -> list[tuple[str, str]]:
    """(label, display value) of one history row."""
    return [(column.label, column.value(row)) for column in COLUMNS[kind]]


@dataclass
class Section:
    kind: str
    title: str
    headers: list[str]
    rows: list[tuple[object, list[tuple[str, str]]]]  # (history row, its labelled cells)


# What the profile summary leaves out (for a superior, pimpinan, perencana): identity numbers,
# private circumstances and the family (KK), which only the DRH's own readers see.
PRIVATE_IDENTITY = {"NIK", "NIP lama", "Agama", "Status perkawinan", "Alamat", "NPWP", "Nomor BPJS"}
PRIVATE_SECTIONS = {"keluarga"}


def summary_identity(groups):
    """`identity(...)` without `PRIVATE_IDENTITY`."""
    return [
        (title, [(label, value) for label, value in items if label not in PRIVATE_IDENTITY])
        for title, items in groups
    ]


def sections(pegawai, *, summary: bool = False) -> list[Section]:
    """Every history of `pegawai` (loaded with `with_everything`) as tables; `summary` leaves
    out `PRIVATE_SECTIONS`."""
    result = []
    for kind in COLUMNS:
        if summary and kind in PRIVATE_SECTIONS:
            continue
        rows = getattr(pegawai, _related_name(kind)).all()
        result.append(
            Section(kind, TITLES[kind], headers(kind), [(row, cells(kind, row)) for row in rows])
        )
    return result


def _active_tugas_tambahan(pegawai, as_of: date):
    """The units the pegawai leads by an additional assignment (kepala sekolah, …) on `as_of`."""
    return list(pegawai.tugas_tambahan.active_on(as_of).select_related("unit"))


def _tugas_tambahan(pegawai, as_of: date) -> list[tuple[str, str]]:
    return [
        ("Tugas tambahan", f"{t} (TMT {_tgl(t.tmt_mulai)})")
        for t in _active_tugas_tambahan(pegawai, as_of)
    ]


def _atasan(atasan, as_of: date) -> str:
    """Name and position; a head by tugas tambahan also shows what they lead."""
    text = f"{atasan.nama_lengkap} — {atasan.jabatan}"
    leads = "; ".join(str(t) for t in _active_tugas_tambahan(atasan, as_of))
    return f"{text}, {leads}" if leads else text


def identity(pegawai, *, as_of: date, atasan=None) -> list[tuple[str, list[tuple[str, str]]]]:
    """Groups of (label, value) for the top of the profile; `atasan` is the direct superior
    derived from the organisation (people.selectors.atasan_of)."""
    p = pegawai
    mk = masa_kerja_of(p, as_of)
    return [
        (
            "Data pribadi",
            [
                ("NIP", _nip(p.nip)),
                ("Nama", p.nama_lengkap),
                ("Tempat, tanggal lahir", _lahir(p.tempat_lahir, p.tanggal_lahir)),
                ("Jenis kelamin", p.get_jenis_kelamin_display()),
                ("Agama", _text(p.get_agama_display())),
                ("Status perkawinan", _text(p.get_status_kawin_display())),
                ("NIK", _text(p.nik)),
                ("NIP lama", _text(p.nip_lama)),
            ],
        ),
        (
            "Kontak",
            [
                ("Nomor HP", _text(p.no_hp)),
                ("Email", _text(p.email)),
                ("Email dinas", _text(p.email_dinas)),
                ("Alamat", _text(p.alamat)),
                ("NPWP", _text(p.npwp)),
                ("Nomor BPJS", _text(p.bpjs)),
            ],
        ),
        (
            "Kepegawaian",
            [
                ("Status", p.get_status_display()),
                ("Kedudukan", p.get_kedudukan_display()),
                ("TMT CPNS", _tgl(p.tmt_cpns)),
                ("TMT PNS", _tgl(p.tmt_pns)),
                ("Masa kerja", f"{mk.tahun} tahun {mk.bulan} bulan" if mk else KOSONG),
                ("Pangkat, golongan", _golongan(p.golongan)),
                ("TMT golongan", _tgl(p.tmt_golongan)),
                ("Jabatan", _text(p.jabatan)),
                *_tugas_tambahan(p, as_of),
                ("Jenis jabatan", _text(p.get_jenis_jabatan_display())),
                ("Unit kerja", _text(p.unit)),
                ("OPD", _text(p.opd)),
                (
                    "Atasan langsung",
                    _atasan(atasan, as_of) if atasan else KOSONG,
                ),
                ("Pendidikan terakhir", _text(p.get_tingkat_pendidikan_display())),
                ("Gaji pokok", rupiah(p.gaji_pokok) if p.gaji_pokok is not None else KOSONG),
            ],
        ),
    ]
