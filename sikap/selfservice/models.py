"""SIMAK self-service: a pegawai proposes a change to their own data; verifiers decide.

Kept apart from `sikap.people` so that the personnel app stays the record and its services, while
this app holds the proposals, their configuration and their workflow. An approved proposal is
applied through `sikap.people.services`, never by writing the record here.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse

from sikap.accounts import access
from sikap.people.models import RIWAYAT_MODELS, Pegawai
from sikap.workflow import Case

# Identity and contact fields a pegawai may propose to change. NIP, birth date, sex, status and
# TMT CPNS are not here: they are encoded in (or checked against) the NIP, which only BKN issues,
# so BKD corrects them directly after BKN's decision. Placement (OPD, unit) follows the histories.
IDENTITAS_FIELDS = (
    "gelar_depan",
    "gelar_belakang",
    "nama",
    "tempat_lahir",
    "agama",
    "status_kawin",
    "nik",
    "no_hp",
    "email",
    "alamat",
    "npwp",
    "bpjs",
)
# Fields that identify the person in other registries (Dukcapil, BKN): BKD must verify them.
BKD_FIELDS = ("nama", "nik", "tempat_lahir")

KIND_CHOICES = [
    (kind, model._meta.verbose_name.capitalize()) for kind, model in RIWAYAT_MODELS.items()
]


class Rantai(models.TextChoices):
    """Who verifies, in order. A chain skips the steps it does not name."""

    OPD_THEN_BKD = "opd_then_bkd", "Verifikasi OPD, lalu BKD"
    OPD_ONLY = "opd_only", "Verifikasi OPD saja"
    BKD_ONLY = "bkd_only", "Verifikasi BKD saja"


class Operasi(models.TextChoices):
    ADD = "add", "Tambah riwayat"
    CORRECT = "correct", "Perbaiki riwayat"
    REMOVE = "remove", "Hapus riwayat"
    IDENTITY = "identity", "Ubah data identitas/kontak"


class JenisPerubahan(models.Model):
    """A kind of change a pegawai may propose: what it touches, the document it needs and who
    verifies it. Rows, edited by admin BKD at /kelola/, seeded by a data migration."""

    kode = models.SlugField("kode", max_length=64, unique=True)
    nama = models.CharField("nama", max_length=128)
    operasi = models.CharField("operasi", max_length=16, choices=Operasi.choices)
    kind = models.CharField(
        "jenis riwayat",
        max_length=16,
        choices=KIND_CHOICES,
        blank=True,
        help_text="Untuk tambah/perbaiki/hapus riwayat. Kosong untuk data identitas/kontak.",
    )
    kolom = models.JSONField(
        "kolom identitas/kontak",
        default=list,
        blank=True,
        help_text="Untuk operasi data identitas/kontak: kolom yang boleh diubah.",
    )
    dokumen_wajib = models.ForeignKey(
        "documents.JenisDokumen",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="dokumen wajib",
        help_text="Dokumen yang harus diunggah sebelum usulan diajukan (kosong: tanpa dokumen).",
    )
    rantai = models.CharField("rantai verifikasi", max_length=16, choices=Rantai.choices)
    sederhana = models.BooleanField(
        "sederhana (boleh disetujui massal)",
        default=False,
        help_text="Verifikator dapat menyetujui banyak usulan jenis ini sekaligus.",
    )
    aktif = models.BooleanField("aktif", default=True)

    class Meta:
        verbose_name = "jenis perubahan data"
        verbose_name_plural = "jenis perubahan data"
        ordering = ["kind", "operasi", "nama"]

    def __str__(self) -> str:
        return self.nama

    @property
    def is_identity(self) -> bool:
        return self.operasi == Operasi.IDENTITY

    @property
    def needs_row(self) -> bool:
        """Correct and remove act on one existing history row."""
        return self.operasi in (Operasi.CORRECT, Operasi.REMOVE)

    @property
    def model(self):
        return RIWAYAT_MODELS.get(self.kind)

    def clean(self):
        errors = {}
        if self.is_identity:
            if self.kind:
                errors["kind"] = "Kosongkan untuk perubahan data identitas/kontak."
            kolom = self.kolom if isinstance(self.kolom, list) else None
            if not kolom:
                errors["kolom"] = "Pilih paling sedikit satu kolom."
            elif unknown := [k for k in kolom if k not in IDENTITAS_FIELDS]:
                errors["kolom"] = f"Kolom tidak boleh diusulkan sendiri: {', '.join(unknown)}."
            elif self.rantai == Rantai.OPD_ONLY and (bkd := [k for k in kolom if k in BKD_FIELDS]):
                errors["rantai"] = f"Perubahan {', '.join(bkd)} harus diverifikasi BKD."
        else:
            if not self.kind:
                errors["kind"] = "Pilih jenis riwayat yang diubah."
            if self.kolom:
                errors["kolom"] = "Kolom hanya untuk perubahan data identitas/kontak."
        if errors:
            raise ValidationError(errors)


class Status(models.TextChoices):
    DRAF = "draf", "Draf"
    MENUNGGU_OPD = "menunggu_opd", "Menunggu verifikasi OPD"
    MENUNGGU_BKD = "menunggu_bkd", "Menunggu verifikasi BKD"
    DIKEMBALIKAN = "dikembalikan", "Dikembalikan untuk dilengkapi"
    DISETUJUI = "disetujui", "Disetujui dan diterapkan"
    DITOLAK = "ditolak", "Ditolak"
    DIBATALKAN = "dibatalkan", "Dibatalkan"


MENUNGGU = (Status.MENUNGGU_OPD, Status.MENUNGGU_BKD)
# States in which the pegawai edits the proposal.
TERBUKA = (Status.DRAF, Status.DIKEMBALIKAN)


class UsulanQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Own requests (drafts included) for the pegawai; submitted ones of the OPDs an admin
        OPD manages; submitted ones of every OPD for BKD staff and pimpinan. Nobody else."""
        if not user.is_authenticated:
            return self.none()
        q = Q(pegawai_id=user.pegawai_id) if user.pegawai_id else Q(pk__in=[])
        submitted = ~Q(state=Status.DRAF)
        if access.sees_all_opd(user):
            q |= submitted
        elif access.is_admin_opd(user):
            q |= submitted & Q(pegawai__opd__in=user.opd_scope.all())
        return self.filter(q)


class UsulanPerubahan(Case):
    """One proposed change. `data` holds the proposed values as the form cleaned them (JSON);
    `basis` the values the pegawai saw when proposing, so that applying can tell a change made
    meanwhile by someone else from the pegawai's own."""

    # With its labels, so the audit trail reads "Menunggu verifikasi OPD", not a code.
    state = models.CharField("status", max_length=32, choices=Status.choices, db_index=True)

    pegawai = models.ForeignKey(Pegawai, on_delete=models.CASCADE, related_name="usulan")
    jenis = models.ForeignKey(
        JenisPerubahan, on_delete=models.PROTECT, related_name="usulan", verbose_name="jenis"
    )
    # Copied from the type when proposed, so editing the type does not re-route pending cases.
    rantai = models.CharField("rantai verifikasi", max_length=16, choices=Rantai.choices)
    target_id = models.PositiveBigIntegerField("baris riwayat", null=True, blank=True)
    data = models.JSONField("data usulan", default=dict)
    basis = models.JSONField("data saat diusulkan", default=dict)
    keterangan = models.TextField("keterangan pengusul", blank=True)
    # The supporting document, kept in the personnel file by `sikap.documents`.
    dokumen = models.ForeignKey(
        "documents.Dokumen",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="dokumen pendukung",
    )
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    dibuat = models.DateTimeField("dibuat", auto_now_add=True)
    diajukan_pada = models.DateTimeField("diajukan", null=True, blank=True)
    diputuskan_pada = models.DateTimeField("diputuskan", null=True, blank=True)
    diterapkan_pada = models.DateTimeField("diterapkan", null=True, blank=True)

    objects = UsulanQuerySet.as_manager()

    class Meta:
        verbose_name = "usulan perubahan data"
        verbose_name_plural = "usulan perubahan data"
        ordering = ["-dibuat", "-id"]
        indexes = [models.Index(fields=["state", "diajukan_pada"])]

    def __str__(self) -> str:
        return f"Usulan #{self.pk} {self.pegawai.nama}: {self.jenis.nama}"

    def get_absolute_url(self) -> str:
        return reverse("selfservice:usulan_detail", args=[self.pk])

    def get_state_display(self) -> str:
        return Status(self.state).label if self.state in Status.values else self.state

    def target(self):
        """The history row a correction or removal acts on, if it still exists."""
        model = self.jenis.model
        if not self.jenis.needs_row or model is None:
            return None
        return model.objects.filter(pk=self.target_id, pegawai_id=self.pegawai_id).first()

    def authorises(self, pegawai: Pegawai, actor) -> bool:
        """Authority for `sikap.people.services` to apply this request: it is approved, it is
        for `pegawai`, `actor` approved it, and it has not been applied yet (one use)."""
        if not actor.is_authenticated or self.pk is None:
            return False
        approved = (
            type(self)
            .objects.filter(
                pk=self.pk,
                pegawai_id=pegawai.pk,
                state=Status.DISETUJUI,
                diterapkan_pada__isnull=True,
            )
            .exists()
        )
        if not approved:
            return False
        decision = self.timeline().filter(to_state=Status.DISETUJUI).last()
        return decision is not None and decision.actor_id == actor.pk
