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

    # Set when an admin creates the account, sets its password or issues a one-time code: the
    # next log-in leads to the password change first (accounts/gate.py). The demo leaves it off.
    wajib_ganti_sandi = models.BooleanField("wajib ganti kata sandi", default=False)
    # A one-time code from the admin OPD opens the account until then, once.
    kode_berlaku_sampai = models.DateTimeField(
        "kode sekali pakai berlaku sampai", null=True, blank=True
    )

    objects = UserManager()

    class Meta:
        verbose_name = "pengguna"
        verbose_name_plural = "pengguna"

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    @property
    def is_system(self) -> bool:
        """The account jobs and commands act as (`accounts.system`); what it may do is
        decided in `accounts.access`, like every role."""
        return self.username == SYSTEM_USERNAME


class TokenQuerySet(models.QuerySet):
    def berlaku(self, now):
        """Tokens that still open the API: not revoked and not yet expired."""
        return self.filter(revoked_at__isnull=True, expires_at__gt=now)


class Token(models.Model):
    """A per-device API token. Only the SHA-256 digest of the secret is kept: the secret is
    high-entropy, so a fast digest is enough and checking it costs no password hash."""

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="tokens", verbose_name="pengguna"
    )
    perangkat = models.CharField("nama perangkat", max_length=100)
    prefix = models.CharField("awalan", max_length=8)
    digest = models.CharField("digest SHA-256", max_length=64, unique=True)
    created_at = models.DateTimeField("dibuat", auto_now_add=True)
    last_used_at = models.DateTimeField("terakhir dipakai", null=True, blank=True)
    expires_at = models.DateTimeField("kedaluwarsa")
    revoked_at = models.DateTimeField("dicabut", null=True, blank=True)

    objects = TokenQuerySet.as_manager()

    class Meta:
        verbose_name = "token perangkat"
        verbose_name_plural = "token perangkat"
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.perangkat} ({self.prefix}…)"
