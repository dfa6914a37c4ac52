"""Hardening (issue 16): no small input costs gigabytes, no formula reaches a spreadsheet,
readers never write, environment errors are told apart from bugs. Every test goes through the
real command line; resource tests assert bounds on output size and peak memory (generous
margins), never on time."""

from __future__ import annotations

import json
from pathlib import Path

from cli_run import run_cli

LINE = "地区生产总值增长5%"


def test_a_long_line_gives_output_linear_in_its_claims(tmp_path):
    # one line without punctuation: every claim used to repeat the whole line (quadratic output)
    n = 3000
    (tmp_path / "q.txt").write_text(LINE * n, encoding="utf-8")
    run = run_cli("parse", tmp_path / "q.txt", "-o", tmp_path / "out", "-q", "-j", "1")
    assert run.code == 0, run.stderr
    out = tmp_path / "out" / "q.json"
    data = json.loads(out.read_text("utf-8"))
    text = (tmp_path / "q.txt").read_text("utf-8")
    assert len(data["claims"]) == n
    for claim in data["claims"]:
        start, end = claim["sentence_span"]
        assert len(claim["sentence"]) == 500 and text[start:end] == claim["sentence"]
        assert start <= claim["span"][0] and claim["span"][1] <= end
    assert out.stat().st_size < n * 3000  # ~1.7 KB a claim; the whole line each was 78 KB a claim
    assert (tmp_path / "out" / "reportparse.sqlite").stat().st_size < n * 6000
    assert run.peak_mb < 600


def test_a_short_sentence_is_kept_whole(tmp_path):
    sentence = "全市地区生产总值完成1234.5亿元，增长5.2%。"
    (tmp_path / "r.txt").write_text(sentence + "\n", encoding="utf-8")
    run = run_cli("parse", tmp_path / "r.txt")
    claims = json.loads(run.stdout)["claims"]
    assert [c["sentence"] for c in claims] == [sentence, sentence]
    assert all("sentence_span" not in c for c in claims)
