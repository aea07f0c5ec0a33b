"""Forms of the self-service pages.

A proposal is checked by the forms the admins use to edit the record (`sikap.people.forms`), so a
proposal an admin could not save is refused when the pegawai makes it, with the same Indonesian
field errors; applying an approved proposal checks it again with the same form.
"""

from datetime import date, datetime
from decimal import Decimal

from django import forms
from django.db import models

from sikap.accounts import access
from sikap.org.models import Jabatan, Opd, UnitKerja
from sikap.people.forms import RIWAYAT_FORMS, BootstrapForm, PegawaiForm
from sikap.people.validation import identity_errors
from sikap.rules.formatting import angka
from sikap.selfservice.models import JenisPerubahan


class JabatanProposalForm(RIWAYAT_FORMS["jabatan"]):
    """A pegawai's past positions may lie in any OPD, while the admin form offers only the OPDs
    the user manages (none, for a pegawai or a verifikator)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["jabatan"].queryset = Jabatan.objects.select_related("unit__opd").order_by(
            "unit__opd__nama", "unit__nama", "-kepala", "nama"
        )
        self.fields["unit"].queryset = UnitKerja.objects.select_related("opd")


class IdentitasForm(PegawaiForm):
    """The admin's pegawai form narrowed to the columns a change type allows."""

    def __init__(self, *args, kolom, **kwargs):
        super().__init__(*args, **kwargs)
        for name in list(self.fields):
            if name not in kolom:
                del self.fields[name]

    def clean(self):
        data = super().clean()
        nik = data.get("nik")
        if nik:
            # The NIK must agree with the birth date and sex on record, as for an admin's edit.
            p = self.instance
            errors = identity_errors(
                nip=p.nip,
                status=p.status,
                tanggal_lahir=p.tanggal_lahir,
                jenis_kelamin=p.jenis_kelamin,
                nik=nik,
            )
            for message in errors.get("nik", []):
                self.add_error("nik", message)
        return data


def field_names(jenis: JenisPerubahan) -> list[str]:
    if jenis.is_identity:
        return [name for name in PegawaiForm.base_fields if name in jenis.kolom]
    form_class = JabatanProposalForm if jenis.kind == "jabatan" else RIWAYAT_FORMS[jenis.kind]
    return list(form_class.base_fields)


def proposal_form(jenis: JenisPerubahan, pegawai, *, user, data=None, instance=None):
    """The admin's form for what `jenis` changes, bound to `data` when given. `instance` is the
    history row being corrected, or a fresh copy of the pegawai for identity changes; a bound
    form writes into it, so never pass an object used elsewhere."""
    if jenis.is_identity:
        return IdentitasForm(data, instance=instance or pegawai, user=user, kolom=jenis.kolom)
    form_class = JabatanProposalForm if jenis.kind == "jabatan" else RIWAYAT_FORMS[jenis.kind]
    return form_class(data, instance=instance, pegawai=pegawai, user=user)


def serialise(value):
    """A form or model value as JSON, in one canonical form so that equal values compare equal
    (a foreign key as its id, a date as ISO text, a decimal without trailing zeros)."""
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    return value


def cleaned_values(form) -> dict:
    return {name: serialise(form.cleaned_data.get(name)) for name in form.fields}


def current_values(jenis: JenisPerubahan, obj) -> dict:
    """The values of a history row or a pegawai, in the shape of `cleaned_values`."""
    names = field_names(jenis)
    if jenis.is_identity:
        return {name: serialise(getattr(obj, name)) for name in names}
    return {name: serialise(value) for name, value in forms.model_to_dict(obj, names).items()}


def as_form_data(values: dict) -> dict:
    """Stored values back into what a bound form reads (an empty value is an empty string)."""
    return {name: "" if value is None else value for name, value in values.items()}


class UsulanForm(BootstrapForm, forms.Form):
    """What the pegawai says about the proposal, beside the proposed values."""

    keterangan = forms.CharField(
        label="Keterangan untuk verifikator",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    berkas = forms.FileField(label="Dokumen pendukung", required=False)

    def __init__(self, *args, jenis: JenisPerubahan, **kwargs):
        super().__init__(*args, **kwargs)
        if jenis.operasi == "remove":
            self.fields["keterangan"].required = True
            self.fields["keterangan"].label = "Alasan penghapusan"
        wajib = jenis.dokumen_wajib
        if wajib is None:
            del self.fields["berkas"]
        else:
            # Optional here so a draft can wait for the scan; submitting requires it.
            berkas = self.fields["berkas"]
            berkas.label = wajib.nama
            berkas.widget.attrs["accept"] = wajib.accept
            berkas.help_text = (
                f"{wajib.formats_label}, paling besar {angka(wajib.ukuran_maks_kb)} KB. "
                "Wajib sebelum usulan diajukan."
            )


AGE_CHOICES = [("", "Semua umur"), ("3", "≥ 3 hari"), ("7", "≥ 7 hari"), ("14", "≥ 14 hari"),
               ("30", "≥ 30 hari")]  # fmt: skip


class AntrianFilterForm(BootstrapForm, forms.Form):
    """Filters of the verification queue: OPD, change type and days since submission."""

    opd = forms.ModelChoiceField(
        label="OPD", queryset=Opd.objects.none(), required=False, empty_label="Semua OPD"
    )
    jenis = forms.ModelChoiceField(
        label="Jenis perubahan",
        queryset=JenisPerubahan.objects.all(),
        required=False,
        empty_label="Semua jenis",
    )
    umur = forms.ChoiceField(label="Umur usulan", choices=AGE_CHOICES, required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["opd"].queryset = access.opds_to_filter_by(user)
