"""Forms of the personnel pages. They check input; saving goes through `sikap.people.services`."""

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models

from sikap.accounts import access
from sikap.org.models import Jabatan, Opd, UnitKerja
from sikap.people.models import RIWAYAT_MODELS, Pegawai, RiwayatJabatan, StatusPegawai
from sikap.people.validation import identity_errors
from sikap.rules.ranks import GOLONGAN, PPPK_GOLONGAN


class DateInput(forms.DateInput):
    """The browser's date picker; it sends and expects ISO dates whatever the UI language."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


def _formfield(field: models.Field, **kwargs):
    if isinstance(field, models.DateField):
        kwargs["widget"] = DateInput
    if isinstance(field, models.TextField):
        kwargs["widget"] = forms.Textarea(attrs={"rows": 3})
    return field.formfield(**kwargs)


PILIH = "— pilih —"
_DJANGO_BLANK = "---------"


class BootstrapForm:
    """Bootstrap classes on every widget, `is-invalid` on fields with errors, and an Indonesian
    prompt instead of Django's "---------" in drop-downs."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            _prompt_in_indonesian(field)
            widget = field.widget
            if isinstance(widget, forms.CheckboxInput):
                css = "form-check-input"
            elif isinstance(widget, forms.Select):
                css = "form-select"
            else:
                css = "form-control"
            widget.attrs["class"] = css

    def add_error(self, field, error):
        super().add_error(field, error)
        for name in self.errors:
            if name in self.fields:
                attrs = self.fields[name].widget.attrs
                if "is-invalid" not in attrs["class"]:
                    attrs["class"] += " is-invalid"


def _prompt_in_indonesian(field: forms.Field) -> None:
    if isinstance(field, forms.ModelChoiceField):
        if field.empty_label == _DJANGO_BLANK:
            field.empty_label = PILIH
    elif isinstance(field, forms.ChoiceField) and field.choices[:1] == [("", _DJANGO_BLANK)]:
        field.choices = [("", PILIH), *field.choices[1:]]


def editable_opds(user):
    """OPDs where the user may place a pegawai; mirrors `Pegawai.objects.editable_by`."""
    if access.is_admin_bkd(user):
        return Opd.objects.all()
    return user.opd_scope.all()


class DigitsField(forms.CharField):
    """NIP and NIK, often typed or pasted in their spaced display form ("19800517 200503 1 001"):
    spaces go before the length is checked."""

    def to_python(self, value):
        return "".join(super().to_python(value).split())

    def widget_attrs(self, widget):
        # No maxlength: the browser would cut the spaced form short.
        return {"inputmode": "numeric"}


PEGAWAI_SECTIONS = (
    (
        "Identitas",
        (
            "nip",
            "nip_lama",
            "nik",
            "gelar_depan",
            "nama",
            "gelar_belakang",
            "tempat_lahir",
            "tanggal_lahir",
            "jenis_kelamin",
            "agama",
            "status_kawin",
        ),
    ),
    ("Kontak", ("no_hp", "email", "email_dinas", "alamat", "npwp", "bpjs")),
    ("Kepegawaian", ("status", "kedudukan", "tmt_cpns", "tmt_pns", "opd", "unit")),
)


class PegawaiForm(BootstrapForm, forms.ModelForm):
    """Identity, contact and employment. Rank, position, education and salary come from the
    histories (`services.refresh_current`), so they are not here."""

    class Meta:
        model = Pegawai
        fields = [name for _title, names in PEGAWAI_SECTIONS for name in names]
        formfield_callback = _formfield
        field_classes = {"nip": DigitsField, "nik": DigitsField, "nip_lama": DigitsField}
        help_texts = {
            "nip": "18 digit; spasi boleh (19800517 200503 1 001).",
            "tmt_cpns": "Harus sesuai dengan digit 9–14 NIP (PNS/CPNS).",
            "unit": "Daftarnya mengikuti OPD yang dipilih.",
        }
        labels = {"opd": "OPD", "unit": "Unit kerja"}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not access.may_change_identity(user):
            for name in access.BKD_ONLY_FIELDS:
                self.fields[name].disabled = True
                self.fields[name].help_text = "Hanya admin BKD yang dapat mengubahnya."
        opds = editable_opds(user)
        self.fields["opd"].queryset = opds
        # Units of the chosen OPD only; the page reloads this list when the OPD changes.
        opd_id = self["opd"].value()
        units = UnitKerja.objects.filter(opd__in=opds)
        self.fields["unit"].queryset = (
            units.filter(opd_id=opd_id) if str(opd_id or "").isdigit() else units.none()
        )

    def sections(self):
        return [(title, [self[name] for name in names]) for title, names in PEGAWAI_SECTIONS]

    def clean(self):
        data = super().clean()
        if data.get("nip") and data.get("status"):
            errors = identity_errors(
                nip=data["nip"],
                status=data["status"],
                tanggal_lahir=data.get("tanggal_lahir"),
                jenis_kelamin=data.get("jenis_kelamin"),
                nik=data.get("nik", ""),
                tmt_cpns=data.get("tmt_cpns"),
            )
            for field, messages in errors.items():
                self.add_error(field if field in self.fields else None, messages)
        unit, opd = data.get("unit"), data.get("opd")
        if unit and opd and unit.opd_id != opd.pk:
            self.add_error("unit", "Unit kerja tidak berada di OPD yang dipilih.")
        return data

    def validate_unique(self):
        # A taken NIP is the service's to report (`services._check_identity`): Django's
        # "already exists" would confirm a NIP of an OPD the user does not see.
        exclude = self._get_validation_exclusions()
        exclude.add("nip")
        try:
            self.instance.validate_unique(exclude=exclude)
        except ValidationError as e:
            self._update_errors(e)

    def changes(self) -> dict:
        """{field: new value} of what the user changed, for `services.update_pegawai`."""
        return {name: self.cleaned_data[name] for name in self.changed_data}


class RiwayatForm(BootstrapForm, forms.ModelForm):
    """Base of the history forms; the pegawai comes from the URL, never from the form."""

    def __init__(self, *args, pegawai: Pegawai, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.pegawai = pegawai
        # The SK fields come from the abstract base, hence first; they read better last.
        self.order_fields([name for name in self.fields if not name.startswith("sk_")])
        if "golongan" in self.fields:
            pppk = pegawai.status == StatusPegawai.PPPK
            choices = [(g, g) for g in (PPPK_GOLONGAN if pppk else GOLONGAN)]
            current = self.instance.golongan
            if current and (current, current) not in choices:  # e.g. an imported legacy value
                choices.append((current, current))
            self.fields["golongan"] = forms.ChoiceField(
                label="Golongan",
                choices=[("", PILIH), *choices],
                widget=forms.Select(attrs={"class": "form-select"}),
            )

    def clean(self):
        data = super().clean()
        start = data.get("tanggal_mulai") or data.get("tmt")
        end = data.get("tanggal_selesai")
        if start and end and end < start:
            self.add_error("tanggal_selesai", "Tidak boleh sebelum tanggal mulai/TMT.")
        return data

    def validate_unique(self):
        # The pegawai is not a form field, so Django would skip the per-pegawai constraints
        # (one SKP a year) and the database would refuse the row instead. Check them here.
        model_fields = {field.name for field in self._meta.model._meta.fields}
        exclude = {name for name in model_fields if name not in self.fields or name in self.errors}
        exclude.discard("pegawai")
        try:
            self.instance.validate_unique(exclude=exclude)
            self.instance.validate_constraints(exclude=exclude)
        except ValidationError as e:
            # Constraints carry their own Indonesian messages (people/models.py).
            for field, errors in e.error_dict.items():
                self.add_error(None if field == NON_FIELD_ERRORS else field, errors)


class RiwayatJabatanForm(RiwayatForm):
    """Choosing a position from the org structure fills in its name, type, echelon and unit."""

    FILLED_FROM_JABATAN = ("nama_jabatan", "jenis_jabatan")

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        opds = editable_opds(user)
        self.fields["jabatan"].queryset = (
            Jabatan.objects.filter(unit__opd__in=opds)
            .select_related("unit__opd")
            .order_by("unit__opd__nama", "unit__nama", "-kepala", "nama")
        )
        self.fields["jabatan"].label_from_instance = _jabatan_label
        self.fields["unit"].queryset = UnitKerja.objects.filter(opd__in=opds).select_related("opd")
        self.fields["unit"].label_from_instance = lambda unit: f"{unit.nama} — {unit.opd}"
        self.fields["unit"].label = "Unit kerja"
        for name in self.FILLED_FROM_JABATAN:
            self.fields[name].required = False
        self.fields["jabatan"].help_text = "Nama, jenis, eselon dan unit diisi dari jabatan ini."

    def clean(self):
        data = super().clean()
        jabatan = data.get("jabatan")
        if jabatan:
            data["nama_jabatan"] = data.get("nama_jabatan") or jabatan.nama
            data["jenis_jabatan"] = data.get("jenis_jabatan") or jabatan.jenis
            data["eselon"] = data.get("eselon") or jabatan.eselon
            data["unit"] = data.get("unit") or jabatan.unit
        for name in self.FILLED_FROM_JABATAN:
            if not data.get(name) and name not in self.errors:
                self.add_error(name, "Wajib diisi bila jabatan tidak dipilih.")
        return data


def _jabatan_label(jabatan: Jabatan) -> str:
    opd = jabatan.unit.opd
    return f"{jabatan.nama} — {jabatan.unit.nama} ({opd.singkatan or opd.nama})"


RIWAYAT_FORMS = {
    kind: forms.modelform_factory(
        model,
        form=RiwayatJabatanForm if model is RiwayatJabatan else RiwayatForm,
        exclude=["pegawai"],
        formfield_callback=_formfield,
    )
    for kind, model in RIWAYAT_MODELS.items()
}
