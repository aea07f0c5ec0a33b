"""Filtering of the pegawai list (and its XLSX export, which must show the same rows)."""

import re

from django import forms
from django.db.models import Q

from sikap.org.models import JenisJabatan, Opd
from sikap.people.forms import BootstrapForm
from sikap.people.models import Kedudukan, Pegawai, StatusPegawai
from sikap.rules.ranks import GOLONGAN, PPPK_GOLONGAN, golongan_label

_NIP_QUERY = re.compile(r"[\d\s]+")


class PegawaiFilterForm(BootstrapForm, forms.Form):
    q = forms.CharField(label="Cari NIP atau nama", required=False, max_length=100)
    opd = forms.ModelChoiceField(
        label="OPD", queryset=Opd.objects.none(), required=False, empty_label="Semua OPD"
    )
    golongan = forms.ChoiceField(
        label="Golongan",
        required=False,
        choices=[
            ("", "Semua golongan"),
            ("PNS", [(g, g) for g in GOLONGAN]),
            ("PPPK", [(g, golongan_label(g)) for g in PPPK_GOLONGAN]),
        ],
    )
    status = forms.ChoiceField(
        label="Status", required=False, choices=[("", "Semua status"), *StatusPegawai.choices]
    )
    jenis_jabatan = forms.ChoiceField(
        label="Jenis jabatan",
        required=False,
        choices=[("", "Semua jenis jabatan"), *JenisJabatan.choices],
    )
    kedudukan = forms.ChoiceField(
        label="Kedudukan",
        required=False,
        choices=[("", "Semua kedudukan"), *Kedudukan.choices],
    )

    def __init__(self, data, *, user):
        super().__init__(data)
        # Only OPDs that hold someone the user may see: no hint of the rest.
        visible = Pegawai.objects.visible_to(user)
        self.fields["opd"].queryset = Opd.objects.filter(pk__in=visible.values("opd"))

    def filter(self, queryset):
        """`queryset` narrowed by the valid filters; invalid ones are ignored, not fatal."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        if q := " ".join(data.get("q", "").split()):
            queryset = queryset.filter(_search(q))
        if opd := data.get("opd"):
            queryset = queryset.filter(opd=opd)
        for field in ("golongan", "status", "jenis_jabatan", "kedudukan"):
            if value := data.get(field):
                queryset = queryset.filter(**{field: value})
        return queryset


def _search(q: str) -> Q:
    # People type a NIP with the display spaces ("19800517 200503 1 001") or a part of it.
    if _NIP_QUERY.fullmatch(q):
        return Q(nip__contains=re.sub(r"\s", "", q))
    return Q(nama__icontains=q)
