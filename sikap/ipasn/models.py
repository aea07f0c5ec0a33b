"""IP ASN configuration as data, with effective dates, and user-defined indicators.

A `Configuration` holds the reference windows, the rounding and the category bands; each of its
`Dimension`s names its population and its weighted `Category`s. Populations and categories are
criteria in the JSON vocabulary of `sikap.rules.indices.criterion_from_spec`. The configuration
in force for a year is the latest whose `berlaku_mulai` is on or before 31 December of that year.
"""

import re
from datetime import date
from decimal import Decimal
from typing import NamedTuple

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Subquery

from sikap.rules import RuleError
from sikap.rules import formula as formula_rule
from sikap.rules import indices as rule
from sikap.rules.kedudukan import IN_SERVICE

NAME_PATTERN = re.compile(r"[a-z_][a-z0-9_]{0,62}")
# The members page uses this slug for a dimension's whole population.
POPULASI = "populasi"


class Pembulatan(models.TextChoices):
    HALF_UP = "half_up", "Setengah ke atas (12,3850 → 12,39)"
    TRUNCATE = "truncate", "Dipotong (24,0959 → 24,09)"


class GabunganStatus(models.TextChoices):
    SATU = "satu", "Satu indeks atas seluruh ASN"
    TERTIMBANG = "tertimbang", "Per status (PNS, PPPK), digabung tertimbang jumlah pegawai"


class KodeDimensi(models.TextChoices):
    KUALIFIKASI = "kualifikasi", "Kualifikasi"
    KINERJA = "kinerja", "Kinerja"
    DISIPLIN = "disiplin", "Disiplin"
    KOMPETENSI = "kompetensi", "Kompetensi"


def _validate_spec(spec, field: str) -> rule.Criterion:
    try:
        return rule.criterion_from_spec(spec)
    except RuleError as e:
        raise ValidationError({field: e.message}) from None


class _DimensionRow(NamedTuple):
    id: int
    kode: str
    nama: str
    urutan: int
    populasi: dict


class _CategoryRow(NamedTuple):
    id: int
    kode: str
    nama: str
    urutan: int
    bobot: Decimal
    kriteria: dict


def _row(kind: type[NamedTuple], instance) -> NamedTuple:
    return kind(*(getattr(instance, name) for name in kind._fields))


class ConfigurationQuerySet(models.QuerySet):
    def in_force(self, year: int) -> "Configuration | None":
        """The latest configuration effective by 31 December of `year`, with its dimensions,
        categories and bands, in two queries: the configuration joined to its dimensions and
        categories, then its bands — as plain rows, since only `as_rule` reads them.
        (Prefetching took four queries, and model instances for every row cost more than
        the queries at a regency's size.)"""
        chosen = (
            self.filter(berlaku_mulai__lte=date(year, 12, 31))
            .order_by("-berlaku_mulai")
            .values("pk")[:1]
        )
        own = [f.attname for f in Configuration._meta.concrete_fields]
        dimension = [f"dimensions__{name}" for name in _DimensionRow._fields]
        category = [f"dimensions__categories__{name}" for name in _CategoryRow._fields]
        rows = (
            Configuration.objects.filter(pk=Subquery(chosen))
            .order_by()
            .values_list(*own, *dimension, *category)
        )
        record, dimensions = None, {}
        split = len(own) + len(dimension)
        for row in rows:
            record = record or Configuration(**dict(zip(own, row[: len(own)], strict=True)))
            if row[len(own)] is None:  # a configuration without dimensions
                continue
            found = _DimensionRow(*row[len(own) : split])
            categories = dimensions.setdefault(found.id, (found, []))[1]
            if row[split] is not None:
                categories.append(_CategoryRow(*row[split:]))
        if record is not None:
            bands = Band.objects.filter(config=record).order_by().values_list("nama", "batas_atas")
            record.loaded = (list(dimensions.values()), list(bands))
        return record


class Configuration(models.Model):
    nama = models.CharField("nama", max_length=255)
    berlaku_mulai = models.DateField("berlaku mulai", unique=True)
    skp_year_offset = models.SmallIntegerField(
        "tahun SKP relatif terhadap tahun laporan",
        default=0,
        validators=[MinValueValidator(-5), MaxValueValidator(0)],
        help_text="0: SKP tahun laporan (LKj Lumajang 2023); −1: SKP tahun sebelumnya (BKN).",
    )
    hukdis_years = models.PositiveSmallIntegerField(
        "jendela hukuman disiplin (tahun)",
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
        help_text="Hukuman dengan TMT dalam N tahun terakhir s.d. tahun laporan (BKN: 5).",
    )
    diklat_years = models.PositiveSmallIntegerField(
        "jendela diklat (tahun)",
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
        help_text="Diklat yang selesai dalam N tahun terakhir s.d. tahun laporan.",
    )
    pembulatan = models.CharField(
        "pembulatan", max_length=8, choices=Pembulatan.choices, default=Pembulatan.HALF_UP
    )
    desimal = models.PositiveSmallIntegerField(
        "angka desimal", default=2, validators=[MaxValueValidator(4)]
    )
    gabungan_status = models.CharField(
        "IP ASN seluruh ASN",
        max_length=12,
        choices=GabunganStatus.choices,
        default=GabunganStatus.SATU,
        help_text="Banyak daerah menerbitkan IP ASN per status (PNS, PPPK) dan menggabungkannya "
        "tertimbang jumlah pegawai.",
    )
    keterangan = models.TextField("keterangan", blank=True)

    objects = ConfigurationQuerySet.as_manager()

    class Meta:
        verbose_name = "konfigurasi IP ASN"
        verbose_name_plural = "konfigurasi IP ASN"
        ordering = ["-berlaku_mulai"]

    def __str__(self) -> str:
        return f"{self.nama} (berlaku {self.berlaku_mulai:%d-%m-%Y})"

    @property
    def window(self) -> rule.Window:
        return rule.Window(self.skp_year_offset, self.hukdis_years, self.diklat_years)

    def as_rule(self, rounding: str | None = None) -> rule.IndexConfig:
        """The pure-rule form, from the parts `in_force` loaded (or read here)."""
        dimensions, bands = getattr(self, "loaded", None) or (
            [
                (_row(_DimensionRow, d), [_row(_CategoryRow, c) for c in d.categories.all()])
                for d in self.dimensions.all()
            ],
            list(self.bands.values_list("nama", "batas_atas")),
        )
        return rule.IndexConfig(
            tuple(
                rule.Dimension(
                    d.kode,
                    d.nama,
                    rule.criterion_from_spec(d.populasi),
                    tuple(
                        rule.Category(c.kode, c.nama, c.bobot, rule.criterion_from_spec(c.kriteria))
                        for c in sorted(categories, key=lambda c: (c.urutan, c.id))
                    ),
                )
                for d, categories in sorted(dimensions, key=lambda dc: (dc[0].urutan, dc[0].id))
            ),
            tuple(rule.Band(nama, batas) for nama, batas in sorted(bands, key=lambda b: b[1])),
            self.window,
            rounding or self.pembulatan,
            self.desimal,
        )


class Dimension(models.Model):
    config = models.ForeignKey(
        Configuration, on_delete=models.CASCADE, related_name="dimensions",
        verbose_name="konfigurasi",
    )  # fmt: skip
    kode = models.CharField("dimensi", max_length=16, choices=KodeDimensi.choices)
    nama = models.CharField("nama indeks", max_length=128)
    urutan = models.PositiveSmallIntegerField("urutan", default=0)
    populasi = models.JSONField(
        "populasi",
        help_text='Syarat pegawai yang menjadi penyebut, mis. {"status": ["pns"], '
        '"kedudukan": ["aktif"]}.',
    )

    class Meta:
        verbose_name = "dimensi"
        verbose_name_plural = "dimensi"
        ordering = ["config", "urutan", "id"]
        constraints = [
            models.UniqueConstraint(fields=["config", "kode"], name="ipasn_one_dimension_code")
        ]

    def __str__(self) -> str:
        return f"{self.nama} · {self.config.nama}"

    def clean(self):
        _validate_spec(self.populasi, "populasi")


class Category(models.Model):
    dimension = models.ForeignKey(
        Dimension, on_delete=models.CASCADE, related_name="categories", verbose_name="dimensi"
    )
    kode = models.SlugField("kode", max_length=32)
    nama = models.CharField("nama", max_length=128)
    bobot = models.DecimalField(
        "bobot per pegawai",
        max_digits=6,
        decimal_places=2,
        validators=[MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(100))],
    )
    kriteria = models.JSONField(
        "syarat",
        help_text='Syarat pegawai yang masuk komponen ini, mis. {"jenjang": ["S2"]} atau '
        '{"diklat": {"kategori": "teknis", "min_jp": 20}, "jenis_jabatan": ["pelaksana"]}.',
    )
    urutan = models.PositiveSmallIntegerField("urutan", default=0)

    class Meta:
        verbose_name = "komponen"
        verbose_name_plural = "komponen"
        ordering = ["dimension", "urutan", "id"]
        constraints = [
            models.UniqueConstraint(fields=["dimension", "kode"], name="ipasn_one_category_code")
        ]

    def __str__(self) -> str:
        return self.nama

    def clean(self):
        if self.kode == POPULASI:
            raise ValidationError({"kode": f"Kode '{POPULASI}' dipakai untuk seluruh populasi."})
        _validate_spec(self.kriteria, "kriteria")


class Band(models.Model):
    config = models.ForeignKey(
        Configuration, on_delete=models.CASCADE, related_name="bands", verbose_name="konfigurasi"
    )
    nama = models.CharField("kategori", max_length=64)
    batas_atas = models.DecimalField(
        "batas atas (termasuk)",
        max_digits=6,
        decimal_places=2,
        validators=[MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(100))],
        help_text="Nilai di atas batas kategori sebelumnya sampai dengan batas ini.",
    )

    class Meta:
        verbose_name = "kategori nilai"
        verbose_name_plural = "kategori nilai"
        ordering = ["config", "batas_atas"]
        constraints = [
            models.UniqueConstraint(fields=["config", "batas_atas"], name="ipasn_one_band_bound")
        ]

    def __str__(self) -> str:
        return f"{self.nama} (≤ {self.batas_atas})"


class Indicator(models.Model):
    """A user-defined indicator: named counts (criteria) and a formula over their names."""

    nama = models.CharField("nama indikator", max_length=255, unique=True)
    rumus = models.CharField(
        "rumus",
        max_length=formula_rule.MAX_LENGTH,
        help_text="mis. (jumlah_s2_s3 / jumlah_pns) * 100",
    )
    hitungan = models.JSONField(
        "hitungan",
        help_text='Nama → syarat, mis. {"jumlah_pns": {"status": ["pns"]}}. Tanpa syarat '
        '"kedudukan", hanya pegawai aktif yang dihitung.',
    )
    desimal = models.PositiveSmallIntegerField(
        "angka desimal", default=2, validators=[MaxValueValidator(4)]
    )
    keterangan = models.TextField("keterangan", blank=True)

    class Meta:
        verbose_name = "indikator buatan"
        verbose_name_plural = "indikator buatan"
        ordering = ["nama"]

    def __str__(self) -> str:
        return self.nama

    def counts(self) -> dict[str, rule.Criterion]:
        """Name → criterion. A count that does not say which kedudukan means active ASN, so
        that retired or deceased people still on file are not counted by accident."""
        return {
            name: rule.criterion_from_spec({"kedudukan": sorted(IN_SERVICE), **spec})
            for name, spec in self.hitungan.items()
        }

    def formula(self) -> formula_rule.Formula:
        return formula_rule.parse(self.rumus)

    def clean(self):
        errors = {}
        if not isinstance(self.hitungan, dict) or not self.hitungan:
            errors["hitungan"] = 'Hitungan harus berupa objek JSON {"nama": {syarat}, …}.'
        else:
            for name, spec in self.hitungan.items():
                if not NAME_PATTERN.fullmatch(name):
                    errors["hitungan"] = (
                        f"Nama hitungan '{name}' tidak valid: huruf kecil, angka dan garis "
                        "bawah, diawali huruf."
                    )
                    break
                try:
                    rule.criterion_from_spec(spec)
                except RuleError as e:
                    errors["hitungan"] = f"Hitungan '{name}': {e.message}"
                    break
        try:
            parsed = formula_rule.parse(self.rumus or "")
            if "hitungan" not in errors:
                formula_rule.check_names(parsed, set(self.hitungan))
        except RuleError as e:
            errors["rumus"] = e.message
        if errors:
            raise ValidationError(errors)
