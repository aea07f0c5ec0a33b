"""SIPERLU attendance: where and when one may work (configuration, edited at /kelola/), every
check-in attempt, bound devices, approved absences and each working day's status."""

import uuid
from datetime import date
from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

from sikap.core.validators import no_formula
from sikap.documents.models import FORMATS
from sikap.people.models import RiwayatQuerySet
from sikap.rules import jam_kerja as jk
from sikap.rules.presensi import LABEL_ALASAN, Alasan
from sikap.rules.status_hari import AMBANG_PP94, LABEL_STATUS, PITA_BAWAAN, Status, Tarif
from sikap.workflow import Case

_PERSEN = {"max_digits": 5, "decimal_places": 2, "validators": [MinValueValidator(0)]}


class PengaturanPresensi(models.Model):
    """The region's attendance settings: one row. Rates default to the printed example
    (Permentan 68/2012, RULES §9) until the region's Perbup sets its own."""

    akurasi_maks_m = models.PositiveIntegerField(
        "akurasi GPS terburuk yang diterima (m)",
        default=100,
        validators=[MinValueValidator(5), MaxValueValidator(1000)],
    )
    buka_sebelum_menit = models.PositiveIntegerField(
        "presensi masuk dibuka sebelum jam masuk (menit)", default=120
    )
    tutup_setelah_menit = models.PositiveIntegerField(
        "presensi pulang ditutup setelah jam pulang (menit)", default=360
    )
    selisih_jam_maks_detik = models.PositiveIntegerField(
        "jam ponsel paling jauh di depan jam server (detik)", default=300
    )
    pita_1 = models.PositiveIntegerField("TL1/PSW1 mulai menit ke-", default=PITA_BAWAAN[0])
    pita_2 = models.PositiveIntegerField("TL2/PSW2 mulai menit ke-", default=PITA_BAWAAN[1])
    pita_3 = models.PositiveIntegerField("TL3/PSW3 mulai menit ke-", default=PITA_BAWAAN[2])
    pita_4 = models.PositiveIntegerField("TL4/PSW4 mulai menit ke-", default=PITA_BAWAAN[3])
    tarif_1 = models.DecimalField("potongan TPP TL1/PSW1 (%)", default=Decimal("0.5"), **_PERSEN)
    tarif_2 = models.DecimalField("potongan TPP TL2/PSW2 (%)", default=Decimal("1"), **_PERSEN)
    tarif_3 = models.DecimalField("potongan TPP TL3/PSW3 (%)", default=Decimal("1.5"), **_PERSEN)
    tarif_4 = models.DecimalField("potongan TPP TL4/PSW4 (%)", default=Decimal("2"), **_PERSEN)
    tarif_tk = models.DecimalField(
        "potongan TPP tanpa keterangan per hari (%)", default=Decimal("4"), **_PERSEN
    )
    kuota_cuti_tahunan = models.PositiveSmallIntegerField(
        "kuota cuti tahunan (hari kerja)", default=12
    )
    sisa_cuti_dibawa_maks = models.PositiveSmallIntegerField(
        "sisa cuti tahunan yang dapat dibawa ke tahun berikutnya (hari)", default=6
    )
    tarif_bawaan = models.BooleanField(
        "tarif masih bawaan (contoh Permentan 68/2012)",
        default=True,
        help_text="Hapus centang setelah tarif disesuaikan dengan Perbup TPP daerah.",
    )
    swafoto_maks_kb = models.PositiveIntegerField(
        "ukuran swafoto paling besar (KB)",
        default=1024,
        validators=[MinValueValidator(50), MaxValueValidator(4096)],
        help_text="Halaman presensi mengecilkan foto sebelum dikirim; aplikasi lain wajib juga.",
    )
    bukti_aktivitas_maks_kb = models.PositiveIntegerField(
        "ukuran bukti aktivitas paling besar (KB)",
        default=2048,
        validators=[MinValueValidator(50), MaxValueValidator(10240)],
    )

    class Meta:
        verbose_name = "pengaturan presensi"
        verbose_name_plural = "pengaturan presensi"

    def __str__(self) -> str:
        return "Pengaturan presensi"

    @classmethod
    def current(cls) -> "PengaturanPresensi":
        return cls.objects.first() or cls()

    @property
    def pita(self) -> tuple[int, int, int, int]:
        return (self.pita_1, self.pita_2, self.pita_3, self.pita_4)

    @property
    def tarif(self) -> Tarif:
        bands = (self.tarif_1, self.tarif_2, self.tarif_3, self.tarif_4)
        return Tarif(tl=bands, psw=bands, tk=self.tarif_tk)

    @property
    def jendela(self) -> jk.Jendela:
        return jk.Jendela(self.buka_sebelum_menit, self.tutup_setelah_menit)


class JadwalKerja(models.Model):
    """A week of working time from a date. The most specific scope wins (unit, then OPD, then
    the region); within a scope the one that started latest (a Ramadan period over the default)."""

    nama = models.CharField("nama", max_length=120)
    opd = models.ForeignKey(
        "org.Opd", on_delete=models.CASCADE, null=True, blank=True, verbose_name="OPD"
    )
    unit = models.ForeignKey(
        "org.UnitKerja", on_delete=models.CASCADE, null=True, blank=True, verbose_name="unit kerja"
    )
    berlaku_mulai = models.DateField("berlaku mulai")
    berlaku_sampai = models.DateField("berlaku sampai", null=True, blank=True)

    class Meta:
        verbose_name = "jadwal kerja"
        verbose_name_plural = "jadwal kerja"
        ordering = ["-berlaku_mulai", "nama"]
        constraints = [
            models.CheckConstraint(
                condition=Q(berlaku_sampai__isnull=True)
                | Q(berlaku_sampai__gte=models.F("berlaku_mulai")),
                name="jadwal_rentang_sah",
                violation_error_message="Tanggal akhir tidak boleh sebelum tanggal mulai.",
            ),
        ]

    def __str__(self) -> str:
        return self.nama

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.unit_id and self.opd_id and self.unit.opd_id != self.opd_id:
            raise ValidationError({"unit": "Unit kerja bukan bagian dari OPD yang dipilih."})

    def pekan(self) -> jk.Pekan:
        return {h.hari: h.jam for h in self.hari.all()}


class Hari(models.IntegerChoices):
    SENIN = 0, "Senin"
    SELASA = 1, "Selasa"
    RABU = 2, "Rabu"
    KAMIS = 3, "Kamis"
    JUMAT = 4, "Jumat"
    SABTU = 5, "Sabtu"
    MINGGU = 6, "Minggu"


class HariJadwal(models.Model):
    jadwal = models.ForeignKey(JadwalKerja, on_delete=models.CASCADE, related_name="hari")
    hari = models.PositiveSmallIntegerField("hari", choices=Hari.choices)
    masuk = models.TimeField("jam masuk")
    pulang = models.TimeField("jam pulang", help_text="Sebelum jam masuk berarti esok harinya.")
    istirahat_menit = models.PositiveSmallIntegerField("istirahat (menit)", default=60)

    class Meta:
        verbose_name = "hari kerja"
        verbose_name_plural = "hari kerja"
        ordering = ["hari"]
        constraints = [
            models.UniqueConstraint(
                fields=["jadwal", "hari"],
                name="hari_jadwal_unik",
                violation_error_message="Hari ini sudah ada di jadwal.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_hari_display()} {self.masuk:%H.%M}–{self.pulang:%H.%M}"

    @property
    def jam(self) -> jk.JamKerja:
        return jk.JamKerja(self.masuk, self.pulang, self.istirahat_menit)


class Shift(models.Model):
    """A shift of a 24-hour unit (RSUD, puskesmas, Satpol PP, Damkar)."""

    opd = models.ForeignKey("org.Opd", on_delete=models.CASCADE, verbose_name="OPD")
    nama = models.CharField("nama shift", max_length=60)
    masuk = models.TimeField("jam masuk")
    pulang = models.TimeField("jam pulang", help_text="Sebelum jam masuk berarti esok harinya.")
    istirahat_menit = models.PositiveSmallIntegerField("istirahat (menit)", default=0)

    class Meta:
        verbose_name = "shift"
        verbose_name_plural = "shift"
        ordering = ["opd__nama", "masuk"]
        constraints = [
            models.UniqueConstraint(
                fields=["opd", "nama"],
                name="shift_unik",
                violation_error_message="Nama shift sudah ada di OPD ini.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.nama} {self.masuk:%H.%M}–{self.pulang:%H.%M}"

    @property
    def jam(self) -> jk.JamKerja:
        return jk.JamKerja(self.masuk, self.pulang, self.istirahat_menit)


class JadwalShift(models.Model):
    """The roster: a pegawai's shift on a date. A pegawai with any roster day in a month works
    only their roster days that month, holidays included."""

    pegawai = models.ForeignKey("people.Pegawai", on_delete=models.CASCADE, related_name="+")
    tanggal = models.DateField("tanggal")
    shift = models.ForeignKey(Shift, on_delete=models.PROTECT, verbose_name="shift")

    class Meta:
        verbose_name = "jadwal shift"
        verbose_name_plural = "jadwal shift"
        ordering = ["tanggal", "pegawai__nama"]
        constraints = [
            models.UniqueConstraint(
                fields=["pegawai", "tanggal"],
                name="satu_shift_sehari",
                violation_error_message="Pegawai ini sudah punya shift pada tanggal tersebut.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.tanggal:%d-%m-%Y} {self.shift}"


class HariLibur(models.Model):
    class Jenis(models.TextChoices):
        NASIONAL = "nasional", "Libur nasional"
        CUTI_BERSAMA = "cuti_bersama", "Cuti bersama"
        DAERAH = "daerah", "Libur daerah"

    tanggal = models.DateField("tanggal", unique=True)
    nama = models.CharField("keterangan", max_length=160)
    jenis = models.CharField("jenis", max_length=16, choices=Jenis.choices)

    class Meta:
        verbose_name = "hari libur"
        verbose_name_plural = "hari libur"
        ordering = ["tanggal"]

    def __str__(self) -> str:
        return f"{self.tanggal:%d-%m-%Y} {self.nama}"


class LokasiSementara(models.Model):
    """An approved place for one pegawai over a date range: dinas luar, WFH, flexible work."""

    pegawai = models.ForeignKey(
        "people.Pegawai", on_delete=models.CASCADE, related_name="+", verbose_name="pegawai"
    )
    nama = models.CharField("nama lokasi", max_length=160)
    latitude = models.DecimalField(
        "lintang",
        max_digits=9,
        decimal_places=6,
        validators=[MinValueValidator(Decimal(-90)), MaxValueValidator(Decimal(90))],
    )
    longitude = models.DecimalField(
        "bujur",
        max_digits=9,
        decimal_places=6,
        validators=[MinValueValidator(Decimal(-180)), MaxValueValidator(Decimal(180))],
    )
    radius_m = models.PositiveIntegerField(
        "radius (m)", default=100, validators=[MinValueValidator(10), MaxValueValidator(5000)]
    )
    mulai = models.DateField("mulai")
    selesai = models.DateField("selesai")
    alasan = models.CharField("alasan", max_length=255)

    class Meta:
        verbose_name = "lokasi sementara"
        verbose_name_plural = "lokasi sementara"
        ordering = ["-mulai"]
        constraints = [
            models.CheckConstraint(
                condition=Q(selesai__gte=models.F("mulai")),
                name="lokasi_sementara_rentang_sah",
                violation_error_message="Tanggal selesai tidak boleh sebelum tanggal mulai.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.nama} ({self.mulai:%d-%m-%Y}–{self.selesai:%d-%m-%Y})"


class PerangkatPresensi(models.Model):
    """A phone a pegawai checks in with. The first is bound at once; another waits for admin
    BKD (a lost phone, a new one), who approves it at /kelola/."""

    class Status(models.TextChoices):
        DISETUJUI = "disetujui", "Disetujui"
        MENUNGGU = "menunggu", "Menunggu persetujuan"
        DITOLAK = "ditolak", "Ditolak"

    pegawai = models.ForeignKey(
        "people.Pegawai", on_delete=models.CASCADE, related_name="+", verbose_name="pegawai"
    )
    device_id = models.CharField("ID perangkat", max_length=128)
    status = models.CharField("status", max_length=16, choices=Status.choices)
    dibuat = models.DateTimeField("pertama dipakai", auto_now_add=True)
    diputuskan_oleh = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = "perangkat presensi"
        verbose_name_plural = "perangkat presensi"
        ordering = ["-dibuat"]
        constraints = [
            models.UniqueConstraint(fields=["pegawai", "device_id"], name="perangkat_unik"),
        ]

    def __str__(self) -> str:
        return f"{self.device_id[:12]} ({self.get_status_display()})"


class SwafotoOpd(models.Model):
    """An OPD whose pegawai send a selfie with each check-in and check-out. The photo is kept
    as private evidence their atasan can see; nobody's face is matched."""

    opd = models.OneToOneField(
        "org.Opd", on_delete=models.CASCADE, related_name="+", verbose_name="OPD"
    )
    wajib = models.BooleanField("swafoto wajib setiap presensi", default=True)

    class Meta:
        verbose_name = "swafoto presensi OPD"
        verbose_name_plural = "swafoto presensi per OPD"
        ordering = ["opd__nama"]

    def __str__(self) -> str:
        return f"Swafoto {'wajib' if self.wajib else 'tidak wajib'}: {self.opd}"


def _berkas_bukti(folder: str, pegawai_id: int, format_: str) -> str:
    """A random name under the pegawai's folder: nothing the user typed reaches the path."""
    return f"presensi/{folder}/{pegawai_id}/{uuid.uuid4().hex}{FORMATS[format_].extension}"


def swafoto_path(instance: "Presensi", filename: str) -> str:
    return _berkas_bukti("swafoto", instance.pegawai_id, instance.swafoto_format)


def bukti_aktivitas_path(instance: "Aktivitas", filename: str) -> str:
    return _berkas_bukti("aktivitas", instance.pegawai_id, instance.bukti_format)


class PresensiQuerySet(RiwayatQuerySet):
    def diterima(self):
        return self.filter(alasan=Alasan.DITERIMA)


class Presensi(models.Model):
    """Every check-in or check-out attempt, accepted or refused, with its reason code."""

    class Jenis(models.TextChoices):
        MASUK = "masuk", "Masuk"
        PULANG = "pulang", "Pulang"

    class Via(models.TextChoices):
        API = "api", "Aplikasi"
        WEB = "web", "Web"

    pegawai = models.ForeignKey(
        "people.Pegawai", on_delete=models.CASCADE, related_name="+", verbose_name="pegawai"
    )
    jenis = models.CharField("jenis", max_length=8, choices=Jenis.choices)
    waktu = models.DateTimeField("waktu server", db_index=True)
    tanggal = models.DateField("hari kerja", null=True, blank=True)
    latitude = models.FloatField("lintang", null=True)
    longitude = models.FloatField("bujur", null=True)
    akurasi_m = models.FloatField("akurasi (m)", null=True)
    mock = models.BooleanField("lokasi palsu", default=False)
    device_id = models.CharField("ID perangkat", max_length=128, blank=True)
    waktu_ponsel = models.DateTimeField("waktu ponsel", null=True, blank=True)
    kunci = models.CharField("kunci idempotensi", max_length=64)
    sidik = models.CharField("sidik isi permintaan", max_length=64)
    alasan = models.CharField(
        "hasil", max_length=32, choices=[(a.value, LABEL_ALASAN[a]) for a in Alasan]
    )
    pesan = models.CharField("pesan", max_length=255)
    jarak_m = models.FloatField("jarak (m)", null=True)
    lokasi = models.CharField("lokasi terdekat", max_length=160, blank=True)
    via = models.CharField("melalui", max_length=8, choices=Via.choices)
    swafoto = models.FileField(
        "swafoto", upload_to=swafoto_path, max_length=255, blank=True, default=""
    )
    swafoto_format = models.CharField("format swafoto", max_length=8, blank=True, default="")

    objects = PresensiQuerySet.as_manager()

    class Meta:
        verbose_name = "presensi"
        verbose_name_plural = "presensi"
        ordering = ["-waktu", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["pegawai", "kunci"], name="presensi_kunci_unik"),
            # Two check-ins in the same second: exactly one is accepted.
            models.UniqueConstraint(
                fields=["pegawai", "tanggal", "jenis"],
                condition=Q(alasan="diterima"),
                name="presensi_diterima_sekali",
            ),
        ]
        indexes = [models.Index(fields=["tanggal", "alasan"], name="presensi_hari_idx")]

    def __str__(self) -> str:
        return f"{self.get_jenis_display()} {self.waktu:%d-%m-%Y %H.%M} ({self.alasan})"

    @property
    def diterima(self) -> bool:
        return self.alasan == Alasan.DITERIMA


class JenisKetidakhadiran(models.TextChoices):
    """What an approved absence makes of the day (`jenis_ketidakhadiran`)."""

    IZIN = "izin", "Izin"
    SAKIT = "sakit", "Sakit"
    CUTI_TAHUNAN = "cuti_tahunan", "Cuti tahunan"
    CUTI_SAKIT = "cuti_sakit", "Cuti sakit"
    CUTI_ALASAN_PENTING = "cuti_alasan_penting", "Cuti karena alasan penting"
    CUTI_BESAR = "cuti_besar", "Cuti besar"
    CUTI_MELAHIRKAN = "cuti_melahirkan", "Cuti melahirkan"
    CLTN = "cltn", "Cuti di luar tanggungan negara"
    DINAS_LUAR = "dinas_luar", "Dinas luar"
    TUGAS_BELAJAR = "tugas_belajar", "Tugas belajar"


STATUS_OF_JENIS = {
    JenisKetidakhadiran.IZIN: Status.IZIN,
    JenisKetidakhadiran.SAKIT: Status.SAKIT,
    JenisKetidakhadiran.DINAS_LUAR: Status.DINAS_LUAR,
    JenisKetidakhadiran.TUGAS_BELAJAR: Status.TUGAS_BELAJAR,
}


def status_of_jenis(jenis: str) -> Status:
    return STATUS_OF_JENIS.get(jenis, Status.CUTI)


class KetidakhadiranQuerySet(RiwayatQuerySet):
    def disetujui(self):
        return self.filter(disetujui=True)

    def on(self, day: date):
        return self.filter(mulai__lte=day, selesai__gte=day)


class Ketidakhadiran(models.Model):
    """An approved absence over a date range: leave, permission, sickness, duty away."""

    pegawai = models.ForeignKey(
        "people.Pegawai", on_delete=models.CASCADE, related_name="+", verbose_name="pegawai"
    )
    jenis = models.CharField("jenis", max_length=24, choices=JenisKetidakhadiran.choices)
    mulai = models.DateField("mulai")
    selesai = models.DateField("selesai")
    keterangan = models.CharField("keterangan", max_length=255, blank=True)
    disetujui = models.BooleanField("disetujui", default=True)

    objects = KetidakhadiranQuerySet.as_manager()

    class Meta:
        verbose_name = "ketidakhadiran"
        verbose_name_plural = "ketidakhadiran"
        ordering = ["-mulai"]
        constraints = [
            models.CheckConstraint(
                condition=Q(selesai__gte=models.F("mulai")),
                name="ketidakhadiran_rentang_sah",
                violation_error_message="Tanggal selesai tidak boleh sebelum tanggal mulai.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_jenis_display()} {self.mulai:%d-%m-%Y}–{self.selesai:%d-%m-%Y}"


class StatusHarian(models.Model):
    """A working day's status, written by the day-close job (re-runnable for a past date)."""

    pegawai = models.ForeignKey(
        "people.Pegawai", on_delete=models.CASCADE, related_name="+", verbose_name="pegawai"
    )
    opd = models.ForeignKey("org.Opd", on_delete=models.CASCADE, related_name="+")
    tanggal = models.DateField("tanggal")
    status = models.CharField(
        "status", max_length=16, choices=[(s.value, LABEL_STATUS[s]) for s in Status]
    )
    jenis_ketidakhadiran = models.CharField(
        "jenis ketidakhadiran", max_length=24, choices=JenisKetidakhadiran.choices, blank=True
    )
    tl = models.PositiveSmallIntegerField("TL", default=0)
    psw = models.PositiveSmallIntegerField("PSW", default=0)
    terlambat_menit = models.PositiveIntegerField("terlambat (menit)", default=0)
    pulang_cepat_menit = models.PositiveIntegerField("pulang cepat (menit)", default=0)
    masuk = models.DateTimeField("masuk", null=True)
    pulang = models.DateTimeField("pulang", null=True)

    objects = RiwayatQuerySet.as_manager()

    class Meta:
        verbose_name = "status harian"
        verbose_name_plural = "status harian"
        ordering = ["-tanggal", "pegawai__nama"]
        constraints = [
            models.UniqueConstraint(fields=["pegawai", "tanggal"], name="status_harian_unik")
        ]
        indexes = [models.Index(fields=["opd", "tanggal"], name="status_harian_opd_idx")]

    def __str__(self) -> str:
        return f"{self.tanggal:%d-%m-%Y} {self.get_status_display()}"


class PengajuanKetidakhadiran(Case):
    """A leave or permission request through the one workflow (attendance/flows.py): the
    pegawai asks with the required document, the atasan approves or returns, admin BKD where
    the type requires; approval records the `Ketidakhadiran` and re-closes past days."""

    class Status(models.TextChoices):
        DIAJUKAN = "diajukan", "Menunggu atasan"
        MENUNGGU_BKD = "menunggu_bkd", "Menunggu admin BKD"
        DIKEMBALIKAN = "dikembalikan", "Dikembalikan"
        DISETUJUI = "disetujui", "Disetujui"
        DITOLAK = "ditolak", "Ditolak"
        DIBATALKAN = "dibatalkan", "Dibatalkan"

    pegawai = models.ForeignKey(
        "people.Pegawai", on_delete=models.CASCADE, related_name="+", verbose_name="pegawai"
    )
    jenis = models.CharField("jenis", max_length=24, choices=JenisKetidakhadiran.choices)
    mulai = models.DateField("mulai")
    selesai = models.DateField("selesai")
    alasan = models.TextField("alasan", max_length=1000)
    dokumen = models.ForeignKey(
        "documents.Dokumen", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    hari_kerja = models.PositiveSmallIntegerField("jumlah hari kerja", default=0)
    dibuat_oleh = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    dibuat_pada = models.DateTimeField("diajukan", auto_now_add=True)
    ketidakhadiran = models.OneToOneField(
        Ketidakhadiran, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = RiwayatQuerySet.as_manager()

    class Meta:
        verbose_name = "pengajuan cuti/izin"
        verbose_name_plural = "pengajuan cuti/izin"
        ordering = ["-dibuat_pada", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(selesai__gte=models.F("mulai")),
                name="pengajuan_rentang_sah",
                violation_error_message="Tanggal selesai tidak boleh sebelum tanggal mulai.",
            )
        ]

    def __str__(self) -> str:
        if self.mulai == self.selesai:
            return f"{self.get_jenis_display()} {self.mulai:%d-%m-%Y}"
        return f"{self.get_jenis_display()} {self.mulai:%d-%m-%Y}–{self.selesai:%d-%m-%Y}"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("attendance:cuti_detail", args=[self.pk])

    @property
    def state_label(self) -> str:
        return self.Status(self.state).label


class Aktivitas(models.Model):
    """A daily activity (aktivitas harian) the pegawai records; their atasan approves or returns
    it, in bulk. Approved minutes go into the monthly recap."""

    class Status(models.TextChoices):
        DIAJUKAN = "diajukan", "Menunggu atasan"
        DISETUJUI = "disetujui", "Disetujui"
        DIKEMBALIKAN = "dikembalikan", "Dikembalikan"

    pegawai = models.ForeignKey(
        "people.Pegawai", on_delete=models.CASCADE, related_name="+", verbose_name="pegawai"
    )
    tanggal = models.DateField("tanggal")
    mulai = models.TimeField("mulai")
    selesai = models.TimeField("selesai")
    uraian = models.CharField("uraian kegiatan", max_length=500)
    output = models.CharField("output", max_length=120)
    volume = models.PositiveIntegerField("volume", default=1)
    menit = models.PositiveIntegerField("lama (menit)", default=0)
    status = models.CharField(
        "status", max_length=16, choices=Status.choices, default=Status.DIAJUKAN
    )
    catatan = models.CharField("catatan atasan", max_length=255, blank=True)
    diputuskan_oleh = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    bukti = models.FileField(
        "bukti", upload_to=bukti_aktivitas_path, max_length=255, blank=True, default=""
    )
    bukti_format = models.CharField("format bukti", max_length=8, blank=True, default="")
    bukti_nama_asli = models.CharField("nama berkas bukti", max_length=150, blank=True)

    objects = RiwayatQuerySet.as_manager()

    class Meta:
        verbose_name = "aktivitas harian"
        verbose_name_plural = "aktivitas harian"
        ordering = ["-tanggal", "mulai", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(selesai__gt=models.F("mulai")),
                name="aktivitas_jam_sah",
                violation_error_message="Jam selesai harus setelah jam mulai.",
            )
        ]
        indexes = [models.Index(fields=["pegawai", "tanggal"], name="aktivitas_hari_idx")]

    def __str__(self) -> str:
        return f"{self.tanggal:%d-%m-%Y} {self.mulai:%H.%M}–{self.selesai:%H.%M} {self.uraian[:40]}"


class TandaKonteks(models.Model):
    """A mark that changes whenever an input of the check-in context changes: row 0 for the
    region-wide configuration, row <pegawai id> for one pegawai's own inputs (roster, temporary
    places, absences, devices). A check-in reads both marks with its pegawai row and reuses
    what this process computed under the same marks (`attendance/konteks.py`). Random values,
    not a counter, so a rolled-back or restored database cannot bring an old mark back with
    other data."""

    id = models.BigIntegerField(primary_key=True)
    tanda = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = "tanda konteks presensi"
        verbose_name_plural = "tanda konteks presensi"

    def __str__(self) -> str:
        return "wilayah" if self.pk == 0 else f"pegawai {self.pk}"


class KonteksPresensi(models.Model):
    """A pegawai's check-in context for a date, precomputed (before the morning, or by the
    first check-in of the day) so that every app process finds it with the pegawai row. Valid
    only while both marks it was computed under are current (`attendance/konteks.py`)."""

    pegawai = models.ForeignKey("people.Pegawai", on_delete=models.CASCADE, related_name="+")
    tanggal = models.DateField("tanggal")
    tanda_wilayah = models.BigIntegerField(default=0)
    tanda_pegawai = models.BigIntegerField(default=0)
    data = models.JSONField()

    class Meta:
        verbose_name = "konteks presensi"
        verbose_name_plural = "konteks presensi"
        constraints = [
            models.UniqueConstraint(fields=["pegawai", "tanggal"], name="konteks_presensi_unik")
        ]

    def __str__(self) -> str:
        return f"{self.pegawai_id} {self.tanggal}"


class UsulanDisiplin(Case):
    """A PP 94/2021 proposal filed by the monthly job (attendance/disiplin.py) when a pegawai's
    unexcused absence reaches a threshold: to their atasan for the light punishments, to admin
    BKD for the medium and heavy ones. It never punishes: whoever acts records what was done,
    or cancels it with the reason (attendance/flows.py)."""

    class Status(models.TextChoices):
        MENUNGGU = "menunggu", "Menunggu tindak lanjut"
        DITINDAKLANJUTI = "ditindaklanjuti", "Ditindaklanjuti"
        DIBATALKAN = "dibatalkan", "Dibatalkan"

    class Dasar(models.TextChoices):
        KUMULATIF = "kumulatif", "hari kerja kumulatif dalam setahun"
        BERTURUT = "berturut", "hari kerja berturut-turut"

    pegawai = models.ForeignKey(
        "people.Pegawai", on_delete=models.CASCADE, related_name="+", verbose_name="pegawai"
    )
    tahun = models.PositiveSmallIntegerField("tahun")
    dasar = models.CharField("dasar", max_length=16, choices=Dasar.choices)
    ambang = models.PositiveSmallIntegerField("ambang (hari)")
    tingkat = models.CharField("tingkat hukuman", max_length=16)
    hukuman = models.CharField("hukuman menurut PP 94/2021", max_length=160)
    sampai = models.DateField("dihitung sampai")
    kumulatif = models.PositiveSmallIntegerField("tanpa keterangan dalam setahun")
    berturut = models.PositiveSmallIntegerField("terpanjang berturut-turut")
    hari = models.JSONField("tanggal tanpa keterangan", default=list)
    penindak = models.ForeignKey(
        "people.Pegawai", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name="atasan yang menindaklanjuti",
    )  # fmt: skip
    ke_bkd = models.BooleanField("ditindaklanjuti BKD", default=False)
    dibuat_pada = models.DateTimeField("diusulkan", auto_now_add=True)

    objects = RiwayatQuerySet.as_manager()

    class Meta:
        verbose_name = "usulan hukuman disiplin"
        verbose_name_plural = "usulan hukuman disiplin"
        ordering = ["-dibuat_pada", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["pegawai", "tahun", "dasar", "ambang"],
                condition=~Q(state="dibatalkan"),
                name="usulan_disiplin_unik",
            )
        ]

    def __str__(self) -> str:
        return f"Usulan disiplin {self.tahun}: {self.ambang} {self.get_dasar_display()}"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("attendance:disiplin_detail", args=[self.pk])

    @property
    def state_label(self) -> str:
        return self.Status(self.state).label

    @property
    def tanggal(self) -> list[date]:
        return [date.fromisoformat(d) for d in self.hari]

    @property
    def ambang_teks(self) -> str:
        """The threshold as Pasal 11 words it: "4–6 hari kerja dalam setahun"."""
        if self.dasar == self.Dasar.BERTURUT:
            return f"{self.ambang} hari kerja berturut-turut"
        starts = [a[0] for a in AMBANG_PP94]
        following = [s for s in starts if s > self.ambang]
        if not following:
            return f"{self.ambang} hari kerja atau lebih dalam setahun"
        if following[0] - 1 == self.ambang:
            return f"{self.ambang} hari kerja dalam setahun"
        return f"{self.ambang}–{following[0] - 1} hari kerja dalam setahun"


class PengajuanLokasi(Case):
    """A pegawai on dinas luar (or approved WFH) proposes a place and dates; their atasan
    approves it through the workflow (attendance/flows.py), which records the
    `LokasiSementara` the check-in uses from then on."""

    class Status(models.TextChoices):
        DIAJUKAN = "diajukan", "Menunggu atasan"
        DISETUJUI = "disetujui", "Disetujui"
        DITOLAK = "ditolak", "Ditolak"
        DIBATALKAN = "dibatalkan", "Dibatalkan"

    pegawai = models.ForeignKey(
        "people.Pegawai", on_delete=models.CASCADE, related_name="+", verbose_name="pegawai"
    )
    nama = models.CharField("nama lokasi", max_length=160, validators=[no_formula])
    latitude = models.DecimalField("lintang", max_digits=9, decimal_places=6)
    longitude = models.DecimalField("bujur", max_digits=9, decimal_places=6)
    radius_m = models.PositiveIntegerField("radius (m)")
    mulai = models.DateField("mulai")
    selesai = models.DateField("selesai")
    alasan = models.CharField("alasan", max_length=255, validators=[no_formula])
    dibuat_oleh = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    dibuat_pada = models.DateTimeField("diajukan", auto_now_add=True)
    lokasi = models.OneToOneField(
        LokasiSementara, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = RiwayatQuerySet.as_manager()

    class Meta:
        verbose_name = "pengajuan lokasi sementara"
        verbose_name_plural = "pengajuan lokasi sementara"
        ordering = ["-dibuat_pada", "-pk"]

    def __str__(self) -> str:
        return f"{self.nama} ({self.mulai:%d-%m-%Y}–{self.selesai:%d-%m-%Y})"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("attendance:lokasi_detail", args=[self.pk])

    @property
    def state_label(self) -> str:
        return self.Status(self.state).label
