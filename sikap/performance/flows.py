"""The two SAKIP cases, declared for the one workflow mechanism (sikap/workflow.py).

A quarter's realisation: draf → diajukan → terverifikasi (locked), or back to the perencana
(dikembalikan / ditolak, both editable again). A locked quarter changes only through a
correction (koreksi), a case of its own: approving it replaces the quarter's values and the
audit trail keeps the old ones.
"""

from sikap.accounts import access
from sikap.core import audited, kinds
from sikap.performance.models import (
    EDITABLE,
    KOREKSI_EDITABLE,
    KoreksiRealisasi,
    RealisasiTriwulan,
    Status,
)
from sikap.workflow import Transition, Workflow, because

LABELS = {s.value: s.label for s in Status}


def _editor(user, case) -> bool:
    return access.may_plan(user)


def _has_value(case) -> str | None:
    if case.k is None and case.rp is None:
        return "Isi realisasi K atau Rp sebelum diajukan."
    return None


def _submitted_by(model):
    def effect(case, actor):
        model.objects.filter(pk=case.pk).update(diajukan_oleh=actor)
        case.diajukan_oleh = actor

    return effect


def _submitter(case):
    return [case.diajukan_oleh]


def _notice(done: str, *, again: bool = False):
    """ "Realisasi TW 2 · A.1.a Anda dikembalikan: angka salah. Perbaiki lalu ajukan kembali."""

    def notice(case, reason, user) -> str:
        tail = " Perbaiki lalu ajukan kembali." if again else ""
        return f"{case} yang Anda ajukan {done}{because(reason)}.{tail}"

    return notice


REALISASI = Workflow(
    [
        Transition(
            "ajukan",
            "Ajukan",
            EDITABLE,
            Status.DIAJUKAN,
            _editor,
            requires=(_has_value,),
            effect=_submitted_by(RealisasiTriwulan),
        ),
        Transition(
            "verifikasi",
            "Verifikasi",
            (Status.DIAJUKAN,),
            Status.TERVERIFIKASI,
            access.may_verify_realisasi,
            recipients=_submitter,
            notice=_notice("sudah diverifikasi"),
        ),
        Transition(
            "kembalikan",
            "Kembalikan",
            (Status.DIAJUKAN,),
            Status.DIKEMBALIKAN,
            access.may_verify_realisasi,
            needs_reason=True,
            recipients=_submitter,
            notice=_notice("dikembalikan", again=True),
        ),
        Transition(
            "tolak",
            "Tolak",
            (Status.DIAJUKAN,),
            Status.DITOLAK,
            access.may_verify_realisasi,
            needs_reason=True,
            recipients=_submitter,
            notice=_notice("ditolak", again=True),
        ),
    ],
    labels=LABELS,
)

CORRECTED_FIELDS = ("k", "rp", "catatan", "bukti")


def _apply(koreksi, actor) -> None:
    """Replace the locked quarter's values; the audit entry keeps the old ones."""
    with audited.change(
        RealisasiTriwulan,
        koreksi.realisasi_id,
        actor=actor,
        kind=kinds.REALISASI_CORRECTED,
        note=f"Koreksi #{koreksi.pk} disetujui: {koreksi.alasan}",
        update_fields=CORRECTED_FIELDS,
    ) as quarter:
        quarter.k, quarter.rp = koreksi.k, koreksi.rp
        quarter.catatan = koreksi.catatan or quarter.catatan
        if koreksi.bukti:
            quarter.bukti = koreksi.bukti.name


KOREKSI = Workflow(
    [
        Transition(
            "ajukan",
            "Ajukan koreksi",
            KOREKSI_EDITABLE,
            Status.DIAJUKAN,
            _editor,
            requires=(_has_value,),
            effect=_submitted_by(KoreksiRealisasi),
        ),
        Transition(
            "setujui",
            "Setujui koreksi",
            (Status.DIAJUKAN,),
            Status.DISETUJUI,
            access.may_verify_realisasi,
            effect=_apply,
            recipients=_submitter,
            notice=_notice("disetujui; nilainya sudah diganti"),
        ),
        Transition(
            "kembalikan",
            "Kembalikan",
            (Status.DIAJUKAN,),
            Status.DIKEMBALIKAN,
            access.may_verify_realisasi,
            needs_reason=True,
            recipients=_submitter,
            notice=_notice("dikembalikan", again=True),
        ),
        Transition(
            "tolak",
            "Tolak koreksi",
            (Status.DIAJUKAN,),
            Status.DITOLAK,
            access.may_verify_realisasi,
            needs_reason=True,
            recipients=_submitter,
            notice=_notice("ditolak"),
        ),
    ],
    labels=LABELS,
)
