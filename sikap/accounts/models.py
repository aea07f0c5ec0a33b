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


# Roles that see every OPD. Pimpinan and perencana only read personnel data.
SEMUA_OPD = (Peran.VERIFIKATOR, Peran.ADMIN_BKD, Peran.PIMPINAN, Peran.PERENCANA)
PENGUBAH_DATA = (Peran.ADMIN_OPD, Peran.ADMIN_BKD)
# The account jobs and commands act as (sikap.accounts.system).
SYSTEM_USERNAME = "sistem"


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

    @property
    def is_system(self) -> bool:
        return self.username == SYSTEM_USERNAME

    @property
    def is_admin_bkd(self) -> bool:
        return self.is_superuser or self.peran == Peran.ADMIN_BKD

    @property
    def is_bkd_staff(self) -> bool:
        """Verifikator and admin BKD: the agency's own staff who verify and issue."""
        return self.is_superuser or self.peran in (Peran.VERIFIKATOR, Peran.ADMIN_BKD)

    @property
    def sees_all_opd(self) -> bool:
        return self.is_superuser or self.peran in SEMUA_OPD

    @property
    def may_edit_personnel(self) -> bool:
        return self.is_superuser or self.peran in PENGUBAH_DATA
