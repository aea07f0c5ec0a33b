"""Reads that need more than the visibility rule: the superior relation.

Who supervises whom is decided once, by `sikap.rules.superior`, from the unit trees of the OPDs
involved and their heads in service (holders of a unit's kepala position and active tugas
tambahan). `atasan_map` answers for a page of pegawai in a fixed number of queries;
`bawahan_q` turns the same rule's answer into the filter `Pegawai.objects.visible_to` uses.
"""

from collections.abc import Iterable
from datetime import date

from django.db.models import Q
from django.utils import timezone

from sikap.core.request_memo import remembered
from sikap.org.models import TugasTambahan, UnitKerja
from sikap.people.models import Pegawai
from sikap.rules import kedudukan
from sikap.rules.superior import Kepala, Struktur


def struktur(opd_ids: Iterable[int], as_of: date | None = None) -> Struktur:
    """The unit trees of these OPDs with their heads in service on `as_of` (3 queries, once per
    request: a head's home page asks for their OPD's tree for every card)."""
    opd_ids = sorted(set(opd_ids))
    as_of = as_of or timezone.localdate()
    return remembered(("struktur", tuple(opd_ids), as_of), lambda: _struktur(opd_ids, as_of))


def _struktur(opd_ids: list[int], as_of: date) -> Struktur:
    induk = dict(UnitKerja.objects.filter(opd_id__in=opd_ids).values_list("pk", "induk_id"))
    definitif = (
        Pegawai.objects.in_service()
        .filter(jabatan__kepala=True, jabatan__unit__opd_id__in=opd_ids)
        .values_list(
            "pk", "jabatan__unit_id", "unit_id", "jabatan__eselon", "jabatan__kelas", "nip"
        )
    )
    tambahan = (
        TugasTambahan.objects.active_on(as_of)
        .filter(unit__opd_id__in=opd_ids, pegawai__kedudukan__in=sorted(kedudukan.IN_SERVICE))
        .values_list(
            "pegawai_id",
            "unit_id",
            "pegawai__unit_id",
            "pegawai__jabatan__eselon",
            "pegawai__jabatan__kelas",
            "pegawai__nip",
        )
    )
    heads = [Kepala(p, u, asal, True, e or "", k, nip) for p, u, asal, e, k, nip in definitif]
    heads += [Kepala(p, u, asal, False, e or "", k, nip) for p, u, asal, e, k, nip in tambahan]
    return Struktur(induk, heads)


def atasan_map(pegawai: Iterable[Pegawai], as_of: date | None = None) -> dict:
    """pegawai pk → their direct superior (a `Pegawai` with its jabatan) or None; 4 queries
    however many pegawai are asked about."""
    pegawai = list(pegawai)
    if not pegawai:
        return {}
    tree = struktur((p.opd_id for p in pegawai), as_of)
    ids = {p.pk: tree.atasan(p.pk, p.unit_id) for p in pegawai}
    found = Pegawai.objects.select_related("jabatan").in_bulk({a for a in ids.values() if a})
    return {pk: found.get(a) for pk, a in ids.items()}


def atasan_of(pegawai: Pegawai, as_of: date | None = None) -> Pegawai | None:
    return atasan_map([pegawai], as_of)[pegawai.pk]


def atasan_ids(pegawai, as_of: date | None = None) -> dict[int, int | None]:
    """pk → the pk of the direct superior or None, for a queryset of pegawai, without loading
    the superiors (a case waiting for "the atasan" asks who that is now); 4 queries, 1 when the
    queryset is empty."""
    rows = list(pegawai.values_list("pk", "opd_id", "unit_id"))
    if not rows:
        return {}
    tree = struktur((opd for _, opd, _ in rows), as_of)
    return {pk: tree.atasan(pk, unit) for pk, _, unit in rows}


def bawahan_q(atasan: Pegawai, as_of: date | None = None) -> Q:
    """The pegawai whose direct superior is `atasan`, as one filter; nobody for a pegawai who
    leads no unit or is not in service."""
    if not atasan.in_service:
        return Q(pk__in=[])
    b = struktur([atasan.opd_id], as_of).bawahan(atasan.pk)
    if not b:
        return Q(pk__in=[])
    staff = Q(unit_id__in=sorted(b.unit_staf)) & ~Q(pk__in=sorted(b.bukan_staf))
    return staff | Q(pk__in=sorted(b.kepala))


def bawahan_of(atasan: Pegawai, as_of: date | None = None):
    return Pegawai.objects.filter(bawahan_q(atasan, as_of))
