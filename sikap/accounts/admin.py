from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin

from sikap.accounts import second_factor, services, tokens
from sikap.accounts.models import Token, User
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
        ("Peran", {"fields": ("peran", "opd_scope", "is_active", "wajib_ganti_sandi")}),
    )
    actions = ["nonaktifkan_dua_langkah"]

    def get_queryset(self, request):
        # Admin BKD manages the agency's accounts, not the superusers who run the server.
        queryset = super().get_queryset(request)
        return queryset if request.user.is_superuser else queryset.filter(is_superuser=False)

    def has_change_permission(self, request, obj=None):
        # One's own role, OPD scope and pegawai link are changed by another admin (four eyes);
        # one's own password at /akun/kata-sandi/.
        if obj is not None and obj.pk == request.user.pk:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.pk == request.user.pk:
            return False
        return super().has_delete_permission(request, obj)

    def user_change_password(self, request, id, form_url=""):
        response = super().user_change_password(request, id, form_url)
        if request.method == "POST" and response.status_code == 302:
            services.record_password_change(self.get_object(request, id), actor=request.user)
        return response

    def save_model(self, request, obj, form, change):
        """Saved together with its OPD scope in save_related, so one audit row covers both."""

    def save_related(self, request, form, formsets, change):
        if not change:
            # The password an admin typed is an initial one: its owner replaces it at log-in.
            form.instance.wajib_ganti_sandi = True
        services.save_user(
            form.instance, actor=request.user, scope=form.cleaned_data.get("opd_scope")
        )

    @admin.action(
        description="Nonaktifkan verifikasi dua langkah (ponsel dan kode pemulihan hilang)"
    )
    def nonaktifkan_dua_langkah(self, request, queryset):
        for user in queryset:
            second_factor.remove(user, actor=request.user)
        messages.success(
            request, f"Verifikasi dua langkah dinonaktifkan untuk {queryset.count()} akun."
        )


site.register(User, PenggunaAdmin)


class TokenAdmin(RoleAdmin):
    """Device tokens, read-only: admin BKD sees who has which device linked and revokes. The
    digest is never shown; the secret itself is not stored."""

    fields = (
        "user",
        "perangkat",
        "prefix",
        "created_at",
        "last_used_at",
        "expires_at",
        "revoked_at",
    )
    list_display = (
        "perangkat",
        "user",
        "prefix",
        "created_at",
        "last_used_at",
        "expires_at",
        "revoked_at",
    )
    list_filter = (("revoked_at", admin.EmptyFieldListFilter),)
    search_fields = ("user__username", "user__first_name", "perangkat", "prefix")
    list_select_related = ("user",)
    readonly_fields = fields
    actions = ["cabut"]

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.action(description="Cabut token terpilih")
    def cabut(self, request, queryset):
        for token in queryset:
            tokens.revoke_token(token, actor=request.user)
        messages.success(request, f"{queryset.count()} token dicabut.")


site.register(Token, TokenAdmin)
