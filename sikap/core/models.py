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
