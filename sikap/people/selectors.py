"""Reads that need more than the visibility rule: the superior relation derived from the
organisation structure (a unit's head supervises its staff and the heads of its child units)."""

from sikap.people.models import Pegawai, subordinates_q


def atasan_of(pegawai: Pegawai) -> Pegawai | None:
    """The direct superior: the head of the pegawai's unit, or — for a unit head — the head of
    the parent unit. A vacant head position passes the role up the tree."""
    unit = pegawai.unit
    if pegawai.jabatan_id and pegawai.jabatan.kepala:
        unit = unit.induk
    while unit is not None:
        head = (
            Pegawai.objects.filter(jabatan__unit=unit, jabatan__kepala=True, kedudukan="aktif")
            .exclude(pk=pegawai.pk)
            .first()
        )
        if head:
            return head
        unit = unit.induk
    return None


def bawahan_of(atasan: Pegawai):
    return Pegawai.objects.filter(subordinates_q(atasan))
