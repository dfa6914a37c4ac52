"""Hardening (issue 16): no small input costs gigabytes, no formula reaches a spreadsheet,
readers never write, environment errors are told apart from bugs. Every test goes through the
real command line; resource tests assert bounds on output size and peak memory (generous
margins), never on time."""

from __future__ import annotations

import csv
import io
import json

import pytest

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


FORMULA_REPORT = ('=HYPERLINK("http://evil.example/a","x")地区生产总值增长5%。\n'
                  "-1+1全市粮食产量增长3%。\n")


@pytest.fixture
def formula_store(tmp_path):
    (tmp_path / "evil.txt").write_text(FORMULA_REPORT, encoding="utf-8")
    run = run_cli("parse", tmp_path / "evil.txt", "-o", tmp_path / "out", "-q", "--format", "csv")
    assert run.code == 0, run.stderr
    return tmp_path / "out"


def _sentences(rows):
    return sorted(row["sentence"] for row in rows)


NEUTRAL = ["'-1+1全市粮食产量增长3%。", "'" + FORMULA_REPORT.splitlines()[0]]


def test_parse_csv_neutralises_formulas(formula_store):
    rows = list(csv.DictReader(io.StringIO((formula_store / "evil.csv").read_text("utf-8"))))
    assert _sentences(rows) == NEUTRAL
    assert all(not v.startswith(("=", "+", "-", "@")) for row in rows for v in row.values())


def test_export_csv_and_xlsx_neutralise_formulas_unless_raw_cells(formula_store, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    db = formula_store / "reportparse.sqlite"
    for name, flags in (("safe", ()), ("raw", ("--raw-cells",))):
        for fmt in ("csv", "xlsx"):
            run = run_cli("export", "--db", db, "-o", tmp_path / f"{name}.{fmt}", "-q", *flags)
            assert run.code == 0, run.stderr
    safe_csv = list(csv.DictReader(io.StringIO((tmp_path / "safe.csv").read_text("utf-8"))))
    assert _sentences(safe_csv) == NEUTRAL
    raw_csv = list(csv.DictReader(io.StringIO((tmp_path / "raw.csv").read_text("utf-8"))))
    assert _sentences(raw_csv) == [s[1:] for s in NEUTRAL]

    def cells(name):
        sheet = openpyxl.load_workbook(tmp_path / f"{name}.xlsx").active
        header = [c.value for c in sheet[1]]
        return [row[header.index("sentence")] for row in sheet.iter_rows(min_row=2)]

    assert {c.data_type for c in cells("safe")} == {"s"}  # no formula cell
    assert sorted(c.value for c in cells("safe")) == NEUTRAL
    assert "f" in {c.data_type for c in cells("raw")}  # the flag keeps them as written
