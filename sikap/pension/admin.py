"""The pension checklists for admin BKD at /kelola/, saved through audited services. Files
move through the workflow on their own pages; BUP overrides on the pegawai's BUP page."""

from django.contrib import admin

from sikap.core.admin_site import AuditedAdmin, site
from sikap.pension import services
from sikap.pension.models import SyaratDokumen


@admin.register(SyaratDokumen, site=site)
class SyaratDokumenAdmin(AuditedAdmin):
    save_service = services.save_setting
    delete_service = services.delete_setting
    list_display = ("jenis_pensiun", "jenis_dokumen", "berlaku_untuk", "urutan")
    list_filter = ("jenis_pensiun",)
    list_editable = ("urutan",)
