import json

from django import forms

from sikap.ipasn.models import Indicator

# A new indicator starts from this example, which the admin edits.
CONTOH_RUMUS = "(jumlah_s2_s3 / jumlah_pns) * 100"
CONTOH_HITUNGAN = {
    "jumlah_pns": {"status": ["pns"]},
    "jumlah_s2_s3": {"status": ["pns"], "jenjang": ["S2", "S3"]},
}


class CountsField(forms.JSONField):
    """The named counts shown one per line, so a spec of several counts stays readable."""

    def prepare_value(self, value):
        if not isinstance(value, dict) or not value:
            return super().prepare_value(value)
        lines = [
            f"  {json.dumps(name)}: {json.dumps(spec, ensure_ascii=False)}"
            for name, spec in value.items()
        ]
        return "{\n" + ",\n".join(lines) + "\n}"


class IndicatorForm(forms.ModelForm):
    hitungan = CountsField(
        label="Hitungan",
        help_text=Indicator._meta.get_field("hitungan").help_text,
        widget=forms.Textarea(attrs={"rows": 10, "class": "form-control font-monospace"}),
    )

    class Meta:
        model = Indicator
        fields = ("nama", "rumus", "hitungan", "desimal", "keterangan")
        widgets = {"keterangan": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is None and not self.is_bound:
            self.initial.update(rumus=CONTOH_RUMUS, hitungan=CONTOH_HITUNGAN)
        for field in self.fields.values():
            field.widget.attrs.setdefault("class", "form-control")
