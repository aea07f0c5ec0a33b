"""The master-data site at /kelola/: Django's admin, opened by role, not by Django's per-model
permissions, so roles stay the one source of authority. Each model admin names the predicate
of `sikap.accounts.access` that opens it (`may_manage_master_data` by default; SAKIP plans
`may_plan`); the index shows each user only the models their role may manage."""

from django import forms
from django.contrib import admin, messages
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse

from sikap.accounts import access
from sikap.core import audit, trail
from sikap.core.errors import SikapError


class SikapAdminSite(admin.AdminSite):
    site_header = "SIKAP · Data Induk"
    site_title = "SIKAP"
    index_title = "Kelola data induk"

    def has_permission(self, request):
        return access.may_use_kelola(request.user)

    def login(self, request, extra_context=None):
        """Not `login_not_required` as Django's is: anonymous visitors log in at /masuk/."""
        return super().login(request, extra_context)


site = SikapAdminSite(name="kelola")


class RoleGate:
    allowed = staticmethod(access.may_manage_master_data)

    def _allowed(self, request) -> bool:
        return self.allowed(request.user)

    def has_module_permission(self, request):
        return self._allowed(request)

    def has_view_permission(self, request, obj=None):
        return self._allowed(request)

    def has_add_permission(self, request, obj=None):
        return self._allowed(request)

    def has_change_permission(self, request, obj=None):
        return self._allowed(request)

    def has_delete_permission(self, request, obj=None):
        return self._allowed(request)


class RoleAdmin(RoleGate, admin.ModelAdmin):
    def history_view(self, request, object_id, extra_context=None):
        """The record's history is SIKAP's own audit trail (who, when, before → after)."""
        obj = self.get_object(request, object_id)
        if obj is None or not self.has_view_permission(request, obj):
            raise Http404
        rows = trail.readable(audit.history_of(obj)[:200])
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "object": obj,
            "rows": rows,
            "title": f"Jejak audit: {obj}",
        }
        return TemplateResponse(request, "admin/sikap_history.html", context)


class RoleInline(RoleGate, admin.TabularInline):
    """Inline rows follow the role too (Django's default asks per-model permissions)."""

    extra = 0


class AuditedAdmin(RoleAdmin):
    """Saves and deletes (inline rows included) go through the app's audited services:
    `save_service(obj, *, actor)` and `delete_service(obj, *, actor)`."""

    save_service = None
    delete_service = None

    def get_form(self, request, obj=None, change=False, **kwargs):
        """A row about one pegawai is refused on the form (not as an error page) when it is
        the user's own; the services refuse it again for every other caller."""
        base = super().get_form(request, obj, change, **kwargs)
        actor = request.user

        class NotOwnRow(base):
            def clean(self):
                cleaned = super().clean()
                pegawai = (cleaned or {}).get("pegawai")
                pegawai_id = getattr(pegawai, "pk", None) or getattr(
                    self.instance, "pegawai_id", None
                )
                if pegawai_id is not None and access.is_own_record(actor, pegawai_id):
                    raise forms.ValidationError(access.OWN_RECORD_REFUSAL)
                return cleaned

        return NotOwnRow

    def save_model(self, request, obj, form, change):
        type(self).save_service(obj, actor=request.user)

    def delete_model(self, request, obj):
        try:
            type(self).delete_service(obj, actor=request.user)
        except SikapError as e:
            request.sikap_refused_delete = True
            messages.error(request, e.message)

    def response_delete(self, request, obj_display, obj_id):
        """A refused delete goes back to the record, without Django's "deleted" message."""
        if getattr(request, "sikap_refused_delete", False):
            opts = self.opts
            return redirect(
                f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_change", obj_id
            )
        return super().response_delete(request, obj_display, obj_id)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self.delete_model(request, obj)

    def save_formset(self, request, form, formset, change):
        instances = formset.save(commit=False)
        for obj in formset.deleted_objects:
            self.delete_model(request, obj)
        for obj in instances:
            self.save_model(request, obj, None, change)
