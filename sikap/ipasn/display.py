"""How IP ASN results are shown: the category's colour (sikap/core/bands.py), what a year
without data lacks, and the per-OPD chart's data."""

from sikap.core import bands as colours
from sikap.rules.indices import Band


def band_rank(label: str | None, bands: tuple[Band, ...]) -> int | None:
    """The category's colour: IP ASN bands are stored by upper bound, so the highest is best."""
    return colours.rank(label, [b.label for b in sorted(bands, key=lambda b: -b.upper)])


def missing_parts(result) -> list:
    """The sub-indices that could not be computed (nobody in their population): without them
    the year has no IP ASN, and the other figures alone would mislead."""
    return [s for s in result.sub_indices if s.rounded is None]


def comparison_chart(rows, bands: tuple[Band, ...]) -> dict:
    """The per-OPD chart's data (sikap/static/sikap/js/ipasn.js): one bar per OPD, coloured
    by its category, the categories best first as the legend."""
    ordered = sorted(bands, key=lambda b: b.upper, reverse=True)
    return {
        "labels": [r.opd.singkatan or r.opd.nama for r, _ in rows],
        "full": [r.opd.nama for r, _ in rows],
        "total": [float(r.total) for r, _ in rows],
        "rank": [rank for _, rank in rows],
        "kategori": [r.kategori for r, _ in rows],
        "bands": [
            {"label": b.label, "upper": float(b.upper), "rank": band_rank(b.label, bands)}
            for b in ordered
        ],
    }


def status_rows(found, bands: tuple[Band, ...]) -> list[dict]:
    """The per-status table of a year page: PNS, PPPK, one index over all ASN and the
    roll-up weighted by head count, each with its colour; `resmi` marks the one the
    configuration names as the IP ASN."""
    rows = [
        {
            "label": s.label + (" (termasuk CPNS)" if s.code == "pns" else ""),
            "headcount": s.headcount,
            "total": s.result.total,
            "kategori": s.result.kategori,
            "rank": band_rank(s.result.kategori, bands),
            "sub_indices": s.result.sub_indices,
            "resmi": False,
        }
        for s in found.per_status
    ]
    rows.append(
        {
            "label": "Seluruh ASN (satu indeks)",
            "headcount": sum(s.headcount for s in found.per_status),
            "total": found.semua.total,
            "kategori": found.semua.kategori,
            "rank": band_rank(found.semua.kategori, bands),
            "sub_indices": found.semua.sub_indices,
            "resmi": not found.weighted,
        }
    )
    rows.append(
        {
            "label": "Gabungan PNS dan PPPK, tertimbang jumlah pegawai",
            "headcount": sum(s.headcount for s in found.per_status if s.result.total is not None),
            "total": found.tertimbang,
            "kategori": found.kategori_tertimbang,
            "rank": band_rank(found.kategori_tertimbang, bands),
            "sub_indices": None,
            "resmi": found.weighted,
        }
    )
    return rows
