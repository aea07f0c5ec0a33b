"""Change types at /kelola/ for admin BKD; saves go through the audited services."""

from django import forms
from django.contrib import admin, messages

from sikap.core.admin_site import RoleAdmin, site
from sikap.core.errors import SikapError
from sikap.people.models import Pegawai
from sikap.selfservice import services
from sikap.selfservice.models import IDENTITAS_FIELDS, JenisPerubahan


class JenisPerubahanForm(forms.ModelForm):
    # Ticked boxes instead of raw JSON for the identity columns.
    kolom = forms.MultipleChoiceField(
        label="Kolom identitas/kontak",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=[(name, Pegawai._meta.get_field(name).verbose_name) for name in IDENTITAS_FIELDS],
        help_text="Hanya untuk operasi data identitas/kontak.",
    )

    class Meta:
        model = JenisPerubahan
        fields = [
            "kode", "nama", "operasi", "kind", "kolom", "dokumen_wajib", "rantai", "sederhana",
            "aktif",
        ]  # fmt: skip


@admin.register(JenisPerubahan, site=site)
class JenisPerubahanAdmin(RoleAdmin):
    form = JenisPerubahanForm
    list_display = ("nama", "kode", "operasi", "kind", "rantai", "dokumen_wajib", "sederhana")
    list_filter = ("operasi", "kind", "rantai", "sederhana", "aktif")
    search_fields = ("nama", "kode")

    def save_model(self, request, obj, form, change):
        services.save_jenis_perubahan(obj, actor=request.user)

    def delete_model(self, request, obj):
        try:
            services.delete_jenis_perubahan(obj, actor=request.user)
        except SikapError as e:
            messages.error(request, e.message)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self.delete_model(request, obj)
