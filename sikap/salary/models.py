"""e-Berkala: salary tables as data (with effective date and regulation), the people who sign
KGB letters, and the KGB letter as a workflow case (`salary/flows.py`)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse

from sikap.accounts import access
from sikap.people.models import GOLONGAN_CHOICES, Pegawai, RiwayatGaji
from sikap.workflow import Case


class TabelGaji(models.Model):
    """A salary table in force from `berlaku_mulai` (PP 5/2024, PP 15/2019, a PPPK table)."""

    class Untuk(models.TextChoices):
        PNS = "pns", "PNS/CPNS"
        PPPK = "pppk", "PPPK"

    kode = models.SlugField("kode", max_length=32, unique=True)
    nama = models.CharField("nama singkat", max_length=64, help_text="mis. PP 5/2024")
    regulasi = models.TextField(
        "dasar hukum", help_text="dikutip pada surat KGB, mis. Peraturan Pemerintah Nomor 5 …"
    )
    untuk = models.CharField("berlaku untuk", max_length=8, choices=Untuk.choices)
    berlaku_mulai = models.DateField("berlaku mulai")

    class Meta:
        verbose_name = "tabel gaji"
        verbose_name_plural = "tabel gaji"
        ordering = ["untuk", "-berlaku_mulai"]
        constraints = [
            models.UniqueConstraint(
                fields=["untuk", "berlaku_mulai"],
                name="one_salary_table_per_start",
                violation_error_message="Sudah ada tabel gaji yang berlaku mulai tanggal itu.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.nama} (berlaku {self.berlaku_mulai:%d-%m-%Y})"


class BarisGaji(models.Model):
    """One listed step: golongan at MKG (years) pays `gaji_pokok`."""

    tabel = models.ForeignKey(TabelGaji, on_delete=models.CASCADE, related_name="baris")
    golongan = models.CharField("golongan", max_length=8, choices=GOLONGAN_CHOICES)
    mkg_tahun = models.PositiveSmallIntegerField("MKG tahun")
    gaji_pokok = models.DecimalField("gaji pokok", max_digits=14, decimal_places=0)

    class Meta:
        verbose_name = "baris tabel gaji"
        verbose_name_plural = "baris tabel gaji"
        ordering = ["tabel", "golongan", "mkg_tahun"]
        constraints = [
            models.UniqueConstraint(
                fields=["tabel", "golongan", "mkg_tahun"],
                name="one_salary_step",
                violation_error_message="Golongan dan MKG ini sudah ada dalam tabel.",
            ),
            models.CheckConstraint(
                condition=Q(gaji_pokok__gt=0),
                name="salary_step_positive",
                violation_error_message="Gaji pokok harus lebih dari nol.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.golongan} MKG {self.mkg_tahun}"


def ttd_path(instance: "Penandatangan", filename: str) -> str:
    return f"ttd/{instance.user_id}.png"


class Penandatangan(models.Model):
    """Who signs KGB letters: the head of BKD or a delegate, with a stored signature image
    (a certified TTE plugs in through `salary/signing.py`)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="penandatangan_kgb",
        verbose_name="akun",
    )
    nama = models.CharField("nama dan gelar", max_length=255)
    nip = models.CharField("NIP", max_length=18)
    jabatan = models.CharField(
        "jabatan", max_length=255, help_text="mis. Kepala Badan Kepegawaian Daerah"
    )
    pangkat = models.CharField("pangkat/golongan", max_length=128, blank=True)
    atas_nama = models.CharField(
        "a.n./Plt.", max_length=255, blank=True, help_text="kosong bila kepala sendiri"
    )
    tanda_tangan = models.ImageField("gambar tanda tangan", upload_to=ttd_path, blank=True)
    aktif = models.BooleanField("aktif", default=True)

    class Meta:
        verbose_name = "penandatangan KGB"
        verbose_name_plural = "penandatangan KGB"
        ordering = ["nama"]

    def __str__(self) -> str:
        return f"{self.nama} — {self.jabatan}"


class KgbQuerySet(models.QuerySet):
    def visible_to(self, user):
        """BKD-wide roles see every letter, an admin OPD those of its OPDs, a pegawai their
        own published ones."""
        if not user.is_authenticated:
            return self.none()
        if access.sees_all_opd(user):
            return self
        q = Q(pk__in=[])
        if access.is_admin_opd(user):
            q |= Q(pegawai__opd__in=user.opd_scope.all())
        if user.pegawai_id:
            q |= Q(pegawai_id=user.pegawai_id, state=Kgb.Status.TERBIT)
        return self.filter(q)


class Kgb(Case):
    """One KGB letter from draft to publication; the numbers are the rule's result at drafting."""

    class Status(models.TextChoices):
        DRAF = "draf", "Draf"
        DIKEMBALIKAN = "dikembalikan", "Dikembalikan"
        DIVERIFIKASI = "diverifikasi", "Terverifikasi"
        DITANDATANGANI = "ditandatangani", "Ditandatangani"
        TERBIT = "terbit", "Terbit"

    pegawai = models.ForeignKey(Pegawai, on_delete=models.PROTECT, related_name="kgb")
    tmt_jatuh = models.DateField("TMT jatuh tempo")
    # The basis: the pay-setting SK the letter rests on, copied so the letter stays true.
    riwayat_dasar = models.ForeignKey(
        RiwayatGaji, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    dasar_jenis = models.CharField("jenis SK dasar", max_length=8)
    dasar_pejabat = models.CharField("pejabat penetap SK dasar", max_length=255, blank=True)
    dasar_sk_nomor = models.CharField("nomor SK dasar", max_length=128, blank=True)
    dasar_sk_tanggal = models.DateField("tanggal SK dasar", null=True, blank=True)
    dasar_tmt = models.DateField("TMT SK dasar")
    dasar_golongan = models.CharField("golongan SK dasar", max_length=8)
    dasar_mkg_tahun = models.PositiveSmallIntegerField("MKG tahun SK dasar")
    dasar_mkg_bulan = models.PositiveSmallIntegerField("MKG bulan SK dasar")
    dasar_gaji_pokok = models.DecimalField("gaji pokok lama", max_digits=14, decimal_places=2)
    # The new salary.
    tmt = models.DateField("TMT KGB")
    golongan = models.CharField("golongan", max_length=8)
    mkg_tahun = models.PositiveSmallIntegerField("MKG tahun")
    mkg_bulan = models.PositiveSmallIntegerField("MKG bulan")
    gaji_pokok = models.DecimalField("gaji pokok baru", max_digits=14, decimal_places=2)
    tabel = models.ForeignKey(TabelGaji, on_delete=models.PROTECT, related_name="+")
    tmt_berikutnya = models.DateField("KGB berikutnya", null=True, blank=True)
    penundaan = models.TextField("penundaan", blank=True)
    perhatian = models.TextField("perlu perhatian verifikator", blank=True)
    alasan_kembali = models.TextField("alasan dikembalikan", blank=True)
    penandatangan = models.ForeignKey(
        Penandatangan, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    ditandatangani_pada = models.DateTimeField("ditandatangani", null=True, blank=True)
    diverifikasi_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    dokumen = models.OneToOneField(
        "documents.DokumenTerbit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="kgb",
    )
    riwayat_gaji = models.OneToOneField(
        RiwayatGaji, on_delete=models.PROTECT, null=True, blank=True, related_name="kgb"
    )
    dibuat = models.DateTimeField("disusun", auto_now_add=True)

    objects = KgbQuerySet.as_manager()

    class Meta:
        verbose_name = "KGB"
        verbose_name_plural = "KGB"
        ordering = ["tmt", "pegawai__nama"]
        constraints = [
            # The daily job never drafts the same KGB twice.
            models.UniqueConstraint(fields=["pegawai", "tmt_jatuh"], name="one_kgb_per_due_date")
        ]

    def __str__(self) -> str:
        return f"KGB {self.pegawai.nama} TMT {self.tmt:%d-%m-%Y}"

    def get_status_display(self) -> str:
        return self.Status(self.state).label

    def get_absolute_url(self) -> str:
        return reverse("salary:detail", args=[self.pk])


class KgbTertunda(models.Model):
    """A pegawai whose next KGB cannot be drafted: the reason waits on the due list until the
    history is corrected (the daily job clears it then)."""

    pegawai = models.OneToOneField(Pegawai, on_delete=models.CASCADE, related_name="kgb_tertunda")
    tmt = models.DateField("TMT jatuh tempo", null=True, blank=True)
    alasan = models.TextField("alasan")
    ditunda = models.BooleanField("ditunda (PP 7/1977 Pasal 13)", default=False)
    diperiksa = models.DateTimeField("diperiksa", auto_now=True)

    class Meta:
        verbose_name = "KGB menunggu"
        verbose_name_plural = "KGB menunggu"

    def __str__(self) -> str:
        return f"{self.pegawai}: {self.alasan}"


class PengaturanSurat(models.Model):
    """The letterhead and addressing of KGB letters (one row, edited at /kelola/)."""

    lambang = models.ImageField("lambang daerah (kop)", upload_to="kop/", blank=True)
    kop_baris = models.TextField(
        "teks kop",
        default="PEMERINTAH KABUPATEN LUMAJANG\nBADAN KEPEGAWAIAN DAERAH",
        help_text="satu baris per baris kop",
    )
    alamat = models.CharField(
        "alamat kantor", max_length=255, default="Jl. Alun-Alun Utara No. 3, Lumajang 67311"
    )
    kota = models.CharField("kota penandatanganan", max_length=64, default="Lumajang")
    tujuan = models.TextField(
        "kepada (alamat surat)",
        default="Kepala Badan Pengelola Keuangan dan Aset Daerah\nKabupaten Lumajang",
    )
    tembusan = models.TextField(
        "tembusan",
        default="Inspektur Kabupaten Lumajang\nKepala Perangkat Daerah yang bersangkutan\n"
        "Pegawai yang bersangkutan",
        help_text="satu penerima per baris",
    )

    class Meta:
        verbose_name = "pengaturan surat KGB"
        verbose_name_plural = "pengaturan surat KGB"

    def __str__(self) -> str:
        return "Pengaturan surat KGB"

    @classmethod
    def current(cls) -> "PengaturanSurat":
        return cls.objects.order_by("pk").first() or cls()
