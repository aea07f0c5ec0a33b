"""Forms of the pension pages: the projection filter, the calculator, opening a file, the
BKD's data steps (pertek, SK), a reason, an upload, and a pegawai's own BUP."""

from django import forms

from sikap.org.forms import OpdFilterForm
from sikap.pension.models import JenisPensiun
from sikap.rules.pension import BUP_MAX, BUP_MIN, KATEGORI_BUP

DATE = {"type": "date", "class": "form-control"}
TEXT = {"class": "form-control"}
DATE_ERRORS = {"invalid": "Tanggal tidak valid."}


class ProyeksiForm(OpdFilterForm):
    bulan = forms.IntegerField(
        label="Bulan ke depan", min_value=1, max_value=60, required=False,
        widget=forms.NumberInput(attrs={**TEXT, "inputmode": "numeric"}),
        error_messages={
            "min_value": "Paling sedikit 1 bulan.", "max_value": "Paling banyak 60 bulan."
        },
    )  # fmt: skip
    field_order = ("bulan", "opd")


class KalkulatorForm(forms.Form):
    tanggal_lahir = forms.DateField(
        label="Tanggal lahir", widget=forms.DateInput(attrs=DATE),
        error_messages={**DATE_ERRORS, "required": "Tanggal lahir wajib diisi."},
    )  # fmt: skip
    kategori = forms.ChoiceField(
        label="Jabatan", required=False,
        choices=[("", "— pilih, atau isi BUP —")] + [(k, v[0]) for k, v in KATEGORI_BUP.items()],
        widget=forms.Select(attrs={"class": "form-select"}),
        error_messages={"invalid_choice": "Jenis jabatan tidak dikenal."},
    )  # fmt: skip
    bup = forms.IntegerField(
        label="atau BUP (tahun)", required=False, min_value=BUP_MIN, max_value=BUP_MAX,
        widget=forms.NumberInput(attrs={**TEXT, "inputmode": "numeric"}),
        error_messages={
            "min_value": f"BUP paling rendah {BUP_MIN} tahun.",
            "max_value": f"BUP paling tinggi {BUP_MAX} tahun.",
        },
    )  # fmt: skip

    def clean(self):
        data = super().clean()
        if not data.get("kategori") and not data.get("bup") and not self.errors:
            raise forms.ValidationError("Pilih jabatan atau isi BUP.")
        return data


class BukaForm(forms.Form):
    nip = forms.CharField(
        label="NIP", max_length=24, widget=forms.TextInput(attrs={**TEXT, "inputmode": "numeric"})
    )
    jenis = forms.ChoiceField(
        label="Jenis pensiun", choices=JenisPensiun.choices,
        widget=forms.Select(attrs={"class": "form-select"}),
    )  # fmt: skip
    tmt = forms.DateField(
        label="TMT pensiun (selain BUP)", required=False, widget=forms.DateInput(attrs=DATE),
        error_messages=DATE_ERRORS,
    )  # fmt: skip
    keterangan = forms.CharField(
        label="Keterangan", required=False, max_length=1000,
        widget=forms.Textarea(attrs={**TEXT, "rows": 2}),
    )  # fmt: skip


class VersionForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)


class AlasanForm(VersionForm):
    alasan = forms.CharField(
        label="Alasan", max_length=1000, required=False,
        widget=forms.Textarea(attrs={**TEXT, "rows": 2}),
    )  # fmt: skip


class PertekForm(VersionForm):
    nomor = forms.CharField(
        label="Nomor pertek BKN", max_length=128, widget=forms.TextInput(attrs=TEXT)
    )
    tanggal = forms.DateField(
        label="Tanggal pertek", widget=forms.DateInput(attrs=DATE), error_messages=DATE_ERRORS
    )


class SkForm(VersionForm):
    nomor = forms.CharField(
        label="Nomor SK pensiun", max_length=128, widget=forms.TextInput(attrs=TEXT)
    )
    tanggal = forms.DateField(
        label="Tanggal SK", widget=forms.DateInput(attrs=DATE), error_messages=DATE_ERRORS
    )
    tmt = forms.DateField(
        label="TMT pensiun pada SK", widget=forms.DateInput(attrs=DATE), error_messages=DATE_ERRORS
    )
    berkas = forms.FileField(
        label="Berkas SK (PDF)",
        widget=forms.ClearableFileInput(attrs={**TEXT, "accept": ".pdf,application/pdf"}),
        error_messages={"required": "Unggah berkas SK pensiun."},
    )  # fmt: skip


class UnggahForm(forms.Form):
    berkas = forms.FileField(
        label="Berkas", widget=forms.ClearableFileInput(attrs=TEXT),
        error_messages={"required": "Pilih berkas yang akan diunggah."},
    )  # fmt: skip


class BupForm(forms.Form):
    bup = forms.IntegerField(
        label="BUP (tahun)", min_value=BUP_MIN, max_value=BUP_MAX,
        widget=forms.NumberInput(attrs={**TEXT, "inputmode": "numeric"}),
    )  # fmt: skip
    dasar_hukum = forms.CharField(
        label="Dasar hukum", max_length=255, widget=forms.TextInput(attrs=TEXT)
    )
