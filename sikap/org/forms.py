"""The OPD filter the list pages share (KGB, e-Pangkat, pension projection)."""

from django import forms

from sikap.org.models import Opd


class OpdFilterForm(forms.Form):
    """An optional OPD among `opds`, those the user may filter by
    (`access.opds_to_filter_by`); a form with more fields extends it."""

    opd = forms.ModelChoiceField(
        label="OPD",
        queryset=Opd.objects.none(),
        required=False,
        empty_label="Semua OPD",
        widget=forms.Select(attrs={"class": "form-select"}),
        error_messages={"invalid_choice": "OPD tidak dikenal."},
    )

    def __init__(self, *args, opds, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["opd"].queryset = opds
