"""Issue 15, finding 8: earlier years' published realisation, entered or imported, gives the
N-2, N-1, N comparison; a national standard, where configured, gives analysis 4. Bad import
rows are refused with their row and column, and nothing is saved."""

import pytest

from sikap.accounts.models import Peran
from sikap.accounts.system import system_actor
from sikap.core.errors import SikapError
from sikap.core.models import AuditEntry
from sikap.lkj.builder import build_lkj
from sikap.performance.earlier import import_earlier
from sikap.performance.importer import ImportRefused
from sikap.performance.models import Indikator, RealisasiTerbit
from tests.factories import make_user

FILE = """indikator;tahun;realisasi;sumber
Indeks kualifikasi pendidikan ASN;2021;11,80;LKj 2021
Indeks kualifikasi pendidikan ASN;2022;12,10;LKj 2022
indeks kinerja asn;2022;26,40;LKj 2022
"""


def test_imported_published_realisation_gives_n2_n1_n(sakip):
    assert import_earlier("riwayat.csv", FILE.encode(), actor=system_actor()) == 3
    assert AuditEntry.objects.filter(content_type__model="realisasiterbit").count() == 3
    lkj = build_lkj(2023)
    kualifikasi, kinerja = lkj.multi_tahun.rows[1].cells, lkj.multi_tahun.rows[2].cells
    assert kualifikasi[:4] == ("Indeks kualifikasi pendidikan ASN", "11,80", "12,10", "12,38")
    assert kinerja[1:4] == ("—", "26,40", "25,44")
    assert lkj.analisis[2].tahun_lalu == (
        "Realisasi tahun 2023 turun 0,96 poin dari 26,40 pada tahun 2022 (memburuk)."
    )
    # importing again replaces the figure of the same year
    import_earlier(
        "r.csv", b"indikator,tahun,realisasi\nIndeks Kinerja ASN,2022,25\n", actor=system_actor()
    )
    assert (
        RealisasiTerbit.objects.get(tahun=2022, indikator__nama="Indeks Kinerja ASN").realisasi
        == 25
    )


@pytest.mark.parametrize(
    "line, column, message",
    [
        ("Indeks Siluman;2022;1", "indikator", "tidak ada dalam Renstra"),
        ("Indeks Kinerja ASN;dua ribu;1", "tahun", "bukan tahun"),
        ("Indeks Kinerja ASN;1890;1", "tahun", "di luar"),
        ("Indeks Kinerja ASN;2022;banyak", "realisasi", "bukan angka"),
        ("Indeks Kinerja ASN;2022;-3", "realisasi", "≥ 0"),
    ],
)
def test_a_bad_row_refuses_the_file(sakip, line, column, message):
    data = f"indikator;tahun;realisasi\nIndeks Disiplin ASN;2022;4,9\n{line}\n".encode()
    with pytest.raises(ImportRefused) as e:
        import_earlier("riwayat.csv", data, actor=system_actor())
    [issue] = e.value.issues
    assert (issue.row, issue.column) == (3, column) and message in issue.message
    assert not RealisasiTerbit.objects.exists()


def test_only_planners_import(sakip):
    with pytest.raises(SikapError):
        import_earlier("r.csv", FILE.encode(), actor=make_user("pimpinan.x", Peran.PIMPINAN))
    assert not RealisasiTerbit.objects.exists()


def test_a_configured_national_standard_is_compared(sakip):
    Indikator.objects.filter(nama="Indeks Kinerja ASN").update(
        standar_nasional=25, standar_nasional_sumber="rerata nasional BKN 2023"
    )
    lkj = build_lkj(2023)
    assert lkj.analisis[2].standar == (
        "Realisasi lebih baik 0,44 poin dari standar nasional 25,00 (rerata nasional BKN 2023)."
    )
    assert lkj.multi_tahun.headers[-1] == "Standar nasional"
    assert lkj.multi_tahun.rows[2].cells[-1] == "25,00" and lkj.multi_tahun.rows[1].cells[-1] == "—"
