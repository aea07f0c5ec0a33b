"""Forms of the document pages. They collect input; the checks that matter (content, permission)
are in `services` and `validation`, so a form never decides whether a file is acceptable."""

from django import forms

from sikap.documents.models import FORMATS, JenisDokumen, validate_formats
from sikap.documents.selectors import RIWAYAT_LABELS
from sikap.org.models import Opd
from sikap.people.models import RIWAYAT_MODELS
from sikap.rules.formatting import angka


class UploadForm(forms.Form):
    file = forms.FileField(label="Berkas", allow_empty_file=True)
    riwayat = forms.TypedChoiceField(label="Untuk riwayat", required=False, coerce=int)

    def __init__(self, *args, jenis: JenisDokumen, rows: list, **kwargs):
        # One form per type on the arsip page: ids must not collide.
        super().__init__(*args, auto_id=f"%s-{jenis.kode}", **kwargs)
        self.jenis = jenis
        self._rows = {row.pk: row for row in rows}
        self.fields["file"].widget.attrs.update({"class": "form-control", "accept": jenis.accept})
        limit = angka(jenis.ukuran_maks_kb)
        self.fields["file"].help_text = f"{jenis.formats_label}, paling besar {limit} KB."
        if jenis.riwayat_kind:
            label = RIWAYAT_LABELS[jenis.riwayat_kind]
            self.fields["riwayat"].choices = [("", "— tidak dilekatkan —")] + [
                (row.pk, label(row)) for row in rows
            ]
            self.fields["riwayat"].widget.attrs["class"] = "form-select"
        else:
            del self.fields["riwayat"]

    def clean_riwayat(self):
        pk = self.cleaned_data.get("riwayat")
        return self._rows.get(pk) if pk else None


class VerifikasiForm(forms.Form):
    keputusan = forms.ChoiceField(choices=[("setujui", "Verifikasi"), ("tolak", "Tolak")])
    alasan = forms.CharField(required=False, max_length=500)
    versi = forms.IntegerField(min_value=0)

    @property
    def approve(self) -> bool:
        return self.cleaned_data["keputusan"] == "setujui"


class KelengkapanFilterForm(forms.Form):
    opd = forms.ModelChoiceField(
        label="OPD", queryset=Opd.objects.none(), required=False, empty_label="Semua OPD"
    )
    jenis = forms.ModelChoiceField(
        label="Belum memiliki",
        queryset=JenisDokumen.objects.none(),
        required=False,
        empty_label="Dokumen wajib apa pun",
    )

    def __init__(self, data, *, visible, types: list[JenisDokumen]):
        super().__init__(data)
        # Only OPDs holding someone the user may see: no hint of the rest.
        self.fields["opd"].queryset = Opd.objects.filter(pk__in=visible.values("opd"))
        self.fields["jenis"].queryset = JenisDokumen.objects.filter(pk__in=[t.pk for t in types])
        for field in self.fields.values():
            field.widget.attrs["class"] = "form-select"

    def value(self, name):
        """The valid filter value, or None: a bad filter is ignored rather than fatal."""
        self.is_valid()
        return getattr(self, "cleaned_data", {}).get(name)


class CekBerkasForm(forms.Form):
    berkas = forms.FileField(label="Berkas yang ingin dicocokkan")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["berkas"].widget.attrs["class"] = "form-control"


class JenisDokumenAdminForm(forms.ModelForm):
    """The accepted formats as check boxes, stored as 'pdf,jpeg'."""

    format_diizinkan = forms.MultipleChoiceField(
        label="Format yang diterima",
        choices=[(code, f.label) for code, f in FORMATS.items()],
        widget=forms.CheckboxSelectMultiple,
        help_text="Format dikenali dari isi berkas, bukan dari nama atau ekstensinya.",
    )

    riwayat_kind = forms.ChoiceField(
        label="Melekat pada riwayat",
        required=False,
        choices=[("", "— tidak melekat —")]
        + [(kind, model._meta.verbose_name) for kind, model in RIWAYAT_MODELS.items()],
        help_text="Kosong bila dokumen tidak melekat pada satu baris riwayat (mis. KTP).",
    )

    class Meta:
        model = JenisDokumen
        fields = [
            "kode", "nama", "wajib_untuk", "format_diizinkan", "ukuran_maks_kb",
            "perlu_verifikasi", "riwayat_kind", "urutan", "aktif",
        ]  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["format_diizinkan"] = list(self.instance.formats)

    def clean_format_diizinkan(self):
        value = ",".join(self.cleaned_data["format_diizinkan"])
        validate_formats(value)
        return value


class AksesFilterForm(forms.Form):
    """Filters of the access log; an invalid value is shown as an error and not applied."""

    pegawai = forms.CharField(label="Pegawai (NIP atau nama)", required=False, max_length=100)
    user = forms.CharField(label="Pembaca (nama log-in)", required=False, max_length=150)
    dari = forms.DateField(
        label="Dari tanggal", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    sampai = forms.DateField(
        label="Sampai tanggal", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs["class"] = "form-control"

    def clean(self):
        data = super().clean()
        if data.get("dari") and data.get("sampai") and data["sampai"] < data["dari"]:
            self.add_error("sampai", "Tidak boleh sebelum tanggal awal.")
        return data

    def filters(self) -> dict:
        return {k: v for k, v in self.cleaned_data.items() if v} if self.is_valid() else {}
