"""The digital personnel file (arsip digital) and the register of documents SIKAP issues.

`JenisDokumen` is configuration (edited at /kelola/): which documents exist, who must have one,
what files they accept. `Dokumen` is one uploaded version; a newer upload of the same type for
the same history row supersedes it but never deletes it. `DokumenTerbit` is a letter or decree
SIKAP issued, numbered by a `PenomoranSurat` and verifiable by anyone through its token.

Files are written and checked by `sikap.documents.services`; nothing else creates these rows.
"""

import string
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from sikap.accounts import access
from sikap.core.models import AuditEntry
from sikap.people.models import RIWAYAT_MODELS, Pegawai
from sikap.workflow import Case


@dataclass(frozen=True)
class Format:
    label: str
    extension: str  # the one SIKAP stores and serves the file under
    mime: str
    picker: str  # the file picker's `accept` hint; the server decides by content


# The kinds of file SIKAP accepts, recognised by their content (validation.py).
FORMATS = {
    "pdf": Format("PDF", ".pdf", "application/pdf", ".pdf,application/pdf"),
    "jpeg": Format("JPEG", ".jpg", "image/jpeg", ".jpg,.jpeg,image/jpeg"),
    "png": Format("PNG", ".png", "image/png", ".png,image/png"),
}
MAX_UKURAN_KB = 50 * 1024


class Wajib(models.TextChoices):
    """Who must have a document of a type (the completeness rule)."""

    TIDAK = "tidak", "Tidak wajib"
    SEMUA = "semua", "Semua pegawai"
    PNS_CPNS = "pns_cpns", "PNS dan CPNS"
    PNS = "pns", "PNS"
    PPPK = "pppk", "PPPK"
    KAWIN = "kawin", "Pegawai berstatus kawin"
    PUNYA_ANAK = "punya_anak", "Pegawai yang mempunyai anak"


def validate_formats(value: str) -> None:
    codes = [c.strip() for c in value.split(",") if c.strip()]
    if unknown := [c for c in codes if c not in FORMATS]:
        raise ValidationError(f"Format tidak dikenal: {', '.join(unknown)}. Pilih pdf, jpeg, png.")
    if not codes:
        raise ValidationError("Pilih sedikitnya satu format: pdf, jpeg, png.")


def validate_riwayat_kind(value: str) -> None:
    # Checked against the live list rather than fixed choices, so that a history kind added
    # in `people` needs no migration here.
    if value and value not in RIWAYAT_MODELS:
        raise ValidationError(f"Jenis riwayat '{value}' tidak dikenal.")


class JenisDokumen(models.Model):
    kode = models.SlugField("kode", max_length=32, unique=True)
    nama = models.CharField("nama", max_length=128)
    wajib_untuk = models.CharField(
        "wajib dimiliki oleh", max_length=16, choices=Wajib.choices, default=Wajib.TIDAK
    )
    format_diizinkan = models.CharField(
        "format yang diterima",
        max_length=32,
        default="pdf",
        validators=[validate_formats],
        help_text="Dipisah koma: pdf, jpeg, png. Format dikenali dari isi berkas.",
    )
    ukuran_maks_kb = models.PositiveIntegerField(
        "ukuran maksimum (KB)",
        default=2048,
        validators=[MinValueValidator(10), MaxValueValidator(MAX_UKURAN_KB)],
    )
    perlu_verifikasi = models.BooleanField("perlu verifikasi BKD", default=True)
    riwayat_kind = models.CharField(
        "melekat pada riwayat",
        max_length=16,
        blank=True,
        validators=[validate_riwayat_kind],
        help_text="Kosong bila dokumen tidak melekat pada satu baris riwayat (mis. KTP).",
    )
    urutan = models.PositiveSmallIntegerField("urutan tampil", default=100)
    aktif = models.BooleanField("aktif", default=True)

    class Meta:
        verbose_name = "jenis dokumen"
        verbose_name_plural = "jenis dokumen"
        ordering = ["urutan", "nama"]

    def __str__(self) -> str:
        return self.nama

    @property
    def formats(self) -> tuple[str, ...]:
        return tuple(c.strip() for c in self.format_diizinkan.split(",") if c.strip())

    @property
    def formats_label(self) -> str:
        return ", ".join(FORMATS[c].label for c in self.formats if c in FORMATS)

    @property
    def accept(self) -> str:
        return ",".join(FORMATS[c].picker for c in self.formats if c in FORMATS)

    @property
    def max_bytes(self) -> int:
        return self.ukuran_maks_kb * 1024


class DokumenQuerySet(models.QuerySet):
    def visible_to(self, user):
        """A document is visible exactly when its pegawai is (DESIGN §3). Who sees every
        pegawai sees every document without the semi-join (the verifiers' queue at scale)."""
        if user.is_authenticated and access.sees_all_opd(user):
            return self.all()
        return self.filter(pegawai__in=Pegawai.objects.visible_to(user))

    def current(self):
        return self.filter(aktif=True)


def dokumen_path(instance: "Dokumen", filename: str) -> str:
    """A random name under the pegawai's folder: nothing the user typed reaches the path."""
    return f"dokumen/{instance.pegawai_id}/{uuid.uuid4().hex}{FORMATS[instance.format].extension}"


class Dokumen(Case):
    """One uploaded version of a pegawai's document. `state` (alias `status`) is its
    verification state, moved only through `services.verify_dokumen` (the workflow)."""

    class Status(models.TextChoices):
        MENUNGGU = "menunggu", "Menunggu verifikasi"
        TERVERIFIKASI = "terverifikasi", "Terverifikasi"
        DITOLAK = "ditolak", "Ditolak"
        TANPA_VERIFIKASI = "tanpa_verifikasi", "Tidak perlu verifikasi"

    state = models.CharField("status", max_length=32, choices=Status.choices, db_index=True)
    pegawai = models.ForeignKey(Pegawai, on_delete=models.PROTECT, related_name="dokumen")
    jenis = models.ForeignKey(JenisDokumen, on_delete=models.PROTECT, related_name="dokumen")
    file = models.FileField("berkas", upload_to=dokumen_path, max_length=255)
    format = models.CharField(
        "format", max_length=8, choices=[(k, f.label) for k, f in FORMATS.items()]
    )
    nama_asli = models.CharField("nama berkas asal", max_length=150)
    sha256 = models.CharField("SHA-256", max_length=64, db_index=True)
    ukuran = models.PositiveBigIntegerField("ukuran (bita)")
    mime = models.CharField("tipe isi", max_length=64)
    versi = models.PositiveIntegerField("versi")
    aktif = models.BooleanField("versi berlaku", default=True)
    superseded_by = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="digantikan oleh",
    )
    riwayat_kind = models.CharField("jenis riwayat", max_length=16, blank=True)
    riwayat_id = models.BigIntegerField("ID riwayat", null=True, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name="diunggah oleh",
    )
    uploaded_at = models.DateTimeField("diunggah", auto_now_add=True)

    objects = DokumenQuerySet.as_manager()

    class Meta:
        verbose_name = "dokumen"
        verbose_name_plural = "dokumen"
        ordering = ["-uploaded_at", "-id"]
        indexes = [models.Index(fields=["pegawai", "jenis", "aktif"])]
        constraints = [
            # One current version per type, and per history row for types that attach to one.
            models.UniqueConstraint(
                fields=["pegawai", "jenis"],
                condition=Q(aktif=True, riwayat_id__isnull=True),
                name="one_current_dokumen_per_jenis",
            ),
            models.UniqueConstraint(
                fields=["pegawai", "jenis", "riwayat_id"],
                condition=Q(aktif=True, riwayat_id__isnull=False),
                name="one_current_dokumen_per_riwayat",
            ),
            models.CheckConstraint(
                condition=Q(riwayat_kind="", riwayat_id__isnull=True)
                | (~Q(riwayat_kind="") & Q(riwayat_id__isnull=False)),
                name="dokumen_riwayat_link_complete",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.jenis} v{self.versi} — {self.pegawai.nama}"

    def get_absolute_url(self) -> str:
        url = reverse("documents:arsip_pegawai", args=[self.pegawai.nip])
        return f"{url}#jenis-{self.jenis.kode}"

    @property
    def status(self) -> str:
        return self.state

    def get_status_display(self) -> str:
        return self.get_state_display()

    @property
    def download_name(self) -> str:
        """The name given to the browser: built from our own data, never from the upload."""
        return f"{self.jenis.kode}-{self.pegawai.nip}-v{self.versi}{FORMATS[self.format].extension}"


_PLACEHOLDERS = {"seq", "year", "month", "month_roman"}
ROMAN_MONTHS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


def validate_pola(value: str) -> None:
    """Only the known placeholders, with no attribute or index access, and {seq} present."""
    try:
        fields = [name for _text, name, _spec, _conv in string.Formatter().parse(value) if name]
    except ValueError as e:
        raise ValidationError(f"Pola nomor tidak dapat dipakai: {e}.") from e
    unknown = [f for f in fields if f not in _PLACEHOLDERS]
    if unknown:
        raise ValidationError(
            f"Bagian pola tidak dikenal: {', '.join(unknown)}. "
            "Gunakan {seq}, {year}, {month} atau {month_roman}."
        )
    if "seq" not in fields:
        raise ValidationError("Pola wajib memuat {seq} (nomor urut), mis. 800/{seq:04d}/{year}.")
    try:
        value.format(seq=1, year=2024, month=1, month_roman="I")
    except (ValueError, IndexError) as e:
        raise ValidationError(f"Pola nomor tidak dapat dipakai: {e}.") from e


class RingkasanKelengkapan(models.Model):
    """One pegawai's completeness as the live rules give it (`completeness.py`), kept so that
    the dashboard over a province sums rows instead of scanning every document. A missing row
    means "not known": the dashboard counts that pegawai live. `ringkasan.py` deletes the row
    in the transaction that changes an input and refreshes it after the commit."""

    pegawai = models.OneToOneField(
        Pegawai, on_delete=models.CASCADE, primary_key=True, related_name="kelengkapan"
    )
    wajib = models.PositiveSmallIntegerField("jenis wajib")
    ada = models.PositiveSmallIntegerField("jenis wajib yang ada")
    # The ids of the mandatory types missing, as ",3,7," (or ""): a filter by one type is a
    # substring test on either database.
    kurang = models.CharField("jenis yang kurang", max_length=500, blank=True)

    class Meta:
        verbose_name = "ringkasan kelengkapan"
        verbose_name_plural = "ringkasan kelengkapan"

    def __str__(self) -> str:
        return f"{self.pegawai_id}: {self.ada}/{self.wajib}"


class PenomoranSurat(models.Model):
    """A kind of issued document and how it is numbered: `pola` with a per-year sequence."""

    kode = models.SlugField("kode", max_length=32, unique=True)
    nama = models.CharField("nama dokumen", max_length=128)
    pola = models.CharField(
        "pola nomor",
        max_length=128,
        validators=[validate_pola],
        help_text="mis. 800/{seq:04d}/427.35/{year}; juga {month} dan {month_roman}.",
    )

    class Meta:
        verbose_name = "penomoran surat"
        verbose_name_plural = "penomoran surat"
        ordering = ["nama"]

    def __str__(self) -> str:
        return self.nama

    def format_nomor(self, seq: int, year: int, month: int) -> str:
        return self.pola.format(
            seq=seq, year=year, month=month, month_roman=ROMAN_MONTHS[month - 1]
        )


class NomorUrut(models.Model):
    """The last sequence number used for a numbering scheme in a year; locked while used."""

    penomoran = models.ForeignKey(PenomoranSurat, on_delete=models.CASCADE, related_name="urut")
    tahun = models.PositiveSmallIntegerField("tahun")
    terakhir = models.PositiveIntegerField("nomor terakhir", default=0)

    class Meta:
        verbose_name = "nomor urut"
        verbose_name_plural = "nomor urut"
        constraints = [
            models.UniqueConstraint(fields=["penomoran", "tahun"], name="one_counter_per_year")
        ]

    def __str__(self) -> str:
        return f"{self.penomoran} {self.tahun}: {self.terakhir}"


class DokumenTerbitQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The holder's documents follow the holder's visibility; documents without a holder
        (reports, general letters) are for the roles that see every OPD."""
        if not user.is_authenticated:
            return self.none()
        q = Q(pegawai__in=Pegawai.objects.visible_to(user))
        if access.sees_all_opd(user):
            q |= Q(pegawai__isnull=True)
        return self.filter(q)


def terbit_path(instance: "DokumenTerbit", filename: str) -> str:
    return f"terbit/{instance.tahun}/{uuid.uuid4().hex}.pdf"


class DokumenTerbit(models.Model):
    """A document SIKAP issued: numbered, hashed, kept, and verifiable through `token`."""

    jenis = models.ForeignKey(
        PenomoranSurat, on_delete=models.PROTECT, related_name="terbit", verbose_name="jenis"
    )
    nomor = models.CharField("nomor", max_length=128, unique=True)
    tahun = models.PositiveSmallIntegerField("tahun")
    urut = models.PositiveIntegerField("nomor urut")
    pegawai = models.ForeignKey(
        Pegawai,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="dokumen_terbit",
        verbose_name="pemegang",
    )
    # Always a PDF: what SIKAP issues is the final, printable form.
    file = models.FileField("berkas", upload_to=terbit_path, max_length=255)
    nama_berkas = models.CharField("nama berkas", max_length=150)
    sha256 = models.CharField("SHA-256", max_length=64)
    ukuran = models.PositiveBigIntegerField("ukuran (bita)")
    token = models.CharField("token verifikasi", max_length=64, unique=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="diterbitkan oleh",
    )
    issued_at = models.DateTimeField("diterbitkan")

    objects = DokumenTerbitQuerySet.as_manager()

    class Meta:
        verbose_name = "dokumen terbit"
        verbose_name_plural = "dokumen terbit"
        ordering = ["-issued_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["jenis", "tahun", "urut"], name="one_number_per_seq")
        ]

    def __str__(self) -> str:
        return f"{self.jenis} {self.nomor}"

    @property
    def verification_path(self) -> str:
        return reverse("documents:verifikasi_dokumen", args=[self.token])

    @property
    def verification_url(self) -> str:
        """Absolute, for the QR code: letters are printed and scanned far from any request."""
        return settings.SIKAP_PUBLIC_URL.rstrip("/") + self.verification_path


class AppendOnly(Exception):
    """The access log is evidence: its rows are never changed or removed."""


class AksesBerkasQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnly("Log akses berkas tidak dapat diubah.")

    def delete(self):
        raise AppendOnly("Log akses berkas tidak dapat dihapus.")


class AksesBerkas(models.Model):
    """One read of a personal file: a document's file or a DRH PDF — who, what, when, from
    where. Written by `documents.access_log.record_read`; append-only (UU 27/2022)."""

    class Jenis(models.TextChoices):
        DOKUMEN = "dokumen", "Berkas dokumen"
        DRH = "drh", "DRH (PDF)"
        KEPENDUDUKAN = "dukcapil", "Data kependudukan (Dukcapil)"

    waktu = models.DateTimeField("waktu", default=timezone.now, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="pembaca",
    )
    pegawai = models.ForeignKey(
        Pegawai, on_delete=models.PROTECT, related_name="+", verbose_name="pegawai"
    )
    jenis = models.CharField("yang dibuka", max_length=8, choices=Jenis.choices)
    dokumen = models.ForeignKey(
        Dokumen,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="dokumen",
    )
    keterangan = models.CharField("keterangan", max_length=255)
    alamat_ip = models.GenericIPAddressField("alamat IP", null=True, blank=True)
    perangkat = models.CharField("perangkat (user agent)", max_length=255, blank=True)
    saluran = models.CharField("saluran", max_length=8, choices=AuditEntry.Sumber.choices)

    objects = AksesBerkasQuerySet.as_manager()

    class Meta:
        verbose_name = "akses berkas"
        verbose_name_plural = "log akses berkas"
        ordering = ["-waktu", "-id"]
        indexes = [
            models.Index(fields=["pegawai", "-waktu"]),
            models.Index(fields=["user", "-waktu"]),
        ]

    def __str__(self) -> str:
        return f"{self.user} membuka {self.keterangan} ({self.waktu:%Y-%m-%d %H:%M})"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise AppendOnly("Log akses berkas tidak dapat diubah.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnly("Log akses berkas tidak dapat dihapus.")
