"""Forms of the SAKIP pages. They read input; the services decide and write."""

import re

from django import forms

from sikap.performance.models import JenisPerjanjian, PengaturanCapaian
from sikap.performance.services import BUKTI_EXTENSIONS


def _decimal(label: str, *, required: bool = False, places: int = 4) -> forms.DecimalField:
    # localize: "94,12" (Indonesian) and "94.12" are both read as 94.12.
    return forms.DecimalField(
        label=label,
        required=required,
        max_digits=18,
        decimal_places=places,
        localize=True,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "class": "form-control"}),
    )


def _file(label: str) -> forms.FileField:
    return forms.FileField(
        label=label,
        required=False,
        widget=forms.ClearableFileInput(
            attrs={"class": "form-control", "accept": ",".join(BUKTI_EXTENSIONS)}
        ),
    )


def _text(label: str, *, required: bool = False, rows: int = 2) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=required,
        widget=forms.Textarea(attrs={"rows": rows, "class": "form-control"}),
    )


class RealisasiForm(forms.Form):
    k = _decimal("Realisasi K")
    rp = _decimal("Realisasi Rp", places=2)
    catatan = _text("Catatan bukti")
    bukti = _file("Berkas bukti (PDF, gambar, XLSX, DOCX; maks. 10 MB)")


class KoreksiForm(RealisasiForm):
    alasan = _text("Alasan koreksi", required=True)


class StepForm(forms.Form):
    """A workflow button: the transition, the version the user saw, and a reason."""

    langkah = forms.CharField()
    versi = forms.IntegerField(min_value=0)
    alasan = forms.CharField(required=False)


class IkuForm(forms.Form):
    target = _decimal("Target", required=True)
    realisasi = _decimal("Realisasi (manual)")


class ImportForm(forms.Form):
    tahun = forms.IntegerField(
        label="Tahun",
        min_value=2000,
        max_value=2100,
        widget=forms.NumberInput(attrs={"class": "form-control"}),
    )
    renja = forms.FileField(label="Renja (renja_TAHUN.csv/.xlsx)")
    realisasi = forms.FileField(label="Realisasi triwulan (realisasi_TAHUN)", required=False)
    program_budget = forms.FileField(label="Tabel anggaran (program_budget_TAHUN)", required=False)
    iku = forms.FileField(label="IKU (iku_TAHUN)", required=False)
    renstra = forms.CharField(
        label="Periode Renstra (bila belum ada dan tidak tertulis di berkas IKU)",
        required=False,
        widget=forms.TextInput(attrs={"placeholder": "2018-2023", "class": "form-control"}),
    )
    ganti = forms.BooleanField(
        label="Ganti seluruh data tahun ini bila sudah ada",
        required=False,
        widget=forms.CheckboxInput(attrs={"class": "form-check-input"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("renja", "realisasi", "program_budget", "iku"):
            self.fields[name].widget.attrs.update({"class": "form-control", "accept": ".csv,.xlsx"})

    def clean_renstra(self) -> tuple[int, int] | None:
        text = self.cleaned_data["renstra"].strip()
        if not text:
            return None
        m = re.fullmatch(r"(\d{4})\s*[-–]\s*(\d{4})", text)
        if not m or int(m[1]) > int(m[2]):
            raise forms.ValidationError("Tulis periode sebagai TAHUN-TAHUN, mis. 2018-2023.")
        return int(m[1]), int(m[2])


class PerjanjianForm(forms.Form):
    jenis = forms.ChoiceField(
        label="Jenis",
        choices=JenisPerjanjian.choices,
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    tanggal_tanda_tangan = forms.DateField(
        label="Tanggal tanda tangan",
        required=False,
        widget=forms.DateInput(attrs={"type": "date", "class": "form-control"}, format="%Y-%m-%d"),
    )
    catatan = _text("Catatan")

    def __init__(self, *args, targets=(), programs=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.target_fields, self.anggaran_fields = [], []
        for indikator, current in targets:
            name = f"target_{indikator.pk}"
            self.fields[name] = _decimal(f"Target {indikator.nama}", required=True)
            self.initial.setdefault(name, current)
            self.target_fields.append(name)
        for program, current in programs:
            name = f"anggaran_{program.pk}"
            self.fields[name] = _decimal(f"Anggaran {program.kode} {program.nama}", places=2)
            self.initial.setdefault(name, current)
            self.anggaran_fields.append(name)


class PengaturanForm(forms.ModelForm):
    predikat_teks = _text(
        "Predikat (satu per baris: batas bawah lalu nama; baris terakhir '-' untuk sisanya)",
        rows=5,
    )

    class Meta:
        model = PengaturanCapaian
        fields = ["berlaku_mulai", "konvensi_turun", "desimal", "pembulatan", "desimal_realisasi"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            css = "form-select" if isinstance(field.widget, forms.Select) else "form-control"
            field.widget.attrs.setdefault("class", css)
        if self.instance.predikat:
            self.initial["predikat_teks"] = "\n".join(
                f"{'-' if low is None else low} {label}" for low, label in self.instance.predikat
            )

    def clean_predikat_teks(self) -> list:
        rows = []
        for n, line in enumerate(self.cleaned_data["predikat_teks"].splitlines(), 1):
            if not line.strip():
                continue
            low, _, label = line.strip().partition(" ")
            if not label.strip() or not (low == "-" or re.fullmatch(r"-?\d+([.,]\d+)?", low)):
                raise forms.ValidationError(
                    f"Baris {n}: tulis batas bawah (angka, atau '-') lalu nama predikat."
                )
            rows.append([None if low == "-" else low.replace(",", "."), label.strip()])
        return rows

    def save(self, commit=True):
        self.instance.predikat = self.cleaned_data["predikat_teks"]
        return super().save(commit=False)
