"""Diff results as tables: one verdict row per target, rendered as JSON, CSV or Markdown."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import Any

from .cells import neutralised

DIFF_FORMATS = ("json", "csv", "md")

VERDICT_COLUMNS = [
    "region", "level", "old_year", "new_year", "year", "metric_id", "metric_text", "kind", "target_text",
    "target_value", "target_low", "target_high", "target_qualifier", "unit", "actual_text", "actual_value",
    "actual_unit", "verdict", "gap", "gap_written", "gap_unit", "direction", "match", "confidence", "rule",
    "target_id", "actual_id", "old_doc", "new_doc",
]
"""One verdict row: the target and the actual (values normalised; ``gap`` signed in the good
direction, ``gap_written`` the same in the unit the target is written in, ``gap_unit``), how they
were paired (``match``: id, text, words or successor; ``confidence``) and where they came from
(claim ids, report files)."""


def verdict_rows(result: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per target of the old report: paired ones with their verdict, then those with no actual."""
    rows = []
    for entry in [*result["pairs"], *result["unmatched_targets"]]:
        target, actual = entry["target"], entry.get("actual") or {}
        rows.append({
            "region": result["old"]["region"], "level": result["old"]["level"],
            "old_year": result["old"]["report_year"], "new_year": result["new"]["report_year"],
            "year": result["year"], "metric_id": entry["metric"]["id"], "metric_text": entry["metric"]["text"],
            "kind": entry["kind"], "target_text": target["text"], "target_value": target["value"],
            "target_low": target["low"], "target_high": target["high"], "target_qualifier": target["qualifier"],
            "unit": target["unit"], "actual_text": actual.get("text"), "actual_value": actual.get("value"),
            "actual_unit": actual.get("unit"), "verdict": entry["verdict"], "gap": entry.get("gap"),
            "gap_written": entry.get("gap_written"), "gap_unit": entry.get("gap_unit"),
            "direction": entry.get("direction"), "match": entry.get("match"), "confidence": entry.get("confidence"),
            "rule": entry["rule"], "target_id": target["id"], "actual_id": actual.get("id"),
            "old_doc": result["old"]["path"], "new_doc": result["new"]["path"],
        })
    return rows


def _cell(value: Any) -> str:
    return "" if value is None else str(value).replace("|", "\\|").replace("\n", " ")


def _md_table(header: list[str], rows: Iterable[list[Any]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(_cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def _indicator(text: str | None, metric_id: str | None) -> str:
    return (text or "") + (f" ({metric_id})" if metric_id else "")


def _gap(row: dict[str, Any]) -> str:
    """The gap as written (+0.8个百分点), else normalised; empty when there is none."""
    if row["gap_written"] is not None:
        return f"{row['gap_written']:+.4g}{row['gap_unit'] or ''}"
    return "" if row["gap"] is None else f"{row['gap']:+.4g}"


def _of(entry: dict[str, Any]) -> str:
    return _indicator(entry["metric"]["text"], entry["metric"]["id"])


def _markdown(result: dict[str, Any]) -> str:
    old, new = result["old"], result["new"]
    parts = [f"# {old['region'] or old['path']}: targets for {result['year']} "
             f"({old['report_year']} report) against the {new['report_year']} report\n"]
    parts.append(_md_table(
        ["indicator", "kind", "target", "actual", "verdict", "gap", "rule"],
        ([_indicator(r["metric_text"], r["metric_id"]), r["kind"], r["target_text"],
          r["actual_text"], r["verdict"], _gap(r), r["rule"]] for r in verdict_rows(result)),
    ))
    if result["target_changes"] or result["new_targets"] or result["dropped_targets"]:
        parts.append(f"\n## Targets: {old['report_year']} report against {new['report_year']} report\n")
        rows = [[_of(c), c["kind"], c["old"]["text"], c["new"]["text"], c["change"], c["delta"]]
                for c in result["target_changes"]]
        rows += [[_of(c), c["kind"], c["target"]["text"], "", "dropped", None] for c in result["dropped_targets"]]
        rows += [[_of(c), c["kind"], "", c["target"]["text"], "new", None] for c in result["new_targets"]]
        parts.append(_md_table(["indicator", "kind", "old target", "new target", "change", "delta"], rows))
    if result["unmatched_actuals"]:
        parts.append(f"\n## Standard indicators reported for {result['year']} without a target\n")
        parts.append(_md_table(["indicator", "kind", "actual"],
                               ([_of(a), a["kind"], a["actual"]["text"]] for a in result["unmatched_actuals"])))
    return "".join(parts)


def rows_csv(rows: list[dict[str, Any]]) -> str:
    """Verdict rows as CSV with the :data:`VERDICT_COLUMNS` (text a spreadsheet would evaluate
    neutralised, see :mod:`.cells`)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=VERDICT_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(neutralised(row) for row in rows)
    return out.getvalue()


def render_diff(result: dict[str, Any], fmt: str) -> str:
    """One diff as ``json`` (the whole result), ``csv`` (verdict rows) or ``md`` (readable tables)."""
    if fmt == "json":
        return json.dumps(result, ensure_ascii=False, indent=1) + "\n"
    if fmt == "csv":
        return rows_csv(verdict_rows(result))
    if fmt == "md":
        return _markdown(result)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(DIFF_FORMATS)}")


def render_many(results: list[dict[str, Any]], fmt: str) -> str:
    """The verdicts of many diffs in one table: ``csv``, ``md``, or ``json`` (a list of rows)."""
    rows = [row for result in results for row in verdict_rows(result)]
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=1) + "\n"
    if fmt == "csv":
        return rows_csv(rows)
    if fmt == "md":
        return _md_table(["region", "year", "indicator", "kind", "target", "actual", "verdict", "gap"],
                         ([r["region"], r["year"], _indicator(r["metric_text"], r["metric_id"]),
                           r["kind"], r["target_text"], r["actual_text"], r["verdict"], _gap(r)] for r in rows))
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(DIFF_FORMATS)}")
