"""Periods, KP types with their document checklists and ujian dinas records for admin BKD at
/kelola/, saved through audited services; proposals move only through the workflow."""

from django.contrib import admin

from sikap.accounts import access
from sikap.core.admin_site import AuditedAdmin, RoleInline, site
from sikap.promotion import admin_services
from sikap.promotion.models import JenisKp, PeriodeKp, SyaratDokumen, UjianDinas


class SettingAdmin(AuditedAdmin):
    allowed = staticmethod(access.may_configure_kp)
    save_service = admin_services.save_setting
    delete_service = admin_services.delete_setting


class SyaratInline(RoleInline):
    allowed = staticmethod(access.may_configure_kp)
    model = SyaratDokumen
    fields = ("jenis_dokumen", "bila", "tahun_skp", "urutan")


@admin.register(PeriodeKp, site=site)
class PeriodeKpAdmin(SettingAdmin):
    list_display = ("tanggal", "batas_usul", "keterangan")
    date_hierarchy = "tanggal"


@admin.register(JenisKp, site=site)
class JenisKpAdmin(SettingAdmin):
    list_display = ("nama", "kode", "aktif", "urutan")
    inlines = [SyaratInline]


@admin.register(UjianDinas, site=site)
class UjianDinasAdmin(SettingAdmin):
    list_display = ("pegawai", "tingkat", "tanggal", "nomor", "dibebaskan")
    list_filter = ("tingkat", "dibebaskan")
    search_fields = ("pegawai__nip", "pegawai__nama", "nomor")
    raw_id_fields = ("pegawai",)
