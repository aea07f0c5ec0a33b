# ruff: noqa: E501 — prose paragraphs, one per line, so they read and diff as the text they are.
"""Default texts of an LKj, taken from BKD Lumajang's own LKj 2023 (the seed) and corrected
where the seed contradicts itself (a stale "tahun 2020", "kurun waktu 3 bulan" for a yearly
report: seed_inconsistencies.md 6.7, 6.9). `{tahun}` is replaced by the report year. Staff
change them per year on the LKj page; nothing here is a figure: every number is generated."""

KATA_PENGANTAR = """Puji syukur kita panjatkan kehadirat Allah SWT, karena atas rahmat dan hidayah-Nya Laporan Kinerja (LKj) Badan Kepegawaian Daerah Kabupaten Lumajang Tahun Anggaran {tahun} dapat tersusun dengan baik.

Laporan Kinerja (LKj) ini disusun sebagai wujud pertanggungjawaban pelaksanaan kegiatan Badan Kepegawaian Daerah Kabupaten Lumajang dalam menjalankan tugas pokok dan fungsi serta tujuan dan sasaran yang harus dicapai, guna mewujudkan peningkatan daya saing daerah.

LKj ini diharapkan menjadi masukan bagi perumusan program dan kebijakan strategis tahun berikutnya, yang tentunya harus diikuti dengan peningkatan manajemen kinerja yang lebih baik dalam upaya peningkatan pelayanan publik di Kabupaten Lumajang.

Kami menyadari penyusunan Laporan Kinerja ini masih jauh dari sempurna. Oleh sebab itu saran dan masukan dari berbagai pihak kami harapkan guna perbaikan dan penyempurnaan penyusunan Laporan Kinerja di masa yang akan datang."""

IKHTISAR_PENGANTAR = """Salah satu asas dalam penerapan tata kepemerintahan yang baik (good governance) adalah akuntabilitas, yaitu pertanggungjawaban dari amanah yang diberikan kepada suatu lembaga. Dengan landasan pemikiran tersebut Laporan Kinerja (LKj) Badan Kepegawaian Daerah Kabupaten Lumajang Tahun Anggaran {tahun} ini disusun, menyajikan capaian kinerja selama tahun {tahun}.

Laporan Kinerja ini disusun berdasarkan Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 53 Tahun 2014 tentang Petunjuk Teknis Perjanjian Kinerja, Pelaporan Kinerja dan Tata Cara Reviu atas Laporan Kinerja Instansi Pemerintah."""

LATAR_BELAKANG = """Terselenggaranya pemerintahan yang baik (good governance) merupakan prasyarat bagi setiap pemerintah untuk mewujudkan aspirasi masyarakat dan mencapai tujuan serta cita-cita bangsa dan negara. Untuk itu diperlukan pengembangan dan penerapan sistem pertanggungjawaban yang tepat, jelas dan nyata, sehingga penyelenggaraan pemerintahan dan pembangunan dapat berlangsung secara berdaya guna, berhasil guna dan bertanggung jawab (akuntabel). Berpedoman pada Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 53 Tahun 2014, disusunlah Laporan Kinerja Badan Kepegawaian Daerah Kabupaten Lumajang Tahun {tahun}.

Undang-Undang Nomor 28 Tahun 1999 tentang Penyelenggaraan Negara yang Bersih dan Bebas dari Korupsi, Kolusi dan Nepotisme menyatakan bahwa asas-asas umum penyelenggaraan negara meliputi asas kepastian hukum, tertib penyelenggaraan negara, kepentingan umum, keterbukaan, proporsionalitas, profesionalitas dan akuntabilitas. Asas akuntabilitas menentukan bahwa setiap kegiatan dan hasil akhir kegiatan penyelenggaraan negara harus dapat dipertanggungjawabkan kepada masyarakat sebagai pemegang kedaulatan tertinggi negara.

Badan Kepegawaian Daerah Kabupaten Lumajang merupakan unsur pendukung Kepala Daerah di bidang kepegawaian, pendidikan dan pelatihan, yang mempertanggungjawabkan kegiatannya dalam bentuk Laporan Kinerja. Penyusunan laporan ini juga mewujudkan keseimbangan antara akuntabilitas, partisipasi dan transparansi sebagai pilar tata pemerintahan yang baik."""

MAKSUD = """Maksud penyusunan Laporan Kinerja (LKj) adalah memberikan kontribusi kepada pemerintah daerah maupun pimpinan Badan Kepegawaian Daerah Kabupaten Lumajang dalam upaya meningkatkan kinerja pemerintah daerah secara keseluruhan maupun kinerja organisasi Badan Kepegawaian Daerah Kabupaten Lumajang."""

TUJUAN = """Tujuan penyusunan Laporan Kinerja (LKj) adalah memberikan gambaran pertanggungjawaban kinerja secara jelas kepada publik tentang tingkat keberhasilan atau kegagalan penyelenggaraan program dan kegiatan Badan Kepegawaian Daerah Kabupaten Lumajang, sebagai data tertulis agar kinerja dapat dinilai serta dipakai sebagai bahan evaluasi dan perbaikan kinerja di masa yang akan datang."""

GAMBARAN_UMUM = """Pemerintah Kabupaten Lumajang membentuk Badan Kepegawaian Daerah (BKD) dengan susunan organisasi dan tata kerja sebagaimana Peraturan Bupati Lumajang Nomor 83 Tahun 2016 tentang Kedudukan, Susunan Organisasi, Uraian Tugas dan Fungsi serta Tata Kerja Badan Kepegawaian Daerah Kabupaten Lumajang{diubah}."""
GAMBARAN_UMUM_DIUBAH = (
    2021,
    ", sebagaimana telah diubah dengan Peraturan Bupati Lumajang Nomor 109 Tahun 2021",
)

TUGAS_POKOK = (
    """Membantu Bupati melaksanakan fungsi penunjang kepegawaian, pendidikan dan pelatihan."""
)

FUNGSI = """Perumusan kebijakan teknis di bidang manajemen kepegawaian serta pendidikan dan pelatihan;
Pelaksanaan kebijakan di bidang manajemen kepegawaian serta pendidikan dan pelatihan;
Pelaksanaan pengadaan pegawai, pensiun, pemberhentian, penyusunan basis data kepegawaian, pengembangan sistem informasi kepegawaian, pengolahan arsip kepegawaian dan pengembangan profesi ASN;
Penyelenggaraan mutasi pegawai, administrasi kenaikan pangkat, penggajian dan pengembangan karier pegawai;
Perencanaan dan penyusunan program pengembangan kompetensi pegawai, analisis kebutuhan diklat, pelaksanaan, fasilitasi, monitoring dan evaluasi pendidikan dan pelatihan;
Pelaksanaan penilaian dan evaluasi kinerja, pembinaan disiplin, serta pemberian penghargaan pegawai;
Pelaksanaan fungsi lain yang diberikan oleh Bupati sesuai dengan tugas dan fungsinya."""

STRUKTUR = """Kepala Badan Kepegawaian Daerah;
Sekretariat, terdiri atas Sub Bagian Umum dan Kepegawaian serta Sub Bagian Keuangan;
Bidang Pengadaan, Pemberhentian dan Informasi;
Bidang Mutasi dan Promosi;
Bidang Penilaian Kinerja Aparatur dan Penghargaan;
Bidang Pengembangan Kompetensi Aparatur;
Kelompok Jabatan Fungsional."""

# (year enacted, citation): a report cites only what was in force in its year.
DASAR_HUKUM = (
    (
        2014,
        "Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi Pemerintah",
    ),
    (
        2014,
        "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 53 Tahun 2014 tentang Petunjuk Teknis Perjanjian Kinerja, Pelaporan Kinerja dan Tata Cara Reviu atas Laporan Kinerja Instansi Pemerintah",
    ),
    (
        2008,
        "Peraturan Pemerintah Nomor 8 Tahun 2008 tentang Tahapan, Tata Cara Penyusunan, Pengendalian dan Evaluasi Pelaksanaan Rencana Pembangunan Daerah",
    ),
    (
        2017,
        "Peraturan Menteri Dalam Negeri Nomor 86 Tahun 2017 tentang Tata Cara Perencanaan, Pengendalian dan Evaluasi Pembangunan Daerah",
    ),
    (
        2018,
        "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 38 Tahun 2018 tentang Pengukuran Indeks Profesionalitas Aparatur Sipil Negara",
    ),
    (
        2019,
        "Peraturan Badan Kepegawaian Negara Nomor 8 Tahun 2019 tentang Pedoman Tata Cara dan Pelaksanaan Pengukuran Indeks Profesionalitas Aparatur Sipil Negara",
    ),
    (
        2016,
        "Peraturan Bupati Lumajang Nomor 83 Tahun 2016 tentang Kedudukan, Susunan Organisasi, Uraian Tugas dan Fungsi serta Tata Kerja Badan Kepegawaian Daerah Kabupaten Lumajang",
    ),
    (
        2021,
        "Peraturan Bupati Lumajang Nomor 109 Tahun 2021 tentang Perubahan atas Peraturan Bupati Lumajang Nomor 83 Tahun 2016 tentang Kedudukan, Susunan Organisasi, Uraian Tugas dan Fungsi serta Tata Kerja Badan Kepegawaian Daerah Kabupaten Lumajang",
    ),
)

RENSTRA_PENGANTAR = """Rencana Strategis (Renstra) merupakan proses yang berorientasi pada hasil yang ingin dicapai dalam kurun waktu satu sampai lima tahun secara sistematis dan berkesinambungan dengan memperhitungkan potensi, peluang dan kendala yang ada atau yang mungkin timbul. Renstra Badan Kepegawaian Daerah merupakan penjabaran dari RPJMD Kabupaten Lumajang."""

VISI = """Terwujudnya Masyarakat Lumajang yang Berdaya Saing, Makmur dan Bermartabat"""

MISI = """Pemenuhan Kebutuhan Dasar untuk Mewujudkan Masyarakat yang Lebih Sejahtera dan Mandiri;
Mewujudkan Perekonomian Daerah Berkelanjutan yang Berbasis pada Pertanian, Usaha Mikro dan Pariwisata;
Reformasi Birokrasi yang Efektif, Profesional, Akuntabel dan Transparan untuk Mewujudkan Pemerintahan yang Baik, Benar dan Bersih (good and clean governance)."""

KEBIJAKAN = """Mengoptimalkan pengembangan kompetensi aparatur, dengan arah kebijakan meningkatkan pembinaan dan kualifikasi aparatur;
Mengoptimalkan penilaian kinerja aparatur, dengan arah kebijakan meningkatkan penghargaan dan sanksi serta pelaksanaan regulasi tentang sanksi aparatur."""

# The seed's own obstacles and efforts are those of its year: other years start empty, and the
# report then prints the prompts generated from that year's numbers.
SEED_YEAR = 2023
HAMBATAN = """Kualifikasi pendidikan yang dimiliki ASN masih perlu ditingkatkan;
Kompetensi yang dimiliki ASN masih perlu ditingkatkan;
Iklim kompetisi kinerja masih perlu ditingkatkan;
Kewajiban ASN dalam menjaga kedisiplinan masih perlu ditingkatkan."""

UPAYA = """Melaksanakan ujian dinas, ujian penyesuaian kenaikan pangkat, tugas belajar, izin belajar serta pengakuan ijazah;
Melaksanakan pendidikan dan pelatihan kepemimpinan, teknis, fungsional serta sertifikasi secara daring;
Melaksanakan penilaian kinerja melalui SKP secara berjenjang dari atasan hingga bawahan;
Menerapkan presensi elektronik (SIPERLU) disertai sanksi yang jelas bagi pelanggar disiplin."""

PENUTUP = """Laporan Kinerja Tahun Anggaran {tahun} merupakan pertanggungjawaban manajerial, baik keberhasilan maupun kegagalan, dalam pelaksanaan program dan kegiatan sesuai dengan tugas pokok dan fungsi yang dibebankan oleh Pemerintah Kabupaten Lumajang kepada Badan Kepegawaian Daerah.

Laporan ini memuat hasil yang dicapai selama tahun anggaran {tahun} (Januari sampai dengan Desember), beserta keberhasilan dan kegagalan, masalah, usulan pemecahan dan saran.

Demikian Laporan Kinerja ini kami sampaikan, semoga bermanfaat dan menjadi bahan acuan bagi kegiatan ke depan pada Badan Kepegawaian Daerah Kabupaten Lumajang."""

# The agency's innovations as its LKj 2023 describes them (seed L773–880), each from the year
# the seed says it was in use (2023 where it does not say).
INOVASI = (
    (
        2018,
        "SIPERLU (Sistem Informasi Presensi Lumajang) — presensi elektronik berbasis aplikasi android sesuai lokasi OPD dan jam kerja, dengan aktivitas harian yang dipantau atasan langsung; mendukung peningkatan disiplin ASN",
    ),
    (
        2017,
        "SIMAK (Sistem Informasi Manajemen Administrasi Kepegawaian) — pemutakhiran data dan dokumen kepegawaian digital secara mandiri oleh ASN; mendukung manajemen ASN berbasis sistem merit",
    ),
    (
        2023,
        "E-Berkala — modul SIMAK untuk validasi, verifikasi dan penerbitan surat kenaikan gaji berkala",
    ),
    (2019, "E-Pangkat — pengusulan kenaikan pangkat dari OPD tanpa kertas melalui modul SIMAK"),
    (
        2023,
        "SIMANTUN TANDUK (Sistem Informasi Manajemen Pensiun Terintegrasi dengan Administrasi Penduduk) — pemberkasan pensiun tanpa berkas fisik, dengan progres SK yang dapat dipantau PNS",
    ),
    (
        2023,
        "SIJI KOMANDO (Sistem Uji Kompetensi Mandiri Online) — uji kompetensi mandiri ASN secara daring melalui komputer atau ponsel",
    ),
)

FIELDS = {
    "nama_instansi": "Badan Kepegawaian Daerah",
    "pemerintah_daerah": "Kabupaten Lumajang",
    "alamat": "Jl. Ahmad Yani No. 25 Lumajang · Telp. (0334) 893193 / 881590",
    "kata_pengantar": KATA_PENGANTAR,
    "ikhtisar_pengantar": IKHTISAR_PENGANTAR,
    "latar_belakang": LATAR_BELAKANG,
    "maksud": MAKSUD,
    "tujuan": TUJUAN,
    "gambaran_umum": GAMBARAN_UMUM,
    "tugas_pokok": TUGAS_POKOK,
    "fungsi": FUNGSI,
    "struktur_organisasi": STRUKTUR,
    "dasar_hukum": "",  # by year: _dasar_hukum
    "renstra_pengantar": RENSTRA_PENGANTAR,
    "visi": VISI,
    "misi": MISI,
    "kebijakan": KEBIJAKAN,
    "hambatan": HAMBATAN,
    "upaya": UPAYA,
    "penutup": PENUTUP,
    "saran": "",
    "inovasi": "",  # by year: INOVASI
    "tempat": "Lumajang",
    "tanggal": "Januari {tahun_berikut}",
    "jabatan_penandatangan": "Kepala Badan Kepegawaian Daerah",
    "nama_penandatangan": "AKHMAD TAUFIK HIDAYAT, S.H., M.Hum.",
    "nip_penandatangan": "19660710 199203 1 007",
}


YEARLY = {"hambatan", "upaya"}  # written for SEED_YEAR only


def _dasar_hukum(year: int) -> str:
    return "\n".join(text for enacted, text in DASAR_HUKUM if enacted <= year)


def default_for(field: str, year: int) -> str:
    if field == "dasar_hukum":
        return _dasar_hukum(year)
    if field == "inovasi":
        return "\n".join(text for since, text in INOVASI if since <= year)
    if field in YEARLY and year != SEED_YEAR:
        return ""
    enacted, amended = GAMBARAN_UMUM_DIUBAH
    return (
        FIELDS[field]
        .replace("{diubah}", amended if year >= enacted else "")
        .replace("{tahun_berikut}", str(year + 1))
        .replace("{tahun}", str(year))
    )
