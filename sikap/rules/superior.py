"""Who supervises whom: the one definition behind `atasan_of` and the visibility rule.

Input is a unit tree (unit id → parent id) and the in-service heads of units (`Kepala`): holders
of a unit's kepala position and pegawai with an active tugas tambahan (kepala sekolah, kepala
puskesmas). When a unit has several, the first in `urutan` leads it. Then:

- the staff of a unit answer to the nearest unit at or above it that has a head;
- a head answers to the nearest head strictly above the unit they lead;
- a vacant unit (no head in service) passes its role up the tree, staff and child heads alike;
- nobody is their own superior.

`Struktur.atasan` answers for one pegawai, `Struktur.bawahan` gives everything a head supervises
as unit ids and pegawai ids, so a caller can turn it into one database query.
"""

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

_ROMAWI = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5}


@dataclass(frozen=True)
class Kepala:
    """A pegawai who may lead `unit_id`; `unit_asal` is the unit they belong to as staff."""

    pegawai_id: int
    unit_id: int
    unit_asal: int | None
    definitif: bool  # holds the unit's kepala position, rather than a tugas tambahan
    eselon: str = ""
    kelas: int | None = None
    nip: str = ""


def eselon_order(eselon: str) -> tuple[int, str]:
    """'II.a' → (2, 'a'): a lower number (and letter) is a higher echelon; none sorts last."""
    roman, _, letter = eselon.strip().partition(".")
    return (_ROMAWI.get(roman.upper(), 99), letter.lower() or "z")


def urutan(k: Kepala) -> tuple[bool, tuple[int, str], int, str, int]:
    """Who leads a unit with several heads: the definitive head before a tugas tambahan, then
    the higher echelon, the higher kelas jabatan, the lower NIP (a stable last resort)."""
    return (not k.definitif, eselon_order(k.eselon), -(k.kelas or 0), k.nip, k.pegawai_id)


@dataclass(frozen=True)
class Bawahan:
    """What a head supervises: the staff of `unit_staf` except `bukan_staf` (who lead a unit of
    their own and so answer to someone else), plus the heads `kepala` of units below."""

    unit_staf: frozenset[int]
    bukan_staf: frozenset[int]
    kepala: frozenset[int]

    def __bool__(self) -> bool:
        return bool(self.unit_staf or self.kepala)


TIDAK_ADA = Bawahan(frozenset(), frozenset(), frozenset())


class Struktur:
    def __init__(self, induk: Mapping[int, int | None], kepala: Iterable[Kepala]):
        self.induk = dict(induk)
        self.anak: dict[int, list[int]] = defaultdict(list)
        for unit, parent in sorted(self.induk.items()):
            if parent is not None:
                self.anak[parent].append(unit)
        calon: dict[int, list[Kepala]] = defaultdict(list)
        for k in kepala:
            calon[k.unit_id].append(k)
        # unit → its leading head; pegawai → the unit they answer for: the highest one they
        # lead (so no unit above it is theirs), the definitive post first at equal depth.
        self.kepala_unit = {unit: min(ks, key=urutan) for unit, ks in calon.items()}
        memimpin: dict[int, list[Kepala]] = defaultdict(list)
        for k in self.kepala_unit.values():
            memimpin[k.pegawai_id].append(k)
        self.unit_dipimpin = {
            pid: min(ks, key=lambda k: (self._depth(k.unit_id), not k.definitif, k.unit_id)).unit_id
            for pid, ks in memimpin.items()
        }

    def _depth(self, unit: int) -> int:
        return sum(1 for _ in self._naik(unit))

    def _naik(self, unit: int | None) -> Iterator[int]:
        """`unit` and its ancestors, nearest first (a cycle in bad data ends the walk)."""
        seen: set[int] = set()
        while unit is not None and unit not in seen:
            seen.add(unit)
            yield unit
            unit = self.induk.get(unit)

    def atasan(self, pegawai_id: int, unit_id: int | None) -> int | None:
        """The direct superior of the pegawai whose own unit is `unit_id`, or None."""
        dipimpin = self.unit_dipimpin.get(pegawai_id)
        start = self.induk.get(dipimpin) if dipimpin is not None else unit_id
        for unit in self._naik(start):
            k = self.kepala_unit.get(unit)
            if k is not None and k.pegawai_id != pegawai_id:
                return k.pegawai_id
        return None

    def bawahan(self, pegawai_id: int) -> Bawahan:
        """Everyone whose `atasan` is this pegawai; nobody unless they lead a unit."""
        stack = [u for u, k in self.kepala_unit.items() if k.pegawai_id == pegawai_id]
        units: set[int] = set()
        heads: set[int] = set()
        while stack:
            unit = stack.pop()
            if unit in units:
                continue
            units.add(unit)
            for child in self.anak.get(unit, ()):
                k = self.kepala_unit.get(child)
                if k is None or k.pegawai_id == pegawai_id:
                    stack.append(child)
                elif self.unit_dipimpin[k.pegawai_id] == child:
                    heads.add(k.pegawai_id)
        if not units:
            return TIDAK_ADA
        leaders = {k.pegawai_id for k in self.kepala_unit.values() if k.unit_asal in units}
        return Bawahan(frozenset(units), frozenset(leaders | {pegawai_id}), frozenset(heads))
