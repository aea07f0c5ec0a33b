"""SIJI KOMANDO at /kelola/ for admin BKD: tests (window, participants, competencies drawn),
the question bank (edited through bank.py, so an edit of a drawn item makes a new version;
XLSX import), and the attempts read-only with their focus log."""

from django import forms
from django.contrib import admin, messages
from django.db.models import Count, Q

from sikap.accounts import access
from sikap.competency import admin_services, bank, bank_import
from sikap.competency.admin_impor import ImporAdminMixin
from sikap.competency.models import (
    LogFokus,
    Percobaan,
    Sasaran,
    Soal,
    Ujian,
    UjianKompetensi,
    VersiSoal,
)
from sikap.core.admin_site import AuditedAdmin, RoleAdmin, RoleInline, site
from sikap.core.errors import SikapError
from sikap.documents.validation import inspect

_MANAGE = staticmethod(access.may_manage_competency_tests)
GAMBAR_MAKS = 2 * 2**20


class UjianKompetensiInline(RoleInline):
    allowed = _MANAGE
    model = UjianKompetensi
    extra = 1
    min_num = 1


class UjianForm(forms.ModelForm):
    class Meta:
        model = Ujian
        fields = ("nama", "keterangan", "terbit", "dibuka", "ditutup", "durasi_menit", "sasaran",
                  "opd", "jenis_jabatan", "batas_percobaan", "acak_soal", "acak_opsi",
                  "tampil_hasil")  # fmt: skip

    def clean(self):
        data = super().clean()
        if data.get("sasaran") == Sasaran.OPD and not data.get("opd"):
            self.add_error("opd", "Pilih OPD peserta.")
        return data


@admin.register(Ujian, site=site)
class UjianAdmin(AuditedAdmin):
    allowed = _MANAGE
    save_service = admin_services.save_config
    delete_service = admin_services.delete_config
    form = UjianForm
    inlines = (UjianKompetensiInline,)
    list_display = ("nama", "dibuka", "ditutup", "durasi_menit", "sasaran", "terbit", "n_percobaan")
    list_filter = ("terbit", "sasaran")
    search_fields = ("nama",)
    filter_horizontal = ("opd",)
    fieldsets = (
        (None, {"fields": ("nama", "keterangan", "terbit")}),
        ("Waktu", {"fields": ("dibuka", "ditutup", "durasi_menit")}),
        ("Peserta", {"fields": ("sasaran", "opd", "jenis_jabatan", "batas_percobaan")}),
        ("Soal dan hasil", {"fields": ("acak_soal", "acak_opsi", "tampil_hasil")}),
    )

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(_n=Count("percobaan"))

    @admin.display(description="percobaan", ordering="_n")
    def n_percobaan(self, obj):
        return obj._n

    def save_model(self, request, obj, form, change):
        if not change:
            obj.dibuat_oleh = request.user
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        for problem in admin_services.shortfalls(form.instance):
            messages.warning(request, f"Bank soal belum cukup — {problem}")


def _opsi(h: str) -> forms.CharField:
    return forms.CharField(
        label=f"Opsi {h}", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


def _skor(h: str) -> forms.IntegerField:
    return forms.IntegerField(
        label=f"Skor {h} (situasional)", required=False, min_value=1, max_value=5
    )


class SoalForm(forms.ModelForm):
    """The item's identity and its current version's content in one form: the question, up
    to six options, the key (multiple choice) or a score per option (situational)."""

    teks = forms.CharField(label="Pertanyaan", widget=forms.Textarea(attrs={"rows": 4}))
    gambar = forms.FileField(label="Gambar (JPEG/PNG, opsional)", required=False)
    hapus_gambar = forms.BooleanField(label="Hapus gambar", required=False)
    kunci = forms.ChoiceField(
        label="Kunci (pilihan ganda)",
        required=False,
        choices=[("", "—")] + [(h, h) for h in bank_import.HURUF],
    )

    class Meta:
        model = Soal
        fields = ("kode", "kompetensi", "level", "jenis", "aktif")

    opsi_A, skor_A = _opsi("A"), _skor("A")
    opsi_B, skor_B = _opsi("B"), _skor("B")
    opsi_C, skor_C = _opsi("C"), _skor("C")
    opsi_D, skor_D = _opsi("D"), _skor("D")
    opsi_E, skor_E = _opsi("E"), _skor("E")
    opsi_F, skor_F = _opsi("F"), _skor("F")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        current = self.instance.terkini if self.instance.pk else None
        if current is not None:
            self.initial["teks"] = current.teks
            for n, opsi in enumerate(current.opsi.order_by("urutan")):
                h = bank_import.HURUF[n]
                self.initial[f"opsi_{h}"] = opsi.teks
                self.initial[f"skor_{h}"] = opsi.skor
                if opsi.benar:
                    self.initial["kunci"] = h

    def clean_gambar(self):
        upload = self.cleaned_data.get("gambar")
        if upload:
            data = upload.read(GAMBAR_MAKS + 1)
            try:
                inspect(
                    data, allowed=("jpeg", "png"), max_bytes=GAMBAR_MAKS, jenis_nama="gambar soal"
                )
            except SikapError as e:
                raise forms.ValidationError(e.message) from None
            upload.seek(0)
        return upload

    def clean(self):
        data = super().clean()
        options = []
        for h in bank_import.HURUF:
            teks = (data.get(f"opsi_{h}") or "").strip()
            if teks:
                options.append(
                    bank.Opsi(teks, benar=data.get("kunci") == h, skor=data.get(f"skor_{h}"))
                )
        self.isi = bank.Isi(data.get("teks") or "", tuple(options))
        if data.get("jenis"):
            for field, messages_ in bank.masalah_isi(data["jenis"], self.isi).items():
                target = {"teks": "teks", "kunci": "kunci"}.get(field)
                self.add_error(target, messages_)
        return data


class _ReadOnlyInline(admin.TabularInline):
    """Rows written by services only (versions, focus log): shown to the managers, never edited."""

    extra = 0
    can_delete = False

    def has_view_permission(self, request, obj=None):
        return access.may_manage_competency_tests(request.user)

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class VersiInline(_ReadOnlyInline):
    model = VersiSoal
    fields = ("nomor", "teks", "dibuat", "dibuat_oleh")
    readonly_fields = fields
    verbose_name_plural = "versi (versi yang pernah dipakai percobaan tidak pernah diubah)"


@admin.register(Soal, site=site)
class SoalAdmin(ImporAdminMixin, RoleAdmin):
    allowed = _MANAGE
    impor_start = staticmethod(bank_import.start)
    impor_label = "Berkas XLSX/CSV bank soal"
    impor_title = "Impor bank soal"
    impor_template = "admin/competency/soal/impor.html"
    impor_context = {"huruf": bank_import.HURUF}
    form = SoalForm
    inlines = (VersiInline,)
    list_display = ("kode", "kompetensi", "level", "jenis", "aktif", "versi")
    list_filter = ("kompetensi", "level", "jenis", "aktif")
    list_select_related = ("kompetensi", "terkini")
    search_fields = ("kode", "terkini__teks")
    change_list_template = "admin/competency/soal/change_list.html"

    @admin.display(description="versi")
    def versi(self, obj):
        return obj.terkini.nomor if obj.terkini else "—"

    def get_fieldsets(self, request, obj=None):
        huruf = bank_import.HURUF
        return (
            (None, {"fields": ("kode", "kompetensi", "level", "jenis", "aktif")}),
            ("Isi soal", {"fields": ("teks", "gambar", "hapus_gambar", "kunci")}),
            ("Opsi jawaban", {"fields": [f for h in huruf for f in (f"opsi_{h}", f"skor_{h}")]}),
        )

    def save_model(self, request, obj, form, change):
        if change:
            identity = {f: form.cleaned_data[f] for f in ("kompetensi", "level", "jenis", "aktif")}
            saved = bank.edit_item(
                Soal.objects.get(pk=obj.pk), isi=form.isi, gambar=form.cleaned_data.get("gambar"),
                hapus_gambar=form.cleaned_data.get("hapus_gambar", False), actor=request.user,
                **identity,
            )  # fmt: skip
            obj.refresh_from_db()
            messages.info(request, f"Soal {obj.kode} kini versi {saved.nomor}.")
        else:
            created = bank.create_item(
                kode=obj.kode, kompetensi=obj.kompetensi, level=obj.level, jenis=obj.jenis,
                isi=form.isi, gambar=form.cleaned_data.get("gambar"), actor=request.user,
            )  # fmt: skip
            obj.pk = created.pk

    def save_related(self, request, form, formsets, change):
        """Versions are written by bank.py; the inline only lists them."""
        for formset in formsets:
            formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []

    def delete_model(self, request, obj):
        try:
            admin_services.delete_config(obj, actor=request.user)
        except SikapError as e:
            messages.error(request, e.message)


class LogFokusInline(_ReadOnlyInline):
    model = LogFokus
    fields = ("waktu", "jenis", "urutan_butir", "waktu_klien")
    readonly_fields = fields
    verbose_name_plural = "perpindahan tab dan hilang fokus"


@admin.register(Percobaan, site=site)
class PercobaanAdmin(RoleAdmin):
    allowed = _MANAGE
    inlines = (LogFokusInline,)
    list_display = ("pegawai", "ujian", "opd", "nomor", "status", "dimulai", "diserahkan",
                    "n_jawaban", "n_pindah")  # fmt: skip
    list_filter = ("ujian", "status", "opd")
    list_select_related = ("pegawai", "ujian", "opd")
    search_fields = ("pegawai__nama", "pegawai__nip")
    fields = ("ujian", "pegawai", "opd", "jabatan", "nomor", "status", "dimulai", "batas_waktu",
              "diserahkan", "jumlah_soal", "posisi", "dinilai")  # fmt: skip
    readonly_fields = fields

    def get_queryset(self, request):
        return (
            super().get_queryset(request)
            .annotate(
                _jawaban=Count("jawaban", distinct=True),
                _pindah=Count("log_fokus", filter=~Q(log_fokus__jenis="kembali"), distinct=True),
            )
        )  # fmt: skip

    @admin.display(description="terjawab", ordering="_jawaban")
    def n_jawaban(self, obj):
        return f"{obj._jawaban}/{obj.jumlah_soal}"

    @admin.display(description="pindah tab/fokus", ordering="_pindah")
    def n_pindah(self, obj):
        return obj._pindah

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
