"""The stand-in loaded from the database: every deliberate difference is found by the check,
and nothing else is (no false alarm from capitals or degree titles)."""

from datetime import date

import pytest

from sikap.accounts.system import system_actor
from sikap.dukcapil import standin_data as sd
from sikap.dukcapil.services import cek_pegawai
from sikap.people.models import AnggotaKeluarga, Pegawai
from sikap.rules.kependudukan import Jenis
from sikap.rules.nik import encode_nik_date
from tests.factories import make_opd, root_unit

NAMA = ("Muhammad Rizki", "Sukarno Hadi", "Dewi Lestari", "Agus Wibowo")
# What the check reports for each deliberate difference: (jenis, on whom).
DITEMUKAN = {
    sd.NAMA: {(Jenis.NAMA, "Pegawai")},
    sd.TANGGAL_LAHIR: {(Jenis.TANGGAL_LAHIR, "Pegawai")},
    sd.CERAI: {(Jenis.STATUS_KAWIN, "Pegawai"), (Jenis.TIDAK_DI_REGISTRY, "Pasangan")},
    sd.ANAK_PINDAH_KK: {(Jenis.TIDAK_DI_REGISTRY, "Anak")},
    sd.EJAAN_ANAK: {(Jenis.NAMA, "Anak")},
    sd.MENINGGAL: {(Jenis.MENINGGAL, "Pegawai")},
}


def _nik(lahir, jk, urut):
    return f"350801{encode_nik_date(lahir, jk)}{urut:04d}"


def bangun_pegawai(jumlah=120):
    opd = make_opd("Dinas Uji")
    unit = root_unit(opd)
    pegawai = []
    for i in range(jumlah):
        jk = "P" if i % 3 == 0 else "L"
        lahir = date(1970 + i % 20, i % 12 + 1, i % 28 + 1)
        pegawai.append(
            Pegawai(
                nip=f"{lahir:%Y%m%d}200501{1 if jk == 'L' else 2}{i:03d}",
                nik=_nik(lahir, jk, i + 1),
                nama=f"{NAMA[i % 4]} {i}",
                gelar_depan="Drs." if i % 5 == 0 else "",
                gelar_belakang="S.Pd." if i % 2 == 0 else "",
                tanggal_lahir=lahir,
                jenis_kelamin=jk,
                status_kawin="belum_kawin" if i % 10 == 0 else "kawin",
                status="pns",
                opd=opd,
                unit=unit,
            )
        )
    Pegawai.objects.bulk_create(pegawai)
    keluarga = []
    for i, p in enumerate(Pegawai.objects.order_by("nip")):
        if p.status_kawin != "kawin":
            continue
        jk = "L" if p.jenis_kelamin == "P" else "P"
        lahir = date(1975, 3, 3)
        keluarga.append(
            AnggotaKeluarga(
                pegawai=p, hubungan="suami" if jk == "L" else "istri", nama=f"Pasangan {i}",
                nik=_nik(lahir, jk, 1000 + i), tanggal_lahir=lahir, jenis_kelamin=jk,
            )
        )  # fmt: skip
        for n, lahir in enumerate((date(2001, 6, 1), date(2004, 9, 9))):
            keluarga.append(
                AnggotaKeluarga(
                    pegawai=p, hubungan="anak", nama=f"Mutiara Anak {i} {n}",
                    nik=_nik(lahir, "P", 2000 + 2 * i + n), tanggal_lahir=lahir,
                    jenis_kelamin="P",
                )
            )  # fmt: skip
    AnggotaKeluarga.objects.bulk_create(keluarga)


@pytest.mark.parametrize(
    ("nama", "lain"),
    [("Muhammad", "MUHAMAD"), ("Sukarno", "SOEKARNO"), ("Dewi", "DEWIH"), ("Anna", "ANA")],
)
def test_another_spelling_changes_the_letters(nama, lain):
    assert sd.ejaan_lain(nama) == lain


def test_every_deliberate_difference_is_found_and_nothing_else(world, dukcapil_standin):
    bangun_pegawai()
    sengaja = dukcapil_standin.muat_database()

    assert {j for semua in sengaja.per_nip.values() for j in semua} == {
        *DITEMUKAN, sd.TIDAK_TERDAFTAR,
    }  # fmt: skip
    assert len(sengaja.nip_dengan(sd.MENINGGAL)) == 1
    sistem = system_actor()
    for p in Pegawai.objects.exclude(nik="").order_by("nip"):
        hasil = cek_pegawai(sistem, p)
        harapan = sengaja.per_nip.get(p.nip, [])
        if sd.TIDAK_TERDAFTAR in harapan:
            assert hasil.status == "tidak_ditemukan", p.nip
            continue
        didapat = {(b.jenis, b.siapa.split(":")[0]) for b in hasil.perbedaan}
        assert didapat == set().union(*(DITEMUKAN[j] for j in harapan)), (p.nip, harapan)
