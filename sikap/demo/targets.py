"""The counts the demo must hit: the seed's 2023 figures, scaled by `--scale`.

At scale 1 every count is the seed's exactly. Smaller scales (fast tests) keep the proportions
and only guarantee that each group is large enough for the people drawn from it.
"""

from dataclasses import dataclass

from sikap.demo import catalogue as cat


@dataclass(frozen=True)
class Targets:
    pns: int
    pppk: int
    pendidikan: dict[str, int]  # IP ASN jenjang → PNS
    skp: dict[str, int]  # predikat → ASN (PNS + PPPK)
    hukdis: dict[str, int]  # tingkat → PNS punished in the year
    diklat: dict[tuple[str, str], int]  # (kategori, group) → PNS
    struktural: int  # filled head positions
    pelaksana: int


def _half_up(x: float) -> int:
    return int(x + 0.5)


def partition(counts: dict[str, int], total: int) -> dict[str, int]:
    """Scale `counts` to sum to `total` by largest remainder; exact when total = sum(counts)."""
    whole = sum(counts.values())
    quotas = {k: v * total / whole for k, v in counts.items()}
    result = {k: int(q) for k, q in quotas.items()}
    by_remainder = sorted(counts, key=lambda k: quotas[k] - result[k], reverse=True)
    for k in by_remainder[: total - sum(result.values())]:
        result[k] += 1
    return result


def targets(scale: float, head_positions: int) -> Targets:
    if not 0 < scale <= 1:
        raise ValueError("scale harus di antara 0 dan 1")
    pns = _half_up(cat.PNS_COUNT * scale)
    pppk = _half_up(cat.PPPK_COUNT * scale)
    pendidikan = partition(cat.PENDIDIKAN_2023, pns)
    diklat = {k: _half_up(v * scale) for k, v in cat.DIKLAT_2023.items()}
    struktural_fungsional = max(
        diklat["teknis", "struktural_fungsional"], diklat["seminar", "struktural_fungsional"]
    )
    # Pelaksana hold every SD/SMP/D1/D2 diploma (SMA may overflow into JF Pol PP).
    low = sum(pendidikan[j] for j in ("SD", "SMP", "D1", "D2"))
    pelaksana = min(
        max(
            _half_up(cat.PELAKSANA_COUNT * scale),
            low,
            diklat["teknis", "pelaksana"],
            diklat["seminar", "pelaksana"],
        ),
        pns - struktural_fungsional,
    )
    struktural = min(
        max(_half_up(head_positions * scale), diklat["kepemimpinan", "struktural"]),
        head_positions,
        pns - pelaksana - diklat["fungsional", "fungsional"],
    )
    return Targets(
        pns=pns,
        pppk=pppk,
        pendidikan=pendidikan,
        skp=partition(cat.SKP_2023, pns + pppk),
        hukdis={k: _half_up(v * scale) for k, v in cat.HUKDIS_2023.items()},
        diklat=diklat,
        struktural=struktural,
        pelaksana=pelaksana,
    )
