"""Forms of the e-Pangkat pages. They only shape input; every rule is in the services."""

from django import forms

from sikap.promotion.models import JenisKp
from sikap.rules.ranks import GOLONGAN

_TEXT = {"class": "form-control"}
# <input type="date"> reads only ISO dates; without the format a stored date (the pertek's)
# renders in the Indonesian format and the browser shows the field empty.
_DATE = forms.DateInput(attrs={"type": "date", "class": "form-control"}, format="%Y-%m-%d")
_DATE_ERR = {"invalid": "Tanggal tidak valid.", "required": "Tanggal wajib diisi."}


class Versioned(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class UsulanForm(forms.Form):
    """Open a proposal: from the list (reguler, NIP given) or by hand (a pilihan type)."""

    nip = forms.CharField(
        label="NIP", max_length=24, widget=forms.TextInput(attrs={**_TEXT, "inputmode": "numeric"})
    )
    jenis = forms.ModelChoiceField(
        label="Jenis kenaikan pangkat",
        queryset=JenisKp.objects.filter(aktif=True),
        to_field_name="kode",
        empty_label=None,
        widget=forms.Select(attrs={"class": "form-select"}),
        error_messages={"invalid_choice": "Jenis kenaikan pangkat tidak dikenal."},
    )
    alasan = forms.CharField(
        label="Alasan dan dasar usul (KP pilihan)",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={**_TEXT, "rows": 2}),
    )
    angka_kredit = forms.DecimalField(
        label="Angka kredit pada PAK", required=False, min_value=0, max_digits=8, decimal_places=3,
        widget=forms.NumberInput(attrs={**_TEXT, "step": "0.001"}),
    )  # fmt: skip
    angka_kredit_minimum = forms.DecimalField(
        label="Angka kredit dipersyaratkan", required=False, min_value=0, max_digits=8,
        decimal_places=3, widget=forms.NumberInput(attrs={**_TEXT, "step": "0.001"}),
    )  # fmt: skip


class UnggahForm(forms.Form):
    berkas = forms.FileField(
        label="Berkas",
        widget=forms.ClearableFileInput(attrs={"class": "form-control form-control-sm"}),
        error_messages={"required": "Pilih berkas untuk diunggah."},
    )


class PilihForm(forms.Form):
    dokumen = forms.IntegerField(
        widget=forms.HiddenInput, error_messages={"required": "Pilih dokumen dari arsip."}
    )


class PeriksaForm(forms.Form):
    keputusan = forms.ChoiceField(choices=[("diterima", "Terima"), ("btl", "BTL")])
    alasan = forms.CharField(
        label="Alasan BTL",
        required=False,
        max_length=255,
        widget=forms.TextInput(attrs={**_TEXT, "placeholder": "mis. buram, tidak ditandatangani"}),
    )


class LangkahForm(Versioned):
    alasan = forms.CharField(
        label="Catatan / alasan",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={**_TEXT, "rows": 2}),
    )


class PertekForm(Versioned):
    nomor = forms.CharField(
        label="Nomor pertek BKN", max_length=128, widget=forms.TextInput(attrs=_TEXT)
    )
    tanggal = forms.DateField(label="Tanggal pertek", widget=_DATE, error_messages=_DATE_ERR)


class SkForm(Versioned):
    nomor = forms.CharField(label="Nomor SK", max_length=128, widget=forms.TextInput(attrs=_TEXT))
    tanggal = forms.DateField(label="Tanggal SK", widget=_DATE, error_messages=_DATE_ERR)
    tmt = forms.DateField(label="TMT", widget=_DATE, error_messages=_DATE_ERR)
    golongan = forms.ChoiceField(
        label="Golongan baru",
        choices=[(g, g) for g in GOLONGAN],
        widget=forms.Select(attrs={"class": "form-select"}),
        error_messages={"invalid_choice": "Golongan tidak dikenal."},
    )
    mkg_tahun = forms.IntegerField(
        label="MKG tahun", min_value=0, max_value=45, widget=forms.NumberInput(attrs=_TEXT)
    )
    mkg_bulan = forms.IntegerField(
        label="MKG bulan", min_value=0, max_value=11, widget=forms.NumberInput(attrs=_TEXT),
        error_messages={"max_value": "MKG bulan paling banyak 11."},
    )  # fmt: skip
    berkas = forms.FileField(
        label="Berkas SK (PDF)",
        widget=forms.ClearableFileInput(attrs={"class": "form-control"}),
        error_messages={"required": "Unggah berkas SK."},
    )
