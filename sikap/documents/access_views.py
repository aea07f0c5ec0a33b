"""The access log of personal files: admin BKD search it; a pegawai sees who opened theirs."""

from django.core.paginator import Paginator
from django.shortcuts import render

from sikap.accounts import access
from sikap.core.views import refuse
from sikap.documents import access_log
from sikap.documents.forms import AksesFilterForm
from sikap.people.models import Pegawai

PER_PAGE = 50


def akses_log(request):
    if not access.may_read_access_log(request.user):
        return refuse(request, "Log akses berkas hanya dapat dibuka oleh admin BKD.")
    form = AksesFilterForm(request.GET or None)
    rows = access_log.search(**form.filters())
    page = Paginator(rows, PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "documents/akses_log.html", {"form": form, "page": page})


def akses_saya(request):
    """Siapa yang melihat data saya: who opened one's own documents and DRH."""
    pegawai = Pegawai.objects.filter(pk=request.user.pegawai_id).first()
    if pegawai is None:
        return refuse(request, "Akun Anda tidak terhubung dengan data pegawai.")
    rows = access_log.of_pegawai(pegawai)
    page = Paginator(rows, PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "documents/akses_saya.html", {"pegawai": pegawai, "page": page})
