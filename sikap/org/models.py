"""The organisation: OPD, their unit tree, positions and office locations."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from sikap.core.validators import no_formula


class Opd(models.Model):
    """A regional agency (Organisasi Perangkat Daerah): dinas, badan, kecamatan, …"""

    kode = models.CharField("kode", max_length=32, unique=True)
    nama = models.CharField("nama", max_length=255, validators=[no_formula])
    singkatan = models.CharField("singkatan", max_length=64, blank=True)
    siasn_id = models.CharField("ID SIASN", max_length=64, blank=True, db_index=True)
    alamat = models.CharField("alamat", max_length=255, blank=True)
    aktif = models.BooleanField("aktif", default=True)

    class Meta:
        verbose_name = "OPD"
        verbose_name_plural = "OPD"
        ordering = ["nama"]

    def __str__(self) -> str:
        return self.nama


class UnitKerja(models.Model):
    """An organisational unit inside an OPD; units form a tree under the OPD's root unit."""

    opd = models.ForeignKey(Opd, on_delete=models.PROTECT, related_name="units")
    induk = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="anak"
    )
    nama = models.CharField("nama", max_length=255, validators=[no_formula])
    siasn_id = models.CharField("ID UNOR SIASN", max_length=64, blank=True, db_index=True)

    class Meta:
        verbose_name = "unit kerja"
        verbose_name_plural = "unit kerja"
        ordering = ["opd__nama", "nama"]

    def __str__(self) -> str:
        return self.nama


class JenisJabatan(models.TextChoices):
    JPT = "jpt", "Jabatan Pimpinan Tinggi"
    JA = "ja", "Jabatan Administrator"
    JP = "jp", "Jabatan Pengawas"
    JF = "jf", "Jabatan Fungsional"
    PELAKSANA = "pelaksana", "Jabatan Pelaksana"


STRUKTURAL = (JenisJabatan.JPT, JenisJabatan.JA, JenisJabatan.JP)


class Jabatan(models.Model):
    """A position in a unit. The holder of a unit's `kepala` position is the superior of the
    unit's other staff and of the heads of its child units."""

    unit = models.ForeignKey(UnitKerja, on_delete=models.PROTECT, related_name="jabatan")
    nama = models.CharField("nama jabatan", max_length=255, validators=[no_formula])
    jenis = models.CharField("jenis jabatan", max_length=16, choices=JenisJabatan.choices)
    eselon = models.CharField("eselon", max_length=8, blank=True)
    kelas = models.PositiveSmallIntegerField("kelas jabatan", null=True, blank=True)
    bup = models.PositiveSmallIntegerField(
        "batas usia pensiun",
        default=58,
        validators=[MinValueValidator(50), MaxValueValidator(70)],
    )
    kepala = models.BooleanField("kepala unit", default=False)
    siasn_id = models.CharField("ID jabatan SIASN", max_length=64, blank=True, db_index=True)

    class Meta:
        verbose_name = "jabatan"
        verbose_name_plural = "jabatan"
        ordering = ["unit__nama", "-kepala", "nama"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit"], condition=models.Q(kepala=True), name="one_kepala_per_unit"
            )
        ]

    def __str__(self) -> str:
        return self.nama


class LokasiKantor(models.Model):
    """An office where check-ins count, a circle of `radius_m` metres around a point."""

    opd = models.ForeignKey(Opd, on_delete=models.CASCADE, related_name="lokasi")
    # A unit's own place (puskesmas, sekolah): for the pegawai of that unit and the units under
    # it; without a unit, for the whole OPD.
    unit = models.ForeignKey(
        UnitKerja,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="lokasi",
        verbose_name="unit kerja",
    )
    nama = models.CharField("nama lokasi", max_length=255, validators=[no_formula])
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

    class Meta:
        verbose_name = "lokasi kantor"
        verbose_name_plural = "lokasi kantor"
        ordering = ["opd__nama", "nama"]

    def __str__(self) -> str:
        return f"{self.nama} ({self.opd})"

    def clean(self):
        if self.unit_id and self.opd_id and self.unit.opd_id != self.opd_id:
            raise ValidationError({"unit": "Unit kerja bukan bagian dari OPD lokasi ini."})


class JenisTugasTambahan(models.TextChoices):
    KEPALA_SEKOLAH = "kepala_sekolah", "Kepala Sekolah"
    KEPALA_PUSKESMAS = "kepala_puskesmas", "Kepala Puskesmas"
    KEPALA_INSTALASI = "kepala_instalasi", "Kepala Instalasi"
    KEPALA_UNIT = "kepala_unit", "Kepala Unit Lainnya"


class TugasTambahanQuerySet(models.QuerySet):
    def active_on(self, day):
        return self.filter(tmt_mulai__lte=day).filter(
            models.Q(tmt_selesai__isnull=True) | models.Q(tmt_selesai__gte=day)
        )


class TugasTambahan(models.Model):
    """An additional assignment to lead a unit that has no structural head of its own, such as
    a teacher who is kepala sekolah or a doctor who is kepala puskesmas. While active it makes
    the pegawai a head of that unit for the superior relation (sikap.rules.superior); the
    pegawai keeps their own jabatan (which sets kelas, BUP and angka kredit)."""

    pegawai = models.ForeignKey(
        "people.Pegawai",
        on_delete=models.CASCADE,
        related_name="tugas_tambahan",
        verbose_name="pegawai",
    )
    unit = models.ForeignKey(
        UnitKerja,
        on_delete=models.PROTECT,
        related_name="tugas_tambahan",
        verbose_name="unit yang dipimpin",
    )
    jenis = models.CharField("jenis", max_length=24, choices=JenisTugasTambahan.choices)
    sk_nomor = models.CharField("nomor SK", max_length=128, blank=True)
    sk_tanggal = models.DateField("tanggal SK", null=True, blank=True)
    tmt_mulai = models.DateField("TMT mulai")
    tmt_selesai = models.DateField("TMT selesai", null=True, blank=True)

    objects = TugasTambahanQuerySet.as_manager()

    class Meta:
        verbose_name = "tugas tambahan"
        verbose_name_plural = "tugas tambahan"
        ordering = ["unit__nama", "-tmt_mulai"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(tmt_selesai__isnull=True)
                | models.Q(tmt_selesai__gte=models.F("tmt_mulai")),
                name="tugas_tambahan_selesai_after_mulai",
                violation_error_message="TMT selesai tidak boleh sebelum TMT mulai.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_jenis_display()} {self.unit}"

    def clean(self):
        if not (self.pegawai_id and self.unit_id and self.tmt_mulai):
            return
        if self.unit.opd_id != self.pegawai.opd_id:
            raise ValidationError({"unit": "Unit yang dipimpin harus berada di OPD pegawai."})
        others = TugasTambahan.objects.filter(unit_id=self.unit_id).exclude(pk=self.pk)
        others = others.filter(
            models.Q(tmt_selesai__isnull=True) | models.Q(tmt_selesai__gte=self.tmt_mulai)
        )
        if self.tmt_selesai is not None:
            others = others.filter(tmt_mulai__lte=self.tmt_selesai)
        if others.exists():
            raise ValidationError(
                {
                    "tmt_mulai": "Unit ini sudah dipimpin pegawai lain dengan tugas tambahan pada "
                    "periode tersebut."
                }
            )
