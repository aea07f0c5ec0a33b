"""The content shipped with SIKAP: the PermenPANRB 38/2017 dictionary, the 450-item demo bank
(every item sound, ten per competency and level, none repeated, readable by the bank
import), and the demo builder's test and scored attempts."""

import io
from collections import Counter

import pytest
from django.core.management import call_command
from openpyxl import Workbook

from sikap.competency import bank, bank_import
from sikap.competency.content import FormatError, demo_bank, kamus, load_kamus, parse_bank
from sikap.competency.models import (
    HasilKompetensi,
    JenisSoal,
    Kelompok,
    Kompetensi,
    LevelKompetensi,
    Percobaan,
    Ujian,
)
from sikap.demo.loader import demo_logins

MANAJERIAL = {
    "integritas", "kerja_sama", "komunikasi", "orientasi_hasil", "pelayanan_publik",
    "pengembangan_diri", "mengelola_perubahan", "pengambilan_keputusan",
}  # fmt: skip


def test_the_dictionary_has_the_eight_manajerial_and_perekat_bangsa_with_five_levels():
    data = kamus()["kompetensi"]
    assert {k["kode"] for k in data if k["jenis"] == "manajerial"} == MANAJERIAL
    assert [k["kode"] for k in data if k["jenis"] == "sosial_kultural"] == ["perekat_bangsa"]
    for k in data:
        assert [lv["level"] for lv in k["level"]] == [1, 2, 3, 4, 5]
        assert all(lv["judul"] and lv["indikator"] for lv in k["level"])


@pytest.mark.django_db
def test_loading_the_dictionary_twice_keeps_one_row_each():
    assert load_kamus() == 9
    load_kamus()
    assert Kompetensi.objects.count() == 9
    assert LevelKompetensi.objects.count() == 45
    assert Kompetensi.objects.get(kode="perekat_bangsa").kelompok == Kelompok.SOSIAL_KULTURAL


def test_the_demo_bank_has_ten_sound_items_per_competency_and_level():
    items = demo_bank()
    assert len(items) == 450
    per = Counter((i.kompetensi, i.level) for i in items)
    assert set(per) == {(k, lv) for k in MANAJERIAL | {"perekat_bangsa"} for lv in range(1, 6)}
    assert set(per.values()) == {10}
    assert len({i.kode for i in items}) == 450
    assert len({bank.sidik(i.isi.teks) for i in items}) == 450
    for i in items:
        assert bank.masalah_isi(i.jenis, i.isi) == {}, i.kode
        if i.jenis == JenisSoal.SITUASIONAL:
            scores = [o.skor for o in i.isi.opsi]
            # one best answer and one clearly worst, no two options scored alike
            assert max(scores) == 5 and min(scores) == 1 and len(set(scores)) == len(scores), i.kode
    assert Counter(i.jenis for i in items)[JenisSoal.PILIHAN_GANDA] == 90


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("kompetensi: integritas\n== level 1\nsoal tanpa jenis\n5 | a\n", "diawali 'sjt:'"),
        ("kompetensi: integritas\n== level 1\nsjt: S?\nlima | a\n1 | b\n", "'skor | teks'"),
        ("kompetensi: integritas\n== level 1\npg: S?\n+ a\n- b\n", "'* ' atau '- '"),
    ],
)
def test_a_malformed_bank_file_names_the_line(text, message):
    with pytest.raises(FormatError, match=message):
        parse_bank(text, "uji.txt")


@pytest.mark.django_db
def test_the_demo_bank_is_a_valid_input_for_the_bank_import():
    load_kamus()
    book = Workbook()
    sheet = book.active
    huruf = bank_import.HURUF
    sheet.append(
        ["kode", "kompetensi", "level", "jenis", "pertanyaan"]
        + [f"opsi_{h.lower()}" for h in huruf]
        + ["kunci"]
        + [f"skor_{h.lower()}" for h in huruf]
    )
    for i in demo_bank():
        opsi = list(i.isi.opsi) + [bank.Opsi("")] * (len(huruf) - len(i.isi.opsi))
        kunci = next((h for h, o in zip(huruf, opsi, strict=True) if o.benar), "")
        sheet.append(
            [i.kode, i.kompetensi, i.level, i.jenis, i.isi.teks]
            + [o.teks for o in opsi]
            + [kunci]
            + [o.skor for o in opsi]
        )
    out = io.BytesIO()
    book.save(out)
    report = bank_import.parse(out.getvalue())
    assert report.found == []
    assert len(report.rows) == 450


@pytest.mark.django_db
def test_the_demo_builds_an_open_test_and_scored_attempts_sparing_the_demo_logins(
    settings, tmp_path, capsys
):
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("demo", "--scale", "0.02")
    assert "Uji kompetensi: kamus 9 kompetensi, bank 450 soal" in capsys.readouterr().out
    ujian = Ujian.objects.get()
    attempts = Percobaan.objects.filter(ujian=ujian)
    assert attempts.count() >= 20
    assert not attempts.filter(dinilai__isnull=True).exists()
    logins = {login.username for login in demo_logins()}
    assert not attempts.filter(pegawai__akun__username__in=logins).exists()
    levels = Counter(HasilKompetensi.objects.values_list("level_tercapai", flat=True))
    assert len(levels) >= 4  # a spread, not everyone alike
    assert HasilKompetensi.objects.filter(selisih__lt=0).exists()
    assert HasilKompetensi.objects.filter(selisih__gte=0).exists()
