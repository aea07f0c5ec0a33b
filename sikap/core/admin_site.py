"""The master-data site at /kelola/: Django's admin, open to admin BKD only (by role, not by
Django's per-model permissions, so roles stay the one source of authority)."""

from django.contrib import admin


def is_admin_bkd(user) -> bool:
    return user.is_active and (user.is_superuser or getattr(user, "peran", "") == "admin_bkd")


class SikapAdminSite(admin.AdminSite):
    site_header = "SIKAP · Data Induk"
    site_title = "SIKAP"
    index_title = "Kelola data induk"

    def has_permission(self, request):
        return is_admin_bkd(request.user)


site = SikapAdminSite(name="kelola")


class RoleAdmin(admin.ModelAdmin):
    def has_module_permission(self, request):
        return is_admin_bkd(request.user)

    def has_view_permission(self, request, obj=None):
        return is_admin_bkd(request.user)

    def has_add_permission(self, request):
        return is_admin_bkd(request.user)

    def has_change_permission(self, request, obj=None):
        return is_admin_bkd(request.user)

    def has_delete_permission(self, request, obj=None):
        return is_admin_bkd(request.user)
