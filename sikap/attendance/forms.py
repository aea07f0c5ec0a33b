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
    bukti = forms.FileField(
        label="Bukti (PDF/JPEG/PNG, tidak wajib)",
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,image/jpeg,image/png"}),
        help_text="Dilihat atasan Anda saat menyetujui. Diperiksa dari isinya, bukan namanya.",
    )


class PengajuanLokasiForm(forms.Form):
    nama = forms.CharField(label="Nama lokasi", max_length=160)
    latitude = forms.DecimalField(label="Lintang", max_digits=9, decimal_places=6,
                                  min_value=-90, max_value=90)  # fmt: skip
    longitude = forms.DecimalField(label="Bujur", max_digits=9, decimal_places=6,
                                   min_value=-180, max_value=180)  # fmt: skip
    radius_m = forms.IntegerField(label="Radius (meter)", min_value=10, max_value=5000,
                                  initial=100)  # fmt: skip
    mulai = forms.DateField(label="Mulai", widget=forms.DateInput(attrs={"type": "date"}))
    selesai = forms.DateField(label="Selesai", widget=forms.DateInput(attrs={"type": "date"}))
    alasan = forms.CharField(label="Alasan (nomor surat tugas, keperluan)", max_length=255)


class ImporJadwalShiftForm(forms.Form):
    bulan = forms.CharField(
        label="Bulan jadwal", widget=forms.TextInput(attrs={"type": "month"}), max_length=7
    )
    berkas = forms.FileField(label="Berkas XLSX/CSV (kolom: nip, nama, tanggal, shift)")
