"""The region x year panel with provenance, by the rules ``diff`` follows.

For every region and year Y it holds reports around: the targets the report of Y sets for Y are
judged against the actuals the report of Y+1 states for Y by :func:`~reportparse.diff.judge_year`,
the one function ``diff`` uses, so a panel cell and a diff verdict never disagree. Each cell (one
indicator, kind and year of a region) keeps the claim ids and report files its target and actual
came from, the verdict, and how many stored reports the region-year has: when there are two, the
one that plays the part best is used (:func:`~reportparse.documents.by_role`, as ``diff`` does) and
the count says so.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from .diff import DiffOptions, judge_year
from .documents import by_role
from .store import Store

CELL_COLUMNS = [
    "region", "level", "year", "metric_id", "metric_text", "kind", "unit", "target_value", "target_high",
    "target_qualifier", "target_text", "target_id", "target_doc", "target_reports", "actual_value", "actual_text",
    "actual_id", "actual_doc", "actual_reports", "verdict", "gap", "gap_written", "gap_unit", "match", "confidence",
]
"""One row per target or actual of a region-year: the long "cells" table behind the panel."""


def _reports(store: Store) -> dict[tuple[str, str], dict[int, list[dict[str, Any]]]]:
    """Stored documents by (region, level) and report year, latest parsed first."""
    found: dict[tuple[str, str], dict[int, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
    for doc in sorted(store.documents(), key=lambda d: d["parsed_at"], reverse=True):
        if doc["region"] and doc["report_year"] is not None:
            found[(doc["region"], doc["level"])][doc["report_year"]].append(doc)
    return found


def _metric_of(target: dict[str, Any], actual: dict[str, Any]) -> tuple[str | None, str | None]:
    """The cell's indicator id (the target's, else the actual's) and its metric as written."""
    metrics = [c.get("metric") or {} for c in (target, actual)]
    ids = [m["id"] for m in metrics if m.get("id")]
    text = next((m.get("text") for m in metrics if m), None)
    return (ids[0] if ids else None), text


def _cell(region: str, level: str, year: int, target: dict[str, Any] | None, actual: dict[str, Any] | None,
          entry: dict[str, Any], docs: tuple[list[dict[str, Any]], list[dict[str, Any]]]) -> dict[str, Any]:
    target, actual = target or {}, actual or {}
    metric_id, metric_text = _metric_of(target, actual)
    either = target or actual
    return {
        "region": region, "level": level, "year": year, "metric_id": metric_id,
        "metric_text": metric_text, "kind": either.get("kind"), "unit": either.get("unit"),
        "target_value": target.get("value"), "target_high": target.get("high"),
        "target_qualifier": target.get("qualifier"), "target_text": target.get("text"), "target_id": target.get("id"),
        "target_doc": docs[0][0]["path"] if target and docs[0] else None, "target_reports": len(docs[0]),
        "actual_value": actual.get("value"), "actual_text": actual.get("text"), "actual_id": actual.get("id"),
        "actual_doc": docs[1][0]["path"] if actual and docs[1] else None, "actual_reports": len(docs[1]),
        **{key: entry.get(key) for key in ("verdict", "gap", "gap_written", "gap_unit", "match", "confidence")},
    }


def _ordered(store: Store, docs: list[dict[str, Any]], role: tuple[str, int]) -> list[dict[str, Any]]:
    """A region-year's documents, the one used for ``role`` first (:func:`~reportparse.documents.by_role`)."""
    by_sha = {d["sha256"]: d for d in docs}
    return [by_sha[sha] for sha in by_role(store, list(by_sha), role)]


def cell_rows(store: Store, options: DiffOptions = DiffOptions()) -> list[dict[str, Any]]:
    """Every cell of the panel (:data:`CELL_COLUMNS`), regions and years in order."""
    rows = []
    for (region, level), by_year in sorted(_reports(store).items()):
        years = sorted({y for y in by_year} | {y - 1 for y in by_year})
        for year in years:
            docs = (_ordered(store, by_year.get(year, []), ("target", year)),
                    _ordered(store, by_year.get(year + 1, []), ("actual", year)))
            target_doc = store.document(docs[0][0]["sha256"]) if docs[0] else None
            actual_doc = store.document(docs[1][0]["sha256"]) if docs[1] else None
            judged = judge_year(target_doc, actual_doc, year, options)
            for e in judged["pairs"]:
                rows.append(_cell(region, level, year, e["target"], e["actual"], e, docs))
            for e in judged["unmatched_targets"]:
                rows.append(_cell(region, level, year, e["target"], None, e, docs))
            for e in judged["unmatched_actuals"]:
                rows.append(_cell(region, level, year, None, e["actual"], e, docs))
    return rows


def duplicate_region_years(store: Store) -> list[tuple[str, int, list[str]]]:
    """Region-years with more than one stored report: (region, year, their paths, latest parsed first)."""
    return [(region, year, [d["path"] for d in docs])
            for (region, _level), by_year in sorted(_reports(store).items())
            for year, docs in sorted(by_year.items()) if len(docs) > 1]
