"""SIMAK personnel master data: the pegawai and the full histories behind their current state.

The "current" fields on `Pegawai` (unit, jabatan, golongan, pendidikan, gaji) are kept in step with
the histories by `sikap.people.services`; nothing else writes them.
"""

from django.db import models
from django.db.models import Q

from sikap.accounts import access
from sikap.core.validators import no_formula
from sikap.org.models import Jabatan, JenisJabatan, Opd, UnitKerja
from sikap.rules import kedudukan as kedudukan_rule
from sikap.rules.education import TINGKAT
from sikap.rules.ranks import GOLONGAN


class StatusPegawai(models.TextChoices):
    PNS = "pns", "PNS"
    CPNS = "cpns", "CPNS"
    PPPK = "pppk", "PPPK"


class JenisKelamin(models.TextChoices):
    LAKI_LAKI = "L", "Laki-laki"
    PEREMPUAN = "P", "Perempuan"


class Agama(models.TextChoices):
    ISLAM = "islam", "Islam"
    KRISTEN = "kristen", "Kristen"
    KATOLIK = "katolik", "Katolik"
    HINDU = "hindu", "Hindu"
    BUDDHA = "buddha", "Buddha"
    KONGHUCU = "konghucu", "Konghucu"
    LAINNYA = "lainnya", "Lainnya"


class StatusKawin(models.TextChoices):
    BELUM_KAWIN = "belum_kawin", "Belum Kawin"
    KAWIN = "kawin", "Kawin"
    JANDA = "janda", "Janda"
    DUDA = "duda", "Duda"


class Kedudukan(models.TextChoices):
    """Which of these count as in service is said once, in `sikap.rules.kedudukan`."""

    AKTIF = kedudukan_rule.AKTIF, "Aktif"
    TUGAS_BELAJAR = kedudukan_rule.TUGAS_BELAJAR, "Tugas Belajar"
    CLTN = kedudukan_rule.CLTN, "Cuti di Luar Tanggungan Negara"
    BERHENTI_SEMENTARA = kedudukan_rule.BERHENTI_SEMENTARA, "Pemberhentian Sementara"
    PENSIUN = kedudukan_rule.PENSIUN, "Pensiun"
    MENINGGAL = kedudukan_rule.MENINGGAL, "Meninggal Dunia"
    BERHENTI = kedudukan_rule.BERHENTI, "Diberhentikan"


TINGKAT_CHOICES = [(kode, label) for kode, label in TINGKAT.items()]
GOLONGAN_CHOICES = [(g, g) for g in GOLONGAN]


class PegawaiQuerySet(models.QuerySet):
    def in_service(self):
        """ASN in active service (sikap.rules.kedudukan): counted, and may supervise."""
        return self.filter(kedudukan__in=sorted(kedudukan_rule.IN_SERVICE))

    def still_employed(self):
        """Everyone who has not left the service (retired, deceased, dismissed)."""
        return self.exclude(kedudukan__in=sorted(kedudukan_rule.LEFT_SERVICE))

    def visible_to(self, user):
        """The one rule deciding which pegawai a user may see (DESIGN §3); a pegawai's
        subordinates come from the superior rule (`people.selectors.bawahan_q`)."""
        from sikap.people.selectors import bawahan_q  # selectors import this module

        if not user.is_authenticated:
            return self.none()
        if access.sees_all_opd(user):
            return self
        q = Q(pk=user.pegawai_id) if user.pegawai_id else Q(pk__in=[])
        if access.is_admin_opd(user):
            q |= Q(opd__in=user.opd_scope.all())
        if user.pegawai_id:
            q |= bawahan_q(user.pegawai)
        return self.filter(q)

    def editable_by(self, user):
        """Records whose master data the user may change directly (not via a change request).
        Never one's own record, whatever the role: that goes through self-service."""
        if not access.may_edit_personnel(user):
            return self.none()
        queryset = self.exclude(pk=user.pegawai_id) if user.pegawai_id else self
        if access.is_admin_bkd(user):
            return queryset
        return queryset.filter(opd__in=user.opd_scope.all())


class Pegawai(models.Model):
    """An ASN: PNS, CPNS or PPPK."""

    # Identity
    nip = models.CharField("NIP", max_length=18, unique=True)
    nip_lama = models.CharField("NIP lama", max_length=9, blank=True)
    siasn_id = models.CharField("PNS ID SIASN", max_length=64, blank=True, db_index=True)
    nik = models.CharField("NIK", max_length=16, blank=True, db_index=True)
    nama = models.CharField("nama", max_length=255, db_index=True, validators=[no_formula])
    gelar_depan = models.CharField(
        "gelar depan", max_length=64, blank=True, validators=[no_formula]
    )
    gelar_belakang = models.CharField(
        "gelar belakang", max_length=128, blank=True, validators=[no_formula]
    )
    tempat_lahir = models.CharField(
        "tempat lahir", max_length=128, blank=True, validators=[no_formula]
    )
    tanggal_lahir = models.DateField("tanggal lahir")
    jenis_kelamin = models.CharField("jenis kelamin", max_length=1, choices=JenisKelamin.choices)
    agama = models.CharField("agama", max_length=16, choices=Agama.choices, blank=True)
    status_kawin = models.CharField(
        "status perkawinan", max_length=16, choices=StatusKawin.choices, blank=True
    )
    # Contact
    email = models.EmailField("email", blank=True)
    email_dinas = models.EmailField("email dinas", blank=True)
    no_hp = models.CharField("nomor HP", max_length=32, blank=True)
    alamat = models.TextField("alamat", blank=True)
    npwp = models.CharField("NPWP", max_length=32, blank=True)
    bpjs = models.CharField("nomor BPJS", max_length=32, blank=True)
    # Employment
    status = models.CharField("status kepegawaian", max_length=8, choices=StatusPegawai.choices)
    kedudukan = models.CharField(
        "kedudukan hukum", max_length=24, choices=Kedudukan.choices, default=Kedudukan.AKTIF
    )
    tmt_cpns = models.DateField("TMT CPNS", null=True, blank=True)
    tmt_pns = models.DateField("TMT PNS", null=True, blank=True)
    # Current state, derived from the histories by the services.
    opd = models.ForeignKey(
        Opd, on_delete=models.PROTECT, related_name="pegawai", verbose_name="OPD"
    )
    unit = models.ForeignKey(
        UnitKerja, on_delete=models.PROTECT, related_name="pegawai", verbose_name="unit kerja"
    )
    jabatan = models.ForeignKey(
        Jabatan,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="pemangku",
        verbose_name="jabatan",
    )
    jenis_jabatan = models.CharField(
        "jenis jabatan", max_length=16, choices=JenisJabatan.choices, blank=True, db_index=True
    )
    golongan = models.CharField("golongan", max_length=8, blank=True, db_index=True)
    tmt_golongan = models.DateField("TMT golongan", null=True, blank=True)
    tingkat_pendidikan = models.CharField(
        "pendidikan terakhir", max_length=2, choices=TINGKAT_CHOICES, blank=True, db_index=True
    )
    gaji_pokok = models.DecimalField(
        "gaji pokok", max_digits=14, decimal_places=2, null=True, blank=True
    )

    objects = PegawaiQuerySet.as_manager()

    class Meta:
        verbose_name = "pegawai"
        verbose_name_plural = "pegawai"
        ordering = ["nama", "nip"]
        indexes = [models.Index(fields=["opd", "status"])]

    def __str__(self) -> str:
        return f"{self.nama} ({self.nip})"

    @property
    def in_service(self) -> bool:
        return kedudukan_rule.in_service(self.kedudukan)

    @property
    def nama_lengkap(self) -> str:
        from sikap.rules.formatting import nama_lengkap

        return nama_lengkap(self.nama, self.gelar_depan, self.gelar_belakang)


class RiwayatQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(pegawai__in=Pegawai.objects.visible_to(user))


class Riwayat(models.Model):
    """Common shape of a history row: it belongs to one pegawai and may rest on an SK."""

    pegawai = models.ForeignKey(Pegawai, on_delete=models.CASCADE, related_name="+")
    sk_nomor = models.CharField("nomor SK", max_length=128, blank=True)
    sk_tanggal = models.DateField("tanggal SK", null=True, blank=True)

    objects = RiwayatQuerySet.as_manager()

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{self._meta.verbose_name.capitalize()}: {self.label()}"

    def label(self) -> str:
        """What identifies the row to a reader (audit trail, confirmations)."""
        return self.sk_nomor or str(self.pk)


class RiwayatPangkat(Riwayat):
    pegawai = models.ForeignKey(Pegawai, on_delete=models.CASCADE, related_name="riwayat_pangkat")
    golongan = models.CharField("golongan", max_length=8)
    tmt = models.DateField("TMT")
    mkg_tahun = models.PositiveSmallIntegerField("MKG tahun", default=0)
    mkg_bulan = models.PositiveSmallIntegerField("MKG bulan", default=0)
    jenis = models.CharField("jenis kenaikan", max_length=64, blank=True)

    class Meta:
        verbose_name = "riwayat pangkat"
        verbose_name_plural = "riwayat pangkat"
        ordering = ["pegawai", "-tmt"]

    def label(self) -> str:
        return f"{self.golongan} TMT {self.tmt:%d-%m-%Y}"


class RiwayatJabatan(Riwayat):
    pegawai = models.ForeignKey(Pegawai, on_delete=models.CASCADE, related_name="riwayat_jabatan")
    jabatan = models.ForeignKey(
        Jabatan, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    unit = models.ForeignKey(
        UnitKerja, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    nama_jabatan = models.CharField("nama jabatan", max_length=255, validators=[no_formula])
    jenis_jabatan = models.CharField("jenis jabatan", max_length=16, choices=JenisJabatan.choices)
    eselon = models.CharField("eselon", max_length=8, blank=True)
    tmt = models.DateField("TMT jabatan")

    class Meta:
        verbose_name = "riwayat jabatan"
        verbose_name_plural = "riwayat jabatan"
        ordering = ["pegawai", "-tmt"]

    def label(self) -> str:
        return f"{self.nama_jabatan} TMT {self.tmt:%d-%m-%Y}"


class RiwayatPendidikan(Riwayat):
    pegawai = models.ForeignKey(
        Pegawai, on_delete=models.CASCADE, related_name="riwayat_pendidikan"
    )
    tingkat = models.CharField("tingkat pendidikan", max_length=2, choices=TINGKAT_CHOICES)
    jurusan = models.CharField("jurusan", max_length=255, blank=True, validators=[no_formula])
    nama_sekolah = models.CharField(
        "nama sekolah/perguruan tinggi", max_length=255, blank=True, validators=[no_formula]
    )
    tahun_lulus = models.PositiveSmallIntegerField("tahun lulus")
    no_ijazah = models.CharField("nomor ijazah", max_length=128, blank=True)

    class Meta:
        verbose_name = "riwayat pendidikan"
        verbose_name_plural = "riwayat pendidikan"
        ordering = ["pegawai", "-tahun_lulus"]

    def label(self) -> str:
        return f"{self.get_tingkat_display()} {self.jurusan} ({self.tahun_lulus})".replace(
            "  ", " "
        )


class KategoriDiklat(models.TextChoices):
    KEPEMIMPINAN = "kepemimpinan", "Diklat Kepemimpinan (PIM/PKA/PKP)"
    FUNGSIONAL = "fungsional", "Diklat Fungsional"
    TEKNIS = "teknis", "Diklat Teknis"
    SEMINAR = "seminar", "Seminar/Workshop/Kursus/Magang"


class RiwayatDiklat(Riwayat):
    pegawai = models.ForeignKey(Pegawai, on_delete=models.CASCADE, related_name="riwayat_diklat")
    kategori = models.CharField("kategori", max_length=16, choices=KategoriDiklat.choices)
    nama = models.CharField("nama diklat", max_length=255, validators=[no_formula])
    penyelenggara = models.CharField("penyelenggara", max_length=255, blank=True)
    tanggal_mulai = models.DateField("tanggal mulai")
    tanggal_selesai = models.DateField("tanggal selesai")
    jp = models.PositiveSmallIntegerField("jumlah JP", default=0)
    no_sertifikat = models.CharField("nomor sertifikat", max_length=128, blank=True)

    class Meta:
        verbose_name = "riwayat diklat"
        verbose_name_plural = "riwayat diklat"
        ordering = ["pegawai", "-tanggal_mulai"]
        indexes = [models.Index(fields=["kategori", "tanggal_selesai"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(tanggal_selesai__gte=models.F("tanggal_mulai")),
                name="diklat_selesai_after_mulai",
                violation_error_message="Tanggal selesai diklat tidak boleh sebelum tanggal mulai.",
            )
        ]

    def label(self) -> str:
        return f"{self.nama} ({self.tanggal_mulai:%Y})"


class Predikat(models.TextChoices):
    """SKP predicates of PermenPANRB 6/2022, best first (the seed's cukup/sedang/kurang are the
    third to fifth rungs of the same ladder; see docs/rules.md)."""

    SANGAT_BAIK = "sangat_baik", "Sangat Baik"
    BAIK = "baik", "Baik"
    BUTUH_PERBAIKAN = "butuh_perbaikan", "Butuh Perbaikan"
    KURANG = "kurang", "Kurang/Misconduct"
    SANGAT_KURANG = "sangat_kurang", "Sangat Kurang"


class RiwayatSkp(Riwayat):
    pegawai = models.ForeignKey(Pegawai, on_delete=models.CASCADE, related_name="riwayat_skp")
    tahun = models.PositiveSmallIntegerField("tahun penilaian")
    predikat = models.CharField("predikat", max_length=16, choices=Predikat.choices)

    class Meta:
        verbose_name = "riwayat SKP"
        verbose_name_plural = "riwayat SKP"
        ordering = ["pegawai", "-tahun"]
        constraints = [
            models.UniqueConstraint(
                fields=["pegawai", "tahun"],
                name="one_skp_per_year",
                violation_error_message="Pegawai ini sudah memiliki SKP untuk tahun tersebut.",
            )
        ]

    def label(self) -> str:
        return f"{self.tahun}: {self.get_predikat_display()}"


class TingkatHukdis(models.TextChoices):
    RINGAN = "ringan", "Ringan"
    SEDANG = "sedang", "Sedang"
    BERAT = "berat", "Berat"


class RiwayatHukdis(Riwayat):
    pegawai = models.ForeignKey(Pegawai, on_delete=models.CASCADE, related_name="riwayat_hukdis")
    tingkat = models.CharField("tingkat", max_length=8, choices=TingkatHukdis.choices)
    jenis = models.CharField("jenis hukuman", max_length=255)
    tmt = models.DateField("TMT hukuman")
    tanggal_selesai = models.DateField("berakhir", null=True, blank=True)
    alasan = models.TextField("pelanggaran", blank=True)

    class Meta:
        verbose_name = "riwayat hukuman disiplin"
        verbose_name_plural = "riwayat hukuman disiplin"
        ordering = ["pegawai", "-tmt"]

    def label(self) -> str:
        return f"{self.get_tingkat_display()}: {self.jenis} TMT {self.tmt:%d-%m-%Y}"


class RiwayatGaji(Riwayat):
    class Dasar(models.TextChoices):
        CPNS = "cpns", "Pengangkatan CPNS"
        PNS = "pns", "Pengangkatan PNS"
        KP = "kp", "Kenaikan Pangkat"
        KGB = "kgb", "Kenaikan Gaji Berkala"
        PP = "pp", "Penyesuaian Peraturan Gaji"
        PPPK = "pppk", "Perjanjian Kerja PPPK"

    pegawai = models.ForeignKey(Pegawai, on_delete=models.CASCADE, related_name="riwayat_gaji")
    golongan = models.CharField("golongan", max_length=8)
    gaji_pokok = models.DecimalField("gaji pokok", max_digits=14, decimal_places=2)
    tmt = models.DateField("TMT")
    mkg_tahun = models.PositiveSmallIntegerField("MKG tahun", default=0)
    mkg_bulan = models.PositiveSmallIntegerField("MKG bulan", default=0)
    dasar = models.CharField("dasar", max_length=8, choices=Dasar.choices)

    class Meta:
        verbose_name = "riwayat gaji"
        verbose_name_plural = "riwayat gaji"
        ordering = ["pegawai", "-tmt"]

    def label(self) -> str:
        return f"{self.golongan} MKG {self.mkg_tahun} th TMT {self.tmt:%d-%m-%Y}"


class AnggotaKeluarga(Riwayat):
    class Hubungan(models.TextChoices):
        SUAMI = "suami", "Suami"
        ISTRI = "istri", "Istri"
        ANAK = "anak", "Anak"

    pegawai = models.ForeignKey(Pegawai, on_delete=models.CASCADE, related_name="keluarga")
    hubungan = models.CharField("hubungan", max_length=8, choices=Hubungan.choices)
    nama = models.CharField("nama", max_length=255, validators=[no_formula])
    nik = models.CharField("NIK", max_length=16, blank=True)
    tempat_lahir = models.CharField(
        "tempat lahir", max_length=128, blank=True, validators=[no_formula]
    )
    tanggal_lahir = models.DateField("tanggal lahir", null=True, blank=True)
    jenis_kelamin = models.CharField(
        "jenis kelamin", max_length=1, choices=JenisKelamin.choices, blank=True
    )
    tanggal_nikah = models.DateField("tanggal nikah", null=True, blank=True)
    pekerjaan = models.CharField("pekerjaan", max_length=128, blank=True)
    tertanggung = models.BooleanField("masuk daftar gaji", default=True)

    class Meta:
        verbose_name = "anggota keluarga"
        verbose_name_plural = "anggota keluarga"
        ordering = ["pegawai", "hubungan", "tanggal_lahir"]

    def label(self) -> str:
        return f"{self.get_hubungan_display()}: {self.nama}"


# The history kinds a profile shows and a service may change, keyed by URL slug.
RIWAYAT_MODELS = {
    "pangkat": RiwayatPangkat,
    "jabatan": RiwayatJabatan,
    "pendidikan": RiwayatPendidikan,
    "diklat": RiwayatDiklat,
    "skp": RiwayatSkp,
    "hukdis": RiwayatHukdis,
    "gaji": RiwayatGaji,
    "keluarga": AnggotaKeluarga,
}
