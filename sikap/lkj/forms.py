from django import forms

from sikap.lkj.defaults import FIELDS
from sikap.lkj.models import LkjTeks
from sikap.lkj.pdf import PAPERS
from sikap.performance.models import Program


class TeksForm(forms.ModelForm):
    class Meta:
        model = LkjTeks
        fields = [f for f in FIELDS]
        widgets = {
            name: forms.Textarea(attrs={"rows": 5})
            for name in (
                "kata_pengantar", "ikhtisar_pengantar", "latar_belakang", "maksud", "tujuan",
                "gambaran_umum", "tugas_pokok", "fungsi", "struktur_organisasi", "dasar_hukum",
                "renstra_pengantar", "visi", "misi", "kebijakan", "hambatan", "upaya", "penutup",
                "saran", "inovasi",
            )
        }  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs.setdefault("class", "form-control form-control-sm")


class UnduhForm(forms.Form):
    kertas = forms.ChoiceField(
        choices=[(p.code, p.label) for p in PAPERS.values()],
        widget=forms.Select(attrs={"class": "form-select form-select-sm"}),
    )


class KonfirmasiForm(forms.Form):
    kunci = forms.CharField(max_length=20, widget=forms.HiddenInput)
    alasan = forms.CharField(
        label="Alasan konfirmasi",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2, "class": "form-control form-control-sm"}),
    )


class AnalisisForm(forms.Form):
    """Causes, solutions and supporting programmes of one IKU indicator (analyses 5 and 7)."""

    indikator = forms.IntegerField(widget=forms.HiddenInput)
    penyebab = forms.CharField(
        label="Penyebab keberhasilan/kegagalan",
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 2, "class": "form-control form-control-sm"}),
    )
    solusi = forms.CharField(
        label="Solusi dan langkah perbaikan",
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 2, "class": "form-control form-control-sm"}),
    )
    program = forms.ModelMultipleChoiceField(
        label="Program pendukung",
        queryset=Program.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, year: int, programs: list | None = None, **kwargs):
        """`programs`: the year's programmes read once for a page of forms (one per IKU),
        which otherwise each query them to draw their boxes."""
        super().__init__(*args, **kwargs)
        field = self.fields["program"]
        field.queryset = year_programs(year)  # what a submitted choice is checked against
        if programs is not None:
            field.choices = [(p.pk, field.label_from_instance(p)) for p in programs]


def year_programs(year: int):
    return Program.objects.filter(renja__tahun=year).order_by("urutan")


class PindaianForm(forms.Form):
    berkas = forms.FileField(
        label="Pindaian Perjanjian Kinerja bertanda tangan (PDF, JPEG atau PNG)",
        widget=forms.ClearableFileInput(
            attrs={"class": "form-control form-control-sm", "accept": ".pdf,.jpg,.jpeg,.png"}
        ),
    )
