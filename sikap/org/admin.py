"""Master data screens for admin BKD, on Django's admin; saves go through org.services."""

from django import forms
from django.contrib import admin

from sikap.accounts import access
from sikap.core.admin_site import AuditedAdmin, RoleInline, site
from sikap.org import services
from sikap.org.models import Jabatan, LokasiKantor, Opd, TugasTambahan, UnitKerja
from sikap.people.models import Pegawai


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


class TugasTambahanForm(forms.ModelForm):
    """The pegawai is named by NIP: a list of every pegawai in the regency would not fit."""

    nip = forms.CharField(label="NIP pegawai", max_length=24)

    class Meta:
        model = TugasTambahan
        fields = ("nip", "unit", "jenis", "sk_nomor", "sk_tanggal", "tmt_mulai", "tmt_selesai")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pegawai_id:
            self.fields["nip"].initial = self.instance.pegawai.nip

    def clean_nip(self):
        nip = "".join(self.cleaned_data["nip"].split())
        pegawai = Pegawai.objects.filter(nip=nip).first()
        if pegawai is None:
            raise forms.ValidationError("Pegawai dengan NIP ini tidak ditemukan.")
        # A tugas tambahan makes its holder a unit's head (and so someone's atasan).
        if access.is_own_record(self.actor, pegawai.pk) or (
            self.instance.pegawai_id and access.is_own_record(self.actor, self.instance.pegawai_id)
        ):
            raise forms.ValidationError(access.OWN_RECORD_REFUSAL)
        self.instance.pegawai = pegawai
        return nip


@admin.register(TugasTambahan, site=site)
class TugasTambahanAdmin(OrgAdmin):
    form = TugasTambahanForm
    list_display = ("unit", "jenis", "pegawai", "tmt_mulai", "tmt_selesai")
    list_filter = ("jenis", "unit__opd")
    list_select_related = ("unit", "pegawai")
    search_fields = ("unit__nama", "pegawai__nama", "pegawai__nip")
    autocomplete_fields = ("unit",)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        return type(form.__name__, (form,), {"actor": request.user})
