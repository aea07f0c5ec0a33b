"""The result-against-standard radar as an SVG string, for the PDF (WeasyPrint runs no
JavaScript; the page draws the same chart with Chart.js)."""

import math
from html import escape

# Wide enough for the longest name beside the chart ("Pengembangan Diri dan Orang Lain").
WIDTH, HEIGHT = 640, 400
CX, CY = WIDTH / 2, HEIGHT / 2
RADIUS = 130
LEVELS = 5


def _point(i: int, n: int, value: float) -> tuple[float, float]:
    angle = -math.pi / 2 + 2 * math.pi * i / n
    r = RADIUS * value / LEVELS
    return CX + r * math.cos(angle), CY + r * math.sin(angle)


def _polygon(values: list[float], n: int) -> str:
    return " ".join(f"{x:.1f},{y:.1f}" for x, y in (_point(i, n, v) for i, v in enumerate(values)))


def radar_svg(labels: list[str], hasil: list[int], standar: list[int | None]) -> str:
    n = len(labels)
    if n < 3:
        return ""
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" font-family="DejaVu Sans, sans-serif" font-size="9">'
    ]
    for level in range(1, LEVELS + 1):
        parts.append(
            f'<polygon points="{_polygon([level] * n, n)}" fill="none" stroke="#bbb" '
            'stroke-width="0.6"/>'
        )
        x, y = _point(0, n, level)
        parts.append(f'<text x="{x + 3:.1f}" y="{y + 3:.1f}" fill="#777">{level}</text>')
    for i, label in enumerate(labels):
        x, y = _point(i, n, LEVELS)
        parts.append(
            f'<line x1="{CX}" y1="{CY}" x2="{x:.1f}" y2="{y:.1f}" stroke="#bbb" '
            'stroke-width="0.6"/>'
        )
        lx, ly = _point(i, n, LEVELS + 0.9)
        anchor = "middle" if abs(lx - CX) < 10 else ("start" if lx > CX else "end")
        parts.append(
            f'<text x="{lx:.1f}" y="{ly + 3:.1f}" text-anchor="{anchor}">{escape(label)}</text>'
        )
    if all(s is not None for s in standar):
        parts.append(
            f'<polygon points="{_polygon([float(s or 0) for s in standar], n)}" fill="none" '
            'stroke="#b02a37" stroke-width="1.6" stroke-dasharray="5,3"/>'
        )
    parts.append(
        f'<polygon points="{_polygon([float(h) for h in hasil], n)}" fill="#116b3a" '
        'fill-opacity="0.25" stroke="#116b3a" stroke-width="1.8"/>'
    )
    parts.append("</svg>")
    return "".join(parts)
