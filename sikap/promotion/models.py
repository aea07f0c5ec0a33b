"""e-Pangkat: KP periods and types as configuration, the ujian dinas record the rule reads, and
the proposal (`UsulanKp`) as a workflow case with one verification row per required document.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse

from sikap.accounts import access
from sikap.core.validators import no_formula
from sikap.documents.models import Dokumen, JenisDokumen
from sikap.people.models import GOLONGAN_CHOICES, Pegawai, RiwayatPangkat
from sikap.rules import promotion as rule
from sikap.workflow import Case


class PeriodeKp(models.Model):
    """A KP period: its date (the TMT of every SK in it) and the OPDs' submission deadline.
    Which dates may be periods follows the regulation in force (`rules.promotion.JADWAL`)."""

    tanggal = models.DateField("periode (TMT)", unique=True)
    batas_usul = models.DateField("batas pengajuan usul")
    keterangan = models.CharField("keterangan", max_length=255, blank=True, validators=[no_formula])

    class Meta:
        verbose_name = "periode kenaikan pangkat"
        verbose_name_plural = "periode kenaikan pangkat"
        ordering = ["-tanggal"]
        constraints = [
            models.CheckConstraint(
                condition=Q(batas_usul__lt=models.F("tanggal")),
                name="kp_deadline_before_period",
                violation_error_message="Batas pengajuan harus sebelum tanggal periode.",
            )
        ]

    def __str__(self) -> str:
        return f"Periode KP {self.tanggal:%d-%m-%Y}"

    def get_absolute_url(self) -> str:
        return reverse("promotion:periode", args=[self.pk])

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.tanggal and not rule.is_tanggal_periode(self.tanggal):
            jadwal = rule.jadwal_pada(self.tanggal)
            raise ValidationError(
                {
                    "tanggal": f"{self.tanggal:%d-%m-%Y} bukan periode KP menurut "
                    f"{jadwal.regulasi} (tanggal 1 bulan {', '.join(map(str, jadwal.bulan))})."
                }
            )


class JenisKp(models.Model):
    """A KP type; its requirements are the rule of the same `kode`, its documents the checklist."""

    kode = models.CharField("kode", max_length=24, unique=True, choices=list(rule.JENIS.items()))
    nama = models.CharField("nama", max_length=128)
    aktif = models.BooleanField("aktif", default=True)
    urutan = models.PositiveSmallIntegerField("urutan", default=100)

    class Meta:
        verbose_name = "jenis kenaikan pangkat"
        verbose_name_plural = "jenis kenaikan pangkat"
        ordering = ["urutan", "nama"]

    def __str__(self) -> str:
        return self.nama

    @property
    def pilihan(self) -> bool:
        return self.kode in rule.PILIHAN


class SyaratDokumen(models.Model):
    """One document of a type's checklist (RULES.md §4 "typical documents"), with when it is
    asked for: always, only when the KP crosses II→III or III→IV (STLUD), only for the first
    KP (SK CPNS/PNS) or for any later one (the last KP's SK)."""

    class Bila(models.TextChoices):
        SELALU = "selalu", "Selalu"
        LINTAS = "lintas", "Bila melewati II→III atau III→IV"
        KP_PERTAMA = "kp_pertama", "Bila KP pertama"
        BUKAN_PERTAMA = "bukan_pertama", "Bila sudah pernah KP"

    jenis_kp = models.ForeignKey(JenisKp, on_delete=models.CASCADE, related_name="syarat")
    jenis_dokumen = models.ForeignKey(JenisDokumen, on_delete=models.PROTECT, related_name="+")
    bila = models.CharField("diminta", max_length=16, choices=Bila.choices, default=Bila.SELALU)
    tahun_skp = models.PositiveSmallIntegerField(
        "SKP tahun ke-",
        null=True,
        blank=True,
        help_text="Untuk dokumen SKP: 1 = SKP terakhir yang berlaku, 2 = setahun sebelumnya.",
    )
    urutan = models.PositiveSmallIntegerField("urutan", default=100)

    class Meta:
        verbose_name = "dokumen persyaratan KP"
        verbose_name_plural = "dokumen persyaratan KP"
        ordering = ["jenis_kp", "urutan", "pk"]

    def __str__(self) -> str:
        return f"{self.jenis_kp}: {self.nama}"

    @property
    def nama(self) -> str:
        if self.tahun_skp:
            which = "terakhir" if self.tahun_skp == 1 else "setahun sebelumnya"
            return f"{self.jenis_dokumen.nama} ({which})"
        return self.jenis_dokumen.nama


class UjianDinasQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(pegawai__in=Pegawai.objects.visible_to(user))


class UjianDinas(models.Model):
    """A passed ujian dinas / UPKP (STLUD), or an exemption with its basis."""

    class Tingkat(models.TextChoices):
        I = "I", "Ujian dinas tingkat I (II → III)"  # noqa: E741
        II = "II", "Ujian dinas tingkat II (III → IV)"
        UPKP = "upkp", "Ujian penyesuaian kenaikan pangkat (UPKP)"

    pegawai = models.ForeignKey(Pegawai, on_delete=models.CASCADE, related_name="ujian_dinas")
    tingkat = models.CharField("tingkat", max_length=8, choices=Tingkat.choices)
    tanggal = models.DateField("tanggal lulus / pembebasan")
    nomor = models.CharField("nomor STLUD / dasar", max_length=128, validators=[no_formula])
    dibebaskan = models.BooleanField("dibebaskan", default=False)

    objects = UjianDinasQuerySet.as_manager()

    class Meta:
        verbose_name = "ujian dinas"
        verbose_name_plural = "ujian dinas"
        ordering = ["pegawai", "-tanggal"]

    def __str__(self) -> str:
        return f"{self.get_tingkat_display()} {self.tanggal:%d-%m-%Y}"


class UsulanQuerySet(models.QuerySet):
    def visible_to(self, user):
        """BKD-wide roles see every proposal, an admin OPD those of its OPDs, a pegawai their
        own (all states: it is their real-time status)."""
        if not user.is_authenticated:
            return self.none()
        if access.sees_all_opd(user):
            return self
        q = Q(pk__in=[])
        if access.is_admin_opd(user):
            q |= Q(opd__in=user.opd_scope.all())
        if user.pegawai_id:
            q |= Q(pegawai_id=user.pegawai_id)
        return self.filter(q)


class UsulanKp(Case):
    """One pegawai's KP proposal in one period, from the admin OPD's draft to the SK handed over."""

    class Status(models.TextChoices):
        DRAF = "draf", "Draf"
        DIAJUKAN = "diajukan", "Diajukan ke BKD"
        DIKEMBALIKAN = "dikembalikan", "Dikembalikan (BTL)"
        LENGKAP = "lengkap", "Berkas lengkap"
        DITERUSKAN = "diteruskan", "Diteruskan ke BKN"
        SK_TERBIT = "sk_terbit", "SK terbit"
        DISERAHKAN = "diserahkan", "SK diserahkan"
        DIBATALKAN = "dibatalkan", "Dibatalkan"

    state = models.CharField("status", max_length=32, choices=Status.choices, db_index=True)
    periode = models.ForeignKey(PeriodeKp, on_delete=models.PROTECT, related_name="usulan")
    pegawai = models.ForeignKey(Pegawai, on_delete=models.PROTECT, related_name="usulan_kp")
    # The OPD when opened: the admin OPD's queue keeps it even if the pegawai moves.
    opd = models.ForeignKey("org.Opd", on_delete=models.PROTECT, related_name="+")
    jenis = models.ForeignKey(JenisKp, on_delete=models.PROTECT, related_name="usulan")
    golongan_asal = models.CharField("golongan lama", max_length=8, choices=GOLONGAN_CHOICES)
    tmt_asal = models.DateField("TMT golongan lama")
    golongan_tujuan = models.CharField("golongan baru", max_length=8, choices=GOLONGAN_CHOICES)
    memenuhi_syarat = models.BooleanField("memenuhi syarat saat dibuka")
    alasan = models.TextField(
        "alasan diusulkan", blank=True, validators=[no_formula],
        help_text="Wajib untuk KP pilihan yang belum memenuhi semua syarat otomatis.",
    )  # fmt: skip
    angka_kredit = models.DecimalField(
        "angka kredit (PAK)", max_digits=8, decimal_places=3, null=True, blank=True
    )
    angka_kredit_minimum = models.DecimalField(
        "angka kredit dipersyaratkan", max_digits=8, decimal_places=3, null=True, blank=True
    )
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    dibuat = models.DateTimeField("dibuat", auto_now_add=True)
    diajukan = models.DateTimeField("terakhir diajukan", null=True, blank=True)
    pertek_nomor = models.CharField(
        "nomor pertek BKN", max_length=128, blank=True, validators=[no_formula]
    )
    pertek_tanggal = models.DateField("tanggal pertek BKN", null=True, blank=True)
    sk_nomor = models.CharField("nomor SK", max_length=128, blank=True, validators=[no_formula])
    sk_tanggal = models.DateField("tanggal SK", null=True, blank=True)
    sk_tmt = models.DateField("TMT SK", null=True, blank=True)
    sk_golongan = models.CharField(
        "golongan pada SK", max_length=8, blank=True, choices=GOLONGAN_CHOICES
    )
    sk_mkg_tahun = models.PositiveSmallIntegerField("MKG tahun", null=True, blank=True)
    sk_mkg_bulan = models.PositiveSmallIntegerField("MKG bulan", null=True, blank=True)
    sk_dokumen = models.ForeignKey(
        Dokumen, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    riwayat_pangkat = models.ForeignKey(
        RiwayatPangkat, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = UsulanQuerySet.as_manager()

    class Meta:
        verbose_name = "usul kenaikan pangkat"
        verbose_name_plural = "usul kenaikan pangkat"
        ordering = ["periode", "opd", "pegawai__nama"]
        constraints = [
            models.UniqueConstraint(
                fields=["periode", "pegawai"],
                condition=~Q(state="dibatalkan"),
                name="one_kp_per_pegawai_per_period",
                violation_error_message="Pegawai ini sudah diusulkan pada periode ini.",
            )
        ]
        indexes = [models.Index(fields=["periode", "opd", "state"])]

    def __str__(self) -> str:
        return f"Usul KP {self.pegawai.nama} {self.golongan_asal}→{self.golongan_tujuan}"

    def get_absolute_url(self) -> str:
        return reverse("promotion:usulan", args=[self.pk])


class BerkasUsulan(models.Model):
    """A required document of a proposal and its verification: the document attached (taken
    from the digital file or uploaded), BKD's decision and, when returned (BTL), why. A row is
    replaced, never overwritten, when a returned document is fixed: the history stays."""

    class Status(models.TextChoices):
        BELUM_ADA = "belum_ada", "Belum ada"
        MENUNGGU = "menunggu", "Menunggu verifikasi"
        DITERIMA = "diterima", "Diterima"
        BTL = "btl", "BTL (dikembalikan)"

    usulan = models.ForeignKey(UsulanKp, on_delete=models.CASCADE, related_name="berkas")
    syarat = models.ForeignKey(SyaratDokumen, on_delete=models.PROTECT, related_name="+")
    dokumen = models.ForeignKey(
        Dokumen, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    status = models.CharField("status", max_length=16, choices=Status.choices)
    alasan = models.CharField("alasan BTL", max_length=255, blank=True, validators=[no_formula])
    aktif = models.BooleanField("berlaku", default=True)
    diperiksa_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    diperiksa = models.DateTimeField("diperiksa", null=True, blank=True)
    dibuat = models.DateTimeField("dilampirkan", auto_now_add=True)

    class Meta:
        verbose_name = "berkas usul KP"
        verbose_name_plural = "berkas usul KP"
        ordering = ["usulan", "syarat__urutan", "syarat_id", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["usulan", "syarat"], condition=Q(aktif=True), name="one_current_berkas"
            )
        ]

    def __str__(self) -> str:
        return f"{self.syarat.nama}: {self.get_status_display()}"
