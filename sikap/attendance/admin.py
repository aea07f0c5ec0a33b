"""Attendance configuration at /kelola/ for admin BKD (audited through attendance.services):
settings, schedules with their week, shifts and the roster, holidays (with import), temporary
locations; devices waiting for approval; attempts and day statuses read-only."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path

from sikap.accounts import access
from sikap.attendance import imports, services
from sikap.attendance.models import (
    HariJadwal,
    HariLibur,
    JadwalKerja,
    JadwalShift,
    Ketidakhadiran,
    LokasiSementara,
    PengaturanPresensi,
    PerangkatPresensi,
    Presensi,
    Shift,
    StatusHarian,
    SwafotoOpd,
)
from sikap.core.admin_site import AuditedAdmin, RoleAdmin, RoleInline, site
from sikap.core.errors import SikapError


class ConfigAdmin(AuditedAdmin):
    allowed = staticmethod(access.may_configure_attendance)
    save_service = services.save_config
    delete_service = services.delete_config


@admin.register(PengaturanPresensi, site=site)
class PengaturanAdmin(ConfigAdmin):
    list_display = ("__str__", "akurasi_maks_m", "tarif_bawaan")
    fieldsets = (
        ("Presensi", {"fields": ("akurasi_maks_m", "buka_sebelum_menit", "tutup_setelah_menit",
                                 "selisih_jam_maks_detik")}),
        ("Batas TL/PSW (menit)", {"fields": ("pita_1", "pita_2", "pita_3", "pita_4")}),
        ("Potongan TPP", {"fields": ("tarif_1", "tarif_2", "tarif_3", "tarif_4", "tarif_tk",
                                     "tarif_bawaan")}),
        ("Berkas bukti", {"fields": ("swafoto_maks_kb", "bukti_aktivitas_maks_kb")}),
    )  # fmt: skip

    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request) and not PengaturanPresensi.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(SwafotoOpd, site=site)
class SwafotoOpdAdmin(ConfigAdmin):
    """The OPDs whose pegawai send a selfie with each check-in (evidence only, no face
    matching); removing the row or unticking `wajib` turns it off."""

    list_display = ("opd", "wajib")
    list_filter = ("wajib",)
    search_fields = ("opd__nama",)
    autocomplete_fields = ("opd",)


class HariJadwalInline(RoleInline):
    allowed = staticmethod(access.may_configure_attendance)
    model = HariJadwal


@admin.register(JadwalKerja, site=site)
class JadwalKerjaAdmin(ConfigAdmin):
    list_display = ("nama", "opd", "unit", "berlaku_mulai", "berlaku_sampai")
    list_filter = ("opd",)
    autocomplete_fields = ("opd", "unit")
    inlines = (HariJadwalInline,)


@admin.register(Shift, site=site)
class ShiftAdmin(ConfigAdmin):
    list_display = ("nama", "opd", "masuk", "pulang", "istirahat_menit")
    list_filter = ("opd",)
    search_fields = ("nama",)
    autocomplete_fields = ("opd",)


class NipForm(forms.ModelForm):
    """The pegawai is named by NIP: a list of every pegawai in the regency would not fit."""

    nip = forms.CharField(label="NIP pegawai", max_length=24)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pegawai_id:
            self.fields["nip"].initial = self.instance.pegawai.nip

    def clean_nip(self):
        from sikap.people.models import Pegawai

        nip = "".join(self.cleaned_data["nip"].split())
        pegawai = Pegawai.objects.filter(nip=nip).first()
        if pegawai is None:
            raise forms.ValidationError("Pegawai dengan NIP ini tidak ditemukan.")
        self.instance.pegawai = pegawai
        return nip


class JadwalShiftForm(NipForm):
    class Meta:
        model = JadwalShift
        fields = ("nip", "tanggal", "shift")


@admin.register(JadwalShift, site=site)
class JadwalShiftAdmin(ConfigAdmin):
    form = JadwalShiftForm
    list_display = ("tanggal", "pegawai", "shift")
    list_filter = ("shift__opd",)
    list_select_related = ("pegawai", "shift")
    search_fields = ("pegawai__nama", "pegawai__nip")
    date_hierarchy = "tanggal"


class LokasiSementaraForm(NipForm):
    class Meta:
        model = LokasiSementara
        fields = ("nip", "nama", "latitude", "longitude", "radius_m", "mulai", "selesai", "alasan")


@admin.register(LokasiSementara, site=site)
class LokasiSementaraAdmin(ConfigAdmin):
    form = LokasiSementaraForm
    list_display = ("nama", "pegawai", "mulai", "selesai", "radius_m")
    list_select_related = ("pegawai",)
    search_fields = ("pegawai__nama", "pegawai__nip", "nama")


class ImporLiburForm(forms.Form):
    berkas = forms.FileField(label="Berkas CSV/XLSX (kolom: tanggal, keterangan, jenis)")


@admin.register(HariLibur, site=site)
class HariLiburAdmin(ConfigAdmin):
    list_display = ("tanggal", "nama", "jenis")
    list_filter = ("jenis",)
    date_hierarchy = "tanggal"
    change_list_template = "admin/attendance/harilibur/change_list.html"

    def get_urls(self):
        extra = [path("impor/", self.admin_site.admin_view(self.impor), name="hari_libur_impor")]
        return extra + super().get_urls()

    def impor(self, request):
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = ImporLiburForm(request.POST or None, request.FILES or None)
        errors = {}
        if request.method == "POST" and form.is_valid():
            try:
                count = imports.import_hari_libur(form.cleaned_data["berkas"].read(),
                                                  actor=request.user)  # fmt: skip
            except SikapError as e:
                form.add_error("berkas", e.message)
                errors = e.errors
            else:
                messages.success(request, f"{count} hari libur diimpor.")
                return redirect("kelola:attendance_harilibur_changelist")
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "form": form,
            "errors": errors,
            "title": "Impor kalender hari libur",
        }
        return TemplateResponse(request, "admin/attendance/harilibur/impor.html", context)


@admin.register(PerangkatPresensi, site=site)
class PerangkatAdmin(RoleAdmin):
    allowed = staticmethod(access.may_configure_attendance)
    list_display = ("device_id", "pegawai", "status", "dibuat", "diputuskan_oleh")
    list_filter = ("status",)
    list_select_related = ("pegawai", "diputuskan_oleh")
    search_fields = ("pegawai__nama", "pegawai__nip", "device_id")
    readonly_fields = ("pegawai", "device_id", "status", "dibuat", "diputuskan_oleh")
    actions = ["setujui", "tolak"]

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def _decide(self, request, queryset, approve: bool):
        done = 0
        for device in queryset.select_related("pegawai"):
            try:
                services.decide_device(device, approve=approve, actor=request.user)
                done += 1
            except SikapError as e:
                messages.error(request, f"{device.pegawai}: {e.message}")
        messages.success(request, f"{done} perangkat diputuskan.")

    @admin.action(description="Setujui perangkat terpilih")
    def setujui(self, request, queryset):
        self._decide(request, queryset, True)

    @admin.action(description="Tolak perangkat terpilih")
    def tolak(self, request, queryset):
        self._decide(request, queryset, False)


class ReadOnlyAdmin(RoleAdmin):
    allowed = staticmethod(access.may_configure_attendance)

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Presensi, site=site)
class PresensiAdmin(ReadOnlyAdmin):
    list_display = ("waktu", "pegawai", "jenis", "alasan", "jarak_m", "akurasi_m", "mock", "via")
    list_filter = ("alasan", "jenis", "mock", "via")
    list_select_related = ("pegawai",)
    search_fields = ("pegawai__nama", "pegawai__nip", "device_id")
    date_hierarchy = "waktu"
    # The selfie is opened only through /presensi/swafoto/<pk>/ (visibility rule, access log).
    exclude = ("swafoto",)


class KetidakhadiranForm(NipForm):
    class Meta:
        model = Ketidakhadiran
        fields = ("nip", "jenis", "mulai", "selesai", "keterangan")


@admin.register(Ketidakhadiran, site=site)
class KetidakhadiranAdmin(ConfigAdmin):
    """Absences recorded from an SK (tugas belajar, dinas luar); saving one re-closes its past
    days."""

    form = KetidakhadiranForm
    save_service = services.save_ketidakhadiran
    list_display = ("pegawai", "jenis", "mulai", "selesai", "disetujui")
    list_filter = ("jenis",)
    list_select_related = ("pegawai",)
    search_fields = ("pegawai__nama", "pegawai__nip")


@admin.register(StatusHarian, site=site)
class StatusHarianAdmin(ReadOnlyAdmin):
    list_display = ("tanggal", "pegawai", "status", "tl", "psw", "terlambat_menit")
    list_filter = ("status", "opd")
    list_select_related = ("pegawai",)
    search_fields = ("pegawai__nama", "pegawai__nip")
    date_hierarchy = "tanggal"
