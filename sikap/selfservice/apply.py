"""Applying an approved change request to the record, through `sikap.people.services`.

Runs as the effect of the approving transition, inside its transaction: if the change can no
longer be applied (the row is gone, someone changed the same field meanwhile, or the record as it
is now makes the proposal invalid), it raises and the approval is refused as a whole.
"""

from django.utils import timezone

from sikap.core.errors import Kode, SikapError
from sikap.people import services as people
from sikap.people.models import Pegawai
from sikap.selfservice.forms import as_form_data, current_values, proposal_form
from sikap.selfservice.models import Operasi, UsulanPerubahan


def changed_values(usulan: UsulanPerubahan) -> dict:
    """The fields the pegawai changed: every proposed value that differs from what they saw."""
    return {k: v for k, v in usulan.data.items() if k not in usulan.basis or usulan.basis[k] != v}


def apply_usulan(usulan: UsulanPerubahan, actor) -> None:
    jenis = usulan.jenis
    pegawai = Pegawai.objects.select_for_update().get(pk=usulan.pegawai_id)
    if jenis.is_identity:
        obj = pegawai
    elif jenis.operasi == Operasi.ADD:
        obj = jenis.model(pegawai=pegawai)
    else:
        obj = usulan.target()
        if obj is None:
            raise SikapError(
                Kode.DATA_TIDAK_VALID,
                "Riwayat yang diusulkan untuk diubah atau dihapus sudah tidak ada. "
                "Tolak usulan ini.",
            )
    changes = changed_values(usulan)
    now = {} if jenis.operasi == Operasi.ADD else current_values(jenis, obj)
    _refuse_conflicts(usulan, now, changes, actor)
    if jenis.operasi == Operasi.REMOVE:
        people.delete_riwayat(obj, actor=actor, approved_request=usulan)
    else:
        form = proposal_form(
            jenis, pegawai, user=actor, data=as_form_data({**now, **changes}), instance=obj
        )
        if not form.is_valid():
            raise SikapError(
                Kode.DATA_TIDAK_VALID,
                "Usulan tidak dapat diterapkan pada data sekarang: "
                + "; ".join(_error_lines(form))
                + ". Kembalikan usulan agar pegawai memperbaikinya.",
                {name: list(errors) for name, errors in form.errors.items()},
            )
        if jenis.is_identity:
            values = {name: form.cleaned_data[name] for name in changes}
            people.update_pegawai(pegawai, values, actor=actor, approved_request=usulan)
        else:
            people.save_riwayat(form.save(commit=False), actor=actor, approved_request=usulan)
    UsulanPerubahan.objects.filter(pk=usulan.pk).update(diterapkan_pada=timezone.now())


def _refuse_conflicts(usulan: UsulanPerubahan, now: dict, changes: dict, actor) -> None:
    """A field the pegawai changed that someone else has since changed to another value would be
    overwritten unseen: refuse instead. Fields the pegawai left alone keep today's value."""
    if usulan.jenis.operasi == Operasi.REMOVE:
        moved = [k for k, seen in usulan.basis.items() if now.get(k) != seen]
    else:
        moved = [
            k
            for k, proposed in changes.items()
            if k in now and now[k] != usulan.basis.get(k) and now[k] != proposed
        ]
    if moved:
        labels = _labels(usulan, actor)
        raise SikapError(
            Kode.KEDALUWARSA,
            "Data ini sudah diubah sejak usulan dibuat ("
            + ", ".join(labels.get(k, k) for k in moved)
            + "). Kembalikan usulan agar pegawai memperbaruinya.",
        )


def _labels(usulan: UsulanPerubahan, actor) -> dict:
    form = proposal_form(usulan.jenis, usulan.pegawai, user=actor)
    return {name: str(field.label) for name, field in form.fields.items()}


def _error_lines(form) -> list[str]:
    lines = []
    for name, errors in form.errors.items():
        label = form.fields[name].label if name in form.fields else ""
        lines.extend(f"{label}: {e}" if label else e for e in errors)
    return lines
