"""SIJI KOMANDO: the competency dictionary (PermenPANRB 38/2017), the standard per position,
versioned question banks, tests, attempts with their drawn items and answers, the focus log,
results per competency, the training catalogue and the self-assessment record.

An attempt never points at a bank item's current text: it points at the `VersiSoal` it drew,
and a version used by an attempt is never edited (the services make a new one), so a finished
attempt reads back exactly what its taker saw."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q

from sikap.accounts import access
from sikap.core.validators import no_formula
from sikap.org.models import JenisJabatan
from sikap.people.models import KategoriDiklat

LEVELS = (1, 2, 3, 4, 5)
_LEVEL = {"validators": [MinValueValidator(1), MaxValueValidator(5)]}


class Kelompok(models.TextChoices):
    MANAJERIAL = "manajerial", "Manajerial"
    SOSIAL_KULTURAL = "sosial_kultural", "Sosial kultural"
    TEKNIS = "teknis", "Teknis"


# --- the dictionary and the standard -----------------------------------------------------------


class Kompetensi(models.Model):
    """One competency of the dictionary. Manajerial and sosial kultural apply to every position;
    a teknis competency belongs to the positions listed in `jabatan`."""

    kode = models.SlugField("kode", max_length=40, unique=True)
    nama = models.CharField("nama", max_length=160, validators=[no_formula])
    kelompok = models.CharField("kelompok", max_length=16, choices=Kelompok.choices)
    definisi = models.TextField("definisi", blank=True)
    jabatan = models.ManyToManyField(
        "org.Jabatan",
        blank=True,
        related_name="kompetensi_teknis",
        verbose_name="jabatan (kompetensi teknis)",
    )
    urutan = models.PositiveSmallIntegerField("urutan", default=0)
    aktif = models.BooleanField("aktif", default=True)

    class Meta:
        verbose_name = "kompetensi"
        verbose_name_plural = "kompetensi"
        ordering = ["kelompok", "urutan", "nama"]

    def __str__(self) -> str:
        return self.nama


class LevelKompetensi(models.Model):
    """What level 1–5 of a competency means (the dictionary's description and behaviours)."""

    kompetensi = models.ForeignKey(Kompetensi, on_delete=models.CASCADE, related_name="level")
    level = models.PositiveSmallIntegerField("level", **_LEVEL)
    deskripsi = models.TextField("deskripsi")
    indikator = models.TextField("indikator perilaku", blank=True)

    class Meta:
        verbose_name = "level kompetensi"
        verbose_name_plural = "level kompetensi"
        ordering = ["kompetensi", "level"]
        constraints = [
            models.UniqueConstraint(fields=["kompetensi", "level"], name="level_kompetensi_unik"),
            models.CheckConstraint(
                condition=Q(level__gte=1, level__lte=5), name="level_kompetensi_1_5"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kompetensi} level {self.level}"


class StandarKompetensi(models.Model):
    """The level a position requires of a competency. A row names either one jabatan, or — as
    the default for positions without their own row — a jenis jabatan with an eselon (blank
    eselon: every eselon of that jenis)."""

    kompetensi = models.ForeignKey(Kompetensi, on_delete=models.CASCADE, related_name="standar")
    jabatan = models.ForeignKey(
        "org.Jabatan",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="standar_kompetensi",
    )
    jenis_jabatan = models.CharField(
        "jenis jabatan (bawaan)", max_length=16, choices=JenisJabatan.choices, blank=True
    )
    eselon = models.CharField("eselon (bawaan)", max_length=8, blank=True)
    level = models.PositiveSmallIntegerField("level yang dipersyaratkan", **_LEVEL)

    class Meta:
        verbose_name = "standar kompetensi"
        verbose_name_plural = "standar kompetensi"
        ordering = ["jabatan", "jenis_jabatan", "eselon", "kompetensi"]
        constraints = [
            models.CheckConstraint(
                condition=Q(jabatan__isnull=False, jenis_jabatan="", eselon="")
                | (Q(jabatan__isnull=True) & ~Q(jenis_jabatan="")),
                name="standar_jabatan_atau_bawaan",
                violation_error_message=(
                    "Pilih satu jabatan, atau jenis jabatan (dan eselon) untuk standar bawaan."
                ),
            ),
            models.UniqueConstraint(
                fields=["jabatan", "kompetensi"],
                condition=Q(jabatan__isnull=False),
                name="standar_per_jabatan_unik",
            ),
            models.UniqueConstraint(
                fields=["jenis_jabatan", "eselon", "kompetensi"],
                condition=Q(jabatan__isnull=True),
                name="standar_bawaan_unik",
            ),
            models.CheckConstraint(condition=Q(level__gte=1, level__lte=5), name="standar_1_5"),
        ]

    def __str__(self) -> str:
        target = self.jabatan or f"{self.get_jenis_jabatan_display()} {self.eselon}".strip()
        return f"{target}: {self.kompetensi} level {self.level}"


# --- question banks ----------------------------------------------------------------------------


class JenisSoal(models.TextChoices):
    PILIHAN_GANDA = "pg", "Pilihan ganda (satu kunci)"
    SITUASIONAL = "sjt", "Situasional (skor opsi 1–5)"


class Soal(models.Model):
    """A bank item's identity: competency, level, kind and its code. Its text and options live
    in versions; `terkini` is the one new attempts draw."""

    kode = models.CharField("kode soal", max_length=40, unique=True, validators=[no_formula])
    kompetensi = models.ForeignKey(Kompetensi, on_delete=models.PROTECT, related_name="soal")
    level = models.PositiveSmallIntegerField("level", **_LEVEL)
    jenis = models.CharField("jenis soal", max_length=4, choices=JenisSoal.choices)
    aktif = models.BooleanField("aktif", default=True)
    terkini = models.ForeignKey(
        "VersiSoal",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="versi terkini",
    )
    dibuat = models.DateTimeField("dibuat", auto_now_add=True)

    class Meta:
        verbose_name = "soal"
        verbose_name_plural = "bank soal"
        ordering = ["kompetensi", "level", "kode"]
        indexes = [models.Index(fields=["kompetensi", "level", "aktif"])]
        constraints = [
            models.CheckConstraint(condition=Q(level__gte=1, level__lte=5), name="soal_level_1_5"),
        ]

    def __str__(self) -> str:
        return self.kode


def gambar_soal_path(instance: "VersiSoal", filename: str) -> str:
    return f"kompetensi/soal/{instance.soal_id}/{instance.nomor}-{filename}"


class VersiSoal(models.Model):
    """One version of an item's text and options. A version some attempt drew is frozen."""

    soal = models.ForeignKey(Soal, on_delete=models.CASCADE, related_name="versi")
    nomor = models.PositiveIntegerField("versi ke-")
    teks = models.TextField("pertanyaan")
    gambar = models.ImageField("gambar", upload_to=gambar_soal_path, blank=True)
    sidik = models.CharField(
        "sidik teks", max_length=64, db_index=True, help_text="SHA-256 teks yang dinormalkan."
    )
    dibuat = models.DateTimeField("dibuat", auto_now_add=True)
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = "versi soal"
        verbose_name_plural = "versi soal"
        ordering = ["soal", "-nomor"]
        constraints = [
            models.UniqueConstraint(fields=["soal", "nomor"], name="versi_soal_unik"),
        ]

    def __str__(self) -> str:
        return f"{self.soal_id} v{self.nomor}"


class OpsiJawaban(models.Model):
    """An option of a version. Multiple choice: exactly one `benar`; situational judgement:
    every option has a `skor` 1–5. Neither field ever leaves the server during a test."""

    versi = models.ForeignKey(VersiSoal, on_delete=models.CASCADE, related_name="opsi")
    urutan = models.PositiveSmallIntegerField("urutan")
    teks = models.TextField("teks opsi")
    benar = models.BooleanField("kunci", default=False)
    skor = models.PositiveSmallIntegerField(
        "skor", null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )

    class Meta:
        verbose_name = "opsi jawaban"
        verbose_name_plural = "opsi jawaban"
        ordering = ["versi", "urutan"]
        constraints = [
            models.UniqueConstraint(fields=["versi", "urutan"], name="opsi_urutan_unik"),
            models.CheckConstraint(
                condition=Q(skor__isnull=True) | Q(skor__gte=1, skor__lte=5), name="opsi_skor_1_5"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.versi} opsi {self.urutan}"


# --- tests -------------------------------------------------------------------------------------


class Sasaran(models.TextChoices):
    SEMUA = "semua", "Semua pegawai"
    OPD = "opd", "Pegawai OPD tertentu"
    JENIS_JABATAN = "jenis_jabatan", "Jenis jabatan tertentu"


class TampilHasil(models.TextChoices):
    SEGERA = "segera", "Segera setelah selesai"
    SETELAH_DITUTUP = "setelah_ditutup", "Setelah jendela ujian ditutup"
    TIDAK = "tidak", "Tidak ditampilkan kepada peserta"


class UjianQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Managers see every test; anyone else the published tests meant for them."""
        if access.may_manage_competency_tests(user):
            return self
        if not access.may_take_competency_test(user):
            return self.none()
        pegawai = user.pegawai
        return (
            self.filter(terbit=True)
            .filter(
                Q(sasaran=Sasaran.SEMUA)
                | Q(sasaran=Sasaran.OPD, opd=pegawai.opd_id)
                | Q(sasaran=Sasaran.JENIS_JABATAN, jenis_jabatan=pegawai.jenis_jabatan)
            )
            .distinct()
        )


class Ujian(models.Model):
    """A test: which competencies and how many items of each, the window, the duration, who
    may take it, how many attempts, and when the taker sees the result."""

    nama = models.CharField("nama ujian", max_length=200, validators=[no_formula])
    keterangan = models.TextField("keterangan", blank=True)
    durasi_menit = models.PositiveSmallIntegerField(
        "durasi (menit)", validators=[MinValueValidator(1), MaxValueValidator(600)]
    )
    dibuka = models.DateTimeField("dibuka mulai")
    ditutup = models.DateTimeField("ditutup pada")
    acak_soal = models.BooleanField("acak urutan soal", default=True)
    acak_opsi = models.BooleanField("acak urutan opsi", default=True)
    sasaran = models.CharField(
        "peserta", max_length=16, choices=Sasaran.choices, default=Sasaran.SEMUA
    )
    opd = models.ManyToManyField("org.Opd", blank=True, related_name="+", verbose_name="OPD")
    jenis_jabatan = models.CharField(
        "jenis jabatan", max_length=16, choices=JenisJabatan.choices, blank=True
    )
    batas_percobaan = models.PositiveSmallIntegerField(
        "percobaan yang diizinkan", default=1, validators=[MinValueValidator(1)]
    )
    tampil_hasil = models.CharField(
        "hasil ditampilkan", max_length=16, choices=TampilHasil.choices, default=TampilHasil.SEGERA
    )
    terbit = models.BooleanField("diterbitkan", default=False)
    dibuat = models.DateTimeField("dibuat", auto_now_add=True)
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = UjianQuerySet.as_manager()

    class Meta:
        verbose_name = "ujian kompetensi"
        verbose_name_plural = "ujian kompetensi"
        ordering = ["-dibuka", "nama"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ditutup__gt=F("dibuka")),
                name="ujian_jendela_sah",
                violation_error_message="Waktu ditutup harus setelah waktu dibuka.",
            ),
            models.CheckConstraint(
                condition=~Q(sasaran=Sasaran.JENIS_JABATAN) | ~Q(jenis_jabatan=""),
                name="ujian_sasaran_jenis_jabatan",
                violation_error_message="Pilih jenis jabatan peserta.",
            ),
        ]

    def __str__(self) -> str:
        return self.nama

    def is_open(self, now) -> bool:
        return self.terbit and self.dibuka <= now < self.ditutup


class UjianKompetensi(models.Model):
    """How many items of one competency a test draws, spread evenly over the levels
    `level_dari`..`level_sampai` (the remainder goes to the higher levels)."""

    ujian = models.ForeignKey(Ujian, on_delete=models.CASCADE, related_name="bagian")
    kompetensi = models.ForeignKey(Kompetensi, on_delete=models.PROTECT, related_name="+")
    jumlah_soal = models.PositiveSmallIntegerField(
        "jumlah soal", validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    level_dari = models.PositiveSmallIntegerField("dari level", default=1, **_LEVEL)
    level_sampai = models.PositiveSmallIntegerField("sampai level", default=5, **_LEVEL)

    class Meta:
        verbose_name = "kompetensi yang diuji"
        verbose_name_plural = "kompetensi yang diuji"
        ordering = ["ujian", "kompetensi"]
        constraints = [
            models.UniqueConstraint(fields=["ujian", "kompetensi"], name="ujian_kompetensi_unik"),
            models.CheckConstraint(
                condition=Q(level_dari__gte=1, level_sampai__lte=5)
                & Q(level_sampai__gte=F("level_dari")),
                name="ujian_kompetensi_rentang_level",
                violation_error_message="Rentang level harus di antara 1 dan 5.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.ujian}: {self.kompetensi} ({self.jumlah_soal} soal)"


# --- attempts ----------------------------------------------------------------------------------


class PercobaanQuerySet(models.QuerySet):
    def visible_to(self, user):
        """One's own attempts; the test managers every attempt; an admin OPD those of the
        pegawai their OPD scope covers (results per OPD)."""
        if access.may_manage_competency_tests(user):
            return self
        if not (user.is_authenticated and user.is_active):
            return self.none()
        q = Q(pegawai_id=user.pegawai_id) if user.pegawai_id else Q(pk__in=[])
        if access.may_read_competency_results_of_opd(user):
            q |= Q(opd__in=user.opd_scope.all())
        return self.filter(q)

    def berjalan(self):
        return self.filter(status=Percobaan.Status.BERJALAN)


class Percobaan(models.Model):
    """One pegawai's attempt at a test. The server keeps `batas_waktu`; an attempt past it is
    closed (`DISERAHKAN_OTOMATIS`) by whoever touches it first, or by the periodic job.
    `opd` and `jabatan` are the taker's at the start: results are read against them."""

    class Status(models.TextChoices):
        BERJALAN = "berjalan", "Sedang dikerjakan"
        DISERAHKAN = "diserahkan", "Diserahkan"
        DISERAHKAN_OTOMATIS = "otomatis", "Diserahkan otomatis (waktu habis)"

    ujian = models.ForeignKey(Ujian, on_delete=models.PROTECT, related_name="percobaan")
    pegawai = models.ForeignKey(
        "people.Pegawai", on_delete=models.CASCADE, related_name="percobaan_ujian"
    )
    nomor = models.PositiveSmallIntegerField("percobaan ke-", default=1)
    opd = models.ForeignKey("org.Opd", on_delete=models.PROTECT, related_name="+")
    jabatan = models.ForeignKey(
        "org.Jabatan", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    status = models.CharField(
        "status", max_length=12, choices=Status.choices, default=Status.BERJALAN
    )
    dimulai = models.DateTimeField("dimulai")
    batas_waktu = models.DateTimeField("batas waktu")
    diserahkan = models.DateTimeField("diserahkan", null=True, blank=True)
    posisi = models.PositiveSmallIntegerField("soal yang sedang dibuka", default=0)
    jumlah_soal = models.PositiveSmallIntegerField("jumlah soal", default=0)
    dinilai = models.DateTimeField("dinilai", null=True, blank=True)

    objects = PercobaanQuerySet.as_manager()

    class Meta:
        verbose_name = "percobaan ujian"
        verbose_name_plural = "percobaan ujian"
        ordering = ["-dimulai"]
        indexes = [
            models.Index(fields=["status", "batas_waktu"]),
            models.Index(fields=["ujian", "opd"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["pegawai"],
                condition=Q(status="berjalan"),
                name="satu_percobaan_berjalan",
                violation_error_message="Masih ada ujian yang sedang Anda kerjakan.",
            ),
            models.UniqueConstraint(
                fields=["ujian", "pegawai", "nomor"], name="percobaan_nomor_unik"
            ),
            models.CheckConstraint(
                condition=Q(batas_waktu__gt=F("dimulai")), name="percobaan_batas_sah"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.ujian} — {self.pegawai_id} #{self.nomor}"

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.BERJALAN


class ButirPercobaan(models.Model):
    """An item drawn for an attempt, at its place in the attempt, with the order its options
    are shown in (`urutan_opsi`: option ids)."""

    percobaan = models.ForeignKey(Percobaan, on_delete=models.CASCADE, related_name="butir")
    urutan = models.PositiveSmallIntegerField("nomor urut")
    versi = models.ForeignKey(VersiSoal, on_delete=models.PROTECT, related_name="+")
    kompetensi = models.ForeignKey(Kompetensi, on_delete=models.PROTECT, related_name="+")
    level = models.PositiveSmallIntegerField("level", **_LEVEL)
    urutan_opsi = models.JSONField("urutan opsi", default=list)

    class Meta:
        verbose_name = "butir percobaan"
        verbose_name_plural = "butir percobaan"
        ordering = ["percobaan", "urutan"]
        constraints = [
            models.UniqueConstraint(fields=["percobaan", "urutan"], name="butir_urutan_unik"),
            models.UniqueConstraint(fields=["percobaan", "versi"], name="butir_soal_unik"),
        ]

    def __str__(self) -> str:
        return f"{self.percobaan_id}/{self.urutan + 1}"


class Jawaban(models.Model):
    """The option chosen for one drawn item; a later choice replaces it (one row per item)."""

    percobaan = models.ForeignKey(Percobaan, on_delete=models.CASCADE, related_name="jawaban")
    butir = models.OneToOneField(ButirPercobaan, on_delete=models.CASCADE, related_name="jawaban")
    opsi = models.ForeignKey(OpsiJawaban, on_delete=models.PROTECT, related_name="+")
    dijawab = models.DateTimeField("dijawab")
    nomor_kirim = models.PositiveIntegerField(
        "nomor kirim perangkat",
        default=0,
        help_text="Urutan pilihan di perangkat: kiriman ulang yang lebih lama tidak menimpa.",
    )
    kali_diubah = models.PositiveSmallIntegerField("kali diubah", default=0)

    class Meta:
        verbose_name = "jawaban"
        verbose_name_plural = "jawaban"
        ordering = ["percobaan", "butir__urutan"]

    def __str__(self) -> str:
        return f"{self.butir}: {self.opsi_id}"


class JenisPeristiwaFokus(models.TextChoices):
    TAB_TERSEMBUNYI = "tab_tersembunyi", "Pindah tab / aplikasi"
    FOKUS_HILANG = "fokus_hilang", "Jendela kehilangan fokus"
    KEMBALI = "kembali", "Kembali ke ujian"


class LogFokus(models.Model):
    """A tab switch or focus loss reported by the taker's browser during an attempt (shown to
    admins; the browser's clock is kept only as reported)."""

    percobaan = models.ForeignKey(Percobaan, on_delete=models.CASCADE, related_name="log_fokus")
    jenis = models.CharField("peristiwa", max_length=16, choices=JenisPeristiwaFokus.choices)
    waktu = models.DateTimeField("diterima server")
    waktu_klien = models.DateTimeField("waktu di perangkat", null=True, blank=True)
    urutan_butir = models.PositiveSmallIntegerField("pada soal nomor urut", null=True, blank=True)

    class Meta:
        verbose_name = "log fokus"
        verbose_name_plural = "log fokus"
        ordering = ["percobaan", "waktu"]

    def __str__(self) -> str:
        return f"{self.percobaan_id} {self.jenis} {self.waktu:%H:%M:%S}"


class HasilKompetensi(models.Model):
    """The scored result of one competency in an attempt (written by the scoring service from
    `sikap.rules.competency`): raw score, the level reached and the gap to the standard the
    taker's position had at the time."""

    percobaan = models.ForeignKey(Percobaan, on_delete=models.CASCADE, related_name="hasil")
    kompetensi = models.ForeignKey(Kompetensi, on_delete=models.PROTECT, related_name="+")
    skor = models.DecimalField("skor", max_digits=7, decimal_places=2)
    skor_maks = models.DecimalField("skor maksimum", max_digits=7, decimal_places=2)
    level_tercapai = models.PositiveSmallIntegerField(
        "level tercapai", validators=[MaxValueValidator(5)]
    )
    level_standar = models.PositiveSmallIntegerField(
        "level standar", null=True, blank=True, validators=[MaxValueValidator(5)]
    )
    selisih = models.SmallIntegerField(
        "selisih terhadap standar", null=True, blank=True, help_text="tercapai − standar"
    )

    class Meta:
        verbose_name = "hasil per kompetensi"
        verbose_name_plural = "hasil per kompetensi"
        ordering = ["percobaan", "kompetensi"]
        constraints = [
            models.UniqueConstraint(fields=["percobaan", "kompetensi"], name="hasil_unik"),
        ]

    def __str__(self) -> str:
        return f"{self.percobaan_id} {self.kompetensi}: level {self.level_tercapai}"


# --- training catalogue and the self-assessment record -----------------------------------------


class Pelatihan(models.Model):
    """A training suggested for a competency when the level reached lies in
    `level_dari`..`level_sampai` (configuration, edited by admin BKD)."""

    nama = models.CharField("nama pelatihan", max_length=255, validators=[no_formula])
    kompetensi = models.ManyToManyField(Kompetensi, related_name="pelatihan")
    level_dari = models.PositiveSmallIntegerField("untuk level tercapai dari", default=1, **_LEVEL)
    level_sampai = models.PositiveSmallIntegerField("sampai level tercapai", default=5, **_LEVEL)
    kategori = models.CharField(
        "kategori", max_length=16, choices=KategoriDiklat.choices, blank=True
    )
    penyelenggara = models.CharField("penyelenggara", max_length=255, blank=True)
    jp = models.PositiveSmallIntegerField("jumlah JP", null=True, blank=True)
    tautan = models.URLField("tautan", blank=True)
    keterangan = models.TextField("keterangan", blank=True)
    aktif = models.BooleanField("aktif", default=True)

    class Meta:
        verbose_name = "katalog pelatihan"
        verbose_name_plural = "katalog pelatihan"
        ordering = ["nama"]
        constraints = [
            models.CheckConstraint(
                condition=Q(level_sampai__gte=F("level_dari")),
                name="pelatihan_rentang_level",
                violation_error_message="Level akhir tidak boleh di bawah level awal.",
            ),
        ]

    def __str__(self) -> str:
        return self.nama


class PenilaianMandiriQuerySet(models.QuerySet):
    def visible_to(self, user):
        from sikap.people.models import Pegawai

        return self.filter(pegawai__in=Pegawai.objects.visible_to(user))


class PenilaianMandiri(models.Model):
    """A finished attempt recorded in the pegawai's history as a SELF-assessment: its own
    model and its own section of the history, never mixed with official assessments."""

    pegawai = models.ForeignKey(
        "people.Pegawai", on_delete=models.CASCADE, related_name="penilaian_mandiri"
    )
    percobaan = models.OneToOneField(
        Percobaan, on_delete=models.CASCADE, related_name="penilaian_mandiri"
    )
    tanggal = models.DateField("tanggal")
    dicatat = models.DateTimeField("dicatat", auto_now_add=True)
    dicatat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = PenilaianMandiriQuerySet.as_manager()

    class Meta:
        verbose_name = "penilaian mandiri kompetensi"
        verbose_name_plural = "penilaian mandiri kompetensi"
        ordering = ["pegawai", "-tanggal"]

    def __str__(self) -> str:
        return f"Penilaian mandiri {self.tanggal:%d-%m-%Y}"
