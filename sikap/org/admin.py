"""Master data screens for admin BKD, on Django's admin; saves go through org.services."""

from django.contrib import admin, messages

from sikap.core.admin_site import RoleAdmin, site
from sikap.core.errors import SikapError
from sikap.org import services
from sikap.org.models import Jabatan, LokasiKantor, Opd, UnitKerja


class AuditedAdmin(RoleAdmin):
    def save_model(self, request, obj, form, change):
        services.save_org_object(obj, actor=request.user)

    def delete_model(self, request, obj):
        try:
            services.delete_org_object(obj, actor=request.user)
        except SikapError as e:
            messages.error(request, e.message)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self.delete_model(request, obj)


class LokasiInline(admin.TabularInline):
    model = LokasiKantor
    extra = 0


@admin.register(Opd, site=site)
class OpdAdmin(AuditedAdmin):
    list_display = ("kode", "nama", "singkatan", "aktif")
    search_fields = ("kode", "nama", "singkatan")
    list_filter = ("aktif",)


@admin.register(UnitKerja, site=site)
class UnitKerjaAdmin(AuditedAdmin):
    list_display = ("nama", "opd", "induk")
    list_filter = ("opd",)
    search_fields = ("nama",)
    autocomplete_fields = ("opd", "induk")


@admin.register(Jabatan, site=site)
class JabatanAdmin(AuditedAdmin):
    list_display = ("nama", "unit", "jenis", "eselon", "kepala", "bup")
    list_filter = ("jenis", "kepala", "unit__opd")
    search_fields = ("nama",)
    autocomplete_fields = ("unit",)


@admin.register(LokasiKantor, site=site)
class LokasiKantorAdmin(AuditedAdmin):
    list_display = ("nama", "opd", "latitude", "longitude", "radius_m")
    list_filter = ("opd",)
    autocomplete_fields = ("opd",)
