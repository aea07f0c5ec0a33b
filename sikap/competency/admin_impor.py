"""The import page the competency admins share (bank soal, standar kompetensi): an upload
form at <model>/impor/ that starts the import as an operation (core/operations) and goes to
its progress page; the file is checked there, all or nothing."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path

from sikap.core.errors import SikapError


class ImporAdminMixin:
    impor_start = None  # staticmethod(module.start): (berkas, user=) -> Operasi
    impor_label = ""  # the file field's label
    impor_title = ""
    impor_template = ""
    impor_context: dict = {}  # more for the template

    def get_urls(self):
        name = f"{self.opts.app_label}_{self.opts.model_name}_impor"
        extra = [path("impor/", self.admin_site.admin_view(self.impor), name=name)]
        return extra + super().get_urls()

    def impor(self, request):
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = ImporForm(request.POST or None, request.FILES or None, label=self.impor_label)
        if request.method == "POST" and form.is_valid():
            try:
                operasi = self.impor_start(form.cleaned_data["berkas"], user=request.user)
            except SikapError as e:
                form.add_error("berkas", e.message)
            else:
                return redirect("core:operasi", operasi.pk)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "form": form,
            "title": self.impor_title,
            **self.impor_context,
        }
        return TemplateResponse(request, self.impor_template, context)


class ImporForm(forms.Form):
    berkas = forms.FileField()

    def __init__(self, *args, label: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["berkas"].label = label
