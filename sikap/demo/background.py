"""Schooling and family of a demo pegawai."""

import random
from datetime import date, timedelta

from sikap.demo import catalogue as cat
from sikap.demo.career import AS_OF, add_years
from sikap.demo.identity import Identities
from sikap.rules.dates import usia
from sikap.rules.education import jenjang

_NAKES_DIPLOMA = {
    "Perawat",
    "Bidan",
    "Pranata Laboratorium Kesehatan",
    "Sanitarian",
    "Perekam Medis",
    "Nutrisionis",
    "Radiografer",
    "Asisten Apoteker",
}
_YEARS_AFTER_SLTA = {"D1": 1, "D2": 2, "D3": 3, "D4": 4, "S1": 4}


def jurusan_for(rng: random.Random, bidang: str) -> str:
    return rng.choice(cat.JURUSAN.get(bidang, cat.JURUSAN["*"]))


def pendidikan_rows(
    rng: random.Random,
    *,
    tanggal_lahir: date,
    tingkat: str,
    s2_in_service: int | None,
    tmt: date,
    bidang: str,
    jurusan: str,
    kecamatan: str,
) -> list[dict]:
    """Diplomas from SD up to `tingkat` (BKN code) for someone appointed at `tmt`;
    `s2_in_service` is the year of an S2 earned after appointment, if any."""
    top = jenjang(tingkat)
    rows = []

    def add(code, tahun, sekolah, jurusan_=""):
        rows.append(
            {"tingkat": code, "tahun_lulus": tahun, "nama_sekolah": sekolah, "jurusan": jurusan_}
        )

    sd = tanggal_lahir.year + 12 + rng.randint(0, 1)
    add("05", sd, f"SD Negeri {rng.randint(1, cat.SD_PER_KECAMATAN)} {kecamatan}")
    if top == "SD":
        return rows
    smp_code = tingkat if top == "SMP" else "10"
    add(smp_code, sd + 3, f"SMP Negeri 1 {kecamatan}")
    if top == "SMP":
        return rows
    slta_code = tingkat if top == "SMA" else rng.choice(("15", "15", "17"))
    slta = sd + 6
    add(slta_code, slta, rng.choice(cat.SLTA[slta_code]), rng.choice(cat.JURUSAN_SLTA[slta_code]))
    if top == "SMA":
        return rows
    kampus = cat.POLTEKKES if bidang in _NAKES_DIPLOMA else rng.choice(cat.PERGURUAN_TINGGI)
    first = "40" if top == "S2" else tingkat  # an S2 stands on an S1
    lulus = min(slta + _YEARS_AFTER_SLTA[jenjang(first)] + rng.randint(0, 1), tmt.year)
    first_jurusan = jurusan
    if top == "S2" and bidang != "Guru":
        first_jurusan = (
            "Pendidikan Dokter" if bidang == "Dokter Spesialis" else jurusan_for(rng, "*")
        )
    add(first, lulus, kampus, first_jurusan)
    if top == "S2":
        s2 = s2_in_service or min(lulus + rng.randint(2, 4), tmt.year)
        add(tingkat, s2, rng.choice(cat.PERGURUAN_TINGGI), jurusan)
    return rows


def keluarga_rows(
    rng: random.Random,
    ids: Identities,
    *,
    jenis_kelamin: str,
    tanggal_lahir: date,
    kecamatan_code: str,
) -> tuple[str, list[dict]]:
    """(status_kawin, spouse and children rows) for a pegawai of this sex and age."""
    age = usia(tanggal_lahir, AS_OF)
    chance_married = 0.25 if age < 25 else 0.6 if age < 30 else 0.92
    if rng.random() >= chance_married:
        return "belum_kawin", []
    nikah = _random_day(rng, add_years(tanggal_lahir, rng.randint(min(21, age), min(30, age))))
    nikah = min(nikah, AS_OF)
    widowed = age >= 40 and rng.random() < 0.04
    rows = []
    if widowed:
        status = "janda" if jenis_kelamin == "P" else "duda"
    else:
        status = "kawin"
        spouse_sex = "P" if jenis_kelamin == "L" else "L"
        # Wives are mostly younger, husbands older; nobody marries before 19.
        gap = rng.randint(-2, 6) * (1 if spouse_sex == "P" else -1)
        spouse_born = min(_random_day(rng, add_years(tanggal_lahir, gap)), add_years(nikah, -19))
        rows.append(
            {
                "hubungan": "istri" if spouse_sex == "P" else "suami",
                "nama": ids.nama(spouse_sex),
                "jenis_kelamin": spouse_sex,
                "tanggal_lahir": spouse_born,
                "tempat_lahir": rng.choice(cat.TEMPAT_LAHIR),
                "nik": ids.nik(kecamatan_code, spouse_born, spouse_sex),
                "tanggal_nikah": nikah,
                "pekerjaan": rng.choice(cat.PEKERJAAN_PASANGAN),
                "tertanggung": True,
            }
        )
    born = nikah
    dependants = 0
    for _ in range(rng.choices((0, 1, 2, 3, 4), weights=(10, 25, 35, 20, 10))[0]):
        born = _random_day(rng, add_years(born, rng.randint(1, 4)))
        if born > AS_OF:
            break
        sex = rng.choice("LP")
        # Tunjangan anak covers at most two children under 21.
        dependant = dependants < 2 and usia(born, AS_OF) < 21
        dependants += dependant
        rows.append(
            {
                "hubungan": "anak",
                "nama": ids.nama(sex),
                "jenis_kelamin": sex,
                "tanggal_lahir": born,
                "tempat_lahir": "Lumajang",
                "nik": ids.nik(kecamatan_code, born, sex),
                "tertanggung": dependant,
            }
        )
    return status, rows


def _random_day(rng: random.Random, around: date) -> date:
    return around + timedelta(days=rng.randint(0, 300))
