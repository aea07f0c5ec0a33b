"""The dictionary, the standards per position and the training catalogue at /kelola/ for
admin BKD (configuration is data): competencies with their level descriptions, standards
edited one by one or imported from XLSX (standards_import), trainings per competency and
level range. Registered from CompetencyConfig.ready."""

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path

from sikap.accounts import access
from sikap.competency import admin_services, standards_import
from sikap.competency.models import Kompetensi, LevelKompetensi, Pelatihan, StandarKompetensi
from sikap.core.admin_site import AuditedAdmin, RoleInline, site
from sikap.core.errors import SikapError

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
class StandarKompetensiAdmin(AuditedAdmin):
    allowed = _MANAGE
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

    def get_urls(self):
        extra = [
            path(
                "impor/",
                self.admin_site.admin_view(self.impor),
                name="competency_standarkompetensi_impor",
            )
        ]
        return extra + super().get_urls()

    def impor(self, request):
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = ImporStandarForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            try:
                operasi = standards_import.start(form.cleaned_data["berkas"], user=request.user)
            except SikapError as e:
                form.add_error("berkas", e.message)
            else:
                return redirect("core:operasi", operasi.pk)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "form": form,
            "title": "Impor standar kompetensi jabatan",
        }
        return TemplateResponse(request, "admin/competency/standarkompetensi/impor.html", context)


class ImporStandarForm(forms.Form):
    berkas = forms.FileField(label="Berkas XLSX/CSV standar kompetensi")


@admin.register(Pelatihan, site=site)
class PelatihanAdmin(AuditedAdmin):
    allowed = _MANAGE
    save_service = admin_services.save_config
    delete_service = admin_services.delete_config
    list_display = ("nama", "level_dari", "level_sampai", "kategori", "jp", "aktif")
    list_filter = ("aktif", "kategori", "kompetensi")
    search_fields = ("nama", "penyelenggara")
    filter_horizontal = ("kompetensi",)
