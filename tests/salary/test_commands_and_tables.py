import io
import json
from datetime import date
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from openpyxl import Workbook

from sikap.accounts.models import Peran
from sikap.core.errors import SikapError
from sikap.core.models import AuditEntry
from sikap.rules.kgb import DasarGaji, hitung
from sikap.salary.admin_services import import_table
from sikap.salary.tables import parse_rows, tables_for
from tests.factories import make_user


def run(*args) -> str:
    out = io.StringIO()
    call_command("kgb", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_hitung_prints_the_next_kgb_as_json():
    data = json.loads(run("hitung", "--golongan", "III/a", "--mkg", "1", "--bulan", "0",
                          "--tmt", "2025-03-01", "--json"))  # fmt: skip
    assert data["tmt"] == "2026-03-01" and data["mkg_tahun"] == 2
    assert data["gaji_pokok"] == 2_873_500 and "Nomor 5 Tahun 2024" in data["regulasi"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("--golongan", "V/a", "--mkg", "1", "--tmt", "2025-03-01"),
            "Golongan 'V/a' tidak dikenal",
        ),
        (("--golongan", "III/a", "--mkg", "1", "--bulan", "12", "--tmt", "2025-03-01"), "0–11"),
        (("--golongan", "III/a", "--mkg", "1", "--tmt", "32-13-2025"), "tidak valid"),
    ],
)
def test_hitung_refuses_bad_input_in_indonesian(args, message):
    with pytest.raises(CommandError, match=message):
        run("hitung", *args)


def test_due_lists_basis_next_salary_and_reasons_and_draft_drafts_them(kantor):
    data = json.loads(run("due", "--as-of", "2026-12-10", "--json"))
    row = next(r for r in data if r["nip"] == kantor.pegawai.nip)
    assert row["dasar"] == {
        "jenis": "kgb", "sk_nomor": "822/1/2025", "sk_tanggal": "2025-02-10",
        "tmt": "2025-03-01", "mkg_tahun": 2, "mkg_bulan": 0, "gaji_pokok": 2_873_500,
    }  # fmt: skip
    assert (row["kgb"]["tmt"], row["kgb"]["gaji_pokok"], row["alasan"]) == (
        "2027-03-01", 2_964_000, None,
    )  # fmt: skip
    other = json.loads(run("due", "--as-of", "2026-12-10", "--opd", "LAIN", "--json"))
    assert other == []
    assert "1 draf baru" in run("draft", "--as-of", "2026-12-10")
    assert "0 draf baru" in run("draft", "--as-of", "2026-12-10")


def xlsx(rows) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.append(["Golongan", "MKG", "Gaji Pokok"])
    for r in rows:
        ws.append(r)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def test_an_older_table_imported_from_xlsx_is_cited_for_older_tmts(db):
    admin = make_user("admin", Peran.ADMIN_BKD)
    rows = [("III/a", 0, 2_456_700), ("III/a", 2, 2_534_100), ("III/a", 4, 2_614_000)]
    tabel = import_table(
        xlsx(rows), kode="pp15-2019", nama="PP 15/2019", regulasi="Peraturan Pemerintah Nomor 15 "
        "Tahun 2019", untuk="pns", berlaku_mulai=date(2019, 1, 1), actor=admin,
    )  # fmt: skip
    assert tabel.baris.count() == 3
    assert AuditEntry.objects.filter(kind="tabel_gaji.imported").exists()
    hasil = hitung(DasarGaji("kgb", "III/a", date(2021, 3, 1), 2, 0, Decimal(0)), tables_for())
    assert (hasil.tabel.kode, hasil.gaji_pokok) == ("pp15-2019", Decimal(2_614_000))


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([("III/z", 0, 1)], "Baris 2: Golongan 'III/z' tidak dikenal"),
        ([("III/a", "dua", 1)], "Baris 2: MKG dan gaji pokok harus angka"),
        ([("III/a", 0, 1), ("III/a", 0, 2)], "MKG 0 tercantum dua kali"),
        ([("III/a", 0, 0)], "tidak valid"),
    ],
)
def test_a_bad_table_file_is_refused_whole(db, rows, message):
    with pytest.raises(SikapError, match=message):
        parse_rows(xlsx(rows))


def test_only_admin_bkd_imports_a_table(db):
    with pytest.raises(SikapError, match="Hanya admin BKD"):
        import_table(
            xlsx([("III/a", 0, 1)]), kode="x", nama="x", regulasi="x", untuk="pns",
            berlaku_mulai=date(2019, 1, 1), actor=make_user("v", Peran.VERIFIKATOR),
        )  # fmt: skip
