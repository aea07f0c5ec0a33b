"""The dictionary, the standards per position and the training catalogue at /kelola/ for
admin BKD (configuration is data): competencies with their level descriptions, standards
edited one by one or imported from XLSX (standards_import), trainings per competency and
level range. Registered from CompetencyConfig.ready."""

from django.contrib import admin

from sikap.accounts import access
from sikap.competency import admin_services, standards_import
from sikap.competency.admin_impor import ImporAdminMixin
from sikap.competency.models import Kompetensi, LevelKompetensi, Pelatihan, StandarKompetensi
from sikap.core.admin_site import AuditedAdmin, RoleInline, site

_MANAGE = staticmethod(access.may_manage_competency_tests)


class LevelInline(RoleInline):
    allowed = _MANAGE
    model = LevelKompetensi
    max_num = 5


@admin.register(Kompetensi, site=site)
class KompetensiAdmin(AuditedAdmin):
    allowed = _MANAGE
    save_service = admin_services.save_config
    delete_service = admin_services.delete_config
    inlines = (LevelInline,)
    list_display = ("nama", "kode", "kelompok", "urutan", "aktif")
    list_filter = ("kelompok", "aktif")
    search_fields = ("nama", "kode")
    autocomplete_fields = ("jabatan",)


@admin.register(StandarKompetensi, site=site)
class StandarKompetensiAdmin(ImporAdminMixin, AuditedAdmin):
    allowed = _MANAGE
    impor_start = staticmethod(standards_import.start)
    impor_label = "Berkas XLSX/CSV standar kompetensi"
    impor_title = "Impor standar kompetensi jabatan"
    impor_template = "admin/competency/standarkompetensi/impor.html"
    save_service = admin_services.save_config
    delete_service = admin_services.delete_config
    list_display = ("sasaran", "kompetensi", "level")
    list_filter = ("kompetensi", "jenis_jabatan", "level")
    search_fields = ("jabatan__nama", "kompetensi__nama")
    autocomplete_fields = ("jabatan",)
    change_list_template = "admin/competency/standarkompetensi/change_list.html"

    @admin.display(description="jabatan / bawaan")
    def sasaran(self, obj):
        if obj.jabatan_id:
            return f"{obj.jabatan} — {obj.jabatan.unit}"
        return f"Bawaan: {obj.get_jenis_jabatan_display()} {obj.eselon}".strip()

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("jabatan__unit", "kompetensi")


@admin.register(Pelatihan, site=site)
class PelatihanAdmin(AuditedAdmin):
    allowed = _MANAGE
    save_service = admin_services.save_config
    delete_service = admin_services.delete_config
    list_display = ("nama", "level_dari", "level_sampai", "kategori", "jp", "aktif")
    list_filter = ("aktif", "kategori", "kompetensi")
    search_fields = ("nama", "penyelenggara")
    filter_horizontal = ("kompetensi",)
