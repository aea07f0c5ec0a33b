"""The master-data site at /kelola/: Django's admin, open to admin BKD only (by role, not by
Django's per-model permissions, so roles stay the one source of authority)."""

from django.contrib import admin, messages

from sikap.core.errors import SikapError


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


class RoleInline(admin.TabularInline):
    """Inline rows follow the role too (Django's default asks per-model permissions)."""

    extra = 0

    def has_view_permission(self, request, obj=None):
        return is_admin_bkd(request.user)

    def has_add_permission(self, request, obj=None):
        return is_admin_bkd(request.user)

    def has_change_permission(self, request, obj=None):
        return is_admin_bkd(request.user)

    def has_delete_permission(self, request, obj=None):
        return is_admin_bkd(request.user)


class AuditedAdmin(RoleAdmin):
    """Saves and deletes (inline rows included) go through the app's audited services:
    `save_service(obj, *, actor)` and `delete_service(obj, *, actor)`."""

    save_service = None
    delete_service = None

    def save_model(self, request, obj, form, change):
        type(self).save_service(obj, actor=request.user)

    def delete_model(self, request, obj):
        try:
            type(self).delete_service(obj, actor=request.user)
        except SikapError as e:
            messages.error(request, e.message)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self.delete_model(request, obj)

    def save_formset(self, request, form, formset, change):
        instances = formset.save(commit=False)
        for obj in formset.deleted_objects:
            self.delete_model(request, obj)
        for obj in instances:
            self.save_model(request, obj, None, change)
