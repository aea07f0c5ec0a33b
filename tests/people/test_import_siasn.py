"""Importing SIASN "download data pegawai" files: through the service, the page and the command."""

import csv
import io
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import Workbook, load_workbook

from sikap.accounts.system import system_actor
from sikap.core.errors import Kode, SikapError
from sikap.core.models import AuditEntry
from sikap.org.models import Jabatan, Opd, UnitKerja
from sikap.people import services
from sikap.people.import_service import NOT_IMPORTABLE, import_siasn
from sikap.people.models import Pegawai, RiwayatJabatan, RiwayatPangkat, RiwayatPendidikan
from sikap.people.siasn import EXPORT_COLUMNS
from sikap.rules.nik import encode_nik_date
from tests.factories import nip_for

COLUMNS = EXPORT_COLUMNS
SATKER = {
    "SATUAN KERJA KERJA ID": "A5EB03E23D2CF6A0E040640A040252AD",
    "SATUAN KERJA KERJA NAMA": "Dinas Pendidikan dan Kebudayaan",
}


def person(
    n: int, *, sex: str = "L", born: date = date(1985, 6, 15), pppk: bool = False, **columns
) -> dict:
    """One valid SIASN row (a PNS unless pppk) whose NIP and NIK agree with birth date and sex."""
    tmt_cpns = date(2022, 1, 1) if pppk else date(2010, 3, 1)
    row = dict.fromkeys(COLUMNS, "")
    row.update({
        "PNS ID": f"8ae4828{n:05d}", "NIP BARU": nip_for(born, tmt_cpns, sex, urut=n),
        "NAMA": f"PEGAWAI NOMOR {n}", "GELAR BELAKANG": "S.Kom.", "TEMPAT LAHIR NAMA": "LUMAJANG",
        "TANGGAL LAHIR": f"{born:%d-%m-%Y}", "JENIS KELAMIN": "M" if sex == "L" else "F",
        "AGAMA ID": "1", "AGAMA NAMA": "Islam", "JENIS KAWIN ID": "2",
        "JENIS KAWIN NAMA": "Menikah",
        "NIK": f"350801{encode_nik_date(born, sex)}{n:04d}", "NOMOR HP": "081234567890",
        "EMAIL": f"pegawai{n}@example.com", "ALAMAT": "Jl. Mawar No. 1, Lumajang",
        "KEDUDUKAN HUKUM ID": "71" if pppk else "01",
        "KEDUDUKAN HUKUM NAMA": "PPPK Aktif" if pppk else "Aktif",
        "STATUS CPNS PNS": "" if pppk else "P",
        "TMT CPNS": "" if pppk else f"{tmt_cpns:%d-%m-%Y}", "TMT PNS": "" if pppk else "01-03-2011",
        "GOL AKHIR ID": "09" if pppk else "32", "TMT GOLONGAN": "01-04-2014", "MK TAHUN": "4",
        "MK BULAN": "0", "JENIS JABATAN ID": "4", "JENIS JABATAN NAMA": "Jabatan Pelaksana",
        "JABATAN ID": "JP-PENGELOLA-DATA", "JABATAN NAMA": "Pengelola Data Kepegawaian",
        "TMT JABATAN": "02-01-2020", "TINGKAT PENDIDIKAN ID": "40",
        "TINGKAT PENDIDIKAN NAMA": "S-1/Sarjana", "PENDIDIKAN NAMA": "S-1 Teknik Informatika",
        "TAHUN LULUS": "2008", "UNOR ID": "U-SEKRETARIAT", "UNOR NAMA": "Sekretariat",
        "INSTANSI INDUK NAMA": "Pemerintah Kab. Lumajang", **SATKER,
    })  # fmt: skip
    row.update(columns)
    return row


def to_csv(
    rows: list[dict], delimiter: str = "|", encoding: str = "utf-8", header: list[str] | None = None
) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    header = header or list(rows[0])
    writer.writerow(header)
    writer.writerows([row.get(h, "") for h in header] for row in rows)
    return out.getvalue().encode(encoding)


def to_xlsx(rows: list[dict]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(list(rows[0]))
    for row in rows:
        sheet.append(list(row.values()))
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def upload(data: bytes, name: str = "data_pegawai.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data)


def counts() -> tuple[int, ...]:
    return tuple(
        model.objects.count()
        for model in (
            Pegawai,
            AuditEntry,
            RiwayatPangkat,
            RiwayatJabatan,
            RiwayatPendidikan,
            Opd,
            UnitKerja,
            Jabatan,
        )
    )


def errors_of(report) -> set[tuple]:
    return {(e.row, e.column, e.value) for e in report.errors}


# Reading the file as it comes


@pytest.mark.parametrize("delimiter", ["|", ";", "\t", ","])
def test_csv_with_any_siasn_delimiter_is_imported(world, delimiter):
    data = to_csv([person(1), person(2, sex="P", born=date(1990, 2, 28))], delimiter)
    report = import_siasn(upload(data), actor=world.user("admin_bkd"))
    assert report.ok, report.errors
    assert (report.total, report.created, report.updated, report.unchanged) == (2, 2, 0, 0)
    budi = Pegawai.objects.get(nip=person(1)["NIP BARU"])
    assert (budi.nama, budi.jenis_kelamin, budi.tanggal_lahir) == (
        "PEGAWAI NOMOR 1",
        "L",
        date(1985, 6, 15),
    )
    assert (budi.status, budi.kedudukan, budi.agama, budi.status_kawin) == (
        "pns",
        "aktif",
        "islam",
        "kawin",
    )
    assert (budi.golongan, budi.tmt_golongan, budi.tingkat_pendidikan) == (
        "III/b",
        date(2014, 4, 1),
        "40",
    )
    assert budi.opd.siasn_id == budi.opd.kode == SATKER["SATUAN KERJA KERJA ID"]
    assert (budi.unit.nama, budi.unit.siasn_id, budi.unit.induk.induk) == (
        "Sekretariat",
        "U-SEKRETARIAT",
        None,
    )
    assert (budi.jabatan.nama, budi.jenis_jabatan) == ("Pengelola Data Kepegawaian", "pelaksana")
    siti = Pegawai.objects.get(nip=person(2, sex="P", born=date(1990, 2, 28))["NIP BARU"])
    assert (siti.jenis_kelamin, siti.tanggal_lahir) == ("P", date(1990, 2, 28))


def test_import_writes_current_rank_position_and_education_histories(world):
    row = person(1)
    import_siasn(upload(to_csv([row])), actor=world.user("admin_bkd"))
    pegawai = Pegawai.objects.get(nip=row["NIP BARU"])
    pangkat = RiwayatPangkat.objects.get(pegawai=pegawai)
    assert (pangkat.golongan, pangkat.tmt, pangkat.mkg_tahun, pangkat.mkg_bulan) == (
        "III/b",
        date(2014, 4, 1),
        4,
        0,
    )
    jabatan = RiwayatJabatan.objects.get(pegawai=pegawai)
    assert (jabatan.jabatan, jabatan.unit, jabatan.tmt) == (
        pegawai.jabatan,
        pegawai.unit,
        date(2020, 1, 2),
    )
    pendidikan = RiwayatPendidikan.objects.get(pegawai=pegawai)
    assert (pendidikan.tingkat, pendidikan.jurusan, pendidikan.tahun_lulus) == (
        "40",
        "S-1 Teknik Informatika",
        2008,
    )
    derived = services.derive_current(pegawai)
    assert derived and all(getattr(pegawai, k) == v for k, v in derived.items())


def test_xlsx_is_imported_including_cells_excel_stored_as_numbers_and_dates(world):
    row = person(
        1,
        **{
            "TANGGAL LAHIR": date(1985, 6, 15),
            "TAHUN LULUS": 2008,
            "KEDUDUKAN HUKUM ID": 1,
            "TINGKAT PENDIDIKAN ID": 40,
        },
    )
    report = import_siasn(upload(to_xlsx([row]), "data.xlsx"), actor=world.user("admin_bkd"))
    assert report.ok, report.errors
    pegawai = Pegawai.objects.get(nip=row["NIP BARU"])
    assert (pegawai.tanggal_lahir, pegawai.status, pegawai.tingkat_pendidikan) == (
        date(1985, 6, 15),
        "pns",
        "40",
    )


def test_nip_that_excel_rounded_to_a_number_is_refused_not_imported_wrong(world):
    row = person(1)
    rounded = float(row["NIP BARU"])
    assert str(int(rounded)) != row["NIP BARU"]
    data = to_xlsx([dict(row, **{"NIP BARU": rounded})])
    report = import_siasn(upload(data, "data.xlsx"), actor=world.user("admin_bkd"))
    assert [(e.row, e.column) for e in report.errors] == [(2, "NIP BARU")]
    assert Pegawai.objects.count() == 5


def test_headers_match_by_name_in_any_case_order_and_variant(world):
    row = person(1)
    variant = {
        ("KEDUDUKAN PNS ID" if k == "KEDUDUKAN HUKUM ID" else k): v
        for k, v in row.items()
        if k not in ("TEMPAT LAHIR NAMA", "KEDUDUKAN HUKUM NAMA")
    }
    variant.update(
        {
            "TEMPAT LAHIR": "PROBOLINGGO",
            "IS VALID NIK": "1",
            "FLAG IKD": "0",
            "ESELON ID": "",
            "CREATED AT": "2024-01-01",
        }
    )
    header = sorted(variant, reverse=True)
    data = to_csv([variant], ";", header=header)
    lines = data.decode().split("\r\n", 1)
    data = (" " + lines[0].lower().replace(";", " ; ") + "\r\n" + lines[1]).encode()
    report = import_siasn(upload(data), actor=world.user("admin_bkd"))
    assert report.ok, report.errors
    assert Pegawai.objects.get(nip=row["NIP BARU"]).tempat_lahir == "PROBOLINGGO"


def test_utf8_with_bom_and_windows_1252_are_both_read(world):
    row = person(1, NAMA="NI LUH AYU DÉWI")
    bom = b"\xef\xbb\xbf" + to_csv([row])
    assert import_siasn(upload(bom), actor=world.user("admin_bkd")).ok
    assert Pegawai.objects.get(nip=row["NIP BARU"]).nama == "NI LUH AYU DÉWI"
    other = person(2, NAMA="SRI RAHAYU Ñ")
    report = import_siasn(upload(to_csv([other], encoding="cp1252")), actor=world.user("admin_bkd"))
    assert report.ok, report.errors
    assert Pegawai.objects.get(nip=other["NIP BARU"]).nama == "SRI RAHAYU Ñ"


def test_rows_can_be_given_as_dicts(world):
    report = import_siasn([person(1), person(2)], actor=world.user("admin_bkd"))
    assert (report.created, report.filename) == (2, "")


# PNS or PPPK


def test_kedudukan_tells_pns_from_pppk_when_golongan_ids_overlap(world):
    rows = [
        person(1, **{"GOL AKHIR ID": "13"}),
        person(2, pppk=True, **{"GOL AKHIR ID": "13"}),
        person(
            3,
            **{"KEDUDUKAN HUKUM ID": "", "JENIS PEGAWAI ID": "101", "GOL AKHIR ID": "5"},
            pppk=True,
        ),
        person(4, **{"STATUS CPNS PNS": "C", "GOL AKHIR ID": "31"}),
    ]
    report = import_siasn(upload(to_csv(rows)), actor=world.user("admin_bkd"))
    assert report.ok, report.errors
    got = {p.nip: (p.status, p.golongan) for p in Pegawai.objects.all()}
    assert [got[row["NIP BARU"]] for row in rows] == [
        ("pns", "I/c"),
        ("pppk", "XIII"),
        ("pppk", "V"),
        ("cpns", "III/a"),
    ]


def test_kedudukan_other_than_active_service_is_kept(world):
    belajar = person(1, **{"KEDUDUKAN HUKUM ID": "03", "KEDUDUKAN HUKUM NAMA": "Tugas Belajar"})
    cltn = person(2)
    del cltn["KEDUDUKAN HUKUM ID"], cltn["KEDUDUKAN HUKUM NAMA"]
    cltn["KEDUDUKAN PNS ID"] = "02"
    assert (
        import_siasn([belajar], actor=system_actor()).ok
        and import_siasn([cltn], actor=system_actor()).ok
    )
    got = {p.nip: (p.status, p.kedudukan) for p in Pegawai.objects.all()}
    assert [got[row["NIP BARU"]] for row in (belajar, cltn)] == [
        ("pns", "tugas_belajar"),
        ("pns", "cltn"),
    ]


def test_blank_unor_places_the_pegawai_in_the_root_unit_of_the_opd(world):
    row = person(1, **{"UNOR ID": "", "UNOR NAMA": ""})
    assert import_siasn([row], actor=system_actor()).ok
    pegawai = Pegawai.objects.get(nip=row["NIP BARU"])
    assert (pegawai.unit.induk, pegawai.unit.opd, pegawai.unit.nama) == (
        None,
        pegawai.opd,
        SATKER["SATUAN KERJA KERJA NAMA"],
    )


def test_pppk_golongan_above_xvii_is_refused_although_it_is_a_pns_code(world):
    report = import_siasn([person(1, pppk=True, **{"GOL AKHIR ID": "31"})], actor=system_actor())
    assert [(e.column, e.value) for e in report.errors] == [("GOL AKHIR ID", "31")]


@pytest.mark.parametrize(
    ("jenis_id", "eselon", "expected"),
    [("1", {"ESELON NAMA": "II.b"}, ("jpt", "II.b")), ("1", {"ESELON ID": "32"}, ("ja", "III.b")),
     ("1", {"ESELON NAMA": "IV.a"}, ("jp", "IV.a")), ("1", {}, ("ja", "")),
     ("2", {}, ("jf", "")), ("4", {}, ("pelaksana", ""))],
)  # fmt: skip
def test_jenis_jabatan_follows_siasn_type_and_eselon(world, jenis_id, eselon, expected):
    row = person(1, **{"JENIS JABATAN ID": jenis_id}, **eselon)
    assert import_siasn([row], actor=system_actor()).ok
    pegawai = Pegawai.objects.get(nip=row["NIP BARU"])
    assert (pegawai.jenis_jabatan, pegawai.jabatan.eselon) == expected
    assert pegawai.jabatan.jenis == expected[0]


# Re-importing


def test_reimporting_the_same_file_changes_nothing_and_writes_no_audit_rows(world):
    data = to_csv([person(1), person(2)])
    import_siasn(upload(data), actor=world.user("admin_bkd"))
    before = counts()
    report = import_siasn(upload(data), actor=world.user("admin_bkd"))
    assert (report.created, report.updated, report.unchanged) == (0, 0, 2)
    assert counts() == before


def test_reimport_updates_changed_fields_and_adds_only_new_history(world):
    import_siasn([person(1), person(2)], actor=world.user("admin_bkd"))
    entries = AuditEntry.objects.count()
    promoted = person(
        1,
        **{
            "NOMOR HP": "085200001111",
            "GOL AKHIR ID": "33",
            "TMT GOLONGAN": "01-04-2018",
            "MK TAHUN": "8",
        },
    )
    report = import_siasn([promoted, person(2)], actor=world.user("admin_bkd"))
    assert (report.created, report.updated, report.unchanged) == (0, 1, 1)
    pegawai = Pegawai.objects.get(nip=promoted["NIP BARU"])
    assert (pegawai.no_hp, pegawai.golongan, pegawai.tmt_golongan) == (
        "085200001111",
        "III/c",
        date(2018, 4, 1),
    )
    assert list(
        RiwayatPangkat.objects.filter(pegawai=pegawai).values_list("golongan", flat=True)
    ) == ["III/c", "III/b"]
    assert RiwayatJabatan.objects.filter(pegawai=pegawai).count() == 1
    entry = AuditEntry.objects.order_by("-id").first()
    assert AuditEntry.objects.count() == entries + 1
    assert (entry.action, entry.pegawai_id, entry.note) == ("import", pegawai.pk, "Impor SIASN")
    assert set(entry.changes) == {"no_hp", "golongan", "tmt_golongan", "riwayat_pangkat"}
    assert entry.changes["no_hp"] == ["081234567890", "085200001111"]


def test_blank_cells_do_not_erase_what_sikap_already_holds(world):
    import_siasn([person(1)], actor=system_actor())
    report = import_siasn([person(1, **{"NOMOR HP": "", "EMAIL": "-"})], actor=system_actor())
    assert report.unchanged == 1
    assert Pegawai.objects.get(nip=person(1)["NIP BARU"]).no_hp == "081234567890"


def test_current_fields_follow_a_newer_stored_history_as_derive_current_would(world):
    row = person(1)
    import_siasn([row], actor=system_actor())
    pegawai = Pegawai.objects.get(nip=row["NIP BARU"])
    services.save_riwayat(
        RiwayatPangkat(pegawai=pegawai, golongan="III/d", tmt=date(2022, 10, 1)),
        actor=world.user("admin_bkd"),
    )
    report = import_siasn(
        [person(1, **{"GOL AKHIR ID": "33", "TMT GOLONGAN": "01-04-2018"})], actor=system_actor()
    )
    assert report.updated == 1
    pegawai.refresh_from_db()
    assert (pegawai.golongan, pegawai.tmt_golongan) == ("III/d", date(2022, 10, 1))
    assert services.derive_current(pegawai)["golongan"] == "III/d"
    assert RiwayatPangkat.objects.filter(pegawai=pegawai).count() == 3


def test_import_moves_a_pegawai_to_the_unit_and_jabatan_of_the_file(world):
    row = person(
        1,
        **{
            "UNOR ID": "U-BIDANG-SD",
            "UNOR NAMA": "Bidang SD",
            "JENIS JABATAN ID": "2",
            "JABATAN ID": "JF-GURU",
            "JABATAN NAMA": "Guru Ahli Pertama",
            "TMT JABATAN": "01-07-2023",
        },
    )
    import_siasn([person(1)], actor=system_actor())
    report = import_siasn([row], actor=system_actor())
    assert report.updated == 1
    pegawai = Pegawai.objects.get(nip=row["NIP BARU"])
    assert (pegawai.unit.nama, pegawai.jabatan.nama, pegawai.jenis_jabatan) == (
        "Bidang SD",
        "Guru Ahli Pertama",
        "jf",
    )
    derived = services.derive_current(pegawai)
    assert all(getattr(pegawai, k) == v for k, v in derived.items())


# Every error, nothing written


def test_every_bad_row_is_reported_with_row_column_and_value_and_nothing_is_written(world):
    good = person(1)
    rows = [
        good,
        person(2, **{"NIP BARU": "19850615201003100"}),
        person(3, **{"TANGGAL LAHIR": "16-06-1985"}),
        person(4, **{"TMT GOLONGAN": "31-02-2014", "JENIS KELAMIN": "X"}),
        person(5, **{"GOL AKHIR ID": "35", "TINGKAT PENDIDIKAN ID": "41"}),
        person(6, **{"NIK": "3508011506850000"}),
        dict(good, NAMA="PEGAWAI GANDA"),
        person(8, **{"KEDUDUKAN HUKUM ID": "99", "EMAIL": "bukan-email"}),
    ]
    import_siasn([person(9)], actor=system_actor())
    before = counts()
    report = import_siasn(upload(to_csv(rows)), actor=world.user("admin_bkd"))
    assert counts() == before
    assert (report.created, report.updated) == (0, 0)
    assert errors_of(report) >= {
        (3, "NIP BARU", "19850615201003100"),
        (4, "NIP BARU", rows[2]["NIP BARU"]),
        (5, "TMT GOLONGAN", "31-02-2014"),
        (5, "JENIS KELAMIN", "X"),
        (6, "GOL AKHIR ID", "35"),
        (6, "TINGKAT PENDIDIKAN ID", "41"),
        (7, "NIK", "3508011506850000"),
        (8, "NIP BARU", good["NIP BARU"]),
        (9, "KEDUDUKAN HUKUM ID", "99"),
        (9, "EMAIL", "bukan-email"),
    }
    assert all(e.message for e in report.errors)
    duplicate = next(e for e in report.errors if e.row == 8)
    assert "baris 2" in duplicate.message


def test_missing_required_headers_are_named_in_one_error(world):
    row = {k: v for k, v in person(1).items() if k not in ("NIP BARU", "TANGGAL LAHIR")}
    with pytest.raises(SikapError) as exc:
        import_siasn(upload(to_csv([row])), actor=world.user("admin_bkd"))
    assert exc.value.code == Kode.BERKAS_TIDAK_VALID
    assert "NIP BARU" in exc.value.message and "TANGGAL LAHIR" in exc.value.message
    assert Pegawai.objects.count() == 5


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "kosong"),
        (b"\r\n\r\n", "kosong"),
        (to_csv([person(1)]).split(b"\r\n")[0] + b"\r\n", "hanya berisi baris judul"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)), "bukan CSV"),
        (b"PK\x03\x04 not really a workbook", "bukan XLSX"),
    ],
)
def test_files_that_are_not_siasn_data_are_refused_in_indonesian(world, data, words):
    with pytest.raises(SikapError) as exc:
        import_siasn(upload(data, "data_pegawai.csv"), actor=world.user("admin_bkd"))
    assert words in exc.value.message


def test_file_over_the_size_cap_is_refused(world, settings):
    settings.SIKAP_IMPORT_MAX_BYTES = 100
    with pytest.raises(SikapError) as exc:
        import_siasn(upload(to_csv([person(1)])), actor=world.user("admin_bkd"))
    assert "terlalu besar" in exc.value.message


def test_dry_run_reports_the_counts_and_writes_nothing(world):
    before = counts()
    report = import_siasn(
        upload(to_csv([person(1), person(2)])), actor=world.user("admin_bkd"), dry_run=True
    )
    assert (report.dry_run, report.created, report.new_opd, report.new_units) == (True, 2, 1, 2)
    assert counts() == before


# Who may import


def opd_a_row(world, n: int, **columns) -> dict:
    return person(
        n,
        **{
            "SATUAN KERJA KERJA ID": world.opd_a.kode,
            "SATUAN KERJA KERJA NAMA": world.opd_a.nama,
            **columns,
        },
    )


def test_admin_opd_imports_staff_of_own_opd(world):
    report = import_siasn([opd_a_row(world, 1)], actor=world.user("admin_opd"))
    assert report.created == 1
    assert Pegawai.objects.get(nip=person(1)["NIP BARU"]).opd == world.opd_a


def test_admin_opd_cannot_import_staff_of_another_opd_nor_create_an_opd(world):
    rows = [
        opd_a_row(world, 1),
        person(2, **{"SATUAN KERJA KERJA ID": world.opd_b.kode}),
        person(3),
    ]
    before = counts()
    report = import_siasn(rows, actor=world.user("admin_opd"))
    assert counts() == before
    assert [(e.row, e.column) for e in report.errors] == [
        (3, "SATUAN KERJA KERJA ID"),
        (4, "SATUAN KERJA KERJA ID"),
    ]
    assert "Dinas Kesehatan" in report.errors[0].message
    assert "Admin BKD" in report.errors[1].message


def test_admin_opd_cannot_pull_a_pegawai_of_another_opd_into_own_opd(world):
    row = opd_a_row(
        world,
        1,
        **{
            "NIP BARU": world.pegawai_b.nip,
            "TANGGAL LAHIR": f"{world.pegawai_b.tanggal_lahir:%d-%m-%Y}",
            "NIK": "",
            "TMT CPNS": "01-04-2010",
        },
    )
    report = import_siasn([row], actor=world.user("admin_opd"))
    assert [(e.row, e.column) for e in report.errors] == [(2, "NIP BARU")]
    # The row says it cannot be imported by this user, not that the NIP exists elsewhere.
    assert report.errors[0].message == NOT_IMPORTABLE
    assert "OPD lain" not in report.errors[0].message
    world.pegawai_b.refresh_from_db()
    assert world.pegawai_b.opd == world.opd_b


@pytest.mark.parametrize("persona", ["pegawai", "atasan", "verifikator", "pimpinan"])
def test_only_personnel_editors_may_import(world, persona):
    with pytest.raises(SikapError) as exc:
        import_siasn([person(1)], actor=world.user(persona))
    assert exc.value.code == Kode.TIDAK_BERHAK


def test_import_uses_a_fixed_number_of_queries_whatever_the_file_size(world):
    def queries(n: int) -> int:
        rows = [person(i) for i in range(1, n + 1)]
        import_siasn(rows, actor=system_actor())
        with CaptureQueriesContext(connection) as ctx:
            assert import_siasn(rows, actor=system_actor()).unchanged == n
        return len(ctx)

    assert queries(3) == queries(60)
    with CaptureQueriesContext(connection) as ctx:
        import_siasn([person(i) for i in range(100, 160)], actor=system_actor())
    assert len(ctx) < 30


# The page


def test_page_shows_the_upload_form_to_admins(world):
    response = world.client("admin_opd").get("/impor/siasn/")
    assert response.status_code == 200
    assert b'type="file"' in response.content and b'name="dry_run"' in response.content


@pytest.mark.parametrize("persona", ["pegawai", "atasan", "pimpinan"])
def test_page_refuses_those_who_may_not_edit_personnel(world, persona):
    assert world.client(persona).get("/impor/siasn/").status_code == 403
    response = world.client(persona).post("/impor/siasn/", {"berkas": upload(to_csv([person(1)]))})
    assert response.status_code == 403
    assert not Pegawai.objects.filter(nip=person(1)["NIP BARU"]).exists()


def test_page_sends_anonymous_visitors_to_log_in(world):
    response = world.client("anonymous").get("/impor/siasn/")
    assert response.status_code == 302 and "/masuk/" in response["Location"]


def _post_and_run(client, data, django_capture_on_commit_callbacks):
    """Upload on the page, run the queued job, and open the operation's page."""
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/impor/siasn/", data)
    assert response.status_code == 302
    page = client.get(response["Location"])
    assert page.status_code == 200
    return page.context["operasi"], page.content.decode()


def test_page_imports_an_upload_and_shows_the_counts(world, django_capture_on_commit_callbacks):
    operasi, html = _post_and_run(
        world.client("admin_bkd"),
        {"berkas": upload(to_csv([person(1), person(2)], "\t"))},
        django_capture_on_commit_callbacks,
    )
    assert operasi.state == "selesai" and operasi.result["dibuat"] == 2
    assert "Impor selesai" in html
    assert (
        AuditEntry.objects.filter(
            note="Impor SIASN dari berkas data_pegawai.csv", pegawai_id__isnull=False
        ).count()
        == 2
    )
    assert AuditEntry.objects.filter(note__startswith="Impor SIASN").first().actor == (
        world.user("admin_bkd")
    )


def test_page_dry_run_shows_what_would_happen_and_saves_nothing(
    world, django_capture_on_commit_callbacks
):
    operasi, html = _post_and_run(
        world.client("admin_bkd"),
        {"berkas": upload(to_csv([person(1)])), "dry_run": "on"},
        django_capture_on_commit_callbacks,
    )
    assert "Uji coba selesai" in html
    assert operasi.result["dibuat"] == 1
    assert not Pegawai.objects.filter(nip=person(1)["NIP BARU"]).exists()


def test_page_groups_errors_by_kind_and_offers_every_error_as_xlsx(
    world, django_capture_on_commit_callbacks
):
    rows = [person(1, **{"TANGGAL LAHIR": "99-99-1985"}), person(2, **{"JENIS KELAMIN": "Q"})]
    rows += [person(n, **{"JENIS KELAMIN": "Z"}) for n in range(3, 10)]
    client = world.client("admin_bkd")
    operasi, html = _post_and_run(
        client, {"berkas": upload(to_csv(rows))}, django_capture_on_commit_callbacks
    )
    assert operasi.state == "gagal"
    assert "Tidak ada data yang disimpan" in html
    assert "99-99-1985" in html and "JENIS KELAMIN" in html
    jenis_kelamin = next(g for g in operasi.result["kelompok"] if g["kolom"] == "JENIS KELAMIN")
    assert jenis_kelamin["jumlah"] == 8 and len(jenis_kelamin["contoh"]) == 5
    assert Pegawai.objects.count() == 5
    download = client.get(f"/proses/{operasi.pk}/berkas/")
    assert download["Cache-Control"] == "private, no-store"
    sheet = load_workbook(io.BytesIO(b"".join(download.streaming_content))).active
    rows_read = list(sheet.iter_rows(values_only=True))
    assert rows_read[0] == ("Baris", "Kolom", "Nilai", "Masalah")
    assert len(rows_read) == 1 + operasi.result["kesalahan"]


def test_page_says_checking_stopped_at_the_error_cap(
    world, settings, django_capture_on_commit_callbacks
):
    settings.SIKAP_IMPORT_MAX_ERRORS = 3
    rows = [person(n, **{"JENIS KELAMIN": "Z"}) for n in range(1, 10)]
    operasi, html = _post_and_run(
        world.client("admin_bkd"),
        {"berkas": upload(to_csv(rows))},
        django_capture_on_commit_callbacks,
    )
    assert operasi.state == "gagal" and operasi.result["kesalahan"] == 3
    assert "Tidak ada data yang disimpan: 3 kesalahan pada berkas" in html
    assert "Pemeriksaan dihentikan setelah 3 kesalahan pertama" in html
    assert "True" not in html


def test_page_explains_a_file_it_cannot_read(world, django_capture_on_commit_callbacks):
    operasi, html = _post_and_run(
        world.client("admin_bkd"),
        {"berkas": upload(b"\x89PNG\r\n\x1a\n\x00\x00", "foto.csv")},
        django_capture_on_commit_callbacks,
    )
    assert operasi.state == "gagal"
    assert "bukan CSV atau XLSX" in html


def test_operation_page_is_seen_only_by_its_owner_and_admin_bkd(
    world, django_capture_on_commit_callbacks
):
    operasi, _html = _post_and_run(
        world.client("admin_opd"),
        {"berkas": upload(to_csv([opd_a_row(world, 1)]))},
        django_capture_on_commit_callbacks,
    )
    for persona, status in [("admin_opd", 200), ("admin_bkd", 200), ("admin_opd_lain", 404),
                            ("pegawai", 404)]:  # fmt: skip
        assert world.client(persona).get(f"/proses/{operasi.pk}/").status_code == status
        assert world.client(persona).get(f"/proses/{operasi.pk}/status/").status_code == status


# The command


def test_command_imports_a_file_and_prints_the_report(world, tmp_path):
    path = tmp_path / "siasn.csv"
    path.write_bytes(to_csv([person(1), person(2)]))
    out = io.StringIO()
    call_command("import-siasn", str(path), stdout=out)
    assert "2 dibuat, 0 diperbarui, 0 tidak berubah" in out.getvalue()
    assert (
        AuditEntry.objects.filter(
            note="Impor SIASN dari berkas siasn.csv", pegawai_id__isnull=False
        ).count()
        == 2
    )


def test_command_dry_run_writes_nothing(world, tmp_path):
    path = tmp_path / "siasn.xlsx"
    path.write_bytes(to_xlsx([person(1)]))
    out = io.StringIO()
    call_command("import-siasn", str(path), "--dry-run", stdout=out)
    assert "Uji coba" in out.getvalue() and "1 dibuat" in out.getvalue()
    assert Pegawai.objects.count() == 5


def test_command_lists_every_error_and_fails(world, tmp_path):
    path = tmp_path / "siasn.csv"
    path.write_bytes(to_csv([person(1, NIK="123"), person(2, **{"TMT PNS": "kemarin"})]))
    err = io.StringIO()
    with pytest.raises(CommandError) as exc:
        call_command("import-siasn", str(path), stderr=err)
    assert exc.value.returncode == 1
    assert "baris 2, kolom NIK, nilai '123'" in err.getvalue()
    assert "baris 3, kolom TMT PNS, nilai 'kemarin'" in err.getvalue()
    assert Pegawai.objects.count() == 5


def test_command_acts_with_the_rights_of_the_named_user(world, tmp_path):
    path = tmp_path / "siasn.csv"
    path.write_bytes(to_csv([person(1)]))
    with pytest.raises(CommandError) as exc:
        call_command("import-siasn", str(path), "--user", "admin.pendidikan", stderr=io.StringIO())
    assert exc.value.returncode == 1
    assert not Opd.objects.filter(kode=SATKER["SATUAN KERJA KERJA ID"]).exists()
