import json

from django import forms

from sikap.ipasn.models import Indicator
from sikap.rules.formatting import angka

# A new indicator starts from this example, which the admin edits.
CONTOH_RUMUS = "(jumlah_s2_s3 / jumlah_pns) * 100"
CONTOH_HITUNGAN = {
    "jumlah_pns": {"status": ["pns"]},
    "jumlah_s2_s3": {"status": ["pns"], "jenjang": ["S2", "S3"]},
}


MAX_COUNTS_CHARS = 10_000
# {"name": {"syarat": ["nilai"]}} and {"diklat": {"kategori": …}}: nothing nests deeper.
MAX_COUNTS_DEPTH = 4
TOO_DEEP = (
    f"Hitungan bersarang terlalu dalam (paling dalam {MAX_COUNTS_DEPTH} tingkat), "
    'mis. {"jumlah_pns": {"status": ["pns"]}}.'
)


def _depth(value) -> int:
    """How deeply lists and objects nest (iterative: the input may be deep on purpose)."""
    deepest, stack = 0, [(value, 0)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict | list):
            level += 1
            deepest = max(deepest, level)
            if level > MAX_COUNTS_DEPTH:
                break
            stack.extend(
                (child, level) for child in (item.values() if isinstance(item, dict) else item)
            )
    return deepest


class CountsField(forms.JSONField):
    """The named counts shown one per line, so a spec of several counts stays readable.
    Bounded: a very long or deeply nested text is refused before it reaches the rules."""

    def to_python(self, value):
        if isinstance(value, str) and len(value) > MAX_COUNTS_CHARS:
            raise forms.ValidationError(
                f"Hitungan terlalu panjang (paling banyak {angka(MAX_COUNTS_CHARS)} karakter)."
            )
        try:
            parsed = super().to_python(value)
        except RecursionError:
            raise forms.ValidationError(TOO_DEEP) from None
        if _depth(parsed) > MAX_COUNTS_DEPTH:
            raise forms.ValidationError(TOO_DEEP)
        return parsed

    def bound_data(self, data, initial):
        # Django re-parses the posted text to show it again; deep nesting would overflow.
        try:
            return super().bound_data(data, initial)
        except RecursionError:
            return forms.fields.InvalidJSONInput(data)

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
