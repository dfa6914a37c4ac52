"""Golden files (pytest-regressions) of every report bundled in corpus/.

Each golden file holds the claims of one report in a compact, reviewable form. A change to
the parser that moves any claim shows up as a diff of these files; such diffs are reviewed and
explained in the commit message, never regenerated blindly (`--force-regen` only after review).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import reportparse

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
REPORTS = sorted(CORPUS.rglob("*.txt"))


def _compact(claim: dict[str, Any]) -> dict[str, Any]:
    metric = claim["metric"] or {}
    rank = claim["rank"] or {}
    row = {
        "span": claim["span"], "text": claim["text"], "kind": claim["kind"], "value": claim["value"],
        "unit": claim["unit"], "qualifier": claim["qualifier"], "status": claim["status"],
        "period": claim["period"], "metric": metric.get("text"), "metric_id": metric.get("id"),
    }
    if claim["low"] is not None:
        row["range"] = [claim["low"], claim["high"]]
    if rank:
        row["rank_of"] = rank.get("of")
    return row


def test_corpus_is_not_empty() -> None:
    assert REPORTS, f"no reports under {CORPUS}"


@pytest.mark.parametrize("report", REPORTS, ids=[p.stem for p in REPORTS])
def test_claims_golden(report: Path, data_regression: Any) -> None:
    doc = reportparse.parse_file(report).to_dict()
    meta = {k: doc["document"][k] for k in ("sha256", "chars", "title", "region", "level", "report_year")}
    data_regression.check({"document": meta, "claims": [_compact(c) for c in doc["claims"]]})
