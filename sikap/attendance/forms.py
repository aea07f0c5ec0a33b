from django import forms

from sikap.attendance.models import JenisKetidakhadiran


class PengajuanForm(forms.Form):
    jenis = forms.ChoiceField(label="Jenis", choices=JenisKetidakhadiran.choices)
    mulai = forms.DateField(label="Mulai", widget=forms.DateInput(attrs={"type": "date"}))
    selesai = forms.DateField(label="Selesai", widget=forms.DateInput(attrs={"type": "date"}))
    alasan = forms.CharField(
        label="Alasan", max_length=1000, widget=forms.Textarea(attrs={"rows": 3})
    )
    berkas = forms.FileField(
        label="Lampiran (PDF/JPEG/PNG)",
        required=False,
        help_text=(
            "Wajib untuk sakit, cuti sakit/melahirkan/alasan penting, dinas luar, tugas belajar."
        ),
    )


class AktivitasForm(forms.Form):
    tanggal = forms.DateField(label="Tanggal", widget=forms.DateInput(attrs={"type": "date"}))
    mulai = forms.TimeField(label="Mulai", widget=forms.TimeInput(attrs={"type": "time"}))
    selesai = forms.TimeField(label="Selesai", widget=forms.TimeInput(attrs={"type": "time"}))
    uraian = forms.CharField(label="Uraian kegiatan", max_length=500)
    output = forms.CharField(label="Output", max_length=120)
    volume = forms.IntegerField(label="Volume", min_value=1, max_value=100_000, initial=1)
