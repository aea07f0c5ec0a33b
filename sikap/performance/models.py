"""SAKIP data: Renstra → Tujuan → Sasaran → Indikator with yearly targets; Renja per year
(Program → Kegiatan → SubKegiatan, each with indicator rows); the Perjanjian Kinerja, versioned;
quarterly realisation moving through the workflow, and corrections of locked quarters.

Fields named `laporan_*` and the `Laporan*` models keep figures *as printed* in a published
report that was imported (the seed's LKj). SIKAP never computes from them; the consistency
checks compare them with what SIKAP recomputes.
"""

from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse

from sikap.rules.capaian import Aggregation, Direction, LowerConvention, Rounding
from sikap.workflow import Case

K = {"max_digits": 18, "decimal_places": 4}  # kinerja values: 3293, 5.54, 24.0959
RP = {"max_digits": 18, "decimal_places": 2}  # rupiah


class PrintedDecimalField(models.CharField):
    """A figure as printed in a published report, kept as text so that 13.00 keeps its two
    decimals: the checks compare a recomputed value at the precision it was printed with."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 40)
        kwargs.setdefault("null", True)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def from_db_value(self, value, expression, connection):
        return None if value in (None, "") else Decimal(value)

    def to_python(self, value):
        if value is None or value == "":
            return None
        if isinstance(value, Decimal):
            return value
        try:
            return Decimal(str(value))
        except InvalidOperation:
            raise ValidationError(f"'{value}' bukan angka.") from None

    def get_prep_value(self, value):
        return None if value in (None, "") else str(value)

    def run_validators(self, value):
        # CharField's validators (max_length) measure text; `to_python` gave a Decimal.
        super().run_validators(None if value is None else str(value))


class Arah(models.TextChoices):
    HIGHER = Direction.HIGHER, "Semakin tinggi semakin baik"
    LOWER = Direction.LOWER, "Semakin rendah semakin baik"


class Agregasi(models.TextChoices):
    SUM = Aggregation.SUM, "Jumlah keempat triwulan"
    LAST = Aggregation.LAST, "Triwulan terakhir yang dilaporkan"
    AVERAGE = Aggregation.AVERAGE, "Rata-rata triwulan yang dilaporkan"
    MAXIMUM = Aggregation.MAXIMUM, "Nilai tertinggi"


class Sumber(models.TextChoices):
    MANUAL = "manual", "Diisi manual"
    FORMULA = "formula", "Dihitung (indeks IP ASN)"


class Renstra(models.Model):
    nama = models.CharField("nama", max_length=255, blank=True)
    tahun_awal = models.PositiveSmallIntegerField("tahun awal")
    tahun_akhir = models.PositiveSmallIntegerField("tahun akhir")

    class Meta:
        verbose_name = "Renstra"
        verbose_name_plural = "Renstra"
        ordering = ["-tahun_awal"]
        constraints = [
            models.UniqueConstraint(fields=["tahun_awal", "tahun_akhir"], name="renstra_periode"),
            models.CheckConstraint(
                condition=Q(tahun_akhir__gte=models.F("tahun_awal")), name="renstra_urut"
            ),
        ]

    def __str__(self) -> str:
        return f"Renstra {self.tahun_awal}–{self.tahun_akhir}"


class Tujuan(models.Model):
    renstra = models.ForeignKey(Renstra, on_delete=models.CASCADE, related_name="tujuan")
    nomor = models.CharField("nomor", max_length=16, blank=True)
    nama = models.CharField("tujuan", max_length=500)
    urutan = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = "tujuan"
        verbose_name_plural = "tujuan"
        ordering = ["renstra", "urutan", "id"]

    def __str__(self) -> str:
        return self.nama


class Sasaran(models.Model):
    tujuan = models.ForeignKey(Tujuan, on_delete=models.CASCADE, related_name="sasaran")
    nomor = models.CharField("nomor", max_length=16, blank=True)
    nama = models.CharField("sasaran", max_length=500)
    urutan = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = "sasaran"
        verbose_name_plural = "sasaran"
        ordering = ["tujuan", "urutan", "id"]

    def __str__(self) -> str:
        return self.nama


class Indikator(models.Model):
    """An indicator of a sasaran, or of the tujuan itself when `sasaran` is empty (the seed's
    Indeks Profesionalitas ASN measures the tujuan)."""

    tujuan = models.ForeignKey(Tujuan, on_delete=models.CASCADE, related_name="indikator")
    sasaran = models.ForeignKey(
        Sasaran, on_delete=models.CASCADE, null=True, blank=True, related_name="indikator"
    )
    nama = models.CharField("indikator", max_length=500)
    satuan = models.CharField("satuan", max_length=32)
    arah = models.CharField("arah", max_length=8, choices=Arah.choices, default=Arah.HIGHER)
    agregasi = models.CharField(
        "agregasi triwulan", max_length=8, choices=Agregasi.choices, default=Agregasi.LAST
    )
    sumber = models.CharField("sumber realisasi", max_length=8, choices=Sumber.choices)
    # Key of an IP ASN sub-index or user-defined indicator computed by sikap.ipasn.
    formula = models.CharField("kunci rumus", max_length=64, blank=True)
    urutan = models.PositiveIntegerField(default=0)
    # A national standard to compare against (LKj analysis 4), where one exists.
    standar_nasional = models.DecimalField("standar nasional", null=True, blank=True, **K)
    standar_nasional_sumber = models.CharField(
        "sumber standar nasional", max_length=255, blank=True
    )

    class Meta:
        verbose_name = "indikator sasaran"
        verbose_name_plural = "indikator sasaran"
        ordering = ["tujuan", "urutan", "id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(sumber="formula") | ~Q(formula=""), name="indikator_rumus_diisi"
            )
        ]

    def __str__(self) -> str:
        return self.nama


class IndikatorTarget(models.Model):
    """The target of an indicator for one year, and its manually entered realisation (used
    when the indicator is not computed, or the computation is not available)."""

    indikator = models.ForeignKey(Indikator, on_delete=models.CASCADE, related_name="target")
    tahun = models.PositiveSmallIntegerField("tahun")
    target = models.DecimalField("target", **K)
    realisasi = models.DecimalField("realisasi (manual)", null=True, blank=True, **K)
    laporan_capaian = PrintedDecimalField("capaian tercetak (%)")

    class Meta:
        verbose_name = "target indikator"
        verbose_name_plural = "target indikator"
        ordering = ["tahun", "indikator"]
        constraints = [
            models.UniqueConstraint(fields=["indikator", "tahun"], name="target_per_tahun")
        ]

    def __str__(self) -> str:
        return f"{self.indikator} {self.tahun}"


class RealisasiTerbit(models.Model):
    """An earlier year's realisation of an indicator as its signed report published it: the
    LKj compares the year with N−1 and N−2 from these (not by recomputing a past year from
    today's personnel data)."""

    indikator = models.ForeignKey(
        Indikator, on_delete=models.CASCADE, related_name="realisasi_terbit"
    )
    tahun = models.PositiveSmallIntegerField("tahun")
    realisasi = models.DecimalField("realisasi terbit", **K)
    sumber = models.CharField("sumber (dokumen terbit)", max_length=255, blank=True)

    class Meta:
        verbose_name = "realisasi tahun sebelumnya"
        verbose_name_plural = "realisasi tahun sebelumnya"
        ordering = ["indikator", "tahun"]
        constraints = [
            models.UniqueConstraint(fields=["indikator", "tahun"], name="realisasi_terbit_unik")
        ]

    def __str__(self) -> str:
        return f"{self.indikator} {self.tahun}: {self.realisasi}"


class Renja(models.Model):
    tahun = models.PositiveSmallIntegerField("tahun", unique=True)
    renstra = models.ForeignKey(
        Renstra, on_delete=models.SET_NULL, null=True, blank=True, related_name="renja"
    )
    sumber = models.CharField("berkas sumber", max_length=500, blank=True)

    class Meta:
        verbose_name = "Renja"
        verbose_name_plural = "Renja"
        ordering = ["-tahun"]

    def __str__(self) -> str:
        return f"Renja {self.tahun}"

    def get_absolute_url(self) -> str:
        return reverse("performance:sakip_tahun", args=[self.tahun])


class Node(models.Model):
    """What program, kegiatan and sub kegiatan share."""

    kode = models.CharField("kode", max_length=64)
    nomor = models.CharField("nomor tercetak", max_length=16, blank=True)
    nama = models.CharField("nama", max_length=1000)
    laporan_nama = models.CharField("nama di tabel realisasi", max_length=1000, blank=True)
    sasaran = models.TextField("sasaran", blank=True)
    urutan = models.PositiveIntegerField(default=0)

    class Meta:
        abstract = True
        ordering = ["urutan"]

    def __str__(self) -> str:
        return f"{self.kode} {self.nama}"


class Program(Node):
    renja = models.ForeignKey(Renja, on_delete=models.CASCADE, related_name="program")
    urusan_kode = models.CharField("kode urusan", max_length=16, blank=True)
    urusan_nama = models.CharField("urusan", max_length=255, blank=True)

    class Meta(Node.Meta):
        verbose_name = "program"
        verbose_name_plural = "program"
        constraints = [models.UniqueConstraint(fields=["renja", "kode"], name="program_kode")]


class Kegiatan(Node):
    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="kegiatan")

    class Meta(Node.Meta):
        verbose_name = "kegiatan"
        verbose_name_plural = "kegiatan"
        constraints = [models.UniqueConstraint(fields=["program", "kode"], name="kegiatan_kode")]


class SubKegiatan(Node):
    kegiatan = models.ForeignKey(Kegiatan, on_delete=models.CASCADE, related_name="sub_kegiatan")

    class Meta(Node.Meta):
        verbose_name = "sub kegiatan"
        verbose_name_plural = "sub kegiatan"
        constraints = [
            models.UniqueConstraint(fields=["kegiatan", "kode"], name="sub_kegiatan_kode")
        ]


class Tingkat(models.TextChoices):
    PROGRAM = "program", "Program"
    KEGIATAN = "kegiatan", "Kegiatan"
    SUB_KEGIATAN = "sub_kegiatan", "Sub kegiatan"


class IndikatorRenja(models.Model):
    """One indicator row of a program, kegiatan or sub kegiatan: target K and anggaran Rp.
    A program or kegiatan with several indicators splits its budget across their rows."""

    renja = models.ForeignKey(Renja, on_delete=models.CASCADE, related_name="indikator")
    tingkat = models.CharField("tingkat", max_length=16, choices=Tingkat.choices)
    program = models.ForeignKey(
        Program, on_delete=models.CASCADE, null=True, blank=True, related_name="indikator"
    )
    kegiatan = models.ForeignKey(
        Kegiatan, on_delete=models.CASCADE, null=True, blank=True, related_name="indikator"
    )
    sub_kegiatan = models.ForeignKey(
        SubKegiatan, on_delete=models.CASCADE, null=True, blank=True, related_name="indikator"
    )
    kode = models.CharField("kode", max_length=64)
    urutan = models.PositiveIntegerField(default=0)
    indikator = models.TextField("indikator")
    satuan = models.CharField("satuan", max_length=32)
    target = models.DecimalField("target K", **K)
    anggaran = models.DecimalField("anggaran Rp", null=True, blank=True, **RP)
    arah = models.CharField("arah", max_length=8, choices=Arah.choices, default=Arah.HIGHER)
    agregasi = models.CharField("agregasi triwulan", max_length=8, choices=Agregasi.choices)
    # The realisation table as printed (BAB III of the seed).
    ada_laporan = models.BooleanField("ada di tabel realisasi", default=False)
    laporan_indikator = models.TextField("indikator di tabel realisasi", blank=True)
    laporan_target = models.DecimalField("target K tercetak", null=True, blank=True, **K)
    laporan_satuan = models.CharField("satuan target tercetak", max_length=32, blank=True)
    laporan_anggaran = models.DecimalField("target Rp tercetak", null=True, blank=True, **RP)
    laporan_realisasi_k = PrintedDecimalField("realisasi K tercetak")
    laporan_realisasi_rp = models.DecimalField("realisasi Rp tercetak", null=True, blank=True, **RP)
    satuan_realisasi = models.CharField("satuan realisasi", max_length=32, blank=True)
    catatan = models.TextField("catatan", blank=True)

    class Meta:
        verbose_name = "indikator Renja"
        verbose_name_plural = "indikator Renja"
        ordering = ["renja", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(tingkat="program", program__isnull=False, kegiatan=None, sub_kegiatan=None)
                    | Q(tingkat="kegiatan", kegiatan__isnull=False, program=None, sub_kegiatan=None)
                    | Q(
                        tingkat="sub_kegiatan",
                        sub_kegiatan__isnull=False,
                        program=None,
                        kegiatan=None,
                    )
                ),
                name="indikator_renja_satu_induk",
            ),
            models.UniqueConstraint(fields=["renja", "kode", "urutan"], name="indikator_urutan"),
        ]

    def __str__(self) -> str:
        return f"{self.kode} · {self.indikator}"

    def get_absolute_url(self) -> str:
        return reverse("performance:sakip_indikator", args=[self.pk])

    @property
    def node(self):
        return self.program or self.kegiatan or self.sub_kegiatan


class LaporanTotal(models.Model):
    """The unlabelled total row the report prints under a program or kegiatan."""

    renja = models.ForeignKey(Renja, on_delete=models.CASCADE, related_name="laporan_total")
    kode = models.CharField("kode", max_length=64)
    tingkat = models.CharField("tingkat", max_length=16, choices=Tingkat.choices)
    anggaran = models.DecimalField("target Rp", null=True, blank=True, **RP)
    rp_tw1 = models.DecimalField("Rp TW I", null=True, blank=True, **RP)
    rp_tw2 = models.DecimalField("Rp TW II", null=True, blank=True, **RP)
    rp_tw3 = models.DecimalField("Rp TW III", null=True, blank=True, **RP)
    rp_tw4 = models.DecimalField("Rp TW IV", null=True, blank=True, **RP)
    realisasi_k = PrintedDecimalField("realisasi K")
    satuan = models.CharField("satuan", max_length=32, blank=True)
    realisasi_rp = models.DecimalField("realisasi Rp", null=True, blank=True, **RP)

    class Meta:
        verbose_name = "baris total tercetak"
        verbose_name_plural = "baris total tercetak"
        constraints = [models.UniqueConstraint(fields=["renja", "kode"], name="total_per_kode")]

    def __str__(self) -> str:
        return f"Total {self.kode}"


class LaporanAnggaran(models.Model):
    """A row of the published budget table (ANGGARAN / REALISASI / PERSENTASE); the JUMLAH
    row has no program."""

    renja = models.ForeignKey(Renja, on_delete=models.CASCADE, related_name="laporan_anggaran")
    program = models.ForeignKey(
        Program, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    nama = models.CharField("program tercetak", max_length=500)
    anggaran = models.DecimalField("anggaran", **RP)
    realisasi = models.DecimalField("realisasi", null=True, blank=True, **RP)
    persen = PrintedDecimalField("persentase")
    urutan = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = "baris tabel anggaran tercetak"
        verbose_name_plural = "baris tabel anggaran tercetak"
        ordering = ["renja", "urutan"]

    def __str__(self) -> str:
        return self.nama


class JenisPerjanjian(models.TextChoices):
    AWAL = "awal", "Awal"
    PERUBAHAN = "perubahan", "Perubahan"


class PerjanjianKinerja(models.Model):
    """One signed version of a year's Perjanjian Kinerja; a later version (perubahan)
    supersedes the earlier ones, which stay as they were signed."""

    tahun = models.PositiveSmallIntegerField("tahun")
    jenis = models.CharField("jenis", max_length=12, choices=JenisPerjanjian.choices)
    nomor_versi = models.PositiveSmallIntegerField("versi")
    tanggal_tanda_tangan = models.DateField("tanggal tanda tangan", null=True, blank=True)
    catatan = models.TextField("catatan", blank=True)

    class Meta:
        verbose_name = "Perjanjian Kinerja"
        verbose_name_plural = "Perjanjian Kinerja"
        ordering = ["tahun", "nomor_versi"]
        constraints = [
            models.UniqueConstraint(fields=["tahun", "nomor_versi"], name="pk_versi"),
        ]

    def __str__(self) -> str:
        return f"Perjanjian Kinerja {self.tahun} v{self.nomor_versi} ({self.get_jenis_display()})"


class PerjanjianKinerjaTarget(models.Model):
    perjanjian = models.ForeignKey(
        PerjanjianKinerja, on_delete=models.CASCADE, related_name="targets"
    )
    indikator = models.ForeignKey(Indikator, on_delete=models.CASCADE, related_name="+")
    target = models.DecimalField("target", **K)

    class Meta:
        verbose_name = "target Perjanjian Kinerja"
        verbose_name_plural = "target Perjanjian Kinerja"
        constraints = [
            models.UniqueConstraint(fields=["perjanjian", "indikator"], name="pk_target_unik")
        ]

    def __str__(self) -> str:
        return f"{self.indikator}: {self.target}"


class PerjanjianKinerjaAnggaran(models.Model):
    perjanjian = models.ForeignKey(
        PerjanjianKinerja, on_delete=models.CASCADE, related_name="anggaran"
    )
    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="+")
    anggaran = models.DecimalField("anggaran", **RP)

    class Meta:
        verbose_name = "anggaran Perjanjian Kinerja"
        verbose_name_plural = "anggaran Perjanjian Kinerja"
        constraints = [
            models.UniqueConstraint(fields=["perjanjian", "program"], name="pk_anggaran_unik")
        ]

    def __str__(self) -> str:
        return f"{self.program.kode}: {self.anggaran}"


class Status(models.TextChoices):
    DRAF = "draf", "Draf"
    DIAJUKAN = "diajukan", "Diajukan"
    DIKEMBALIKAN = "dikembalikan", "Dikembalikan"
    DITOLAK = "ditolak", "Ditolak"
    TERVERIFIKASI = "terverifikasi", "Terverifikasi"
    DISETUJUI = "disetujui", "Disetujui"


# Values can be changed only in these states; a verified quarter changes only by a koreksi.
EDITABLE = (Status.DRAF, Status.DIKEMBALIKAN, Status.DITOLAK)


def bukti_path(instance, filename: str) -> str:
    return f"sakip/bukti/{instance._meta.model_name}/{filename}"


class RealisasiTriwulan(Case):
    # With its labels, so the audit trail reads "Diajukan", not a code.
    state = models.CharField("status", max_length=32, choices=Status.choices, db_index=True)
    indikator = models.ForeignKey(
        IndikatorRenja, on_delete=models.CASCADE, related_name="realisasi"
    )
    triwulan = models.PositiveSmallIntegerField("triwulan", choices=[(q, q) for q in (1, 2, 3, 4)])
    k = models.DecimalField("realisasi K", null=True, blank=True, **K)
    rp = models.DecimalField("realisasi Rp", null=True, blank=True, **RP)
    catatan = models.TextField("catatan bukti", blank=True)
    bukti = models.FileField("berkas bukti", upload_to=bukti_path, blank=True)
    diajukan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = "realisasi triwulan"
        verbose_name_plural = "realisasi triwulan"
        ordering = ["indikator", "triwulan"]
        constraints = [
            models.UniqueConstraint(fields=["indikator", "triwulan"], name="realisasi_triwulan"),
            models.CheckConstraint(condition=Q(triwulan__gte=1, triwulan__lte=4), name="tw_1_4"),
        ]

    def __str__(self) -> str:
        return f"Realisasi TW {self.triwulan} · {self.indikator.kode} {self.indikator.indikator}"

    def get_absolute_url(self) -> str:
        return reverse("performance:sakip_indikator", args=[self.indikator_id])

    @property
    def editable(self) -> bool:
        return self.state in EDITABLE

    @property
    def status_label(self) -> str:
        return Status(self.state).label


OPEN_KOREKSI = (Status.DRAF, Status.DIAJUKAN, Status.DIKEMBALIKAN)
# A rejected correction is closed; the perencana starts a new one.
KOREKSI_EDITABLE = (Status.DRAF, Status.DIKEMBALIKAN)


class KoreksiRealisasi(Case):
    """A correction of a verified (locked) quarter: its own case; approving it replaces the
    quarter's values, and the audit keeps the old ones."""

    state = models.CharField("status", max_length=32, choices=Status.choices, db_index=True)

    realisasi = models.ForeignKey(
        RealisasiTriwulan, on_delete=models.CASCADE, related_name="koreksi"
    )
    k = models.DecimalField("realisasi K baru", null=True, blank=True, **K)
    rp = models.DecimalField("realisasi Rp baru", null=True, blank=True, **RP)
    catatan = models.TextField("catatan bukti", blank=True)
    bukti = models.FileField("berkas bukti", upload_to=bukti_path, blank=True)
    alasan = models.TextField("alasan koreksi")
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    diajukan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    dibuat_pada = models.DateTimeField("dibuat", auto_now_add=True)

    class Meta:
        verbose_name = "koreksi realisasi"
        verbose_name_plural = "koreksi realisasi"
        ordering = ["-dibuat_pada", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["realisasi"],
                condition=Q(state__in=OPEN_KOREKSI),
                name="satu_koreksi_terbuka",
            )
        ]

    def __str__(self) -> str:
        return f"Koreksi {self.realisasi}"

    def get_absolute_url(self) -> str:
        return reverse("performance:sakip_koreksi", args=[self.pk])

    @property
    def editable(self) -> bool:
        return self.state in KOREKSI_EDITABLE

    @property
    def status_label(self) -> str:
        return Status(self.state).label


class PengaturanCapaian(models.Model):
    """How capaian is computed and rated, from a year on (the latest row whose
    `berlaku_mulai` ≤ the year applies; without one, the defaults of sikap.rules.capaian)."""

    berlaku_mulai = models.PositiveSmallIntegerField("berlaku mulai tahun", unique=True)
    konvensi_turun = models.CharField(
        "rumus indikator 'semakin rendah semakin baik'",
        max_length=12,
        choices=[
            (LowerConvention.PERMENPANRB, "(2 × target − realisasi) ÷ target × 100"),
            (LowerConvention.INVERSE, "target ÷ realisasi × 100"),
        ],
        default=LowerConvention.PERMENPANRB,
    )
    desimal = models.PositiveSmallIntegerField("jumlah desimal capaian", default=2)
    pembulatan = models.CharField(
        "pembulatan",
        max_length=12,
        choices=[(Rounding.HALF_UP, "Setengah ke atas"), (Rounding.TRUNCATE, "Dipotong")],
        default=Rounding.HALF_UP,
    )
    desimal_realisasi = models.PositiveSmallIntegerField(
        "bulatkan realisasi dulu ke (desimal)", null=True, blank=True
    )
    # [[batas bawah atau null, predikat], …] from the highest band down.
    predikat = models.JSONField("predikat", default=list, blank=True)

    class Meta:
        verbose_name = "pengaturan capaian"
        verbose_name_plural = "pengaturan capaian"
        ordering = ["-berlaku_mulai"]

    def __str__(self) -> str:
        return f"Pengaturan capaian mulai {self.berlaku_mulai}"
