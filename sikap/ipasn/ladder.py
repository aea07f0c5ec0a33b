"""The 2019 ladder (Peraturan BKN 8/2019 as BKD Lumajang applies it in its LKj 2023).

Plain data, seeded by migration 0002 as the configuration in force from 1 January 2019. The
windows are the seed's: the SKP of the report year, punishments and trainings of the report year
itself (RULES.md §0); BKN's own reading (previous year's SKP, five years of punishments) is a
later configuration with other numbers, not an edit of this one.
"""

from sikap.rules.kedudukan import IN_SERVICE

AKTIF = sorted(IN_SERVICE)
PNS_AKTIF = {"status": ["pns"], "kedudukan": AKTIF}
STRUKTURAL_JF = ["jpt", "ja", "jp", "jf"]

LADDER_2019 = {
    "nama": "Perban BKN 8/2019 — tangga LKj BKD Lumajang 2023",
    "berlaku_mulai": "2019-01-01",
    "skp_year_offset": 0,
    "hukdis_years": 1,
    "diklat_years": 1,
    "pembulatan": "half_up",
    "desimal": 2,
    "keterangan": (
        "Bobot dan populasi seperti pada LKj BKD Kabupaten Lumajang 2023: kualifikasi, disiplin "
        "dan kompetensi atas PNS aktif; kinerja atas PNS dan PPPK yang memiliki SKP tahun "
        "laporan. Hukuman disiplin dan diklat dihitung dalam tahun laporan."
    ),
    "dimensions": [
        # kode, nama indeks, populasi, [(kode, nama, bobot, syarat)]
        ("kualifikasi", "Indeks Kualifikasi Pendidikan ASN", PNS_AKTIF, [
            ("s3", "S3", "25", {"jenjang": ["S3"]}),
            ("s2", "S2", "20", {"jenjang": ["S2"]}),
            ("s1", "S1", "15", {"jenjang": ["S1"]}),
            ("d4", "D4", "15", {"jenjang": ["D4"]}),
            ("d3", "D3", "10", {"jenjang": ["D3"]}),
            ("d2", "D2", "5", {"jenjang": ["D2"]}),
            ("d1", "D1", "5", {"jenjang": ["D1"]}),
            ("sma", "SMA", "5", {"jenjang": ["SMA"]}),
            ("smp", "SMP", "1", {"jenjang": ["SMP"]}),
            ("sd", "SD", "1", {"jenjang": ["SD"]}),
        ]),
        ("kinerja", "Indeks Kinerja ASN", {
            "status": ["pns", "pppk"],
            "kedudukan": AKTIF,
            "predikat": ["sangat_baik", "baik", "butuh_perbaikan", "kurang", "sangat_kurang"],
        }, [
            ("sangat_baik", "SKP Sangat Baik", "30", {"predikat": ["sangat_baik"]}),
            ("baik", "SKP Baik", "25", {"predikat": ["baik"]}),
            # The seed's LKj names these three by the PP 46/2011 words: cukup, sedang, kurang.
            ("butuh_perbaikan", "SKP Butuh Perbaikan", "15", {"predikat": ["butuh_perbaikan"]}),
            ("kurang", "SKP Kurang", "5", {"predikat": ["kurang"]}),
            ("sangat_kurang", "SKP Sangat Kurang", "1", {"predikat": ["sangat_kurang"]}),
        ]),
        ("disiplin", "Indeks Disiplin ASN", PNS_AKTIF, [
            ("tidak_ada", "Tidak pernah HD", "5", {"hukdis_terberat": ["tidak_ada"]}),
            ("ringan", "HD Ringan", "3", {"hukdis_terberat": ["ringan"]}),
            ("sedang", "HD Sedang", "2", {"hukdis_terberat": ["sedang"]}),
            ("berat", "HD Berat", "1", {"hukdis_terberat": ["berat"]}),
        ]),
        ("kompetensi", "Indeks Kompetensi ASN", PNS_AKTIF, [
            ("pim", "Diklat PIM (JPT, JA, JP)", "15",
             {"diklat": {"kategori": "kepemimpinan"}, "jenis_jabatan": ["jpt", "ja", "jp"]}),
            ("fungsional", "Diklat Fungsional (JF)", "15",
             {"diklat": {"kategori": "fungsional"}, "jenis_jabatan": ["jf"]}),
            ("teknis", "Diklat Teknis ≥ 20 JP — JPT, JA, JP, JF", "15",
             {"diklat": {"kategori": "teknis", "min_jp": 20}, "jenis_jabatan": STRUKTURAL_JF}),
            ("teknis_pelaksana", "Diklat Teknis ≥ 20 JP — Jabatan Pelaksana", "22.5",
             {"diklat": {"kategori": "teknis", "min_jp": 20}, "jenis_jabatan": ["pelaksana"]}),
            ("seminar", "Seminar/workshop/kursus/magang — JPT, JA, JP, JF", "10",
             {"diklat": {"kategori": "seminar"}, "jenis_jabatan": STRUKTURAL_JF}),
            ("seminar_pelaksana", "Seminar/workshop/kursus/magang — Jabatan Pelaksana", "17.5",
             {"diklat": {"kategori": "seminar"}, "jenis_jabatan": ["pelaksana"]}),
        ]),
    ],
    # Upper bound (inclusive) of each band; the lower bound is the previous band's upper.
    "bands": [
        ("Sangat Rendah", "60"),
        ("Rendah", "70"),
        ("Sedang", "80"),
        ("Tinggi", "90"),
        ("Sangat Tinggi", "100"),
    ],
}  # fmt: skip
