"""IP ASN configuration at /kelola/ for admin BKD; every save goes through ipasn.services."""

from django.contrib import admin

from sikap.core.admin_site import AuditedAdmin, RoleInline, site
from sikap.ipasn import services
from sikap.ipasn.models import Band, Category, Configuration, Dimension


class ConfigAdmin(AuditedAdmin):
    save_service = services.save_config_object
    delete_service = services.delete_config_object


class DimensionInline(RoleInline):
    model = Dimension
    fields = ("urutan", "kode", "nama", "populasi")
    show_change_link = True


class BandInline(RoleInline):
    model = Band


class CategoryInline(RoleInline):
    model = Category
    fields = ("urutan", "kode", "nama", "bobot", "kriteria")


@admin.register(Configuration, site=site)
class ConfigurationAdmin(ConfigAdmin):
    list_display = ("nama", "berlaku_mulai", "pembulatan", "skp_year_offset", "hukdis_years")
    inlines = (DimensionInline, BandInline)


@admin.register(Dimension, site=site)
class DimensionAdmin(ConfigAdmin):
    list_display = ("nama", "kode", "config")
    list_filter = ("config",)
    inlines = (CategoryInline,)
