"""The inline SVG of one chart: years across, the indicator's value up.

Each cell of a :class:`~reportparse.chart.Series` is one ``<a class="point">`` linking to its row
of provenance (``#cell-N``), with a ``<title>`` shown on hover. Its target is drawn by the shape
it binds in: a ``range`` as a band, a ``point`` (左右) as a diamond with its tolerance band, a
``floor`` as a line with the room above shaded, a ``ceiling`` as a line with the room below
shaded. Its actual is a dot coloured by the verdict; a target without an actual is a hollow dot
on the target (``not_reported``, or ``pending`` when the next year's report is not stored).
"""

from __future__ import annotations

import html
import math
from dataclasses import dataclass
from typing import Any

WIDTH, HEIGHT = 880, 300
LEFT, RIGHT, TOP, BOTTOM = 84, 16, 14, 34
_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"), (1e3, "thousand"))


def esc(value: Any) -> str:
    """Text escaped for HTML and SVG, attributes included."""
    return html.escape(str(value), quote=True)


def number(value: float) -> str:
    """A number as a reader wants it: four significant digits (more for a whole number), no float noise.

    >>> number(5.2), number(-0.8), number(12000), number(0.35), number(63.6000000001)
    ('5.2', '-0.8', '12,000', '0.35', '63.6')
    """
    if not value:
        return "0"
    shown = f"{value:,.{max(0, 3 - math.floor(math.log10(abs(value))))}f}"
    return shown.rstrip("0").rstrip(".") if "." in shown else shown


def scale_of(unit: str, values: list[float]) -> tuple[float, str]:
    """The factor values are shown divided by, and the axis label that says so (``trillion CNY``)."""
    if unit == "percent":
        return 1.0, "%"
    biggest = max((abs(v) for v in values), default=0.0)
    for factor, word in _SCALES:
        if biggest >= factor:
            return factor, f"{word} {unit}"
    return 1.0, unit


def _ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values covering [low, high]."""
    raw = (high - low) / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    first = math.floor(low / step + 1e-9) * step
    return [round(first + i * step, 10) for i in range(math.ceil((high - first) / step - 1e-9) + 1)]


def _values(cells: list[dict[str, Any]]) -> list[float]:
    found: list[float] = []
    for c in cells:
        if c["target_value"] is not None:
            found += [c["target_value"] - c["tolerance"], c["target_value"] + c["tolerance"]]
        found += [c[k] for k in ("target_high", "actual_value") if c[k] is not None]
    return found


@dataclass(frozen=True)
class Frame:
    """Where a year and a value fall on the drawing."""

    first: int
    last: int
    ticks: tuple[float, ...]

    @classmethod
    def of(cls, cells: list[dict[str, Any]]) -> Frame:
        """The frame holding every year and value of the cells, with some room around the values."""
        values = _values(cells) or [0.0]
        low, high = min(values), max(values)
        room = (high - low) * 0.12 or abs(high) * 0.1 or 1.0
        years = [c["year"] for c in cells]
        return cls(min(years), max(years), tuple(_ticks(low - room, high + room)))

    @property
    def step(self) -> float:
        """The width of one year."""
        return (WIDTH - LEFT - RIGHT) / (self.last - self.first + 1)

    def x(self, year: int) -> float:
        """The middle of a year's column."""
        return LEFT + (year - self.first + 0.5) * self.step

    def y(self, value: float) -> float:
        """The height of a value (clipped to the frame)."""
        low, high = self.ticks[0], self.ticks[-1]
        share = (min(max(value, low), high) - low) / (high - low)
        return TOP + (1 - share) * (HEIGHT - TOP - BOTTOM)


def _axes(frame: Frame, factor: float, label: str) -> str:
    parts = []
    for tick in frame.ticks:
        y = frame.y(tick)
        parts.append(f'<line class="grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}"/>'
                     f'<text class="tick" x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end">'
                     f"{number(tick / factor)}</text>")
    every = max(1, math.ceil((frame.last - frame.first + 1) / 16))
    for year in range(frame.first, frame.last + 1, every):
        parts.append(f'<text class="tick" x="{frame.x(year):.1f}" y="{HEIGHT - BOTTOM + 18}" '
                     f'text-anchor="middle">{year}</text>')
    parts.append(f'<text class="axis" x="14" y="{(HEIGHT - BOTTOM + TOP) / 2:.0f}" text-anchor="middle" '
                 f'transform="rotate(-90 14 {(HEIGHT - BOTTOM + TOP) / 2:.0f})">{esc(label)}</text>')
    return "".join(parts)


def _rect(x: float, w: float, y1: float, y2: float, cls: str) -> str:
    top, bottom = min(y1, y2), max(y1, y2)
    return f'<rect class="{cls}" x="{x - w / 2:.1f}" y="{top:.1f}" width="{w:.1f}" height="{bottom - top:.1f}"/>'


def _line(x: float, w: float, y: float, cls: str = "level") -> str:
    return f'<line class="{cls}" x1="{x - w / 2:.1f}" x2="{x + w / 2:.1f}" y1="{y:.1f}" y2="{y:.1f}"/>'


def _target(cell: dict[str, Any], frame: Frame) -> str:
    """The target's glyph, by the shape it binds in."""
    x, w, t, shape = frame.x(cell["year"]), min(frame.step * 0.7, 60.0), cell["target_value"], cell["shape"]
    y, tol = frame.y(t), cell["tolerance"]
    if shape == "range" and cell["target_high"] is not None:
        body = _rect(x, w, y, frame.y(cell["target_high"]), "band")
    elif shape in ("floor", "ceiling"):
        room = 26 if shape == "ceiling" else -26
        slack = _line(x, w, frame.y(t + tol), "slack") if tol and shape == "ceiling" else ""
        # a small triangle beside the line, pointing to the side the target allows
        arrow = f'<path class="arrow" d="M{x + w / 2 + 6:.1f},{y + room / 3:.1f} l4,{-room / 3:.1f} l-8,0 z"/>'
        body = _rect(x, w, y, y + room, "room") + slack + _line(x, w, y) + arrow
    else:
        body = (_rect(x, w, frame.y(t - tol), frame.y(t + tol), "room") + _line(x, w, y)
                + f'<path class="diamond" d="M{x:.1f},{y - 6:.1f} l6,6 l-6,6 l-6,-6 z"/>')
    return f'<g class="target shape-{shape}">{body}</g>'


def key(shape: str) -> str:
    """A small sample of a target shape (``range``, ``point``, ``floor``, ``ceiling``) for the legend."""
    x, w, y = 13.0, 20.0, 9.0
    body = {
        "range": _rect(x, w, 3, 15, "band"),
        "point": _rect(x, w, 5, 13, "room") + _line(x, w, y) + '<path class="diamond" d="M13,4 l5,5 l-5,5 l-5,-5 z"/>',
        "floor": _rect(x, w, y, 1, "room") + _line(x, w, y),
        "ceiling": _rect(x, w, y, 17, "room") + _line(x, w, y),
    }[shape]
    return f'<svg class="key" width="26" height="18" viewBox="0 0 26 18"><g class="target">{body}</g></svg>'


def verdict_of(cell: dict[str, Any]) -> str:
    """The verdict a cell is marked with; ``pending`` for a target whose year has no stored report
    yet, ``no_target`` for an actual without one."""
    if cell["verdict"]:
        return str(cell["verdict"])
    return "no_target" if cell["target_value"] is None else "pending"


def _mark(cell: dict[str, Any], frame: Frame, verdict: str) -> str:
    x = frame.x(cell["year"])
    if cell["actual_value"] is not None:
        return (f'<circle class="actual verdict-{verdict}" cx="{x:.1f}" cy="{frame.y(cell["actual_value"]):.1f}" '
                f'r="{4 if verdict == "no_target" else 6}"/>')
    return f'<circle class="missing verdict-{verdict}" cx="{x:.1f}" cy="{frame.y(cell["target_value"]):.1f}" r="6"/>'


def _trend(cells: list[tuple[str, str, dict[str, Any]]]) -> dict[int, float]:
    """One actual a year for the line through them: the one paired with a target, else the first."""
    found: dict[int, float] = {}
    for _, _, cell in sorted(cells, key=lambda c: c[2]["verdict"] is None):
        if cell["actual_value"] is not None:
            found.setdefault(cell["year"], cell["actual_value"])
    return found


def series_svg(cells: list[tuple[str, str, dict[str, Any]]], unit: str) -> str:
    """The SVG of one chart: ``cells`` are (anchor, hover text, cell), years in order."""
    frame = Frame.of([c for _, _, c in cells])
    factor, label = scale_of(unit, _values([c for _, _, c in cells]))
    path = " ".join(f"{frame.x(year):.1f},{frame.y(value):.1f}" for year, value in sorted(_trend(cells).items()))
    points = []
    for anchor, tip, cell in cells:
        verdict = verdict_of(cell)
        target = _target(cell, frame) if cell["target_value"] is not None else ""
        points.append(f'<a class="point" href="#{anchor}" data-year="{cell["year"]}" data-verdict="{verdict}">'
                      f"<title>{esc(tip)}</title>{target}{_mark(cell, frame, verdict)}</a>")
    return (f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" '
            f'xmlns="http://www.w3.org/2000/svg" role="img">{_axes(frame, factor, label)}'
            f'<polyline class="trend" points="{path}"/>{"".join(points)}</svg>')
