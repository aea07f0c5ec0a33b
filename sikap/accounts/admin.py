from django.contrib.auth.admin import UserAdmin

from sikap.accounts import services
from sikap.accounts.models import User
from sikap.core.admin_site import RoleAdmin, site


class PenggunaAdmin(RoleAdmin, UserAdmin):
    list_display = ("username", "first_name", "peran", "pegawai", "is_active")
    list_filter = ("peran", "is_active")
    search_fields = ("username", "first_name", "last_name")
    raw_id_fields = ("pegawai",)
    filter_horizontal = ("opd_scope",)
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        ("Identitas", {"fields": ("first_name", "last_name", "email", "pegawai")}),
        ("Peran", {"fields": ("peran", "opd_scope", "is_active")}),
    )

    def get_queryset(self, request):
        # Admin BKD manages the agency's accounts, not the superusers who run the server.
        queryset = super().get_queryset(request)
        return queryset if request.user.is_superuser else queryset.filter(is_superuser=False)

    def user_change_password(self, request, id, form_url=""):
        response = super().user_change_password(request, id, form_url)
        if request.method == "POST" and response.status_code == 302:
            services.record_password_change(self.get_object(request, id), actor=request.user)
        return response

    def save_model(self, request, obj, form, change):
        """Saved together with its OPD scope in save_related, so one audit row covers both."""

    def save_related(self, request, form, formsets, change):
        services.save_user(
            form.instance, actor=request.user, scope=form.cleaned_data.get("opd_scope")
        )


site.register(User, PenggunaAdmin)
