"""The audit trail: one row per change made through a service."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models


class AuditEntry(models.Model):
    """Who changed what, when, and the fields before → after (`changes` = {field: [old, new]})."""

    class Aksi(models.TextChoices):
        CREATE = "create", "Dibuat"
        UPDATE = "update", "Diubah"
        DELETE = "delete", "Dihapus"
        IMPORT = "import", "Diimpor"

    class Sumber(models.TextChoices):
        """Where the change came from: set once per entry point (sikap.core.audit.source)."""

        WEB = "web", "Web"
        API = "api", "API"
        COMMAND = "command", "Perintah"
        JOB = "job", "Pekerjaan latar"
        IMPORT = "import", "Impor"
        # Rows written before the source was recorded.
        LAMA = "lama", "Tidak tercatat"

    at = models.DateTimeField("waktu", auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="oleh",
    )
    action = models.CharField("aksi", max_length=16, choices=Aksi.choices)
    source = models.CharField("sumber", max_length=16, choices=Sumber.choices)
    # `domain.event` from sikap.core.kinds; no choices here, so a new kind needs no migration.
    kind = models.CharField("jenis", max_length=64, db_index=True)
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.CharField(max_length=64)
    object_repr = models.CharField("objek", max_length=255)
    # The person a record belongs to, so a pegawai's whole history is one query.
    pegawai_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    changes = models.JSONField("perubahan", default=dict)
    note = models.CharField("catatan", max_length=255, blank=True)

    class Meta:
        verbose_name = "jejak audit"
        verbose_name_plural = "jejak audit"
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.get_action_display()} {self.object_repr}"


class CaseEvent(models.Model):
    """One step in a workflow case's timeline: who moved it from which state to which, and why."""

    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.CharField(max_length=64)
    transition = models.CharField("langkah", max_length=32)
    label = models.CharField("keterangan langkah", max_length=64)
    from_state = models.CharField("dari status", max_length=32)
    to_state = models.CharField("ke status", max_length=32)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    at = models.DateTimeField("waktu", auto_now_add=True)
    reason = models.TextField("alasan/catatan", blank=True)

    class Meta:
        verbose_name = "riwayat proses"
        verbose_name_plural = "riwayat proses"
        ordering = ["at", "id"]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.label}: {self.from_state} → {self.to_state}"


class Notifikasi(models.Model):
    """An in-app notification; the same text also goes out by e-mail where the user has one."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifikasi"
    )
    message = models.CharField("pesan", max_length=500)
    url = models.CharField("tautan", max_length=255, blank=True)
    at = models.DateTimeField("waktu", auto_now_add=True)
    read_at = models.DateTimeField("dibaca", null=True, blank=True)
    # Set by the e-mail job once the message is handed to the mail server (no double send).
    emailed_at = models.DateTimeField("dikirim lewat surel", null=True, blank=True)

    class Meta:
        verbose_name = "notifikasi"
        verbose_name_plural = "notifikasi"
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["user", "read_at"])]

    def __str__(self) -> str:
        return self.message


class OperasiQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The user's own operations; admin BKD sees everyone's."""
        from sikap.accounts import access

        if access.may_see_every_operasi(user):
            return self
        if not user.is_authenticated:
            return self.none()
        return self.filter(user=user)


class Operasi(models.Model):
    """A long operation a user started (an import, a large export) that a job carries out:
    its progress while it runs and its outcome afterwards (`sikap.core.operations`)."""

    class State(models.TextChoices):
        ANTRI = "antri", "Menunggu giliran"
        BERJALAN = "berjalan", "Sedang berjalan"
        SELESAI = "selesai", "Selesai"
        GAGAL = "gagal", "Gagal"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name="oleh"
    )
    kind = models.CharField("jenis", max_length=32, db_index=True)
    judul = models.CharField("judul", max_length=200)
    state = models.CharField("status", max_length=16, choices=State.choices, default=State.ANTRI)
    done = models.PositiveIntegerField("selesai", default=0)
    total = models.PositiveIntegerField("jumlah", null=True, blank=True)
    message = models.CharField("keterangan", max_length=500, blank=True)
    # Dotted path of the function the job runs, and what it needs (ids, options, input files).
    runner = models.CharField(max_length=200)
    params = models.JSONField(default=dict, blank=True)
    # What the outcome page shows (counts, grouped problems) and a file to download.
    result = models.JSONField("hasil", default=dict, blank=True)
    result_file = models.FileField("berkas hasil", upload_to="proses/", blank=True)
    result_name = models.CharField("nama berkas hasil", max_length=200, blank=True)
    created_at = models.DateTimeField("dimulai", auto_now_add=True, db_index=True)
    started_at = models.DateTimeField("mulai dikerjakan", null=True, blank=True)
    finished_at = models.DateTimeField("berakhir", null=True, blank=True)

    objects = OperasiQuerySet.as_manager()

    class Meta:
        verbose_name = "proses latar"
        verbose_name_plural = "proses latar"
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.judul

    @property
    def finished(self) -> bool:
        return self.state in (self.State.SELESAI, self.State.GAGAL)

    @property
    def percent(self) -> int | None:
        if not self.total:
            return None
        return min(100, self.done * 100 // self.total)
