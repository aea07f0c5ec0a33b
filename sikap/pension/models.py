"""SIMANTUN TANDUK: the BUP override of one pegawai, the pension document checklists
(configuration), and the pension file as a workflow case (`pension/flows.py`) with its
attached documents and the differences the population registry showed."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse

from sikap.accounts import access
from sikap.core.validators import no_formula
from sikap.documents.models import Dokumen, JenisDokumen, Wajib
from sikap.people.models import Pegawai
from sikap.rules.pension import BUP_MAX, BUP_MIN
from sikap.workflow import Case


class BupPegawai(models.Model):
    """A pegawai whose BUP is not their position's: a law or a BKN letter (e.g. the
    grandfathered BUP of someone over 58 when PP 11/2017 took effect), recorded with its basis."""

    pegawai = models.OneToOneField(Pegawai, on_delete=models.CASCADE, related_name="bup_khusus")
    bup = models.PositiveSmallIntegerField(
        "BUP", validators=[MinValueValidator(BUP_MIN), MaxValueValidator(BUP_MAX)]
    )
    dasar_hukum = models.CharField(
        "dasar hukum", max_length=255, validators=[no_formula],
        help_text="mis. UU 14/2005 Pasal 40 (guru besar) atau surat BKN nomor …",
    )  # fmt: skip
    dicatat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    dicatat = models.DateTimeField("dicatat", auto_now=True)

    class Meta:
        verbose_name = "BUP khusus pegawai"
        verbose_name_plural = "BUP khusus pegawai"

    def __str__(self) -> str:
        return f"{self.pegawai}: BUP {self.bup} ({self.dasar_hukum})"


class JenisPensiun(models.TextChoices):
    BUP = "bup", "Batas usia pensiun (BUP)"
    APS = "aps", "Atas permintaan sendiri"
    JANDA_DUDA = "janda_duda", "Janda/duda/anak (meninggal dunia)"
    UZUR = "uzur", "Uzur / tidak cakap jasmani atau rohani"
    PERAMPINGAN = "perampingan", "Perampingan organisasi"


class SyaratDokumen(models.Model):
    """One document a type of pension file needs (RULES §5), for the pegawai `berlaku_untuk`
    names (akta nikah only for the married, akte lahir anak only with children)."""

    jenis_pensiun = models.CharField("jenis pensiun", max_length=16, choices=JenisPensiun.choices)
    jenis_dokumen = models.ForeignKey(
        JenisDokumen, on_delete=models.PROTECT, related_name="+", verbose_name="jenis dokumen"
    )
    berlaku_untuk = models.CharField(
        "wajib bagi", max_length=16, choices=Wajib.choices, default=Wajib.SEMUA,
        help_text="'Tidak wajib': dilampirkan bila ada.",
    )  # fmt: skip
    urutan = models.PositiveSmallIntegerField("urutan", default=100)

    class Meta:
        verbose_name = "syarat dokumen pensiun"
        verbose_name_plural = "syarat dokumen pensiun"
        ordering = ["jenis_pensiun", "urutan", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["jenis_pensiun", "jenis_dokumen"],
                name="one_requirement_per_pension_type",
                violation_error_message="Dokumen ini sudah menjadi syarat jenis pensiun itu.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_jenis_pensiun_display()}: {self.jenis_dokumen}"


class BerkasQuerySet(models.QuerySet):
    def visible_to(self, user):
        """BKD-wide roles see every file, an admin OPD those of its OPDs, a pegawai their own."""
        if not user.is_authenticated:
            return self.none()
        if access.sees_all_opd(user):
            return self
        q = Q(pk__in=[])
        if access.is_admin_opd(user):
            q |= Q(pegawai__opd__in=user.opd_scope.all())
        if user.pegawai_id:
            q |= Q(pegawai_id=user.pegawai_id)
        return self.filter(q)

    def open(self):
        return self.exclude(state__in=BerkasPensiun.CLOSED)


class BerkasPensiun(Case):
    """One pegawai's pension file, from opening to the SK handed over."""

    class Status(models.TextChoices):
        DIBUKA = "dibuka", "Sedang dilengkapi"
        DPCP_DIKONFIRMASI = "dpcp_dikonfirmasi", "DPCP dikonfirmasi"
        DIAJUKAN = "diajukan", "Menunggu verifikasi BKD"
        DIKEMBALIKAN = "dikembalikan", "Dikembalikan untuk perbaikan"
        DIVERIFIKASI = "diverifikasi", "Terverifikasi BKD"
        DIKIRIM_BKN = "dikirim_bkn", "Dikirim ke BKN"
        PERTEK = "pertek", "Pertek BKN diterima"
        SK_TERBIT = "sk_terbit", "SK pensiun terbit"
        DISERAHKAN = "diserahkan", "SK diserahkan"
        DIBATALKAN = "dibatalkan", "Dibatalkan"

    class Cek(models.TextChoices):
        BELUM = "belum", "Belum diperiksa"
        SESUAI = "sesuai", "Sesuai data kependudukan"
        BERBEDA = "berbeda", "Ada perbedaan dengan data kependudukan"
        MANUAL = "manual", "Pemeriksaan manual (KK/KTP)"

    CLOSED = (Status.DISERAHKAN, Status.DIBATALKAN)

    state = models.CharField("status", max_length=32, choices=Status.choices, db_index=True)
    pegawai = models.ForeignKey(Pegawai, on_delete=models.PROTECT, related_name="berkas_pensiun")
    jenis = models.CharField("jenis pensiun", max_length=16, choices=JenisPensiun.choices)
    bup = models.PositiveSmallIntegerField("BUP", null=True, blank=True)
    tmt_pensiun = models.DateField("TMT pensiun")
    keterangan = models.TextField("keterangan", blank=True, validators=[no_formula])
    dibuka_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    dibuka = models.DateTimeField("dibuka", auto_now_add=True)
    diajukan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # The population-registry check done when the file opened (or again on request).
    cek_kependudukan = models.CharField(
        "pemeriksaan data kependudukan", max_length=8, choices=Cek.choices, default=Cek.BELUM
    )
    cek_catatan = models.TextField("catatan pemeriksaan", blank=True)
    cek_pada = models.DateTimeField("diperiksa", null=True, blank=True)
    pertek_nomor = models.CharField("nomor pertek BKN", max_length=128, blank=True)
    pertek_tanggal = models.DateField("tanggal pertek BKN", null=True, blank=True)
    sk_nomor = models.CharField("nomor SK pensiun", max_length=128, blank=True)
    sk_tanggal = models.DateField("tanggal SK pensiun", null=True, blank=True)
    sk_tmt = models.DateField("TMT pada SK pensiun", null=True, blank=True)
    sk_dokumen = models.ForeignKey(
        Dokumen, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    alasan_kembali = models.TextField("alasan dikembalikan", blank=True)
    kedudukan_diubah = models.DateTimeField("kedudukan menjadi pensiun", null=True, blank=True)

    objects = BerkasQuerySet.as_manager()

    class Meta:
        verbose_name = "berkas pensiun"
        verbose_name_plural = "berkas pensiun"
        ordering = ["tmt_pensiun", "pegawai__nama"]
        constraints = [
            # Whatever opens it (the daily job, an admin OPD, a death record), one at a time.
            models.UniqueConstraint(
                fields=["pegawai"],
                condition=~Q(state="dibatalkan"),
                name="one_pension_file_per_pegawai",
            )
        ]

    def __str__(self) -> str:
        return f"Berkas pensiun {self.pegawai.nama}"

    def get_absolute_url(self) -> str:
        return reverse("pension:detail", args=[self.pk])

    def get_status_display(self) -> str:
        return self.Status(self.state).label

    @property
    def is_open(self) -> bool:
        return self.state not in self.CLOSED


class LampiranBerkas(models.Model):
    """One checklist item of a file: the document attached (from the digital file or uploaded
    for it) and the BKD's verdict on it."""

    class Status(models.TextChoices):
        KOSONG = "kosong", "Belum ada"
        MENUNGGU = "menunggu", "Menunggu verifikasi"
        DITERIMA = "diterima", "Diterima"
        DIKEMBALIKAN = "dikembalikan", "Dikembalikan"

    berkas = models.ForeignKey(BerkasPensiun, on_delete=models.CASCADE, related_name="lampiran")
    jenis_dokumen = models.ForeignKey(JenisDokumen, on_delete=models.PROTECT, related_name="+")
    wajib = models.BooleanField("wajib", default=True)
    urutan = models.PositiveSmallIntegerField("urutan", default=100)
    dokumen = models.ForeignKey(
        Dokumen, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.KOSONG)
    alasan = models.TextField("alasan dikembalikan", blank=True)
    diperiksa_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = "lampiran berkas pensiun"
        verbose_name_plural = "lampiran berkas pensiun"
        ordering = ["berkas", "urutan", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["berkas", "jenis_dokumen"], name="one_item_per_document_type"
            )
        ]

    def __str__(self) -> str:
        return f"{self.jenis_dokumen.nama} ({self.get_status_display()})"


class PerbedaanData(models.Model):
    """A difference between SIMAK and the population registry, listed for the verifier."""

    berkas = models.ForeignKey(BerkasPensiun, on_delete=models.CASCADE, related_name="perbedaan")
    jenis = models.CharField("jenis", max_length=24)
    siapa = models.CharField("siapa", max_length=255)
    nik = models.CharField("NIK", max_length=16, blank=True)
    simak = models.CharField("menurut SIMAK", max_length=255)
    registry = models.CharField("menurut Dukcapil", max_length=255)
    keterangan = models.CharField("keterangan", max_length=255)

    class Meta:
        verbose_name = "perbedaan data kependudukan"
        verbose_name_plural = "perbedaan data kependudukan"
        ordering = ["berkas", "pk"]

    def __str__(self) -> str:
        return f"{self.siapa}: {self.keterangan}"
