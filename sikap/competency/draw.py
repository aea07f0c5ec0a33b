"""Which items an attempt draws: per tested competency, `jumlah_soal` items spread evenly over
its level range (the remainder to the higher levels); a level short of items is made up from
the nearest levels that have spare ones. Pure functions of the bank's counts and a seeded
random generator, so a draw is reproducible in tests."""

import random
from collections.abc import Mapping, Sequence


def quota(jumlah: int, levels: Sequence[int], available: Mapping[int, int]) -> dict[int, int]:
    """How many items of each level, given how many each level has. Raises ValueError when the
    levels together hold fewer than `jumlah`."""
    if sum(available.get(level, 0) for level in levels) < jumlah:
        raise ValueError("not enough items")
    base, extra = divmod(jumlah, len(levels))
    want = {level: base + (1 if i >= len(levels) - extra else 0) for i, level in enumerate(levels)}
    take = {level: min(want[level], available.get(level, 0)) for level in levels}
    short = jumlah - sum(take.values())
    while short:
        for level in _nearest_first(levels, want):
            if take[level] < available.get(level, 0):
                take[level] += 1
                short -= 1
                break
    return {level: n for level, n in take.items() if n}


def _nearest_first(levels: Sequence[int], want: Mapping[int, int]) -> list[int]:
    """Levels with the smallest share first (their neighbours fill a gap most evenly)."""
    return sorted(levels, key=lambda level: (want[level], -level))


def pick(
    pools: Mapping[int, Sequence[int]], take: Mapping[int, int], rng: random.Random
) -> list[int]:
    """`take[level]` ids drawn without replacement from each level's pool, lowest level first."""
    chosen: list[int] = []
    for level in sorted(take):
        chosen.extend(rng.sample(list(pools[level]), take[level]))
    return chosen
