"""A year's capaian as plain dataclasses: the seed's budget table and IKU table come out as
published; formula indicators take their realisation from the IP ASN engine."""

from decimal import Decimal as D

from sikap.ipasn.engine import compute_ip_asn
from sikap.performance.capaian import year_capaian
from sikap.performance.models import PengaturanCapaian, RealisasiTriwulan
from sikap.performance.services import run_realisasi, save_realisasi

PROGRAM_TABLE = [
    ("A", D(551096760), D(532945599), D("96.71")),
    ("B", D(704749750), D(658141086), D("93.39")),
    ("C", D(5926358457), D(5898679150), D("99.53")),
]


def test_the_seeds_budget_table_comes_out_as_published(seed):
    result = year_capaian(2023, ip_asn=None)
    programs = [(p.code, p.anggaran, p.realisasi, p.persen) for p in result.level("program")]
    assert programs == PROGRAM_TABLE
    total = result.total
    assert (total.anggaran, total.realisasi, total.persen) == (
        D(7182204967),
        D(7089765835),
        D("98.71"),
    )
    assert sum(total.quarters) == total.realisasi


def test_kegiatan_and_sub_kegiatan_absorption_add_up(seed):
    result = year_capaian(2023, ip_asn=None)
    a1 = next(a for a in result.level("kegiatan") if a.code == "A.1")
    assert (a1.anggaran, a1.realisasi) == (D(314256760), D(308565999))
    assert a1.quarters[3] == D(142123199)  # with A.1.e's Q4, unlike the printed A.1 row
    a1e = next(a for a in result.level("sub_kegiatan") if a.code == "A.1.e")
    assert (a1e.anggaran, a1e.realisasi, a1e.persen) == (D(86665610), D(85579999), D("98.75"))


def test_every_indicator_has_target_realisation_and_capaian(seed):
    indicators = year_capaian(2023, ip_asn=None).indicators

    def find(code, start):
        return next(i for i in indicators if i.code == code and i.indicator.startswith(start))

    a3a = find("A.3.a", "Jumlah Dokumen")
    assert (a3a.target, a3a.realisasi, a3a.capaian, a3a.predikat) == (
        D(2892),
        D(3293),
        D("113.87"),
        "Sangat Baik",
    )
    kualifikasi = find("A", "Persentase ASN yang Memiliki")  # 67/68/68/68, a level: the last
    assert (kualifikasi.aggregation, kualifikasi.realisasi) == ("last", D(68))
    zero = find("C.1.b", "Jumlah Dokumen RKA")
    assert zero.capaian is None and "Target 0" in zero.note
    none = find("C.4", "Persentase")
    assert none.realisasi is None and none.note == "Belum ada realisasi."


SEED_IKU = [
    ("Indeks Profesionalitas ASN", D("66.75"), D("66.90"), D("100.22")),
    ("Indeks kualifikasi pendidikan ASN", D("13.00"), D("12.38"), D("95.23")),
    ("Indeks Kinerja ASN", D("26.00"), D("25.44"), D("97.85")),
    ("Indeks Disiplin ASN", D("4.99"), D("4.99"), D("100.00")),
    ("Indeks Kompetensi ASN", D("22.76"), D("24.09"), D("105.84")),
]


def test_manual_iku_realisation_gives_the_seeds_capaian(seed):
    iku = year_capaian(2023, ip_asn=None).iku
    assert [(i.indicator, i.target, i.realisasi, i.capaian) for i in iku] == SEED_IKU
    assert {i.source for i in iku} == {"manual"}
    assert {i.target_source for i in iku} == {"Perjanjian Kinerja versi 1"}


def test_formula_indicators_take_the_ip_asn_engines_values(seed, world):
    computed = compute_ip_asn(2023)
    iku = {i.formula: i for i in year_capaian(2023).iku}
    for sub in computed.sub_indices:
        if sub.code not in iku:
            continue
        result = iku[sub.code]
        if sub.rounded is None:  # e.g. nobody with a 2023 SKP among the personas
            assert result.source == "manual" and result.note
        else:
            assert (result.source, result.realisasi) == ("formula", sub.rounded)
    assert any(i.source == "formula" for i in iku.values())


def test_verified_only_leaves_out_quarters_in_progress(seed, perencana):
    quarter = RealisasiTriwulan.objects.get(indikator__kode="C.1.a", triwulan=3)
    save_realisasi(quarter, k=D(1), rp=D(1000), actor=perencana)
    everything = year_capaian(2023, ip_asn=None)
    verified = year_capaian(2023, ip_asn=None, verified_only=True)
    assert everything.total.realisasi - verified.total.realisasi == D(1000)
    run_realisasi(quarter, "ajukan", actor=perencana)
    assert year_capaian(2023, ip_asn=None, verified_only=True).total.realisasi == (
        verified.total.realisasi
    )


def test_capaian_configuration_applies_from_its_year(seed, perencana):
    PengaturanCapaian.objects.create(
        berlaku_mulai=2023,
        desimal=1,
        pembulatan="truncate",
        predikat=[[100, "Tercapai"], [None, "Belum"]],
    )
    iku = {i.indicator: i for i in year_capaian(2023, ip_asn=None).iku}
    assert iku["Indeks Kinerja ASN"].capaian == D("97.8")  # 97.846… truncated to one decimal
    assert iku["Indeks Kinerja ASN"].predikat == "Belum"
    assert iku["Indeks Kompetensi ASN"].predikat == "Tercapai"


def test_the_json_keeps_decimals_as_text(seed):
    payload = year_capaian(2023, ip_asn=None).as_json()
    assert payload["anggaran"]["total"]["persen"] == "98.71"
    assert [p["persen"] for p in payload["anggaran"]["program"]] == ["96.71", "93.39", "99.53"]
    b1 = next(i for i in payload["indikator"] if i["kode"] == "B.1")
    assert (b1["target"], b1["realisasi"], b1["capaian"]) == ("5.54", "3.55", "64.08")
