"""Change types at /kelola/ for admin BKD; saves go through the audited services."""

from django import forms
from django.contrib import admin

from sikap.core.admin_site import AuditedAdmin, site
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
class JenisPerubahanAdmin(AuditedAdmin):
    form = JenisPerubahanForm
    list_display = ("nama", "kode", "operasi", "kind", "rantai", "dokumen_wajib", "sederhana")
    list_filter = ("operasi", "kind", "rantai", "sederhana", "aktif")
    search_fields = ("nama", "kode")

    save_service = services.save_jenis_perubahan
    delete_service = services.delete_jenis_perubahan
