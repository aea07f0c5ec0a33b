"""`sikap sakip import | check | capaian` on the shipped seed."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from sikap.performance.models import Renja
from tests.performance.conftest import SEED_DIR


def run(*args) -> str:
    out = StringIO()
    call_command("sakip", *args, stdout=out)
    return out.getvalue()


def test_import_then_reimport_says_it_replaced_the_year(db):
    first = run("import", str(SEED_DIR))
    assert first.startswith("Data SAKIP 2023 diimpor: 65 indikator Renja")
    assert "38 temuan (A: 22, B: 0, C: 16)." in first
    again = run("import", str(SEED_DIR), "--year", "2023")
    assert "Data tahun 2023 yang sudah ada (65 indikator Renja" in again
    assert Renja.objects.count() == 1


def test_check_json_lists_every_finding_with_its_location(seed):
    payload = json.loads(run("check", "--year", "2023", "--json"))
    assert payload["tahun"] == 2023 and len(payload["temuan"]) == 38
    first = payload["temuan"][0]
    assert set(first) == {
        "pemeriksaan",
        "tingkat",
        "tabel",
        "kode",
        "indikator",
        "kolom",
        "tercetak",
        "hitung_ulang",
        "masalah",
        "penutup",
    }
    assert (first["kode"], first["kolom"], first["tercetak"], first["hitung_ulang"]) == (
        "A",
        "annual_rp",
        "308565999",
        "222986000",
    )


def test_capaian_json_gives_the_seeds_program_table(seed):
    payload = json.loads(run("capaian", "--year", "2023", "--json"))
    programs = [
        (p["kode"], p["anggaran"], p["realisasi"], p["persen"])
        for p in payload["anggaran"]["program"]
    ]
    assert programs == [
        ("A", "551096760", "532945599", "96.71"),
        ("B", "704749750", "658141086", "93.39"),
        ("C", "5926358457", "5898679150", "99.53"),
    ]
    assert payload["anggaran"]["total"]["persen"] == "98.71"
    assert len(payload["indikator"]) == 65 and len(payload["iku"]) == 5
    assert {i["sumber"] for i in payload["iku"]} <= {"manual", "formula"}


def test_capaian_text_output(seed):
    text = run("capaian", "--year", "2023")
    assert "96,71 %" in text and "98,71 %" in text


def test_a_bad_directory_or_year_is_a_clear_error(db, tmp_path):
    with pytest.raises(CommandError, match="renja_TAHUN.csv"):
        run("import", str(tmp_path))
    with pytest.raises(CommandError, match="Tidak ada data SAKIP tahun 2031"):
        run("check", "--year", "2031")
    (tmp_path / "renja_2024.csv").write_text("code,level\nA,program\n")
    with pytest.raises(CommandError) as exc:
        run("import", str(tmp_path))
    assert "renja_2024.csv baris 1, kolom parent_code" in str(exc.value)
