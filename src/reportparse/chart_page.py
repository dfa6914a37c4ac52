"""The page ``reportparse chart`` writes: one inline-SVG chart per region and kind, and under each
the provenance of every point (its sentences, claim ids and reports).

Like the review page it loads nothing from the network: style and script are inline and the
Content-Security-Policy forbids every other source. Hovering a point shows its details and
lights its row; clicking it scrolls to the row.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from .chart import Series
from .chart_svg import esc, key, number, scale_of, series_svg, verdict_of

VERDICT_COLOURS = {
    "met": "#1a7f37", "exceeded": "#0969da", "missed": "#cf222e", "not_reported": "#6e7781",
    "unclear": "#bf8700", "pending": "#afb8c1", "no_target": "#57606a",
}
"""The colour of each verdict mark; ``pending``: the next year's report is not stored;
``no_target``: an actual the year had no target for."""

_VERDICT_CSS = "".join(
    f".verdict-{v} {{ fill: {c}; stroke: {c}; }} .swatch.verdict-{v} {{ background: {c}; }}\n"
    for v, c in VERDICT_COLOURS.items()
)
_STYLE = """
:root { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif; }
body { margin: 0 16px 24px; color: #1f2328; background: #fff; font-size: 13px; }
h1 { font-size: 18px; margin: 12px 0 4px; } h2 { font-size: 15px; margin: 22px 0 4px; }
.legend span { margin-right: 14px; white-space: nowrap; }
.swatch { display: inline-block; width: 11px; height: 11px; border-radius: 50%; vertical-align: -1px; }
.swatch.hollow { background: #fff !important; border: 2px dashed #8c959f; width: 8px; height: 8px; }
svg.chart { display: block; max-width: 100%; height: auto; } svg.key { vertical-align: middle; }
.grid { stroke: #eaeef2; } .tick { fill: #57606a; font-size: 11px; } .axis { fill: #1f2328; font-size: 12px; }
.trend { fill: none; stroke: #8c959f; stroke-width: 1.5; }
.target .band { fill: #fb8500; fill-opacity: .25; stroke: #fb8500; stroke-dasharray: 4 2; }
.target .room { fill: #fb8500; fill-opacity: .13; stroke: none; }
.target .level { stroke: #bc4c00; stroke-width: 2.5; }
.target .slack { stroke: #bc4c00; stroke-width: 1; stroke-dasharray: 3 2; }
.target .arrow, .target .diamond { fill: #fff; stroke: #bc4c00; stroke-width: 1.5; }
circle.actual { stroke: #fff; stroke-width: 1.5; }
circle.missing { fill: #fff; stroke-width: 2; stroke-dasharray: 3 2; }
a.point:hover circle, a.point.hover circle { stroke: #1f2328; stroke-width: 3; }
table { border-collapse: collapse; width: 100%; margin-top: 6px; }
th { background: #eaeef2; text-align: left; }
th, td { padding: 3px 6px; border-bottom: 1px solid #eaeef2; vertical-align: top; }
tr:target, tr.hover { background: #fff8c5; }
td.src { font-size: 12px; color: #57606a; } td.src mark { background: #ffd8a8; color: #1f2328; }
"""
_SCRIPT = """
(function () {
  var points = document.querySelectorAll('a.point');
  document.body.setAttribute('data-points', String(points.length));
  document.body.setAttribute('data-actuals', String(document.querySelectorAll('circle.actual').length));
  points.forEach(function (point) {
    var row = document.getElementById(point.getAttribute('href').slice(1));
    point.addEventListener('mouseenter', function () { row.classList.add('hover'); });
    point.addEventListener('mouseleave', function () { row.classList.remove('hover'); });
  });
})();
"""
_SHAPES = (("range", "a range"), ("point", "about (approx), with its tolerance"), ("floor", "a floor (at least)"),
           ("ceiling", "a ceiling (at most, or a cap such as CPI)"))


def _shown(value: Any, factor: float, label: str) -> str:
    if value is None:
        return ""
    return f"{number(value / factor)}{'' if label == '%' else ' '}{label}"


def _target_words(cell: dict[str, Any], factor: float, label: str) -> str:
    if cell["target_value"] is None:
        return "no target"
    bound = f"{_shown(cell['target_value'], factor, label)}"
    if cell["target_high"] is not None:
        bound = f"{number(cell['target_value'] / factor)}..{_shown(cell['target_high'], factor, label)}"
    tol = f" ± {_shown(cell['tolerance'], factor, label)}" if cell["tolerance"] else ""
    return f"{cell['target_text']} ({cell['shape']}: {bound}{tol})"


def _verdict_words(cell: dict[str, Any]) -> str:
    gap = f", gap {number(cell['gap_written'])} {cell['gap_unit'] or ''}" if cell["gap_written"] is not None else ""
    return verdict_of(cell).replace("_", " ") + gap


def _tip(cell: dict[str, Any], factor: float, label: str) -> str:
    actual = f"{cell['actual_text']} ({_shown(cell['actual_value'], factor, label)})" if cell["actual_text"] else "none"
    lines = [f"{cell['year']}: {_verdict_words(cell)}", f"target: {_target_words(cell, factor, label)}",
             f"actual: {actual}"]
    lines += [f"{side}: {cell[f'{side}_sentence']}" for side in ("target", "actual") if cell[f"{side}_sentence"]]
    return "\n".join(lines)


def _source(cell: dict[str, Any], side: str) -> str:
    """A side's sentence with its figure marked, its claim id and report file (linked when absolute)."""
    text, sentence, path = cell[f"{side}_text"], cell[f"{side}_sentence"] or "", cell[f"{side}_doc"]
    if not text:
        return ""
    at = sentence.find(text)
    quoted = (esc(sentence[:at]) + f"<mark>{esc(text)}</mark>" + esc(sentence[at + len(text):])) if at >= 0 \
        else esc(sentence or text)
    file = esc(path or "")
    if path and Path(path).is_absolute():
        file = f'<a href="{esc(Path(path).as_uri())}">{file}</a>'
    reports = cell[f"{side}_reports"]
    held = f" (of {reports} stored reports of that year, the one stating most of its {side}s)" if reports > 1 else ""
    return f"{side}: {quoted}<br>[{esc(cell[f'{side}_id'])}] {file}{held}"


def _sources(cell: dict[str, Any]) -> str:
    return "<br>".join(found for found in (_source(cell, "target"), _source(cell, "actual")) if found)


def _section(series: Series, first: int) -> tuple[str, int]:
    """One chart with its provenance table; its anchors are numbered from ``first``."""
    factor, label = scale_of(series.unit, [v for c in series.cells for v in (c["target_value"], c["actual_value"])
                                           if v is not None])
    cells = [(f"cell-{first + i}", _tip(c, factor, label), c) for i, c in enumerate(series.cells)]
    rows = "".join(
        f'<tr id="{anchor}"><td>{c["year"]}</td><td>{esc(_target_words(c, factor, label))}</td>'
        f'<td>{esc(c["actual_text"] or "none")}</td><td><span class="swatch verdict-{verdict_of(c)}"></span> '
        f'{esc(_verdict_words(c))}</td><td class="src">{_sources(c)}</td></tr>'
        for anchor, _, c in cells)
    head = "<tr><th>year</th><th>target</th><th>actual</th><th>verdict</th><th>sentences and reports</th></tr>"
    title = f"{series.region} · {series.kind} ({series.unit or 'no unit'})"
    return (f'<section><h2>{esc(title)}</h2>{series_svg(cells, series.unit)}'
            f"<table><thead>{head}</thead><tbody>{rows}</tbody></table></section>"), first + len(cells)


def _legend(series: list[Series]) -> str:
    counts = Counter(verdict_of(c) for s in series for c in s.cells)
    marks = " ".join(
        f'<span><i class="swatch verdict-{v}{" hollow" if v in ("not_reported", "pending") else ""}"></i> '
        f'{v.replace("_", " ")} {counts.get(v, 0)}</span>' for v in VERDICT_COLOURS)
    shapes = " ".join(f"<span>{key(shape)} {esc(words)}</span>" for shape, words in _SHAPES)
    return (f'<div class="legend">{marks}</div><div class="legend">targets: {shapes}</div>'
            "<div>dot: the actual (hollow: none found) · hover a point for details, click it for its sentences</div>")


def chart_page(series: list[Series], metric: str, name: str, store: str) -> str:
    """The chart page of one indicator's series, as one HTML string."""
    sections, first = [], 0
    for one in series:
        html_, first = _section(one, first)
        sections.append(html_)
    return (
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        "style-src 'unsafe-inline'; script-src 'unsafe-inline'\">"
        f"<title>{esc(metric)}: targets and actuals</title><style>{_VERDICT_CSS}{_STYLE}</style></head><body>"
        f"<h1>{esc(name)} [{esc(metric)}]: target and actual per year</h1>"
        f"<div>{esc(store)} · {len(series)} charts</div>{_legend(series)}{''.join(sections)}"
        f"<script>{_SCRIPT}</script></body></html>\n"
    )
