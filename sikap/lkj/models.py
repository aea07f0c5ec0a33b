"""The texts of a year's LKj that people write (everything with a figure in it is generated).

One row per year; a year without a row uses the defaults of `defaults.py`, so a first LKj can
be generated before anyone has edited anything.
"""

from django.db import models
from django.utils import timezone

from sikap.lkj.defaults import FIELDS, default_for

# Fields whose lines are list items (one per line); the others are paragraphs (blank line apart).
LIST_FIELDS = (
    "fungsi",
    "struktur_organisasi",
    "dasar_hukum",
    "misi",
    "kebijakan",
    "hambatan",
    "upaya",
    "saran",
    "inovasi",
)
SHORT_FIELDS = (
    "nama_instansi",
    "pemerintah_daerah",
    "alamat",
    "tempat",
    "tanggal",
    "jabatan_penandatangan",
    "nama_penandatangan",
    "nip_penandatangan",
)

LABELS = {
    "nama_instansi": "Nama instansi",
    "pemerintah_daerah": "Pemerintah daerah",
    "alamat": "Alamat dan telepon (sampul)",
    "kata_pengantar": "Kata pengantar",
    "ikhtisar_pengantar": "Ikhtisar eksekutif: pengantar (angka-angka ditambahkan otomatis)",
    "latar_belakang": "BAB I A. Latar belakang",
    "maksud": "BAB I B. Maksud",
    "tujuan": "BAB I B. Tujuan",
    "gambaran_umum": "BAB I C. Gambaran umum (profil organisasi)",
    "tugas_pokok": "Tugas pokok",
    "fungsi": "Fungsi (satu per baris)",
    "struktur_organisasi": "Struktur organisasi (satu per baris)",
    "dasar_hukum": "BAB I D. Dasar hukum (satu per baris)",
    "renstra_pengantar": "BAB II A. Pengantar Renstra",
    "visi": "Visi",
    "misi": "Misi (satu per baris)",
    "kebijakan": "Kebijakan (satu per baris)",
    "hambatan": "BAB III: hambatan dan kendala (satu per baris)",
    "upaya": "BAB III: upaya dan strategi (satu per baris)",
    "penutup": "BAB IV Penutup",
    "saran": "BAB IV: usulan dan saran tindak lanjut (satu per baris)",
    "inovasi": "BAB III: inovasi pendukung (satu per baris: nama — keterangan)",
    "tempat": "Tempat penandatanganan",
    "tanggal": "Tanggal penandatanganan (mis. 31 Januari 2024)",
    "jabatan_penandatangan": "Jabatan penandatangan",
    "nama_penandatangan": "Nama penandatangan (dengan gelar)",
    "nip_penandatangan": "NIP penandatangan",
}


class LkjTeks(models.Model):
    tahun = models.PositiveSmallIntegerField("tahun", unique=True)
    nama_instansi = models.CharField(LABELS["nama_instansi"], max_length=255)
    pemerintah_daerah = models.CharField(LABELS["pemerintah_daerah"], max_length=255)
    alamat = models.CharField(LABELS["alamat"], max_length=255, blank=True)
    kata_pengantar = models.TextField(LABELS["kata_pengantar"])
    ikhtisar_pengantar = models.TextField(LABELS["ikhtisar_pengantar"], blank=True)
    latar_belakang = models.TextField(LABELS["latar_belakang"])
    maksud = models.TextField(LABELS["maksud"])
    tujuan = models.TextField(LABELS["tujuan"])
    gambaran_umum = models.TextField(LABELS["gambaran_umum"])
    tugas_pokok = models.TextField(LABELS["tugas_pokok"])
    fungsi = models.TextField(LABELS["fungsi"])
    struktur_organisasi = models.TextField(LABELS["struktur_organisasi"])
    dasar_hukum = models.TextField(LABELS["dasar_hukum"])
    renstra_pengantar = models.TextField(LABELS["renstra_pengantar"], blank=True)
    visi = models.TextField(LABELS["visi"])
    misi = models.TextField(LABELS["misi"])
    kebijakan = models.TextField(LABELS["kebijakan"], blank=True)
    hambatan = models.TextField(LABELS["hambatan"], blank=True)
    upaya = models.TextField(LABELS["upaya"], blank=True)
    penutup = models.TextField(LABELS["penutup"])
    saran = models.TextField(LABELS["saran"], blank=True)
    inovasi = models.TextField(LABELS["inovasi"], blank=True)
    tempat = models.CharField(LABELS["tempat"], max_length=64)
    tanggal = models.CharField(LABELS["tanggal"], max_length=64)
    jabatan_penandatangan = models.CharField(LABELS["jabatan_penandatangan"], max_length=255)
    nama_penandatangan = models.CharField(LABELS["nama_penandatangan"], max_length=255)
    nip_penandatangan = models.CharField(LABELS["nip_penandatangan"], max_length=32)

    class Meta:
        verbose_name = "teks LKj"
        verbose_name_plural = "teks LKj"
        ordering = ["-tahun"]

    def __str__(self) -> str:
        return f"Teks LKj {self.tahun}"

    @classmethod
    def for_year(cls, year: int) -> "LkjTeks":
        """The saved texts of `year`, or an unsaved row with the defaults."""
        found = cls.objects.filter(tahun=year).first()
        return found or cls(tahun=year, **{f: default_for(f, year) for f in FIELDS})

    def paragraphs(self, field: str) -> list[str]:
        text = getattr(self, field).replace("\r\n", "\n")
        return [" ".join(p.split()) for p in text.split("\n\n") if p.strip()]

    def items(self, field: str) -> list[str]:
        return [line.strip() for line in getattr(self, field).splitlines() if line.strip()]


class LkjTerbit(models.Model):
    """One published (numbered, registered) version of a year's LKj. The PDF, its number,
    hash and verification token live in the issued-document register; this row says which
    report year and version it is, since `DokumenTerbit.tahun` is the year it was issued."""

    tahun = models.PositiveSmallIntegerField("tahun laporan")
    versi = models.PositiveIntegerField("versi")
    kertas = models.CharField("kertas", max_length=4)
    dokumen = models.OneToOneField(
        "documents.DokumenTerbit",
        on_delete=models.PROTECT,
        related_name="lkj",
        verbose_name="dokumen terbit",
    )

    class Meta:
        verbose_name = "LKj terbit"
        verbose_name_plural = "LKj terbit"
        ordering = ["tahun", "-versi"]
        constraints = [
            models.UniqueConstraint(fields=["tahun", "versi"], name="one_lkj_version_per_year")
        ]

    def __str__(self) -> str:
        return f"LKj {self.tahun} versi {self.versi}"


class KonfirmasiTemuan(models.Model):
    """Admin BKD's confirmation, with a reason, that an open severity-A finding of `sakip check`
    may stand in the published LKj (where it is listed with this reason). Publishing refuses
    while an A finding has none."""

    tahun = models.PositiveSmallIntegerField("tahun laporan")
    kunci = models.CharField("kunci temuan", max_length=20)
    temuan = models.TextField("temuan")
    alasan = models.TextField("alasan")
    oleh = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, related_name="+", verbose_name="oleh"
    )
    pada = models.DateTimeField("pada", auto_now=True)

    class Meta:
        verbose_name = "konfirmasi temuan LKj"
        verbose_name_plural = "konfirmasi temuan LKj"
        ordering = ["tahun", "id"]
        constraints = [
            models.UniqueConstraint(fields=["tahun", "kunci"], name="satu_konfirmasi_per_temuan")
        ]

    def __str__(self) -> str:
        return f"Konfirmasi temuan LKj {self.tahun}"


class AnalisisIndikator(models.Model):
    """What staff write about one IKU indicator for a year (LKj analyses 5 and 7): why it was
    or was not reached, what will be done, and the Renja programmes that support it."""

    tahun = models.PositiveSmallIntegerField("tahun laporan")
    indikator = models.ForeignKey(
        "performance.Indikator", on_delete=models.CASCADE, related_name="+",
        verbose_name="indikator",
    )  # fmt: skip
    penyebab = models.TextField("penyebab keberhasilan/kegagalan", blank=True)
    solusi = models.TextField("solusi dan langkah perbaikan", blank=True)
    program = models.ManyToManyField(
        "performance.Program", blank=True, related_name="+", verbose_name="program pendukung"
    )

    class Meta:
        verbose_name = "analisis indikator LKj"
        verbose_name_plural = "analisis indikator LKj"
        ordering = ["tahun", "indikator"]
        constraints = [
            models.UniqueConstraint(fields=["tahun", "indikator"], name="satu_analisis_per_tahun")
        ]

    def __str__(self) -> str:
        return f"Analisis {self.indikator} {self.tahun}"


class TemuanMenunggu(models.Model):
    """A severity-A finding of `sakip check` on a year's LKj that admin BKD has not confirmed
    yet: what the inbox lists. Kept in step with the checks whenever the LKj reads them (its
    page, publishing) and by the daily job, so the inbox counts rows instead of rerunning the
    checks; a confirmation removes its row."""

    tahun = models.PositiveSmallIntegerField("tahun laporan")
    kunci = models.CharField("kunci temuan", max_length=20)
    lokasi = models.CharField("lokasi", max_length=500)
    masalah = models.TextField("temuan")
    sejak = models.DateTimeField("ditemukan", default=timezone.now)

    class Meta:
        verbose_name = "temuan LKj menunggu konfirmasi"
        verbose_name_plural = "temuan LKj menunggu konfirmasi"
        ordering = ["sejak", "id"]
        constraints = [
            models.UniqueConstraint(fields=["tahun", "kunci"], name="satu_temuan_menunggu")
        ]

    def __str__(self) -> str:
        return f"Temuan LKj {self.tahun}: {self.lokasi}"


class PindaianPk(models.Model):
    """The signed Perjanjian Kinerja of a year as scanned (PDF, JPEG or PNG), checked by content
    when uploaded (documents.validation.inspect); the latest upload is the one the LKj appendix
    carries, earlier ones stay for the record. Served only through the LKj page's readers."""

    tahun = models.PositiveSmallIntegerField("tahun laporan", db_index=True)
    berkas = models.FileField("berkas", upload_to="lkj/pk/", max_length=255)
    format = models.CharField("format", max_length=8)
    mime = models.CharField("tipe isi", max_length=64)
    keterangan = models.CharField("hasil pemeriksaan", max_length=100)  # "2 halaman"
    halaman = models.PositiveSmallIntegerField("jumlah halaman", default=1)
    nama_asli = models.CharField("nama berkas asal", max_length=150)
    sha256 = models.CharField("SHA-256", max_length=64)
    ukuran = models.PositiveIntegerField("ukuran (bita)")
    diunggah_oleh = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, related_name="+", verbose_name="diunggah oleh"
    )
    diunggah_pada = models.DateTimeField("diunggah", auto_now_add=True)

    class Meta:
        verbose_name = "pindaian Perjanjian Kinerja"
        verbose_name_plural = "pindaian Perjanjian Kinerja"
        ordering = ["tahun", "-diunggah_pada", "-id"]

    def __str__(self) -> str:
        return f"Pindaian Perjanjian Kinerja {self.tahun}"

    @classmethod
    def latest(cls, year: int) -> "PindaianPk | None":
        return cls.objects.filter(tahun=year).order_by("-diunggah_pada", "-id").first()

    def read(self) -> bytes:
        with self.berkas.open("rb") as handle:
            return handle.read()
