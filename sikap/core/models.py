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
