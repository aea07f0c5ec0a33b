"""A regency whose 2023 data has exactly the seed's IP ASN counts (iku_inputs_2023.csv), plus
people and history rows that must NOT count, built with bulk inserts in about a second."""

from datetime import date

from sikap.org.models import UnitKerja
from sikap.people.models import Pegawai, RiwayatDiklat, RiwayatHukdis, RiwayatSkp

PNS = 5508
PPPK = 337
# PNS by jabatan: [0, 400) structural (20 JPT, 80 JA, 300 JP), [400, 4300) JF, [4300, 5508)
# pelaksana — enough of each for the seed's training counts.
JABATAN = [("jpt", 20), ("ja", 80), ("jp", 300), ("jf", 3900), ("pelaksana", 1208)]
# BKN tingkat pendidikan code per IP ASN jenjang, with the seed's counts.
PENDIDIKAN = [
    ("45", 235), ("40", 3363), ("35", 141), ("30", 666), ("25", 55), ("20", 8), ("15", 729),
    ("10", 241), ("05", 70),
]  # fmt: skip
SKP = [("sangat_baik", 546), ("baik", 5290), ("butuh_perbaikan", 5), ("kurang", 2),
       ("sangat_kurang", 2)]  # fmt: skip
# (kategori, jp, first PNS index, how many): the seed's six training counts.
DIKLAT = [
    ("kepemimpinan", 40, 0, 298),  # structural
    ("fungsional", 30, 400, 9),  # JF
    ("teknis", 20, 0, 3060),  # structural + JF
    ("teknis", 24, 4300, 894),  # pelaksana
    ("seminar", 8, 0, 4229),  # structural + JF
    ("seminar", 4, 4300, 1132),  # pelaksana
]


def _spread(pairs):
    return [value for value, n in pairs for _ in range(n)]


def _pegawai(n, *, opd, unit, status, kedudukan="aktif", jenis_jabatan="", tingkat="40"):
    return Pegawai(
        nip=f"1980010120050{n:05d}",
        nama=f"Pegawai {n:05d}",
        tanggal_lahir=date(1980, 1, 1),
        jenis_kelamin="L",
        status=status,
        kedudukan=kedudukan,
        opd=opd,
        unit=unit,
        jenis_jabatan=jenis_jabatan,
        tingkat_pendidikan=tingkat,
    )


def build_seed_population(opds) -> dict:
    """PNS alternate between the given OPDs. Returns {"pns": [...], "pppk": [...]}."""
    units = {u.opd_id: u for u in UnitKerja.objects.filter(opd__in=opds, induk=None)}
    jabatan, pendidikan = _spread(JABATAN), _spread(PENDIDIKAN)
    pns = [
        _pegawai(
            i,
            opd=opds[i % len(opds)],
            unit=units[opds[i % len(opds)].pk],
            status="pns",
            jenis_jabatan=jabatan[i],
            tingkat=pendidikan[i],
        )
        for i in range(PNS)
    ]
    pppk = [
        _pegawai(PNS + i, opd=opds[0], unit=units[opds[0].pk], status="pppk", jenis_jabatan="jf")
        for i in range(PPPK)
    ]
    n = PNS + PPPK
    # Not counted: a retired PNS, a CPNS, a PPPK whose last SKP is 2022.
    pensiun = _pegawai(n, opd=opds[0], unit=units[opds[0].pk], status="pns", kedudukan="pensiun",
                       jenis_jabatan="jpt", tingkat="50")  # fmt: skip
    cpns = _pegawai(n + 1, opd=opds[0], unit=units[opds[0].pk], status="cpns", jenis_jabatan="jf")
    pppk_2022 = _pegawai(n + 2, opd=opds[0], unit=units[opds[0].pk], status="pppk")
    Pegawai.objects.bulk_create([*pns, *pppk, pensiun, cpns, pppk_2022], batch_size=1000)
    rated = pns + pppk

    skp = [
        RiwayatSkp(pegawai=p, tahun=2023, predikat=v)
        for p, v in zip(rated, _spread(SKP), strict=True)
    ]
    skp += [RiwayatSkp(pegawai=p, tahun=2022, predikat="sangat_kurang") for p in pns[:100]]
    skp += [RiwayatSkp(pegawai=p, tahun=2023, predikat="sangat_baik") for p in (pensiun, cpns)]
    skp.append(RiwayatSkp(pegawai=pppk_2022, tahun=2022, predikat="baik"))
    RiwayatSkp.objects.bulk_create(skp, batch_size=1000)

    # Distinct PNS: 5 ringan, 2 sedang, 7 berat in 2023. The first berat also has a ringan
    # (heaviest counts), and a 2021 berat and a retired person's berat fall outside.
    levels = ["ringan"] * 5 + ["sedang"] * 2 + ["berat"] * 7
    hukdis = [
        RiwayatHukdis(pegawai=pns[100 + i], tingkat=t, jenis="-", tmt=date(2023, 3, 1))
        for i, t in enumerate(levels)
    ]
    hukdis.append(
        RiwayatHukdis(pegawai=pns[107], tingkat="ringan", jenis="-", tmt=date(2023, 9, 1))
    )
    hukdis.append(RiwayatHukdis(pegawai=pns[200], tingkat="berat", jenis="-", tmt=date(2021, 5, 1)))
    hukdis.append(RiwayatHukdis(pegawai=pensiun, tingkat="berat", jenis="-", tmt=date(2023, 1, 2)))
    RiwayatHukdis.objects.bulk_create(hukdis)

    def course(p, kategori, jp, selesai=date(2023, 6, 30)):
        return RiwayatDiklat(
            pegawai=p, kategori=kategori, nama=kategori, jp=jp,
            tanggal_mulai=date(selesai.year, 1, 10), tanggal_selesai=selesai,
        )  # fmt: skip

    diklat = [
        course(pns[i], kategori, jp)
        for kategori, jp, first, count in DIKLAT
        for i in range(first, first + count)
    ]
    # Not counted again or at all: a second seminar, courses under 20 JP or from 2022, a
    # pelaksana's leadership course, a PPPK's technical course.
    diklat += [course(p, "seminar", 2, date(2023, 11, 1)) for p in pns[:50]]
    diklat += [course(p, "teknis", 19) for p in pns[3060:3100]]
    diklat += [course(p, "teknis", 40, date(2022, 12, 31)) for p in pns[3100:3200]]
    diklat += [course(p, "kepemimpinan", 40) for p in pns[5400:5410]]
    diklat += [course(p, "teknis", 30) for p in pppk[:20]]
    RiwayatDiklat.objects.bulk_create(diklat, batch_size=1000)
    return {"pns": pns, "pppk": pppk}
