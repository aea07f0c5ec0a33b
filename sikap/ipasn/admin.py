"""IP ASN configuration at /kelola/ for admin BKD; every save goes through ipasn.services."""

from django.contrib import admin, messages

from sikap.core.admin_site import RoleAdmin, is_admin_bkd, site
from sikap.core.errors import SikapError
from sikap.ipasn import services
from sikap.ipasn.models import Band, Category, Configuration, Dimension


class AuditedAdmin(RoleAdmin):
    def save_model(self, request, obj, form, change):
        services.save_config_object(obj, actor=request.user)

    def delete_model(self, request, obj):
        try:
            services.delete_config_object(obj, actor=request.user)
        except SikapError as e:
            messages.error(request, e.message)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self.delete_model(request, obj)

    def save_formset(self, request, form, formset, change):
        # Inline rows are audited one by one, like the parent.
        instances = formset.save(commit=False)
        for obj in formset.deleted_objects:
            services.delete_config_object(obj, actor=request.user)
        for obj in instances:
            services.save_config_object(obj, actor=request.user)


class RoleInline(admin.TabularInline):
    """Inline rows follow the role too (Django's default asks per-model permissions)."""

    extra = 0

    def has_view_permission(self, request, obj=None):
        return is_admin_bkd(request.user)

    def has_add_permission(self, request, obj=None):
        return is_admin_bkd(request.user)

    def has_change_permission(self, request, obj=None):
        return is_admin_bkd(request.user)

    def has_delete_permission(self, request, obj=None):
        return is_admin_bkd(request.user)


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
class ConfigurationAdmin(AuditedAdmin):
    list_display = ("nama", "berlaku_mulai", "pembulatan", "skp_year_offset", "hukdis_years")
    inlines = (DimensionInline, BandInline)


@admin.register(Dimension, site=site)
class DimensionAdmin(AuditedAdmin):
    list_display = ("nama", "kode", "config")
    list_filter = ("config",)
    inlines = (CategoryInline,)
