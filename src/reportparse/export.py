"""Writers for parsed documents: JSON (the document), JSON Lines and CSV (one claim a row)."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

FORMATS = ("json", "jsonl", "csv")

CSV_COLUMNS = [
    "id", "span_start", "span_end", "text", "kind", "value", "low", "high", "unit", "unit_text", "qualifier",
    "status", "period", "metric_text", "metric_id", "metric_en", "rank_position", "rank_of", "rank_scope",
    "section", "sentence", "doc_sha256", "region", "report_year",
]


def flat_claim(claim: dict[str, Any], document: dict[str, Any]) -> dict[str, Any]:
    """One claim as a flat row (the CSV columns)."""
    metric = claim.get("metric") or {}
    rank = claim.get("rank") or {}
    return {
        "id": claim["id"], "span_start": claim["span"][0], "span_end": claim["span"][1], "text": claim["text"],
        "kind": claim["kind"], "value": claim["value"], "low": claim["low"], "high": claim["high"],
        "unit": claim["unit"], "unit_text": claim["unit_text"], "qualifier": claim["qualifier"],
        "status": claim["status"], "period": claim["period"], "metric_text": metric.get("text"),
        "metric_id": metric.get("id"), "metric_en": metric.get("en"), "rank_position": rank.get("position"),
        "rank_of": rank.get("of"), "rank_scope": rank.get("scope"), "section": claim["section"],
        "sentence": claim["sentence"], "doc_sha256": document["sha256"], "region": document["region"],
        "report_year": document["report_year"],
    }


def render(data: dict[str, Any], fmt: str) -> str:
    """A parsed document rendered as ``json`` (the whole document), ``jsonl`` or ``csv`` (claims)."""
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    if fmt == "jsonl":
        return "".join(json.dumps(c, ensure_ascii=False) + "\n" for c in data["claims"])
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
        writer.writeheader()
        for claim in data["claims"]:
            writer.writerow(flat_claim(claim, data["document"]))
        return out.getvalue()
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
