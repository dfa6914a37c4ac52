"""``reportparse chart --db PATH --metric gdp -o chart.html``: targets and actuals of one indicator, per year.

The figures are the panel's cells (:func:`~reportparse.panel.cell_rows`, what ``export --cells``
and ``export --wide`` write): the same pairing and verdicts as ``diff``. Each cell gets the
sentence and report its target and actual came from, the shape its target binds in
(:func:`~reportparse.verdicts.target_shape`: a floor, a ceiling, a point with its tolerance or a
range) and that tolerance; :mod:`reportparse.chart_page` draws them.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from difflib import get_close_matches
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .atomic import write_atomic
from .codebook import codebook
from .errors import ReportParseError
from .store import Store

if TYPE_CHECKING:  # the panel and the verdicts are imported when a chart is drawn, not at start-up
    from .diff import DiffOptions

KINDS = ("level", "growth", "ratio", "ranking")


@dataclass
class Series:
    """The cells of one region, kind and unit (one chart), years in order."""

    region: str
    kind: str
    unit: str
    cells: list[dict[str, Any]] = field(default_factory=list)


class _Claims:
    """The stored claims of the reports cells name, by report path and claim id (loaded on demand)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        # the latest parse of a path wins, as in the panel
        ordered = sorted(store.documents(), key=lambda d: d["parsed_at"])
        self.sha = {d["path"]: d["sha256"] for d in ordered}
        self.loaded: dict[str, tuple[str, dict[str, dict[str, Any]]]] = {}

    def get(self, path: str | None, claim_id: str | None) -> tuple[dict[str, Any] | None, str]:
        """The claim and the language of its report (None when the cell has no such side)."""
        if path is None or claim_id is None or path not in self.sha:
            return None, "zh"
        if path not in self.loaded:
            doc = self.store.document(self.sha[path])
            self.loaded[path] = (doc["document"]["lang"], {c["id"]: c for c in doc["claims"]})
        lang, claims = self.loaded[path]
        return claims.get(claim_id), lang


def _with_provenance(cell: dict[str, Any], claims: _Claims, options: DiffOptions) -> dict[str, Any]:
    from .verdicts import allowance, target_shape

    target, lang = claims.get(cell["target_doc"], cell["target_id"])
    actual, _ = claims.get(cell["actual_doc"], cell["actual_id"])
    shape = target_shape(target, lang)[0] if target else None
    tolerance = 0.0
    if target and cell["target_qualifier"] == "approx" and cell["target_value"] is not None:
        tolerance = allowance({"unit": cell["unit"]}, float(cell["target_value"]), options.tolerance)
    return {**cell, "shape": shape, "tolerance": tolerance,
            "target_sentence": (target or {}).get("sentence"), "actual_sentence": (actual or {}).get("sentence")}


def known_metrics() -> list[str]:
    """The standard indicator ids a chart can draw."""
    return [row["id"] for row in codebook()]


def _regions(store: Store, what: str, asked: list[str] | None, held: list[str]) -> list[str]:
    """The regions to draw, in order: those asked for (each must have figures), else every one with figures."""
    missing = [region for region in asked or [] if region not in held]
    if missing or not held:
        stored = sorted({d["region"] for d in store.documents() if d["region"]})
        where = f"region {missing[0]!r}" if missing else "any region"
        raise ReportParseError(f"{store.path}: no {what} figures for {where}; regions with them: "
                               f"{', '.join(held) or 'none'}; stored regions: {', '.join(stored) or 'none'}")
    return list(asked or held)


def chart_series(store: Store, metric: str, regions: list[str] | None = None, kind: str | None = None,
                 options: DiffOptions | None = None) -> list[Series]:
    """One :class:`Series` per region (in the order given, else by name), kind and unit of an
    indicator; a :class:`~reportparse.errors.ReportParseError` for an unknown indicator id or a
    region without its figures; ``options``: the diff rules (default: ``diff``'s defaults)."""
    from .diff import DiffOptions
    from .panel import cell_rows

    options = options or DiffOptions()
    known = known_metrics()
    if metric not in known:
        close = get_close_matches(metric, known, n=3)
        hint = f" (did you mean {' or '.join(close)}?)" if close else ""
        raise ReportParseError(f"unknown metric {metric!r}{hint}; known ids: {', '.join(known)}")
    cells = [c for c in cell_rows(store, options) if c["metric_id"] == metric and kind in (None, c["kind"])]
    order = _regions(store, f"{metric} {kind}" if kind else metric, regions, sorted({c["region"] for c in cells}))
    claims = _Claims(store)
    groups: dict[tuple[str, str, str], Series] = {}
    for cell in sorted(cells, key=lambda c: c["year"]):
        if cell["region"] in order:
            key = (cell["region"], cell["kind"], cell["unit"] or "")
            groups.setdefault(key, Series(*key)).cells.append(_with_provenance(cell, claims, options))
    return sorted(groups.values(), key=lambda s: (order.index(s.region), KINDS.index(s.kind), s.unit))


def _cmd_chart(args: argparse.Namespace) -> int:
    from .chart_page import chart_page

    with Store(args.db, create=False) as store:
        series = chart_series(store, args.metric, args.region, args.kind)
        name = next(row["en"] for row in codebook() if row["id"] == args.metric)
        page = chart_page(series, args.metric, name, str(store.path))
    target = Path(args.output)
    write_atomic(target, page)
    points = sum(c["actual_value"] is not None for s in series for c in s.cells)
    targets = sum(c["target_value"] is not None for s in series for c in s.cells)
    doubled = sum(any(c[f"{side}_text"] and c[f"{side}_reports"] > 1 for side in ("target", "actual"))
                  for s in series for c in s.cells)
    if doubled:
        print(f"reportparse: warning: {doubled} points come from a year with several stored reports; the one "
              "stating most of the year's targets or actuals is drawn (the page names it)", file=sys.stderr)
    print(f"reportparse: {len(series)} charts ({targets} targets, {points} actuals) written to {target}",
          file=sys.stderr)
    return 0


def add_chart_command(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register ``reportparse chart`` on the subcommands of the main parser."""
    p = sub.add_parser(
        "chart",
        help="an HTML chart of one indicator's targets and actuals per year, verdicts marked",
        description="Draw one standard indicator of a store, per region and kind, as a self-contained HTML "
        "page (inline SVG, nothing loaded from the network): each year's target (a band for a range, a point "
        "with its tolerance for 左右, a floor for 以上, a ceiling for 以内 or a cap such as CPI) and the actual "
        "reported a year later, coloured by its verdict (met, exceeded, missed, not_reported, unclear), each "
        "linked to the sentences and reports it came from. Pairs and verdicts are those of export --wide and diff.",
    )
    p.add_argument("--db", required=True, metavar="PATH", help="the SQLite store written by parse")
    p.add_argument("--metric", required=True, metavar="ID", help="a standard indicator id (see: reportparse metrics)")
    p.add_argument("--region", action="extend", nargs="+", metavar="R",
                   help="regions as stored, e.g. 北京市 (default: every region with the indicator)")
    p.add_argument("--kind", choices=KINDS, help="only this kind (default: one chart per kind found)")
    p.add_argument("-o", "--output", required=True, metavar="HTML", help="the page to write")
    p.set_defaults(func=_cmd_chart)
