"""Work in progress: replaced by the web pages."""
from django.http import HttpResponse


def dashboard(request, *args, **kwargs):
    return HttpResponse('dashboard')


def pegawai_list(request, *args, **kwargs):
    return HttpResponse('pegawai_list')


def pegawai_export(request, *args, **kwargs):
    return HttpResponse('pegawai_export')


def pegawai_create(request, *args, **kwargs):
    return HttpResponse('pegawai_create')


def pegawai_detail(request, *args, **kwargs):
    return HttpResponse('pegawai_detail')


def pegawai_edit(request, *args, **kwargs):
    return HttpResponse('pegawai_edit')


def pegawai_pdf(request, *args, **kwargs):
    return HttpResponse('pegawai_pdf')


def pegawai_history(request, *args, **kwargs):
    return HttpResponse('pegawai_history')


def riwayat_edit(request, *args, **kwargs):
    return HttpResponse('riwayat_edit')


def riwayat_delete(request, *args, **kwargs):
    return HttpResponse('riwayat_delete')
