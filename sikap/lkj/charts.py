"""The LKj's two charts, drawn once from the report data: capaian per IKU indicator and the
budget absorbed per quarter. PNG for the DOCX, SVG for the PDF (sharp at any zoom).

Matplotlib runs headless (Agg); SVG output is made deterministic (fixed hash salt, no date), so
the same data gives the same file.
"""

import functools
import io
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from matplotlib import rc_context
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from sikap.rules.capaian import percentage
from sikap.rules.formatting import angka

# Figures are built with the object API (no pyplot, no global state): safe in a threaded
# server, and these settings apply only inside `_STYLE`.
_STYLE = {"svg.hashsalt": "sikap-lkj", "font.family": "DejaVu Sans", "font.size": 8}
COLOURS = {"melampaui": "#1b7f3b", "mencapai": "#2b6cb0", "belum_mencapai": "#c0392b"}
PROGRAM_COLOURS = ("#2b6cb0", "#dd8452", "#55a868", "#8172b3", "#937860", "#da8bc3")


@dataclass(frozen=True)
class Chart:
    title: str
    png: bytes
    svg: str


def _styled(draw):
    @functools.wraps(draw)
    def wrapper(*args, **kwargs):
        with rc_context(_STYLE):
            return draw(*args, **kwargs)

    return wrapper


def _figure(width: float, height: float) -> tuple[Figure, object]:
    fig = Figure(figsize=(width, height))
    return fig, fig.subplots()


def _render(fig: Figure, title: str) -> Chart:
    png, svg = io.BytesIO(), io.StringIO()
    fig.savefig(png, format="png", dpi=200, bbox_inches="tight", metadata={"Software": None})
    fig.savefig(svg, format="svg", bbox_inches="tight", metadata={"Date": None, "Creator": None})
    text = svg.getvalue()
    return Chart(title, png.getvalue(), text[text.index("<svg") :])


def _wrap(label: str, width: int = 34) -> str:
    words, lines, line = label.split(), [], ""
    for word in words:
        if line and len(line) + len(word) + 1 > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return "\n".join([*lines, line])


@_styled
def capaian_chart(year: int, rows: Sequence[tuple[str, Decimal | None, str | None]]) -> Chart:
    """rows: (indicator, capaian %, status) — an indicator without capaian is drawn as 0 and
    labelled 'tidak dapat dihitung'."""
    title = f"Capaian indikator kinerja utama tahun {year}"
    fig, ax = _figure(6.3, 0.55 * len(rows) + 1.1)
    labels = [_wrap(name) for name, _, _ in rows][::-1]
    values = [float(c) if c is not None else 0.0 for _, c, _ in rows][::-1]
    colours = [COLOURS.get(s or "", "#999999") for _, _, s in rows][::-1]
    bars = ax.barh(labels, values, color=colours, height=0.6)
    ax.axvline(100, color="#333333", linewidth=0.8, linestyle="--")
    ax.text(100, -0.75, " 100 %", fontsize=7, va="center")
    for bar, (_, c, _) in zip(bars, list(rows)[::-1], strict=True):
        text = f" {angka(c)} %" if c is not None else " tidak dapat dihitung"
        ax.text(bar.get_width(), bar.get_y() + bar.get_height() / 2, text, va="center", fontsize=7)
    top = max([*values, 100.0])
    ax.set_xlim(0, top * 1.18)
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:.0f} %"))
    ax.spines[["top", "right"]].set_visible(False)
    return _render(fig, title)


def _juta(value: float) -> str:
    return f"{angka(Decimal(str(value)) / Decimal(1_000_000_000), 2)} M"


@_styled
def budget_chart(
    year: int, programs: Sequence[tuple[str, Sequence[Decimal]]], anggaran: Decimal
) -> Chart:
    """Realisation per quarter stacked by program, with the cumulative absorption of the
    year's budget written over each quarter."""
    title = f"Realisasi anggaran per triwulan tahun {year}"
    fig, ax = _figure(6.3, 3.4)
    quarters = ["TW I", "TW II", "TW III", "TW IV"]
    bottom = [0.0] * 4
    for n, (name, values) in enumerate(programs):
        heights = [float(v) for v in values]
        ax.bar(
            quarters,
            heights,
            bottom=bottom,
            label=_wrap(name, 60),
            color=PROGRAM_COLOURS[n % len(PROGRAM_COLOURS)],
            width=0.6,
        )
        bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
    cumulative = Decimal(0)
    for x, total in enumerate(bottom):
        cumulative += Decimal(str(total))
        share = percentage(cumulative, anggaran) if anggaran else Decimal(0)
        ax.text(
            x,
            total,
            f"{_juta(total)}\nkumulatif {angka(share)} %",
            ha="center",
            va="bottom",
            fontsize=7,
        )
    ax.set_ylim(0, max([*bottom, 1.0]) * 1.3)
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: _juta(v)))
    ax.set_ylabel("Realisasi (Rp miliar)")
    ax.legend(fontsize=6.5, loc="upper center", bbox_to_anchor=(0.5, -0.1), frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    return _render(fig, title)
