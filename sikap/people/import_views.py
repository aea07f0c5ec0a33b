"""The SIASN import page: upload a file; its import runs as a long operation (import_runs)."""

from django import forms
from django.conf import settings
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from sikap.accounts import access
from sikap.core.errors import SikapError
from sikap.core.views import refuse
from sikap.people import import_runs


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
    """The upload form; the import itself runs as a long operation with its own page."""
    if not access.may_edit_personnel(request.user):
        return refuse(request, "Impor data SIASN hanya untuk Admin OPD dan Admin BKD.")
    form = ImportSiasnForm(request.POST or None, request.FILES or None)
    failure = None
    if form.is_valid():
        try:
            operasi = import_runs.start(
                form.cleaned_data["berkas"],
                user=request.user,
                dry_run=form.cleaned_data["dry_run"],
            )
        except SikapError as e:
            failure = e.message
        else:
            return redirect("core:operasi", operasi.pk)
    context = {
        "form": form,
        "failure": failure,
        "max_mb": settings.SIKAP_IMPORT_MAX_BYTES // 2**20,
    }
    return render(request, "people/import_siasn.html", context)
