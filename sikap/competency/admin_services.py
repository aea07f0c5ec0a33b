"""Audited writes of the test configuration (admin BKD): tests and the competencies they draw."""

from sikap.accounts import access
from sikap.competency.models import Soal, Ujian
from sikap.core import audited
from sikap.core.errors import tidak_berhak

NOT_A_MANAGER = "Hanya admin BKD yang dapat mengatur ujian kompetensi."


def _ensure(actor) -> None:
    if not access.may_manage_competency_tests(actor):
        raise tidak_berhak(NOT_A_MANAGER)


def save_config(obj, *, actor):
    _ensure(actor)
    return audited.save(obj, actor=actor)


def delete_config(obj, *, actor) -> None:
    _ensure(actor)
    audited.delete(
        obj,
        actor=actor,
        in_use_message=f"{obj} sudah dikerjakan peserta dan tidak dapat dihapus; "
        "tutup jendelanya atau batalkan terbitnya.",
    )


def shortfalls(ujian: Ujian) -> list[str]:
    """The tested competencies whose bank holds fewer active items than the test draws."""
    found = []
    for bagian in ujian.bagian.select_related("kompetensi"):
        have = Soal.objects.filter(
            kompetensi=bagian.kompetensi_id,
            aktif=True,
            terkini__isnull=False,
            level__gte=bagian.level_dari,
            level__lte=bagian.level_sampai,
        ).count()
        if have < bagian.jumlah_soal:
            found.append(
                f"{bagian.kompetensi} level {bagian.level_dari}–{bagian.level_sampai}: bank berisi "
                f"{have} soal aktif, ujian meminta {bagian.jumlah_soal}."
            )
    return found
