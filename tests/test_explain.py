"""explain_text and ``reportparse explain``: the decisions about each number, in text order."""

from __future__ import annotations

import json
import subprocess
import sys

from reportparse import explain_text, parse_text

TEXT = "2023年，全区地区生产总值增长5%，全省54个市辖区第一。"


def test_every_claim_is_explained_with_its_rule_and_span():
    claims = parse_text(TEXT).claims
    decisions = [d for d in explain_text(TEXT) if d["outcome"] == "claim"]
    assert [(d["span"], d["rule"]) for d in decisions] == [(c["span"], c["rule"]) for c in claims]
    assert all(TEXT[d["span"][0]:d["span"][1]] == d["text"] for d in decisions)
    gdp = next(d for d in decisions if d["text"] == "5%")
    assert gdp["reason"] == "growth actual 2023 metric=gdp"


def test_a_number_inside_a_longer_one_is_reported_as_dropped_by_the_overlap_rule():
    dropped = [d for d in explain_text(TEXT) if d["stage"] == "overlap"]
    assert [(d["text"], d["outcome"]) for d in dropped] == [("54个", "dropped")]
    assert "zh.ranking" in dropped[0]["reason"]


def test_no_trace_is_kept_outside_explain():
    from reportparse.explain import active

    explain_text(TEXT)
    assert not active()


def test_explain_command_prints_one_decision_a_line(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text(TEXT, encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "reportparse.cli", "explain", str(report), "--format", "jsonl"],
                         capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert run.returncode == 0, run.stderr
    lines = [json.loads(line) for line in run.stdout.splitlines()]
    assert lines == explain_text(TEXT)
    tsv = subprocess.run([sys.executable, "-m", "reportparse.cli", "explain", str(report)],
                         capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert tsv.stdout.splitlines()[0].split("\t")[:3] == [str(lines[0]["span"][0]), str(lines[0]["span"][1]),
                                                          lines[0]["text"]]
