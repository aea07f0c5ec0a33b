"""The eligibility list narrows its candidates in SQL before the rule decides: over a varied
population it must list exactly whom the rule, run over everyone, finds eligible or nearly
eligible, with the same answers."""

import random
from datetime import date, timedelta

from sikap.org.models import Jabatan
from sikap.pension.selectors import with_bup
from sikap.people.models import Pegawai, RiwayatHukdis, RiwayatPendidikan, RiwayatSkp
from sikap.promotion import selectors
from sikap.promotion.models import UjianDinas
from sikap.rules import promotion as rule
from sikap.rules.education import TINGKAT, tingkat_order
from sikap.rules.ranks import GOLONGAN
from tests.factories import root_unit


def populate(world, periode: date, n: int = 160) -> None:
    rng = random.Random(7)
    unit = root_unit(world.opd_b)
    jabatan = [
        Jabatan.objects.create(unit=unit, nama=f"Staf BUP {bup}", jenis="pelaksana", bup=bup)
        for bup in (58, 60)
    ]
    batas = rule.tmt_golongan_batas(periode)
    people = [
        Pegawai(
            nip=f"7{i:017d}",
            nama=f"Uji {i}",
            tanggal_lahir=rng.choice(
                (
                    date(rng.choice((1962, 1966, 1967, 1968, 1985)), rng.randint(1, 12), 28),
                    # the first birth date not retired by the period, and the day before
                    rule.lahir_sejak(periode, rng.choice((58, 60)))
                    - timedelta(days=rng.choice((0, 1))),
                )
            ),
            jenis_kelamin="P",
            status="pns" if i % 25 else "cpns",
            kedudukan="aktif" if i % 31 else "tugas_belajar",
            tmt_cpns=date(2000, 1, 1),
            opd=world.opd_b,
            unit=unit,
            jabatan=rng.choice((*jabatan, None)),
            golongan=rng.choice(GOLONGAN),
            # around the horizon, and well inside it
            tmt_golongan=rng.choice((batas, periode.replace(year=periode.year - 6)))
            + timedelta(days=rng.randint(-40, 40)),
        )
        for i in range(n)
    ]
    Pegawai.objects.bulk_create(people)
    last = rule.tahun_skp_terakhir(date(periode.year, 3, 1))
    for p in Pegawai.objects.filter(nip__startswith="7"):
        for tingkat in rng.sample(sorted(TINGKAT), rng.choice((0, 1, 1, 2))):
            RiwayatPendidikan.objects.create(pegawai=p, tingkat=tingkat, tahun_lulus=2000)
        for tahun in (last, last - 1):
            if rng.random() < 0.9:
                predikat = rng.choice(("baik", "baik", "sangat_baik", "butuh_perbaikan", "kurang"))
                RiwayatSkp.objects.create(pegawai=p, tahun=tahun, predikat=predikat)
        if rng.random() < 0.25:
            RiwayatHukdis.objects.create(
                pegawai=p,
                tingkat=rng.choice(("ringan", "sedang", "berat")),
                jenis="uji",
                tmt=periode + timedelta(days=rng.choice((-300, 20))),
                tanggal_selesai=rng.choice((None, periode - timedelta(days=1), periode)),
            )
        if rng.random() < 0.5:
            UjianDinas.objects.create(
                pegawai=p, tingkat=rng.choice(("I", "II")), tanggal=date(2020, 1, 1), nomor="S"
            )


def test_the_narrowed_list_has_exactly_the_eligible_and_nearly_eligible_of_the_rule(kp):
    periode = kp.periode
    periode.batas_usul = date(periode.tanggal.year, 3, 1)
    populate(kp.world, periode.tanggal)
    rows = list(selectors.rows_for(with_bup(selectors.considered(Pegawai.objects.all())), periode))
    data = selectors.data_for(rows, periode)
    last = rule.tahun_skp_terakhir(periode.batas_usul)
    every = {
        pk: rule.periksa(rule.REGULER, d, periode.tanggal, skp_hingga=last)
        for pk, d in data.items()
    }

    listed = {c.pegawai_id: c for c in selectors.daftar(periode, Pegawai.objects.all())}

    assert all(every[pk] == c.hasil for pk, c in listed.items())
    eligible = {pk for pk, h in every.items() if h.memenuhi}
    nearly = {pk for pk, h in every.items() if h.hampir()}
    assert eligible and {pk for pk, c in listed.items() if c.memenuhi} == eligible
    assert nearly and {pk for pk, c in listed.items() if not c.memenuhi} == nearly
    assert len(every) > 2 * len(listed)  # the narrowing left most out


def test_the_rows_carry_the_highest_diploma_and_the_counted_skp_of_the_whole_history(kp):
    periode = kp.periode
    populate(kp.world, periode.tanggal)
    people = Pegawai.objects.filter(nip__startswith="7")
    rows = selectors.rows_for(with_bup(people), periode)
    data = selectors.data_for(list(rows), periode)
    years = [rule.tahun_skp_terakhir(periode.batas_usul) - i for i in (0, 1)]
    for p in people.prefetch_related("riwayat_pendidikan", "riwayat_skp"):
        diplomas = [(e.tingkat, e.tahun_lulus) for e in p.riwayat_pendidikan.all()]
        highest = max(diplomas, key=lambda d: (tingkat_order(d[0]), d[1]), default=None)
        assert data[p.pk].pendidikan == ((highest,) if highest else ())
        skp = {s.tahun: s.predikat for s in p.riwayat_skp.all() if s.tahun in years}
        assert data[p.pk].skp == skp
