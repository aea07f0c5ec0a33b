"""Users and their roles. A civil servant logs in with the NIP; staff accounts use a user name."""

from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models


class Peran(models.TextChoices):
    PEGAWAI = "pegawai", "Pegawai"
    ADMIN_OPD = "admin_opd", "Admin OPD"
    VERIFIKATOR = "verifikator", "Verifikator BKD"
    ADMIN_BKD = "admin_bkd", "Admin BKD"
    PIMPINAN = "pimpinan", "Pimpinan"
    PERENCANA = "perencana", "Perencana"


class User(AbstractUser):
    """`username` holds the NIP for civil servants and a chosen name for staff accounts."""

    peran = models.CharField("peran", max_length=16, choices=Peran.choices, default=Peran.PEGAWAI)
    pegawai = models.OneToOneField(
        "people.Pegawai",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="akun",
        verbose_name="pegawai",
    )
    opd_scope = models.ManyToManyField(
        "org.Opd", blank=True, related_name="admin", verbose_name="OPD yang dikelola"
    )

    objects = UserManager()

    class Meta:
        verbose_name = "pengguna"
        verbose_name_plural = "pengguna"

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    # Thin delegations for templates and older call sites; the rules live in `access`.
    @property
    def is_admin_bkd(self) -> bool:
        return access().is_admin_bkd(self)

    @property
    def is_bkd_staff(self) -> bool:
        return access().is_bkd_staff(self)

    @property
    def sees_all_opd(self) -> bool:
        return access().sees_all_opd(self)

    @property
    def may_edit_personnel(self) -> bool:
        return access().may_edit_personnel(self)


def access():
    from sikap.accounts import access

    return access
