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
