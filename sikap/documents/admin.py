"""Document settings for admin BKD at /kelola/: document types and letter numbering (saved
through the audited services), and a read-only view of the register of issued documents."""

from django.contrib import admin

from sikap.core.admin_site import AuditedAdmin, RoleAdmin, site
from sikap.documents import services
from sikap.documents.forms import JenisDokumenAdminForm
from sikap.documents.models import DokumenTerbit, JenisDokumen, PenomoranSurat


class SettingAdmin(AuditedAdmin):
    save_service = services.save_setting
    delete_service = services.delete_setting


@admin.register(JenisDokumen, site=site)
class JenisDokumenAdmin(SettingAdmin):
    form = JenisDokumenAdminForm
    list_display = (
        "nama",
        "kode",
        "wajib_untuk",
        "format_diizinkan",
        "ukuran_maks_kb",
        "perlu_verifikasi",
        "riwayat_kind",
        "aktif",
    )
    list_filter = ("wajib_untuk", "perlu_verifikasi", "aktif")
    search_fields = ("nama", "kode")


@admin.register(PenomoranSurat, site=site)
class PenomoranSuratAdmin(SettingAdmin):
    list_display = ("nama", "kode", "pola")
    search_fields = ("nama", "kode")


@admin.register(DokumenTerbit, site=site)
class DokumenTerbitAdmin(RoleAdmin):
    """The register as issued: rows are written only by `services.register_issued`."""

    list_display = ("nomor", "jenis", "pegawai", "issued_at", "issued_by")
    list_filter = ("jenis", "tahun")
    search_fields = ("nomor", "pegawai__nip", "pegawai__nama")
    list_select_related = ("jenis", "pegawai", "issued_by")
    # Not the token (it opens the public page) nor the file (MEDIA_ROOT has no URL).
    fields = (
        "nomor", "jenis", "tahun", "urut", "pegawai", "nama_berkas", "sha256", "ukuran",
        "issued_by", "issued_at",
    )  # fmt: skip

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
