import json
from datetime import date

import pytest
from django.core.management import CommandError, call_command

from sikap.core.errors import SikapError
from sikap.core.models import AuditEntry
from sikap.pension import selectors, services
from tests.factories import make_pegawai

AS_OF = date(2026, 12, 6)


def test_bup_comes_from_the_position(kantor):
    assert selectors.bup_of(kantor.guru) == (60, "Jabatan Guru Ahli Madya")
    r = selectors.project(kantor.pegawai, AS_OF)
    assert (r.bup, r.tmt, r.bulan_tersisa) == (58, date(2027, 5, 1), 4)


def test_a_pegawai_without_a_position_has_no_bup_and_says_so(kantor):
    r = selectors.project(kantor.tanpa_jabatan, AS_OF)
    assert r.tmt is None and "BUP" in r.masalah


def test_a_bup_override_with_its_legal_basis_wins_and_is_audited(kantor):
    services.set_bup(kantor.pegawai, 60, "Surat BKN K.26-30/V.119-2/99", actor=kantor.admin_bkd)
    kantor.pegawai.refresh_from_db()
    r = selectors.project(kantor.pegawai, AS_OF)
    assert (r.bup, r.tmt) == (60, date(2029, 5, 1)) and "Surat BKN" in r.sumber
    assert AuditEntry.objects.filter(kind="bup_pegawai.created").exists()


@pytest.mark.parametrize(
    ("bup", "dasar", "message"),
    [(45, "UU 14/2005", "BUP"), (65, "", "Dasar hukum"), (65, "=HYPERLINK()", "diawali")],
)
def test_a_bad_bup_override_is_refused_and_nothing_is_saved(kantor, bup, dasar, message):
    with pytest.raises(SikapError, match=message):
        services.set_bup(kantor.pegawai, bup, dasar, actor=kantor.admin_bkd)
    assert not hasattr(kantor.pegawai, "bup_khusus") or kantor.pegawai.bup_khusus is None


def test_only_admin_bkd_sets_a_bup_override(kantor):
    with pytest.raises(SikapError, match="admin BKD"):
        services.set_bup(kantor.pegawai, 60, "UU 14/2005", actor=kantor.admin_opd)


def test_the_window_lists_who_reaches_bup_in_it(kantor):
    rows, problems = selectors.due(selectors.candidates(), AS_OF, 15)
    assert [(r.pegawai.nama, r.tmt) for r in rows] == [
        ("Bambang Guru", date(2027, 2, 1)),
        ("Siti Aminah", date(2027, 5, 1)),
    ]
    assert [r.pegawai.nama for r in problems] == ["Tanpa Jabatan"]
    rows, _ = selectors.due(selectors.candidates(), AS_OF, 3)
    assert [r.pegawai.nama for r in rows] == ["Bambang Guru"]


def test_the_yearly_projection_counts_by_opd_position_and_kind(kantor):
    data = selectors.yearly(selectors.candidates(), AS_OF)
    assert data.tahun == (2026, 2027, 2028, 2029, 2030)
    assert data.per_opd == [("Dinas Pendidikan", [0, 2, 0, 0, 0])]
    assert dict(data.per_jabatan) == {
        "Guru Ahli Madya": [0, 1, 0, 0, 0],
        "Pengadministrasi Umum": [0, 1, 0, 0, 0],
    }
    assert data.jumlah == [0, 2, 0, 0, 0]


def test_a_retired_pegawai_is_not_projected(kantor):
    kantor.guru.kedudukan = "pensiun"
    kantor.guru.save()
    rows, _ = selectors.due(selectors.candidates(), AS_OF, 15)
    assert [r.pegawai.nama for r in rows] == ["Siti Aminah"]


def test_command_hitung_gives_the_rules_case_as_json(capsys):
    call_command(
        "pensiun", "hitung", "--tanggal-lahir", "1968-02-29", "--bup", "65",
        "--as-of", "2026-12-06", "--json",
    )  # fmt: skip
    out = json.loads(capsys.readouterr().out)
    assert out["tmt_pensiun"] == "2033-03-01" and out["bup"] == 65


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--tanggal-lahir", "2030-01-01", "--bup", "58"], "masa depan"),
        (["--tanggal-lahir", "1970-13-01", "--bup", "58"], "tanggal-lahir"),
        (["--tanggal-lahir", "1970-01-01"], "--bup"),
        (["--tanggal-lahir", "1970-01-01", "--bup", "0"], "BUP"),
    ],
)
def test_command_hitung_refuses_bad_input(args, message):
    with pytest.raises(CommandError, match=message):
        call_command("pensiun", "hitung", *args)


def test_command_proyeksi_lists_nip_position_bup_and_tmt(kantor, capsys):
    call_command("pensiun", "proyeksi", "--as-of", "2026-12-06", "--opd", "DINDIK", "--json")
    out = json.loads(capsys.readouterr().out)
    assert [(r["nip"], r["jabatan"], r["bup"], r["tmt_pensiun"]) for r in out["pegawai"]] == [
        (kantor.guru.nip, "Guru Ahli Madya", 60, "2027-02-01"),
        (kantor.pegawai.nip, "Pengadministrasi Umum", 58, "2027-05-01"),
    ]
    assert out["belum_dapat_dihitung"][0]["nama"] == "Tanpa Jabatan"


def test_command_proyeksi_refuses_an_unknown_opd(kantor):
    with pytest.raises(CommandError, match="XYZ"):
        call_command("pensiun", "proyeksi", "--as-of", "2026-12-06", "--opd", "XYZ")


def test_the_sql_narrowing_keeps_exactly_who_the_rule_puts_in_the_window(kantor):
    """Birthdays at the window's edges (month ends, 29 February, December) for each BUP: the
    narrowed query and projecting everyone agree."""
    from sikap.rules.pension import dalam_jendela

    guru = kantor.guru.jabatan
    for i, lahir in enumerate(
        date(y, m, d)
        for y in (1966, 1968, 1969)
        for m, d in ((1, 1), (2, 28), (2, 29), (11, 30), (12, 1), (12, 31))
        if not (m == 2 and d == 29 and y % 4)
    ):
        make_pegawai(kantor.opd, nama=f"Uji {i}", tanggal_lahir=lahir,
                     jabatan=guru if i % 2 else kantor.pegawai.jabatan)  # fmt: skip
    for as_of in (date(2026, 12, 1), date(2026, 12, 31), date(2027, 2, 28)):
        for months in (1, 3, 15):
            narrowed, _ = selectors.due(selectors.candidates(), as_of, months)
            everyone = [
                r.pegawai.pk
                for r in selectors.projections(selectors.candidates(), as_of)
                if r.tmt and dalam_jendela(r.tmt, as_of, months)
            ]
            assert sorted(r.pegawai.pk for r in narrowed) == sorted(everyone)
