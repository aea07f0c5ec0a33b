"""Proposed against current values, side by side, as Indonesian display strings.

The labels and kinds of value come from the same form that checks the proposal. Rows and
foreign keys are loaded in one query per model for a whole page of requests.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django import forms

from sikap.rules.formatting import rupiah, tanggal
from sikap.selfservice.forms import current_values, proposal_form
from sikap.selfservice.models import Operasi, UsulanPerubahan

KOSONG = "—"


@dataclass
class Baris:
    label: str
    sekarang: str  # the live value; before it was applied, for an applied request
    usulan: str
    berubah: bool  # the pegawai proposes a different value
    diubah_sejak: bool  # someone changed the live value since the proposal was made


@dataclass
class Perbandingan:
    usulan: UsulanPerubahan
    baris: list[Baris] = field(default_factory=list)
    hilang: bool = False  # the row to correct or remove no longer exists

    @property
    def berubah(self) -> list[Baris]:
        return [b for b in self.baris if b.berubah]


def compare_many(usulans, user) -> list[Perbandingan]:
    usulans = list(usulans)
    rows = _targets(usulans)
    raw = []  # (perbandingan, [(label, form field, now, proposed, basis)])
    refs = defaultdict(set)  # model → primary keys to name
    for usulan in usulans:
        jenis = usulan.jenis
        form = proposal_form(jenis, usulan.pegawai, user=user)
        result = Perbandingan(usulan)
        if usulan.diterapkan_pada is not None:
            now = usulan.basis  # once applied, "before" is what the pegawai saw
        elif jenis.is_identity:
            now = current_values(jenis, usulan.pegawai)
        elif jenis.operasi == Operasi.ADD:
            now = {}
        else:
            row = rows.get((jenis.kind, usulan.target_id))
            result.hilang = row is None
            now = current_values(jenis, row) if row is not None else {}
        cells = []
        for name, form_field in form.fields.items():
            proposed = None if jenis.operasi == Operasi.REMOVE else usulan.data.get(name)
            cells.append((name, form_field, now.get(name), proposed))
            if isinstance(form_field, forms.ModelChoiceField):
                model = form_field.queryset.model
                refs[model].update(v for v in (now.get(name), proposed) if v not in (None, ""))
        raw.append((result, cells))
    names = {model: model._default_manager.in_bulk(pks) for model, pks in refs.items()}
    for result, cells in raw:
        usulan = result.usulan
        operasi = usulan.jenis.operasi
        for name, form_field, now, proposed in cells:
            seen = usulan.basis.get(name)
            shown_now = KOSONG if operasi == Operasi.ADD else _display(form_field, now, names)
            shown_new = (
                "(dihapus)" if operasi == Operasi.REMOVE else _display(form_field, proposed, names)
            )
            result.baris.append(
                Baris(
                    label=str(form_field.label),
                    sekarang=shown_now,
                    usulan=shown_new,
                    berubah=operasi in (Operasi.ADD, Operasi.REMOVE) or proposed != seen,
                    diubah_sejak=(
                        operasi != Operasi.ADD
                        and usulan.diterapkan_pada is None
                        and not result.hilang
                        and now != seen
                    ),
                )
            )
        if operasi == Operasi.ADD:
            result.baris = [b for b in result.baris if b.usulan != KOSONG]
    return [result for result, _cells in raw]


def _targets(usulans) -> dict:
    """{(kind, pk): history row} for every correction and removal, one query per kind."""
    wanted = defaultdict(set)
    for usulan in usulans:
        if usulan.jenis.needs_row and usulan.target_id:
            wanted[usulan.jenis.kind].add((usulan.target_id, usulan.pegawai_id))
    found = {}
    for kind, keys in wanted.items():
        model = next(u.jenis.model for u in usulans if u.jenis.kind == kind)
        rows = model.objects.in_bulk([pk for pk, _pegawai in keys])
        for pk, pegawai_id in keys:
            row = rows.get(pk)
            if row is not None and row.pegawai_id == pegawai_id:
                found[(kind, pk)] = row
    return found


def _choices(form_field) -> dict:
    flat = {}
    for value, label in form_field.choices:
        if isinstance(label, list | tuple):  # an option group
            flat.update({str(v): str(lab) for v, lab in label})
        else:
            flat[str(value)] = str(label)
    return flat


def _display(form_field, value, names) -> str:
    if value is None or value == "":
        return KOSONG
    if isinstance(form_field, forms.ModelChoiceField):
        obj = names.get(form_field.queryset.model, {}).get(value)
        return str(obj) if obj is not None else f"#{value}"
    if isinstance(form_field, forms.BooleanField):
        return "Ya" if value else "Tidak"
    if isinstance(form_field, forms.DateField):
        return tanggal(date.fromisoformat(value))
    if isinstance(form_field, forms.DecimalField):  # the only decimals in a record are salaries
        return rupiah(Decimal(value))
    if isinstance(form_field, forms.ChoiceField):
        return _choices(form_field).get(str(value), str(value))
    return str(value)
