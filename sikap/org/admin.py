"""Master data screens for admin BKD, on Django's admin; saves go through org.services."""

from django.contrib import admin

from sikap.core.admin_site import AuditedAdmin, RoleInline, site
from sikap.org import services
from sikap.org.models import Jabatan, LokasiKantor, Opd, UnitKerja


class OrgAdmin(AuditedAdmin):
    save_service = services.save_org_object
    delete_service = services.delete_org_object


class LokasiInline(RoleInline):
    model = LokasiKantor


@admin.register(Opd, site=site)
class OpdAdmin(OrgAdmin):
    list_display = ("kode", "nama", "singkatan", "aktif")
    search_fields = ("kode", "nama", "singkatan")
    list_filter = ("aktif",)
    inlines = (LokasiInline,)


@admin.register(UnitKerja, site=site)
class UnitKerjaAdmin(OrgAdmin):
    list_display = ("nama", "opd", "induk")
    list_filter = ("opd",)
    search_fields = ("nama",)
    autocomplete_fields = ("opd", "induk")


@admin.register(Jabatan, site=site)
class JabatanAdmin(OrgAdmin):
    list_display = ("nama", "unit", "jenis", "eselon", "kepala", "bup")
    list_filter = ("jenis", "kepala", "unit__opd")
    search_fields = ("nama",)
    autocomplete_fields = ("unit",)


@admin.register(LokasiKantor, site=site)
class LokasiKantorAdmin(OrgAdmin):
    list_display = ("nama", "opd", "latitude", "longitude", "radius_m")
    list_filter = ("opd",)
    autocomplete_fields = ("opd",)
