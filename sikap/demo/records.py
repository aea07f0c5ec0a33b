"""SKP ratings, disciplinary punishments and training, distributed to hit the seed's counts.

Each count is drawn exactly once over a fixed population, so the 2023 figures are exact by
construction; older years get plausible, unconstrained records. Nobody is punished in
2019–2022, so a five-year discipline window gives the same counts as the year alone, and no
extra *qualifying* training is given in 2023 (only teknis under 20 JP as noise).
"""

import random
from dataclasses import dataclass
from datetime import date, timedelta

from sikap.demo import catalogue as cat
from sikap.demo.career import AS_OF, SkNumbers
from sikap.demo.data import PersonData
from sikap.demo.targets import Targets

YEAR = AS_OF.year
_NOISE_TEKNIS_SHARE = 0.10
_SKP_LAIN = (
    ("sangat_baik", 9.0),
    ("baik", 90.6),
    ("butuh_perbaikan", 0.3),
    ("kurang", 0.08),
    ("sangat_kurang", 0.02),
)
_NAKES = {
    "Perawat",
    "Bidan",
    "Dokter",
    "Dokter Gigi",
    "Dokter Spesialis",
    "Apoteker",
    "Pranata Laboratorium Kesehatan",
    "Sanitarian",
    "Perekam Medis",
    "Nutrisionis",
    "Radiografer",
    "Asisten Apoteker",
    "Administrator Kesehatan",
    "Epidemiolog Kesehatan",
}


@dataclass(eq=False)  # identity: profiles go into sets
class Profile:
    """What the record distribution needs to know about a person."""

    person: PersonData
    pns: bool
    group: str  # struktural, fungsional or pelaksana
    jenis: str  # jenis jabatan
    bidang: str  # JF base name, "*" otherwise
    start: date  # TMT CPNS or PPPK contract
    tmt_jabatan: date


def _random_date(rng: random.Random, start: date, end: date) -> date:
    return start + timedelta(days=rng.randint(0, (end - start).days))


def _add_months(d: date, months: int) -> date:
    """Same day `months` later; days past the 28th become the 28th (every month has one)."""
    y, m = divmod(d.month - 1 + months, 12)
    return date(d.year + y, m + 1, min(d.day, 28))


def _sample(rng: random.Random, pool: list[Profile], n: int) -> list[Profile]:
    return rng.sample(pool, min(n, len(pool)))


def assign_hukdis(
    rng: random.Random, profiles: list[Profile], t: Targets, sk: SkNumbers
) -> dict[str, list[Profile]]:
    """The year's punished PNS by tingkat, plus older (before 2019) punishments as history."""
    pool = [p for p in profiles if p.pns and p.group != "struktural"]
    chosen = _sample(rng, pool, sum(t.hukdis.values()))
    punished: dict[str, list[Profile]] = {}
    for tingkat, n in t.hukdis.items():
        punished[tingkat], chosen = chosen[:n], chosen[n:]
        for p in punished[tingkat]:
            _hukdis(rng, p, tingkat, _random_date(rng, date(YEAR, 1, 9), date(YEAR, 11, 30)), sk)
    taken = {p for ps in punished.values() for p in ps}
    veterans = [p for p in pool if p.start.year <= 2014 and p not in taken]
    for p in _sample(rng, veterans, len(pool) // 200):
        tingkat = rng.choices(list(cat.HUKDIS), weights=(6, 3, 1))[0]
        _hukdis(
            rng,
            p,
            tingkat,
            _random_date(rng, date(max(p.start.year + 2, 2010), 1, 1), date(2018, 12, 31)),
            sk,
        )
    return punished


def _hukdis(rng, p: Profile, tingkat: str, tmt: date, sk: SkNumbers) -> None:
    jenis, days_lo, days_hi, months = rng.choice(cat.HUKDIS[tingkat])
    p.person.riwayat_hukdis.append(
        {
            "tingkat": tingkat,
            "jenis": jenis,
            "tmt": tmt,
            "tanggal_selesai": _add_months(tmt, months) if months else None,
            "alasan": f"Tidak masuk kerja tanpa alasan yang sah selama "
            f"{rng.randint(days_lo, days_hi)} hari kerja dalam satu tahun",
            **sk.sk("hukdis", tmt),
        }
    )


def assign_skp(
    rng: random.Random, profiles: list[Profile], t: Targets, punished: dict[str, list[Profile]]
) -> None:
    """SKP of the year for every ASN (the seed's exact counts) and of the year before."""
    # The weakest ratings go first to people punished that year: a misconduct rating and a
    # punishment for absence usually come together.
    candidates = {
        "sangat_kurang": punished.get("berat", [])[:2],
        "kurang": punished.get("berat", [])[2:4],
        "butuh_perbaikan": punished.get("sedang", []) + punished.get("ringan", []),
    }
    rated: set[Profile] = set()  # membership only: a set's order is not deterministic
    for predikat in ("sangat_kurang", "kurang", "butuh_perbaikan", "sangat_baik"):
        n = t.skp[predikat]
        first = [p for p in candidates.get(predikat, []) if p not in rated][:n]
        rated.update(first)
        rest = [p for p in profiles if p not in rated]
        for p in first + _sample(rng, rest, n - len(first)):
            p.person.riwayat_skp.append({"tahun": YEAR, "predikat": predikat})
            rated.add(p)
    for p in profiles:
        if p not in rated:
            p.person.riwayat_skp.append({"tahun": YEAR, "predikat": "baik"})
    labels, weights = zip(*_SKP_LAIN, strict=True)
    for p in profiles:
        if p.start <= date(YEAR - 1, 6, 30):
            p.person.riwayat_skp.insert(
                0, {"tahun": YEAR - 1, "predikat": rng.choices(labels, weights)[0]}
            )


def assign_diklat(rng: random.Random, profiles: list[Profile], t: Targets) -> None:
    pns = [p for p in profiles if p.pns]
    struktural = [p for p in pns if p.group == "struktural"]
    fungsional = [p for p in pns if p.group == "fungsional"]
    pelaksana = [p for p in pns if p.group == "pelaksana"]
    pools = {
        "struktural": struktural,
        "fungsional": fungsional,
        "pelaksana": pelaksana,
        "struktural_fungsional": struktural + fungsional,
    }
    pim_2023 = set()
    for (kategori, group), n in t.diklat.items():
        for p in _sample(rng, pools[group], n):
            _diklat_2023(rng, p, kategori)
            if kategori == "kepemimpinan":
                pim_2023.add(p)
    for p in _sample(rng, pns, int(len(pns) * _NOISE_TEKNIS_SHARE)):
        _training(
            rng,
            p,
            "teknis",
            _random_date(rng, date(YEAR, 1, 9), date(YEAR, 12, 15)),
            jp=rng.choice((8, 10, 12, 16)),
        )
    for p in pns:
        _older_training(rng, p, has_pim_2023=p in pim_2023)


def _diklat_2023(rng, p: Profile, kategori: str) -> None:
    if kategori == "kepemimpinan":
        nama, jp = cat.PIM[p.jenis][1]
        start = _random_date(rng, date(YEAR, 2, 1), date(YEAR, 8, 1))
        _add(
            p,
            kategori,
            nama,
            cat.PENYELENGGARA_PIM[p.jenis],
            start,
            start + timedelta(days=rng.randint(100, 120)),
            jp,
        )
    elif kategori == "fungsional":
        start = _random_date(rng, date(YEAR, 2, 1), date(YEAR, 10, 31))
        _add(
            p,
            kategori,
            f"Pelatihan Penjenjangan Jabatan Fungsional {p.bidang}",
            "BPSDM Provinsi Jawa Timur",
            start,
            start + timedelta(days=rng.randint(10, 20)),
            rng.choice((40, 60, 80)),
        )
    elif kategori == "teknis":
        _training(
            rng,
            p,
            "teknis",
            _random_date(rng, date(YEAR, 1, 9), date(YEAR, 11, 15)),
            jp=rng.choice((20, 24, 30, 32, 40, 48, 60)),
        )
    else:
        _training(
            rng,
            p,
            "seminar",
            _random_date(rng, date(YEAR, 1, 9), date(YEAR, 12, 15)),
            jp=rng.choice((4, 6, 8, 16)),
        )


def _training(rng, p: Profile, kategori: str, start: date, *, jp: int) -> None:
    if kategori == "teknis":
        kind = "Guru" if p.bidang == "Guru" else "nakes" if p.bidang in _NAKES else "*"
        nama, penyelenggara = rng.choice(cat.TEKNIS[kind]), cat.PENYELENGGARA_TEKNIS[kind]
    else:
        nama, penyelenggara = rng.choice(cat.SEMINAR), rng.choice(cat.PENYELENGGARA_SEMINAR)
    _add(p, kategori, nama, penyelenggara, start, start + timedelta(days=(jp - 1) // 8), jp)


def _add(p: Profile, kategori, nama, penyelenggara, mulai, selesai, jp) -> None:
    p.person.riwayat_diklat.append(
        {
            "kategori": kategori,
            "nama": nama,
            "penyelenggara": penyelenggara,
            "tanggal_mulai": mulai,
            "tanggal_selesai": selesai,
            "jp": jp,
        }
    )


def _older_training(rng, p: Profile, *, has_pim_2023: bool) -> None:
    """Training before the seed's year: the leadership course a head took for the post,
    occasional functional training for JF, and a few technical courses and seminars."""
    first = max(p.start.year + 1, 2012)
    if first > YEAR - 1:
        return
    if p.group == "struktural" and not has_pim_2023 and p.tmt_jabatan.year < YEAR:
        year = rng.randint(max(first, p.tmt_jabatan.year), YEAR - 1)
        nama, jp = cat.PIM[p.jenis][year >= cat.PIM_REFORM_YEAR]
        start = _random_date(rng, date(year, 2, 1), date(year, 8, 1))
        _add(
            p,
            "kepemimpinan",
            nama,
            cat.PENYELENGGARA_PIM[p.jenis],
            start,
            start + timedelta(days=rng.randint(60, 120)),
            jp,
        )
    if p.group == "fungsional" and rng.random() < 0.15:
        start = _random_date(rng, date(first, 1, 9), date(YEAR - 1, 10, 31))
        _add(
            p,
            "fungsional",
            f"Pelatihan Penjenjangan Jabatan Fungsional {p.bidang}",
            "BPSDM Provinsi Jawa Timur",
            start,
            start + timedelta(days=14),
            60,
        )
    for _ in range(rng.choices((0, 1, 2, 3), weights=(25, 35, 25, 15))[0]):
        kategori = rng.choice(("teknis", "seminar"))
        start = _random_date(rng, date(first, 1, 9), date(YEAR - 1, 12, 15))
        jp = rng.choice((8, 16, 24, 32, 40)) if kategori == "teknis" else rng.choice((4, 8))
        _training(rng, p, kategori, start, jp=jp)
