"""The SIASN import page: upload a file, see what was (or would be) imported, or every error."""

from django import forms
from django.conf import settings
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from sikap.accounts import access
from sikap.core.errors import SikapError
from sikap.core.views import refuse
from sikap.people.import_service import import_siasn as run_import


class ImportSiasnForm(forms.Form):
    berkas = forms.FileField(
        label="Berkas unduhan data pegawai SIASN",
        widget=forms.ClearableFileInput(
            attrs={"class": "form-control", "accept": ".csv,.txt,.xlsx"}
        ),
    )
    dry_run = forms.BooleanField(
        label="Uji coba: periksa dan hitung saja, jangan simpan",
        required=False,
        widget=forms.CheckboxInput(attrs={"class": "form-check-input"}),
    )


@require_http_methods(["GET", "POST"])
def import_siasn(request):
    if not access.may_edit_personnel(request.user):
        return refuse(request, "Impor data SIASN hanya untuk Admin OPD dan Admin BKD.")
    form = ImportSiasnForm(request.POST or None, request.FILES or None)
    report = failure = None
    if form.is_valid():
        try:
            report = run_import(
                form.cleaned_data["berkas"],
                actor=request.user,
                dry_run=form.cleaned_data["dry_run"],
            )
        except SikapError as e:
            failure = e.message
    context = {
        "form": form,
        "report": report,
        "failure": failure,
        "max_mb": settings.SIKAP_IMPORT_MAX_BYTES // 2**20,
    }
    return render(request, "people/import_siasn.html", context)
