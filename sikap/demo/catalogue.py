"""Reference lists the demo regency is built from: Lumajang's OPDs, kecamatan, positions, schools.

Plain data only. Names follow Lumajang's organisation where known; coordinates are approximate
office locations around the town centre (-8.13, 113.22).
"""

# The seed's 2023 counts (data/lumajang-2023/iku_inputs_2023.csv) that the demo reproduces.
PNS_COUNT = 5508
PPPK_COUNT = 337
# IP ASN jenjang → PNS with that highest diploma.
PENDIDIKAN_2023 = {
    "S3": 0, "S2": 235, "S1": 3363, "D4": 141, "D3": 666,
    "D2": 55, "D1": 8, "SMA": 729, "SMP": 241, "SD": 70,
}  # fmt: skip
# SKP 2023 of every ASN; the seed's cukup/sedang/kurang are rungs 3–5 of PermenPANRB 6/2022.
SKP_2023 = {
    "sangat_baik": 546, "baik": 5290, "butuh_perbaikan": 5, "kurang": 2, "sangat_kurang": 2,
}  # fmt: skip
HUKDIS_2023 = {"ringan": 5, "sedang": 2, "berat": 7}
# PNS with a qualifying training completed in 2023, per category and position group.
DIKLAT_2023 = {
    ("kepemimpinan", "struktural"): 298,
    ("fungsional", "fungsional"): 9,
    ("teknis", "struktural_fungsional"): 3060,
    ("teknis", "pelaksana"): 894,
    ("seminar", "struktural_fungsional"): 4229,
    ("seminar", "pelaksana"): 1132,
}
# Not a seed figure: enough pelaksana for the seed's 1,132 pelaksana at seminars, and few enough
# that the 4,229 JPT/JA/JP/JF at seminars fit in the rest.
PELAKSANA_COUNT = 1208

# Kemendagri code (35.08.xx) and approximate office coordinates of Lumajang's 21 kecamatan.
KECAMATAN = (
    ("01", "Tempursari", -8.3010, 112.9785),
    ("02", "Pronojiwo", -8.2170, 112.9350),
    ("03", "Candipuro", -8.1870, 113.0610),
    ("04", "Pasirian", -8.2240, 113.1130),
    ("05", "Tempeh", -8.2140, 113.1580),
    ("06", "Kunir", -8.2270, 113.2540),
    ("07", "Yosowilangun", -8.2340, 113.3010),
    ("08", "Rowokangkung", -8.1660, 113.3310),
    ("09", "Tekung", -8.1500, 113.2700),
    ("10", "Lumajang", -8.1335, 113.2245),
    ("11", "Pasrujambe", -8.1520, 113.0480),
    ("12", "Senduro", -8.0930, 113.0880),
    ("13", "Gucialit", -8.0580, 113.1320),
    ("14", "Padang", -8.0700, 113.2280),
    ("15", "Sukodono", -8.1080, 113.1810),
    ("16", "Kedungjajang", -8.0420, 113.2430),
    ("17", "Jatiroto", -8.1210, 113.3560),
    ("18", "Randuagung", -8.0680, 113.3020),
    ("19", "Klakah", -7.9930, 113.2530),
    ("20", "Ranuyoso", -7.9620, 113.2920),
    ("21", "Sumbersuko", -8.1760, 113.1960),
)
KELURAHAN_LUMAJANG = (
    "Ditotrunan", "Jogotrunan", "Jogoyudan", "Citrodiwangsan", "Tompokersan", "Rogotrunan",
    "Kepuharjo",
)  # fmt: skip
PUSKESMAS_TAMBAHAN = ("Rogotrunan", "Labruk Kidul", "Penanggal", "Bades")

SEKRETARIAT = (
    "Sekretariat",
    ("Subbagian Umum dan Kepegawaian", "Subbagian Keuangan", "Subbagian Perencanaan dan Pelaporan"),
)

# kode, nama, singkatan, kind, bidang [(nama, (seksi…))], pelaksana weight
# kind: setda, setwan, inspektorat, dinas (Kepala Dinas/Badan is JPT II.b), rsud
_DINAS = "dinas"
OPD_LAIN = (
    ("SETDA", "Sekretariat Daerah", "Setda", "setda", (), 150),
    ("SETWAN", "Sekretariat Dewan Perwakilan Rakyat Daerah", "Setwan", "setwan", (), 45),
    ("INSPEKTORAT", "Inspektorat", "Inspektorat", "inspektorat", (), 25),
    (
        "BAPPEDA",
        "Badan Perencanaan Pembangunan Daerah",
        "Bappeda",
        _DINAS,
        (
            (
                "Bidang Perencanaan, Pengendalian dan Evaluasi Pembangunan Daerah",
                ("Subbidang Perencanaan dan Pendanaan", "Subbidang Pengendalian dan Evaluasi"),
            ),
            (
                "Bidang Perekonomian dan Sumber Daya Alam",
                ("Subbidang Perekonomian", "Subbidang Sumber Daya Alam"),
            ),
            (
                "Bidang Infrastruktur dan Kewilayahan",
                ("Subbidang Infrastruktur", "Subbidang Kewilayahan"),
            ),
            (
                "Bidang Pemerintahan dan Pembangunan Manusia",
                ("Subbidang Pemerintahan", "Subbidang Pembangunan Manusia"),
            ),
            (
                "Bidang Penelitian dan Pengembangan",
                ("Subbidang Penelitian", "Subbidang Inovasi dan Teknologi"),
            ),
        ),
        30,
    ),
    (
        "BKD",
        "Badan Kepegawaian Daerah",
        "BKD",
        _DINAS,
        (
            (
                "Bidang Pengadaan, Pemberhentian dan Informasi",
                (
                    "Subbidang Pengadaan dan Pemberhentian",
                    "Subbidang Data dan Informasi Kepegawaian",
                ),
            ),
            (
                "Bidang Mutasi dan Promosi",
                ("Subbidang Mutasi", "Subbidang Promosi dan Kepangkatan"),
            ),
            (
                "Bidang Pengembangan Sumber Daya Manusia",
                ("Subbidang Pengembangan Kompetensi", "Subbidang Pendidikan dan Pelatihan"),
            ),
            (
                "Bidang Penilaian Kinerja Aparatur dan Penghargaan",
                ("Subbidang Penilaian Kinerja", "Subbidang Disiplin dan Penghargaan"),
            ),
        ),
        40,
    ),
    (
        "BPKAD",
        "Badan Pengelolaan Keuangan dan Aset Daerah",
        "BPKAD",
        _DINAS,
        (
            (
                "Bidang Anggaran",
                ("Subbidang Penyusunan Anggaran", "Subbidang Pengendalian Anggaran"),
            ),
            ("Bidang Perbendaharaan", ("Subbidang Belanja", "Subbidang Kas Daerah")),
            ("Bidang Akuntansi", ("Subbidang Akuntansi", "Subbidang Pelaporan Keuangan")),
            ("Bidang Aset", ("Subbidang Penatausahaan Aset", "Subbidang Pemanfaatan Aset")),
        ),
        55,
    ),
    (
        "DINDIK",
        "Dinas Pendidikan",
        "Dindik",
        _DINAS,
        (
            (
                "Bidang Pembinaan Sekolah Dasar",
                (
                    "Seksi Kurikulum dan Penilaian SD",
                    "Seksi Kelembagaan dan Sarana Prasarana SD",
                    "Seksi Peserta Didik dan Pembangunan Karakter SD",
                ),
            ),
            (
                "Bidang Pembinaan Sekolah Menengah Pertama",
                (
                    "Seksi Kurikulum dan Penilaian SMP",
                    "Seksi Kelembagaan dan Sarana Prasarana SMP",
                    "Seksi Peserta Didik dan Pembangunan Karakter SMP",
                ),
            ),
            (
                "Bidang Pembinaan PAUD dan Pendidikan Nonformal",
                ("Seksi Kurikulum PAUD dan PNF", "Seksi Kelembagaan PAUD dan PNF"),
            ),
            (
                "Bidang Guru dan Tenaga Kependidikan",
                (
                    "Seksi Pendidik dan Tenaga Kependidikan SD",
                    "Seksi Pendidik dan Tenaga Kependidikan SMP",
                ),
            ),
        ),
        300,
    ),
    (
        "DINKES",
        "Dinas Kesehatan",
        "Dinkes",
        _DINAS,
        (
            (
                "Bidang Kesehatan Masyarakat",
                (
                    "Seksi Kesehatan Keluarga dan Gizi",
                    "Seksi Promosi dan Pemberdayaan Masyarakat",
                    "Seksi Kesehatan Lingkungan, Kesehatan Kerja dan Olahraga",
                ),
            ),
            (
                "Bidang Pencegahan dan Pengendalian Penyakit",
                (
                    "Seksi Surveilans dan Imunisasi",
                    "Seksi Pencegahan dan Pengendalian Penyakit Menular",
                    "Seksi Pencegahan dan Pengendalian Penyakit Tidak Menular dan Kesehatan Jiwa",
                ),
            ),
            (
                "Bidang Pelayanan Kesehatan",
                (
                    "Seksi Pelayanan Kesehatan Primer",
                    "Seksi Pelayanan Kesehatan Rujukan",
                    "Seksi Pelayanan Kesehatan Tradisional",
                ),
            ),
            (
                "Bidang Sumber Daya Kesehatan",
                (
                    "Seksi Kefarmasian",
                    "Seksi Alat Kesehatan dan PKRT",
                    "Seksi Sumber Daya Manusia Kesehatan",
                ),
            ),
        ),
        130,
    ),
    ("RSUD", "RSUD dr. Haryoto", "RSUD", "rsud", (), 110),
    (
        "DPUPR",
        "Dinas Pekerjaan Umum dan Penataan Ruang",
        "DPUPR",
        _DINAS,
        (
            (
                "Bidang Bina Marga",
                ("Seksi Pembangunan Jalan dan Jembatan", "Seksi Preservasi Jalan"),
            ),
            ("Bidang Sumber Daya Air", ("Seksi Irigasi", "Seksi Sungai dan Air Baku")),
            ("Bidang Cipta Karya", ("Seksi Bangunan Gedung", "Seksi Air Minum dan Sanitasi")),
            (
                "Bidang Penataan Ruang",
                ("Seksi Perencanaan Tata Ruang", "Seksi Pengendalian Tata Ruang"),
            ),
        ),
        60,
    ),
    (
        "DISPENDUKCAPIL",
        "Dinas Kependudukan dan Pencatatan Sipil",
        "Dispendukcapil",
        _DINAS,
        (
            (
                "Bidang Pelayanan Pendaftaran Penduduk",
                ("Seksi Identitas Penduduk", "Seksi Pindah Datang Penduduk"),
            ),
            (
                "Bidang Pelayanan Pencatatan Sipil",
                ("Seksi Kelahiran dan Kematian", "Seksi Perkawinan dan Perceraian"),
            ),
            (
                "Bidang Pengelolaan Informasi Administrasi Kependudukan",
                (
                    "Seksi Sistem Informasi Administrasi Kependudukan",
                    "Seksi Pengolahan dan Penyajian Data",
                ),
            ),
            (
                "Bidang Pemanfaatan Data dan Inovasi Pelayanan",
                ("Seksi Kerja Sama", "Seksi Inovasi Pelayanan"),
            ),
        ),
        40,
    ),
    (
        "DKPP",
        "Dinas Ketahanan Pangan dan Pertanian",
        "DKPP",
        _DINAS,
        (
            (
                "Bidang Ketahanan Pangan",
                ("Seksi Ketersediaan Pangan", "Seksi Konsumsi dan Keamanan Pangan"),
            ),
            (
                "Bidang Tanaman Pangan",
                ("Seksi Produksi Tanaman Pangan", "Seksi Perlindungan Tanaman"),
            ),
            ("Bidang Hortikultura dan Perkebunan", ("Seksi Hortikultura", "Seksi Perkebunan")),
            (
                "Bidang Penyuluhan dan Sarana Prasarana Pertanian",
                ("Seksi Penyuluhan", "Seksi Sarana dan Prasarana Pertanian"),
            ),
        ),
        50,
    ),
    (
        "SATPOLPP",
        "Satuan Polisi Pamong Praja",
        "Satpol PP",
        _DINAS,
        (
            (
                "Bidang Penegakan Peraturan Daerah",
                ("Seksi Pembinaan dan Pengawasan", "Seksi Penyidikan"),
            ),
            (
                "Bidang Ketertiban Umum dan Ketenteraman Masyarakat",
                ("Seksi Operasi dan Pengendalian", "Seksi Kerja Sama"),
            ),
            (
                "Bidang Perlindungan Masyarakat",
                ("Seksi Satuan Linmas", "Seksi Bina Potensi Masyarakat"),
            ),
            (
                "Bidang Pemadam Kebakaran",
                ("Seksi Pencegahan Kebakaran", "Seksi Pemadaman dan Penyelamatan"),
            ),
        ),
        35,
    ),
)
KECAMATAN_PELAKSANA_WEIGHT = 9

SETDA = (
    (
        "Asisten Pemerintahan dan Kesejahteraan Rakyat",
        (
            (
                "Bagian Pemerintahan",
                ("Subbagian Administrasi Pemerintahan", "Subbagian Otonomi Daerah"),
            ),
            (
                "Bagian Kesejahteraan Rakyat",
                ("Subbagian Bina Mental Spiritual", "Subbagian Kesejahteraan Sosial"),
            ),
            (
                "Bagian Hukum",
                (
                    "Subbagian Perundang-undangan",
                    "Subbagian Bantuan Hukum",
                    "Subbagian Dokumentasi dan Informasi Hukum",
                ),
            ),
        ),
    ),
    (
        "Asisten Perekonomian dan Pembangunan",
        (
            (
                "Bagian Perekonomian dan Sumber Daya Alam",
                ("Subbagian Perekonomian", "Subbagian Sumber Daya Alam"),
            ),
            (
                "Bagian Administrasi Pembangunan",
                ("Subbagian Pengendalian Program", "Subbagian Evaluasi dan Pelaporan"),
            ),
            (
                "Bagian Pengadaan Barang dan Jasa",
                (
                    "Subbagian Pengelolaan Pengadaan",
                    "Subbagian Layanan Pengadaan Secara Elektronik",
                    "Subbagian Pembinaan dan Advokasi Pengadaan",
                ),
            ),
        ),
    ),
    (
        "Asisten Administrasi Umum",
        (
            (
                "Bagian Umum",
                (
                    "Subbagian Tata Usaha Pimpinan",
                    "Subbagian Rumah Tangga",
                    "Subbagian Kepegawaian",
                ),
            ),
            (
                "Bagian Organisasi",
                (
                    "Subbagian Kelembagaan dan Analisis Jabatan",
                    "Subbagian Reformasi Birokrasi",
                    "Subbagian Tata Laksana",
                ),
            ),
            (
                "Bagian Protokol dan Komunikasi Pimpinan",
                ("Subbagian Protokol", "Subbagian Komunikasi Pimpinan"),
            ),
            ("Bagian Perencanaan dan Keuangan", ("Subbagian Perencanaan", "Subbagian Keuangan")),
        ),
    ),
)
SETWAN = (
    ("Bagian Umum dan Keuangan", ("Subbagian Tata Usaha dan Kepegawaian", "Subbagian Keuangan")),
    (
        "Bagian Persidangan dan Perundang-undangan",
        ("Subbagian Rapat dan Risalah", "Subbagian Perundang-undangan"),
    ),
    (
        "Bagian Fasilitasi Penganggaran dan Pengawasan",
        ("Subbagian Penganggaran", "Subbagian Pengawasan"),
    ),
)
INSPEKTUR_PEMBANTU = tuple(f"Inspektur Pembantu Wilayah {n}" for n in ("I", "II", "III", "IV"))
RSUD_WADIR = (
    (
        "Wakil Direktur Umum dan Keuangan",
        (
            ("Bagian Umum dan Kepegawaian", ("Subbagian Tata Usaha", "Subbagian Kepegawaian")),
            ("Bagian Keuangan", ("Subbagian Perbendaharaan", "Subbagian Akuntansi")),
            ("Bagian Perencanaan", ("Subbagian Program", "Subbagian Evaluasi dan Pelaporan")),
        ),
    ),
    (
        "Wakil Direktur Pelayanan",
        (
            (
                "Bidang Pelayanan Medik",
                ("Seksi Pelayanan Medik Rawat Jalan", "Seksi Pelayanan Medik Rawat Inap"),
            ),
            (
                "Bidang Keperawatan",
                ("Seksi Asuhan Keperawatan", "Seksi Etika dan Mutu Keperawatan"),
            ),
            ("Bidang Penunjang", ("Seksi Penunjang Medik", "Seksi Penunjang Nonmedik")),
        ),
    ),
)
RSUD_INSTALASI = (
    "Instalasi Gawat Darurat", "Instalasi Rawat Inap", "Instalasi Rawat Jalan",
    "Instalasi Bedah Sentral", "Instalasi Laboratorium", "Instalasi Farmasi", "Instalasi Radiologi",
)  # fmt: skip
KECAMATAN_SEKRETARIAT = ("Subbagian Umum dan Kepegawaian", "Subbagian Perencanaan dan Keuangan")
KECAMATAN_SEKSI = (
    "Seksi Pemerintahan", "Seksi Ekonomi dan Pembangunan", "Seksi Kesejahteraan Sosial",
    "Seksi Ketenteraman dan Ketertiban Umum", "Seksi Pelayanan Umum",
)  # fmt: skip
# SD per kecamatan and extra SMP Negeri beyond one per kecamatan
SD_PER_KECAMATAN = 8
SMP_TAMBAHAN = {
    "Lumajang": 4,
    "Pasirian": 1,
    "Tempeh": 1,
    "Jatiroto": 1,
    "Klakah": 1,
    "Yosowilangun": 1,
}

# Eselon → kelas jabatan (a typical Perbup kelas jabatan; the value is illustrative).
KELAS_ESELON = {"II.a": 15, "II.b": 14, "III.a": 12, "III.b": 11, "IV.a": 9, "IV.b": 8}

# Jabatan fungsional: base name → (type, where it sits, IP ASN jenjang it suits)
# type "ahli" has levels Pertama/Muda/Madya/Utama, "terampil" Terampil/Mahir/Penyelia.
# home: "sekolah", "puskesmas" (Dinkes puskesmas and RSUD instalasi), "rsud", or OPD kode.
JF_AHLI = {
    "Guru": "sekolah",
    "Perawat": "puskesmas",
    "Bidan": "puskesmas",
    "Dokter": "puskesmas",
    "Dokter Gigi": "puskesmas",
    "Apoteker": "puskesmas",
    "Dokter Spesialis": "rsud",
    "Auditor": "INSPEKTORAT",
    "Pengawas Penyelenggaraan Urusan Pemerintahan Daerah": "INSPEKTORAT",
    "Perencana": "BAPPEDA",
    "Analis Sumber Daya Manusia Aparatur": "BKD",
    "Analis Keuangan Pusat dan Daerah": "BPKAD",
    "Penyuluh Pertanian": "DKPP",
    "Teknik Jalan dan Jembatan": "DPUPR",
    "Penata Ruang": "DPUPR",
    "Administrator Database Kependudukan": "DISPENDUKCAPIL",
    "Analis Hukum": "SETDA",
    "Pranata Hubungan Masyarakat": "SETDA",
    "Administrator Kesehatan": "DINKES",
    "Epidemiolog Kesehatan": "DINKES",
    "Analis Kebijakan": "*",
    "Pranata Komputer": "*",
    "Arsiparis": "*",
}
JF_TERAMPIL = {
    "Perawat": "puskesmas",
    "Bidan": "puskesmas",
    "Pranata Laboratorium Kesehatan": "puskesmas",
    "Sanitarian": "puskesmas",
    "Perekam Medis": "puskesmas",
    "Nutrisionis": "puskesmas",
    "Radiografer": "rsud",
    "Asisten Apoteker": "puskesmas",
    "Penyuluh Pertanian": "DKPP",
    "Polisi Pamong Praja": "SATPOLPP",
    "Pemadam Kebakaran": "SATPOLPP",
    "Pranata Komputer": "*",
    "Arsiparis": "*",
}
# Which JF a PNS with this highest jenjang holds, with weights.
JF_BY_JENJANG = {
    "S2": (
        ("ahli", "Guru", 40),
        ("ahli", "Dokter Spesialis", 20),
        ("ahli", "Auditor", 6),
        ("ahli", "Perencana", 6),
        ("ahli", "Analis Kebijakan", 10),
        ("ahli", "Analis Sumber Daya Manusia Aparatur", 4),
        ("ahli", "Analis Hukum", 4),
        ("ahli", "Administrator Kesehatan", 4),
        ("ahli", "Epidemiolog Kesehatan", 2),
        ("ahli", "Pengawas Penyelenggaraan Urusan Pemerintahan Daerah", 4),
    ),
    "S1": (
        ("ahli", "Guru", 760),
        ("ahli", "Perawat", 70),
        ("ahli", "Dokter", 30),
        ("ahli", "Dokter Gigi", 6),
        ("ahli", "Apoteker", 10),
        ("ahli", "Auditor", 8),
        ("ahli", "Pengawas Penyelenggaraan Urusan Pemerintahan Daerah", 6),
        ("ahli", "Perencana", 8),
        ("ahli", "Analis Sumber Daya Manusia Aparatur", 8),
        ("ahli", "Analis Keuangan Pusat dan Daerah", 6),
        ("ahli", "Penyuluh Pertanian", 14),
        ("ahli", "Teknik Jalan dan Jembatan", 5),
        ("ahli", "Penata Ruang", 3),
        ("ahli", "Administrator Database Kependudukan", 4),
        ("ahli", "Analis Hukum", 3),
        ("ahli", "Pranata Hubungan Masyarakat", 3),
        ("ahli", "Administrator Kesehatan", 4),
        ("ahli", "Analis Kebijakan", 10),
        ("ahli", "Pranata Komputer", 8),
        ("ahli", "Arsiparis", 4),
    ),
    "D4": (("ahli", "Bidan", 60), ("ahli", "Guru", 30), ("ahli", "Perawat", 10)),
    "D3": (
        ("terampil", "Perawat", 45),
        ("terampil", "Bidan", 30),
        ("terampil", "Pranata Laboratorium Kesehatan", 5),
        ("terampil", "Sanitarian", 4),
        ("terampil", "Perekam Medis", 3),
        ("terampil", "Nutrisionis", 3),
        ("terampil", "Radiografer", 2),
        ("terampil", "Asisten Apoteker", 3),
        ("terampil", "Penyuluh Pertanian", 3),
        ("terampil", "Pranata Komputer", 2),
    ),
    # Only when there are more SMA graduates than pelaksana posts (small --scale).
    "SMA": (("terampil", "Polisi Pamong Praja", 4), ("terampil", "Pemadam Kebakaran", 1)),
}
# PPPK hold JF only: (type, base, jenjang, PPPK golongan, TMT, weight). TMTs follow the 2021
# and 2022 PPPK intakes; the jenjang → golongan mapping is a demo assumption (RULES.md §2 [U]).
PPPK_FORMASI = (
    ("ahli", "Guru", "S1", "IX", (2022, 3, 1), 45),
    ("ahli", "Guru", "S1", "IX", (2023, 4, 1), 30),
    ("terampil", "Perawat", "D3", "VII", (2023, 4, 1), 10),
    ("terampil", "Bidan", "D3", "VII", (2023, 4, 1), 8),
    ("ahli", "Penyuluh Pertanian", "S1", "IX", (2023, 4, 1), 4),
    ("ahli", "Pranata Komputer", "S1", "IX", (2023, 4, 1), 3),
)

# Pelaksana position by highest jenjang (Permenpan-RB nomenclature).
PELAKSANA_BY_JENJANG = {
    "SD": ("Pengemudi", "Petugas Keamanan", "Pramu Kantor"),
    "SMP": ("Pengemudi", "Petugas Keamanan", "Pengadministrasi Umum", "Pramu Kantor"),
    "SMA": (
        "Pengadministrasi Umum",
        "Pengelola Data",
        "Pengadministrasi Perkantoran",
        "Pengadministrasi Keuangan",
        "Pengemudi",
        "Operator Layanan Operasional",
    ),
    "D1": ("Pengadministrasi Umum", "Pengelola Data"),
    "D2": ("Pengelola Data", "Pengadministrasi Perkantoran"),
    "D3": ("Pengelola Layanan Operasional", "Pengelola Keuangan", "Pengelola Sistem dan Jaringan"),
    "S1": (
        "Penelaah Teknis Kebijakan",
        "Penata Layanan Operasional",
        "Penyusun Rencana Kegiatan",
        "Analis Data dan Informasi",
    ),
}

# BKN tingkat codes per jenjang, drawn uniformly (SLTP/SLTA: plain or kejuruan)
TINGKAT_BY_JENJANG = {
    "SD": ("05",), "SMP": ("10", "10", "12"), "SMA": ("15", "15", "17"), "D1": ("20",),
    "D2": ("25",), "D3": ("30",), "D4": ("35",), "S1": ("40",), "S2": ("45",), "S3": ("50",),
}  # fmt: skip
SLTA = {
    "15": (
        "SMA Negeri 1 Lumajang",
        "SMA Negeri 2 Lumajang",
        "SMA Negeri 3 Lumajang",
        "SMA Negeri Tempeh",
        "SMA Negeri Pasirian",
        "SMA Negeri Klakah",
    ),
    "17": ("SMK Negeri 1 Lumajang", "SMK Negeri 2 Lumajang", "SMK Negeri Pasirian"),
}
JURUSAN_SLTA = {
    "15": ("IPA", "IPS"),
    "17": (
        "Akuntansi",
        "Administrasi Perkantoran",
        "Teknik Komputer dan Jaringan",
        "Teknik Otomotif",
    ),
}
POLTEKKES = "Poltekkes Kemenkes Malang"
PERGURUAN_TINGGI = (
    "Universitas Jember",
    "Universitas Brawijaya",
    "Universitas Negeri Malang",
    "Universitas Airlangga",
    "Universitas Negeri Surabaya",
    "Universitas Muhammadiyah Jember",
    "Universitas Islam Jember",
    "IKIP PGRI Jember",
    "STIE Widya Gama Lumajang",
    "Universitas Terbuka",
    "Institut Teknologi Sepuluh Nopember",
    "Poltekkes Kemenkes Malang",
    "Universitas Muhammadiyah Malang",
    "Universitas Gadjah Mada",
)
JURUSAN = {
    "Guru": (
        "Pendidikan Guru Sekolah Dasar",
        "Pendidikan Matematika",
        "Pendidikan Bahasa Indonesia",
        "Pendidikan Bahasa Inggris",
        "Pendidikan Ilmu Pengetahuan Alam",
        "Pendidikan Jasmani",
        "Pendidikan Agama Islam",
        "Bimbingan dan Konseling",
    ),
    "Perawat": ("Keperawatan",),
    "Bidan": ("Kebidanan",),
    "Dokter": ("Pendidikan Dokter",),
    "Dokter Gigi": ("Pendidikan Dokter Gigi",),
    "Dokter Spesialis": (
        "Ilmu Penyakit Dalam",
        "Ilmu Kesehatan Anak",
        "Obstetri dan Ginekologi",
        "Ilmu Bedah",
        "Anestesiologi",
    ),
    "Apoteker": ("Farmasi",),
    "Asisten Apoteker": ("Farmasi",),
    "Pranata Laboratorium Kesehatan": ("Analis Kesehatan",),
    "Sanitarian": ("Kesehatan Lingkungan",),
    "Perekam Medis": ("Rekam Medis dan Informasi Kesehatan",),
    "Nutrisionis": ("Gizi",),
    "Radiografer": ("Radiologi",),
    "Penyuluh Pertanian": ("Agroteknologi", "Agribisnis", "Penyuluhan Pertanian"),
    "Teknik Jalan dan Jembatan": ("Teknik Sipil",),
    "Penata Ruang": ("Perencanaan Wilayah dan Kota",),
    "Pranata Komputer": ("Teknik Informatika", "Sistem Informasi"),
    "Analis Hukum": ("Ilmu Hukum",),
    "Epidemiolog Kesehatan": ("Epidemiologi",),
    "*": (
        "Ilmu Administrasi Negara",
        "Manajemen",
        "Akuntansi",
        "Ilmu Hukum",
        "Ilmu Pemerintahan",
        "Ekonomi Pembangunan",
        "Sosiologi",
        "Teknik Sipil",
        "Ilmu Komunikasi",
    ),
}
# Degree titles by jenjang and field; "*" is the default (S1/S2 without an entry draw from the
# GELAR_*_LAIN lists).
GELAR = {
    ("S1", "Guru"): "S.Pd.", ("S1", "Perawat"): "S.Kep., Ns.", ("S1", "Apoteker"): "S.Farm., Apt.",
    ("S1", "Penyuluh Pertanian"): "S.P.", ("S1", "Teknik Jalan dan Jembatan"): "S.T.",
    ("S1", "Penata Ruang"): "S.T.", ("S1", "Pranata Komputer"): "S.Kom.",
    ("S1", "Analis Hukum"): "S.H.",
    ("D4", "Bidan"): "S.Tr.Keb.", ("D4", "*"): "S.ST.",
    ("D3", "Perawat"): "A.Md.Kep.", ("D3", "Bidan"): "A.Md.Keb.", ("D3", "*"): "A.Md.",
    ("S2", "Guru"): "M.Pd.",
}  # fmt: skip
GELAR_S1_LAIN = ("S.E.", "S.Sos.", "S.H.", "S.AP.", "S.IP.", "S.Kom.", "S.T.")
GELAR_S2_LAIN = ("M.Si.", "M.M.", "M.AP.", "M.H.", "M.Pd.")
TEMPAT_LAHIR = ("Lumajang",) * 12 + (
    "Jember",
    "Probolinggo",
    "Malang",
    "Pasuruan",
    "Surabaya",
    "Banyuwangi",
    "Bondowoso",
    "Situbondo",
    "Kediri",
    "Blitar",
)
PEKERJAAN_PASANGAN = (
    "Mengurus Rumah Tangga", "Wiraswasta", "Karyawan Swasta", "Guru", "Petani", "Pedagang",
    "Pegawai Negeri Sipil", "Perawat", "Buruh",
)  # fmt: skip

# Training. Leadership training by position (Diklatpim before the 2019 reform, PKN/PKA/PKP after).
PIM = {
    "jpt": (
        ("Diklat Kepemimpinan Tingkat II", 380),
        ("Pelatihan Kepemimpinan Nasional Tingkat II", 380),
    ),
    "ja": (("Diklat Kepemimpinan Tingkat III", 350), ("Pelatihan Kepemimpinan Administrator", 350)),
    "jp": (("Diklat Kepemimpinan Tingkat IV", 250), ("Pelatihan Kepemimpinan Pengawas", 250)),
}
PIM_REFORM_YEAR = 2019
PENYELENGGARA_PIM = {
    "jpt": "Lembaga Administrasi Negara",
    "ja": "BPSDM Provinsi Jawa Timur",
    "jp": "BPSDM Provinsi Jawa Timur",
}
TEKNIS = {
    "Guru": (
        "Pelatihan Implementasi Kurikulum Merdeka",
        "Pelatihan Pembelajaran Berdiferensiasi",
        "Pelatihan Asesmen Pembelajaran",
        "Pelatihan Guru Penggerak",
    ),
    "nakes": (
        "Pelatihan Basic Trauma Cardiac Life Support",
        "Pelatihan Pencegahan dan Pengendalian Infeksi",
        "Pelatihan Manajemen Puskesmas",
        "Pelatihan Asuhan Persalinan Normal",
        "Pelatihan Tata Laksana Gizi Buruk",
    ),
    "*": (
        "Pelatihan Pengelolaan Keuangan Daerah",
        "Pelatihan Pengadaan Barang/Jasa Pemerintah",
        "Pelatihan Pelayanan Publik Prima",
        "Pelatihan Penyusunan SKP dan Manajemen Kinerja",
        "Pelatihan Pengelolaan Arsip Dinamis",
        "Pelatihan Analisis Jabatan dan Beban Kerja",
        "Pelatihan Sistem Informasi Pemerintahan Daerah",
        "Pelatihan Penyusunan Produk Hukum Daerah",
    ),
}
PENYELENGGARA_TEKNIS = {
    "Guru": "Balai Guru Penggerak Provinsi Jawa Timur",
    "nakes": "Bapelkes Provinsi Jawa Timur",
    "*": "BPSDM Provinsi Jawa Timur",
}
SEMINAR = (
    "Seminar Reformasi Birokrasi dan Zona Integritas",
    "Workshop Penyusunan Rencana Aksi",
    "Seminar Moderasi Beragama bagi ASN",
    "Workshop Literasi Digital ASN",
    "Kursus Bahasa Inggris",
    "Seminar Pencegahan Korupsi",
    "Workshop Manajemen Talenta ASN",
    "Magang Pelayanan Publik",
    "Seminar Kesehatan Mental di Tempat Kerja",
    "Workshop SAKIP dan Laporan Kinerja",
)
PENYELENGGARA_SEMINAR = (
    "BKD Kabupaten Lumajang",
    "Pemerintah Kabupaten Lumajang",
    "BPSDM Provinsi Jawa Timur",
    "Kementerian PANRB",
)
# Disciplinary punishments (PP 94/2021 Pasal 8) with the unexcused-absence days (Pasal 11)
# that lead to each and the months the punishment runs (None: a one-off reprimand).
HUKDIS = {
    "ringan": (
        ("Teguran lisan", 3, 3, None),
        ("Teguran tertulis", 4, 6, None),
        ("Pernyataan tidak puas secara tertulis", 7, 10, None),
    ),
    "sedang": (
        ("Pemotongan tunjangan kinerja 25% selama 6 bulan", 11, 13, 6),
        ("Pemotongan tunjangan kinerja 25% selama 9 bulan", 14, 16, 9),
        ("Pemotongan tunjangan kinerja 25% selama 12 bulan", 17, 20, 12),
    ),
    "berat": (("Penurunan jabatan setingkat lebih rendah selama 12 bulan", 21, 24, 12),),
}
