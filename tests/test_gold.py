"""The parser scored against the hand-checked gold files in ../shared/gold.

Uses the scorer shipped with the gold files (../shared/eval/score.py) so the numbers are the
ones `score.py GOLD PRED` prints, and fails below the bars of the core issue. Skips cleanly
when ../shared is absent.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

import reportparse

SHARED = Path(__file__).resolve().parents[2] / "shared"
REPO = Path(__file__).resolve().parents[1]

# (gold file stem, strict F1 bar, detection F1 bar)
BARS = [
    ("000_4b37dcf7e8a58f8a", 0.90, 0.97),
    ("national_2024_zh", 0.85, 0.95),
    ("province_beijing_2025_zh", 0.85, 0.95),
    ("province_beijing_2026_zh", 0.85, 0.95),
]


def _scorer() -> ModuleType:
    path = SHARED / "eval" / "score.py"
    if not path.exists():
        pytest.skip(f"scorer not found: {path}")
    spec = importlib.util.spec_from_file_location("gold_score", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _texts_by_sha() -> dict[str, Path]:
    folders = [SHARED / "seed", SHARED / "corpus", REPO / "corpus" / "zh"]
    return {hashlib.sha256(p.read_bytes()).hexdigest(): p for d in folders if d.exists() for p in d.glob("*.txt")}


@pytest.mark.parametrize(("stem", "strict_bar", "detect_bar"), BARS, ids=[b[0] for b in BARS])
def test_gold_scores(stem: str, strict_bar: float, detect_bar: float) -> None:
    gold_path = SHARED / "gold" / f"{stem}.gold.jsonl"
    if not gold_path.exists():
        pytest.skip(f"gold file not found: {gold_path}")
    score = _scorer()
    rows = [json.loads(line) for line in gold_path.read_text("utf-8").splitlines() if line.strip()]
    sha = next(r["doc_sha256"] for r in rows if "doc_sha256" in r)
    text_path = _texts_by_sha().get(sha)
    if text_path is None:
        pytest.skip(f"no text with SHA-256 {sha}")
    claims = reportparse.parse_file(text_path).to_dict()["claims"]
    regions = [r for row in rows if "regions" in row for r in row["regions"]]
    preds = [c for c in claims if not regions or any(score.overlap(c["span"], r) for r in regions)]
    result, errors = score.score([r for r in rows if "span" in r], preds)
    shown = "\n".join(f"  {e}" for e in errors[:15])
    assert result["detect_f1"] >= detect_bar, f"detection F1 {result['detect_f1']:.3f} < {detect_bar}\n{shown}"
    assert result["strict_f1"] >= strict_bar, f"strict F1 {result['strict_f1']:.3f} < {strict_bar}\n{shown}"
