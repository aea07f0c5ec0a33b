"""What the SAKIP dashboard's charts draw, as JSON for sikap/static/sikap/js/performance.js.

One colour meaning per chart family: capaian charts colour a bar by its predikat band (the
year's configured bands, best first, shown as the legend); money charts colour by series
(anggaran, realisasi) in blues that never mean a band. Labels are shortened for the axis and
kept whole for the tooltip; a capaian above CLIP is drawn at CLIP with its real value written
beside the bar, so one 400 % outlier does not flatten every other bar.
"""

from sikap.core import bands as colours
from sikap.core.bands import spread
from sikap.performance.capaian import YearCapaian

CLIP = 150  # % : the axis ends here; values above it are drawn clipped and labelled
SHORT = 32  # characters of an axis label


def short(text: str, limit: int = SHORT) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _capaian_series(rows, bands, label_of) -> dict:
    """Bars for rows that have a capaian: short and full labels, the value, the band's colour
    and the band's index (for its name in the tooltip)."""
    names = [b.label for b in bands]
    rows = [r for r in rows if r.capaian is not None]
    return {
        "labels": [short(label_of(r)) for r in rows],
        "full": [label_of(r) for r in rows],
        "capaian": [float(r.capaian) for r in rows],
        "band": [names.index(r.predikat) if r.predikat in names else None for r in rows],
        "rank": [colours.rank(r.predikat, names) for r in rows],  # bands are best first
    }


def dashboard_chart(result: YearCapaian) -> dict:
    bands = result.rule.bands
    programs = result.level("program")
    return {
        "clip": CLIP,
        "bands": [
            {
                "label": b.label,
                "minimum": None if b.minimum is None else float(b.minimum),
                "rank": spread(i, len(bands)),
            }
            for i, b in enumerate(bands)
        ],
        "iku": _capaian_series(result.iku, bands, lambda i: i.indicator),
        "indikator": _capaian_series(result.indicators, bands, lambda i: f"{i.code} {i.indicator}"),
        "program": {
            "labels": [short(f"{p.code} {p.name}") for p in programs],
            "full": [f"{p.code} {p.name}" for p in programs],
            "anggaran": [float(p.anggaran) for p in programs],
            "realisasi": [float(p.realisasi) for p in programs],
        },
        "triwulan": {
            "labels": ["TW I", "TW II", "TW III", "TW IV"],
            "program": [
                {"label": short(f"{p.code} {p.name}"), "data": [float(q) for q in p.quarters]}
                for p in programs
            ],
        },
    }
