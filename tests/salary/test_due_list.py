"""The due list's "not yet drafted" section pages through every pegawai due in the month and
counts them all."""

from datetime import date, timedelta

from sikap.salary import selectors
from tests.factories import make_pegawai
from tests.salary.conftest import add_gaji


def _due_in_may_2027(kantor, n):
    for i in range(n):
        p = make_pegawai(
            kantor.opd, nama=f"Pegawai {i:02d}", tanggal_lahir=date(1980, 1, 1) + timedelta(days=i)
        )
        add_gaji(p, date(2025, 5, 1), (2, 0), 2_873_500)  # MKG 4 on 1 May 2027


def test_the_upcoming_section_pages_and_counts_everyone_due(client, kantor):
    _due_in_may_2027(kantor, 60)
    client.force_login(kantor.verifikator)
    first = client.get("/kgb/", {"bulan": "2027-05"})
    assert first.context["mendatang_jumlah"] == 60
    assert [p.nama for p, _tmt in first.context["mendatang"]][:2] == ["Pegawai 00", "Pegawai 01"]
    assert len(first.context["mendatang"]) == 50
    second = client.get("/kgb/", {"bulan": "2027-05", "page": 2})
    assert [p.nama for p, _tmt in second.context["mendatang"]] == [
        f"Pegawai {i:02d}" for i in range(50, 60)
    ]
    assert "Halaman 2 dari 2" in second.content.decode()


def test_a_page_loads_only_the_pegawai_it_shows(kantor, django_assert_num_queries):
    _due_in_may_2027(kantor, 12)
    rows = selectors.upcoming(selectors.candidates(), date(2027, 5, 1), date(2027, 6, 1))
    assert len(rows) == 12 and all(isinstance(pk, int) for pk, _tmt in rows)
    with django_assert_num_queries(1):
        shown = selectors.page_of(rows[:5])
    assert [p.opd.nama for p, _tmt in shown] == ["Dinas Pendidikan"] * 5
