"""Salary tables, KGB signers and the letter settings for admin BKD at /kelola/, saved
through audited services; KGB cases are read-only here (they move through the workflow)."""

from django.contrib import admin

from sikap.core.admin_site import AuditedAdmin, RoleInline, site
from sikap.salary import admin_services
from sikap.salary.models import BarisGaji, Penandatangan, PengaturanSurat, TabelGaji


class SettingAdmin(AuditedAdmin):
    save_service = admin_services.save_setting
    delete_service = admin_services.delete_setting


class BarisGajiInline(RoleInline):
    model = BarisGaji
    fields = ("golongan", "mkg_tahun", "gaji_pokok")


@admin.register(TabelGaji, site=site)
class TabelGajiAdmin(SettingAdmin):
    list_display = ("nama", "untuk", "berlaku_mulai", "kode")
    list_filter = ("untuk",)
    inlines = [BarisGajiInline]


@admin.register(Penandatangan, site=site)
class PenandatanganAdmin(SettingAdmin):
    list_display = ("nama", "jabatan", "user", "aktif")
    list_filter = ("aktif",)
    autocomplete_fields = ("user",)


@admin.register(PengaturanSurat, site=site)
class PengaturanSuratAdmin(SettingAdmin):
    list_display = ("__str__", "kota")

    def has_add_permission(self, request):
        return super().has_add_permission(request) and not PengaturanSurat.objects.exists()
