"""Forms of the KGB pages: the due-list filter, the calculator, a return with reason."""

from datetime import date

from django import forms

from sikap.lkj.pdf import PAPERS
from sikap.org.forms import OpdFilterForm
from sikap.rules import RuleError
from sikap.rules.ranks import GOLONGAN, parse_golongan

BULAN = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
         "September", "Oktober", "November", "Desember")  # fmt: skip


class DaftarForm(OpdFilterForm):
    bulan = forms.DateField(
        label="Bulan TMT",
        required=False,
        input_formats=["%Y-%m"],
        widget=forms.DateInput(attrs={"type": "month", "class": "form-control"}, format="%Y-%m"),
        error_messages={"invalid": "Bulan tidak valid; pilih bulan dan tahun."},
    )
    field_order = ("bulan", "opd")


class KalkulatorForm(forms.Form):
    golongan = forms.CharField(
        label="Golongan/ruang",
        widget=forms.Select(choices=[(g, g) for g in GOLONGAN], attrs={"class": "form-select"}),
    )
    mkg_tahun = forms.IntegerField(
        label="MKG tahun", min_value=0, max_value=45,
        widget=forms.NumberInput(attrs={"class": "form-control", "inputmode": "numeric"}),
    )  # fmt: skip
    mkg_bulan = forms.IntegerField(
        label="MKG bulan", min_value=0, max_value=11, initial=0,
        widget=forms.NumberInput(attrs={"class": "form-control", "inputmode": "numeric"}),
        error_messages={"max_value": "MKG bulan paling banyak 11."},
    )  # fmt: skip
    tmt = forms.DateField(
        label="TMT SK dasar",
        widget=forms.DateInput(attrs={"type": "date", "class": "form-control"}),
        error_messages={"invalid": "Tanggal tidak valid."},
    )

    def clean_golongan(self):
        try:
            return parse_golongan(self.cleaned_data["golongan"])
        except RuleError as e:
            raise forms.ValidationError(e.message) from None

    def clean_tmt(self):
        tmt = self.cleaned_data["tmt"]
        if tmt < date(1977, 1, 1):
            raise forms.ValidationError("TMT sebelum PP 7/1977 tidak dapat dihitung.")
        return tmt


class KembalikanForm(forms.Form):
    alasan = forms.CharField(
        label="Alasan dikembalikan",
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2, "class": "form-control"}),
        error_messages={"required": "Alasan wajib diisi."},
    )
    version = forms.IntegerField(widget=forms.HiddenInput)


class KertasForm(forms.Form):
    kertas = forms.ChoiceField(
        choices=[(k, p.label) for k, p in PAPERS.items()],
        initial="a4",
        widget=forms.Select(attrs={"class": "form-select form-select-sm"}),
    )


def bulan_label(d: date) -> str:
    return f"{BULAN[d.month - 1]} {d.year}"
