"""Writers for parsed documents: JSON (the document), JSON Lines and CSV (one claim a row)."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from .cells import neutralised

FORMATS = ("json", "jsonl", "csv")

CSV_COLUMNS = [
    "doc", "doc_sha256", "region", "level", "report_year", "id", "text", "period", "metric_id", "metric_text",
    "metric_en", "kind", "status", "value", "low", "high", "unit", "unit_text", "qualifier", "rank_position",
    "rank_of", "rank_scope", "span_start", "span_end", "section", "sentence", "rule",
]
"""The long form: one row per claim, the document's metadata repeated on each row."""


def flat_claim(claim: dict[str, Any], document: dict[str, Any]) -> dict[str, Any]:
    """One claim as a flat row with the :data:`CSV_COLUMNS`."""
    metric = claim.get("metric") or {}
    rank = claim.get("rank") or {}
    return {
        "doc": document["path"], "doc_sha256": document["sha256"], "region": document["region"],
        "level": document["level"], "report_year": document["report_year"], "id": claim["id"],
        "text": claim["text"], "period": claim["period"], "metric_id": metric.get("id"),
        "metric_text": metric.get("text"), "metric_en": metric.get("en"), "kind": claim["kind"],
        "status": claim["status"], "value": claim["value"], "low": claim["low"], "high": claim["high"],
        "unit": claim["unit"], "unit_text": claim["unit_text"], "qualifier": claim["qualifier"],
        "rank_position": rank.get("position"), "rank_of": rank.get("of"), "rank_scope": rank.get("scope"),
        "span_start": claim["span"][0], "span_end": claim["span"][1], "section": claim["section"],
        "sentence": claim["sentence"], "rule": claim["rule"],
    }


def document_json(data: dict[str, Any]) -> str:
    """The document as JSON with one line per part and one line per claim: readable, greppable,
    and written by json's C encoder (an ``indent`` would switch to the pure-Python one, which
    took as long as parsing)."""
    parts = [f" {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in data.items() if k != "claims"]
    claims = ",\n  ".join(json.dumps(c, ensure_ascii=False) for c in data["claims"])
    listed = ',\n "claims": [\n  ' + claims + "\n ]" if claims else ',\n "claims": []'
    return "{\n" + ",\n".join(parts) + listed + "\n}\n"


def render(data: dict[str, Any], fmt: str) -> str:
    """A parsed document rendered as ``json`` (the whole document), ``jsonl`` or ``csv`` (claims;
    text cells that a spreadsheet would evaluate are neutralised, see :mod:`.cells`)."""
    if fmt == "json":
        return document_json(data)
    if fmt == "jsonl":
        return "".join(json.dumps(c, ensure_ascii=False) + "\n" for c in data["claims"])
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
        writer.writeheader()
        for claim in data["claims"]:
            writer.writerow(neutralised(flat_claim(claim, data["document"])))
        return out.getvalue()
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
