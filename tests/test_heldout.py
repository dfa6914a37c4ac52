"""The held-apart English set (tests/examples/en/heldout.json), scored with strict F1.

The set was written before the English pipeline and kept out of tuning (test_examples.py only
checks its form). Each example's expectations become gold rows in the format of
../shared/gold/*.gold.jsonl (every expected claim is required; any other claim of the input is
a false positive) and are scored with ../shared/eval/score.py, the scorer of the Chinese gold
files; when ../shared is absent, the same strict rule is applied here. Run
``python tests/test_heldout.py`` to print the score.
"""

from __future__ import annotations

import importlib.util
import json
import math
import sys
from pathlib import Path
from typing import Any

import reportparse

HERE = Path(__file__).resolve().parent
HELDOUT = HERE / "examples" / "en" / "heldout.json"
SCORER = HERE.parents[1] / "shared" / "eval" / "score.py"
BAR = 0.85


def gold_rows(example: dict[str, Any]) -> list[dict[str, Any]]:
    """The gold rows of one example: its expected claims, each required."""
    rows = []
    for item in example["expect"]:
        start, k = -1, item.get("at", 0)
        for _ in range(k + 1):
            start = example["input"].find(item["text"], start + 1)
        rows.append({
            "span": [start, start + len(item["text"])], "text": item["text"], "optional": False, "negative": False,
            "value": item.get("value"), "unit": item.get("unit"), "kind": item.get("kind"),
            "status": item.get("status"), "qualifier": item.get("qualifier", "exact"), "period": item.get("period"),
            "metric_key": item.get("metric_text_contains", ""), "metric_id": item.get("metric_id"),
            "rank_of": item.get("rank_of"),
        })
    return rows


def _strict_score(gold: list[dict[str, Any]], preds: list[dict[str, Any]]) -> tuple[int, int, int]:
    """(strictly right, predicted, required) when score.py is not at hand: one to one by span overlap."""
    right, used = 0, set()
    for p in preds:
        for gi, g in enumerate(gold):
            if gi in used or not (p["span"][0] < g["span"][1] and g["span"][0] < p["span"][1]):
                continue
            used.add(gi)
            metric = p.get("metric") or {}
            ok = (isinstance(p.get("value"), (int, float)) and math.isclose(g["value"], p["value"], rel_tol=1e-6)
                  and all(p.get(f) == g[f] for f in ("unit", "kind", "status", "qualifier", "period"))
                  and g["metric_key"] in (metric.get("text") or "")
                  and (g["metric_id"] is None or metric.get("id") == g["metric_id"]))
            right += ok
            break
    return right, len(preds), len(gold)


def score_heldout() -> dict[str, Any]:
    """Strict precision, recall and F1 over the held-apart set, with its size."""
    data = json.loads(HELDOUT.read_text("utf-8"))
    scorer = None
    if SCORER.exists():
        spec = importlib.util.spec_from_file_location("gold_score", SCORER)
        assert spec and spec.loader
        scorer = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(scorer)
    right = predicted = required = 0
    for example in data["examples"]:
        gold = gold_rows(example)
        preds = reportparse.parse_text(example["input"], lang="en").to_dict()["claims"]
        if scorer is not None:
            res, _ = scorer.score(gold, preds)
            right += round(res["strict_precision"] * res["predicted_scored"])
            predicted += res["predicted_scored"]
            required += res["gold_required"]
        else:
            r, p, g = _strict_score(gold, preds)
            right, predicted, required = right + r, predicted + p, required + g
    for text in data.get("negative", []):
        predicted += len(reportparse.parse_text(text, lang="en").to_dict()["claims"])
    precision = right / predicted if predicted else 0.0
    recall = right / required if required else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"examples": len(data["examples"]), "negatives": len(data.get("negative", [])), "claims": required,
            "predicted": predicted, "strict_right": right, "strict_precision": precision,
            "strict_recall": recall, "strict_f1": f1, "scorer": str(SCORER) if scorer else "built-in"}


def test_heldout_strict_f1_meets_the_bar():
    result = score_heldout()
    assert result["strict_f1"] >= BAR, result


if __name__ == "__main__":
    json.dump(score_heldout(), sys.stdout, indent=1)
    print()
