"""Year over year: verdict rules, a pair of reports of our own, Beijing 2025 -> 2026, the CLI.

Expected verdicts follow from the issue's rules and arithmetic (5.2 is 0.8 points from a
6%左右 target: missed), never from the program's output.
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from reportparse.cli import main
from reportparse.diff import diff_documents, judge_year, metric_key, spans_years
from reportparse.pipeline import parse_file
from reportparse.verdicts import Tolerance, target_shape
from reportparse.verdicts import judge as _judge


def judge(target, actual, *args, **kwargs):
    """The verdict of a Chinese target and actual (the claims of these tests are Chinese)."""
    return _judge(target, actual, *args, lang="zh", **kwargs)

DATA = Path(__file__).resolve().parent / "data" / "diff"
OLD = DATA / "2024-city.txt"   # targets for 2024
NEW = DATA / "2025-city.txt"   # reviews 2024, targets for 2025


def claim(value, qualifier="exact", unit="percent", kind="growth", low=None, high=None, metric_id="gdp"):
    return {"value": value, "qualifier": qualifier, "unit": unit, "kind": kind, "low": low, "high": high,
            "metric": {"id": metric_id, "text": "地区生产总值", "en": None}, "text": "x", "status": "target",
            "period": 2024}


# ---------------------------------------------------------------- the rules, one by one

@pytest.mark.parametrize("target, actual, verdict", [
    (claim(5, "approx"), claim(5.4), "met"),           # |0.4| <= 0.5
    (claim(5, "approx"), claim(5.5), "met"),           # on the tolerance: met
    (claim(5, "approx"), claim(5.6), "exceeded"),      # an overshoot is no miss
    (claim(5, "approx"), claim(4.4), "missed"),
    (claim(5, "at_least"), claim(5), "met"),
    (claim(5, "at_least"), claim(5.5), "met"),         # right side, within the tolerance
    (claim(5, "at_least"), claim(6), "exceeded"),
    (claim(5, "at_least"), claim(4.9), "missed"),
    (claim(5, "more_than"), claim(5), "missed"),
    (claim(5, "more_than"), claim(5.1), "met"),
    (claim(4.5, "at_most"), claim(4.5), "met"),
    (claim(4.5, "at_most"), claim(1.0), "met"),        # a ceiling kept is met, never exceeded
    (claim(4.5, "at_most"), claim(4.6), "missed"),
    (claim(3, "less_than"), claim(3), "missed"),
    (claim(3, "less_than"), claim(2.9), "met"),
    (claim(5, "range", low=5, high=6), claim(6), "met"),
    (claim(5, "range", low=5, high=6), claim(6.4), "met"),
    (claim(5, "range", low=5, high=6), claim(7), "exceeded"),
    (claim(5, "range", low=5, high=6), claim(4.8), "missed"),
    (claim(7), claim(7.3), "met"),                     # a bare target is a floor
    (claim(7), claim(6.9), "missed"),
    (claim(-2.5, "at_least"), claim(-3), "met"),       # 下降2.5%以上: a 3% decline meets it
    (claim(-2.5, "at_least"), claim(-2.1), "missed"),
    (claim(-2.5, "approx"), claim(-2.9), "met"),
    # CPI is a ceiling (data/indicators.json): 3%左右 and an actual of 0.2% is met, 3.4% within the tolerance
    (claim(3, "approx", metric_id="cpi"), claim(0.2, metric_id="cpi"), "met"),
    (claim(3, "approx", metric_id="cpi"), claim(3.4, metric_id="cpi"), "met"),
    (claim(3, "approx", metric_id="cpi"), claim(3.6, metric_id="cpi"), "missed"),
    # energy intensity is lower-is-better: a 3.2% fall beats a 2.5% fall target by more than the tolerance
    (claim(-2.5, "at_least", metric_id="energy_intensity"), claim(-3.2), "exceeded"),
    (claim(30, "exact", unit="ug_m3", kind="level", metric_id="pm25"), claim(28, unit="ug_m3", kind="level"), "exceeded"),
    (claim(30, "exact", unit="ug_m3", kind="level", metric_id="pm25"), claim(31, unit="ug_m3", kind="level"), "missed"),
])
def test_verdict_rules(target, actual, verdict):
    assert judge(target, actual).verdict == verdict


def test_ceiling_wording_in_the_clause_makes_a_cap():
    target = {**claim(5.5, "approx", metric_id=None), "text": "5.5%左右", "sentence": "城镇就业率控制在5.5%左右，"}
    assert target_shape(target, "zh") == ("ceiling", -1)
    assert judge(target, claim(4.0)).verdict == "met"
    assert judge({**target, "sentence": "某指标达到5.5%左右，"}, claim(4.0)).verdict == "missed"


@pytest.mark.parametrize("target, actual", [
    (claim(5, "approx"), claim(5.6)), (claim(4.5, "at_most"), claim(1.0)), (claim(5, "at_least"), claim(6)),
    (claim(7), claim(6.9)), (claim(5, "range", low=5, high=6), claim(6.4)),
])
def test_strict_is_the_textbook_rule(target, actual):
    strict = judge(target, actual, strict=True).verdict
    low, high = (target["low"], target["high"]) if target["qualifier"] == "range" else (None, None)
    a, t, q = actual["value"], target["value"], target["qualifier"]
    textbook = {"approx": abs(a - t) <= 0.5, "at_most": a <= t, "at_least": a >= t, "exact": a >= t,
                "range": low is not None and low <= a <= high}[q]
    assert strict == ("met" if textbook else "missed")


def test_gap_is_signed_in_the_good_direction_and_zero_inside_a_range():
    assert judge(claim(5, "approx"), claim(5.4)).gap == pytest.approx(0.4)
    assert judge(claim(-2.5, "at_least"), claim(-2.1)).gap == pytest.approx(-0.4)   # fell 0.4 short
    assert judge(claim(4.5, "at_most", metric_id="cpi"), claim(1.8)).gap == pytest.approx(2.7)
    assert judge(claim(5, "range", low=5, high=6), claim(5.5)).gap == 0
    assert judge(claim(5, "range", low=5, high=6), claim(4.8)).gap == pytest.approx(-0.2)
    assert judge(claim(5, "range", low=5, high=6), claim(6.5)).gap == pytest.approx(0.5)


def test_gap_in_the_unit_as_written():
    target = {**claim(880e8, "at_least", unit="jin", kind="level", metric_id="grain_output"),
              "text": "880亿斤以上", "unit_text": "亿斤"}
    verdict = judge(target, claim(871.6e8, unit="jin", kind="level"))
    assert verdict.verdict == "missed"
    assert (verdict.gap_written, verdict.gap_unit) == (pytest.approx(871.6 - 880), "亿斤")
    rate = judge({**claim(5, "approx"), "text": "5%左右", "unit_text": "%"}, claim(4.1))
    assert (rate.gap_written, rate.gap_unit) == (pytest.approx(-0.9), "个百分点")


def test_units_of_one_family_convert():
    target = {**claim(3e7, "at_least", unit="kg", kind="level", metric_id=None), "text": "3万吨", "unit_text": "万吨"}
    verdict = judge({**target, "unit": "ton", "value": 3e4}, claim(3.5e7, unit="kg", kind="level"))
    assert verdict.verdict == "exceeded"
    assert (verdict.gap_written, verdict.gap_unit) == (pytest.approx(0.5), "万吨")


def test_level_tolerance_is_relative_and_configurable():
    target = claim(1_000_000, "approx", unit="CNY", kind="level")
    assert judge(target, claim(1_019_000, unit="CNY", kind="level")).verdict == "met"      # 1.9% off
    assert judge(target, claim(970_000, unit="CNY", kind="level")).verdict == "missed"     # 3% short
    loose = Tolerance(rate_points=0.5, level_relative=0.05)
    assert judge(target, claim(970_000, unit="CNY", kind="level"), loose).verdict == "met"
    assert judge(claim(5, "approx"), claim(4.2), Tolerance(rate_points=1.0)).verdict == "met"


@pytest.mark.parametrize("actual", [claim(5, unit="CNY"), claim(None), claim(5, "range", low=5, high=6)])
def test_unclear_when_units_differ_or_the_actual_is_no_single_number(actual):
    verdict = judge(claim(5, "approx"), actual)
    assert (verdict.verdict, verdict.gap) == ("unclear", None)
    assert verdict.rule


def test_metric_key_prefers_the_id_and_falls_back_to_the_text():
    assert metric_key(claim(5)) == ("id", "gdp", "growth", "percent")
    no_id = claim(5, metric_id=None)
    assert metric_key(no_id) == ("text", "地区生产总值", "growth", "percent")
    assert metric_key({**no_id, "metric": None}) is None


def test_a_growth_in_another_unit_is_not_the_targets_actual():
    """A doubling (times) stated first is not the actual of a growth target in percent; the rate is."""
    doubling = {**claim(2, unit="times"), "status": "actual", "text": "翻一番"}
    rate = {**claim(5.2), "status": "actual", "text": "5.2%"}
    target_doc = {"document": {"lang": "zh"}, "claims": [claim(5, qualifier="approx")]}
    actual_doc = {"document": {"lang": "zh"}, "claims": [doubling, rate]}
    judged = judge_year(target_doc, actual_doc, 2024)
    assert [(p["target"]["value"], p["actual"]["value"], p["verdict"]) for p in judged["pairs"]] == [(5, 5.2, "met")]


@pytest.mark.parametrize("sentence, text, lang, expected", [
    ("2007年，国内生产总值达到24.66万亿元，比2002年增长65.5%，年均增长10.6%。", "65.5%", "zh", True),
    ("2007年，国内生产总值达到24.66万亿元，比2002年增长65.5%，年均增长10.6%。", "10.6%", "zh", True),
    ("2007年，国内生产总值达到24.66万亿元，比2002年增长65.5%，年均增长10.6%。", "24.66万亿元", "zh", False),
    ("地区生产总值增长5.4%、五年年均增长5.2%。", "5.4%", "zh", False),
    ("地区生产总值增长5.4%、五年年均增长5.2%。", "5.2%", "zh", True),
    ("GDP grew by an average annual rate of 6.5 percent, and 5.2 percent last year.", "6.5 percent", "en", True),
    ("GDP grew by an average annual rate of 6.5 percent, and 5.2 percent last year.", "5.2 percent", "en", False),
])
def test_figures_spanning_several_years_are_recognised(sentence, text, lang, expected):
    assert spans_years({"sentence": sentence, "text": text}, lang) is expected


def test_a_five_year_review_gives_no_single_year_actual(tmp_path):
    old = tmp_path / "old.txt"
    old.write_text(OLD.read_text("utf-8"), "utf-8")
    new = tmp_path / "new.txt"
    new.write_text(NEW.read_text("utf-8").replace("全市地区生产总值增长5.2%", "全市地区生产总值比2019年增长25%，年均增长4.6%"),
                   "utf-8")
    result = diff_documents(parse_file(old).to_dict(), parse_file(new).to_dict())
    assert "gdp" not in verdicts(result)
    assert "gdp" in {e["metric"]["id"] for e in result["unmatched_targets"]}


# ---------------------------------------------------------------- a pair of reports of our own

@pytest.fixture(scope="module")
def city_diff():
    return diff_documents(parse_file(OLD).to_dict(), parse_file(NEW).to_dict())


def verdicts(result):
    return {p["metric"]["id"]: (p["verdict"], p["target"]["text"], p["actual"]["text"]) for p in result["pairs"]}


def test_city_pairs_targets_for_2024_with_actuals_for_2024(city_diff):
    assert city_diff["year"] == 2024
    assert (city_diff["old"]["report_year"], city_diff["new"]["report_year"]) == (2024, 2025)
    got = verdicts(city_diff)
    assert got["gdp"] == ("missed", "6%左右", "5.2%")                   # 0.8 points short
    assert got["industrial_value_added"] == ("met", "5%—6%", "5.5%")    # a range met
    assert got["urban_new_jobs"] == ("exceeded", "1.2万人以上", "1.3万人")  # 8% above a floor: beyond 2%
    assert got["cpi"] == ("met", "3%左右", "0.3%")                      # CPI is a cap: kept
    assert got["energy_intensity"] == ("missed", "2.5%以上", "2.1%")    # a smaller decline than promised


def test_city_renamed_indicator_is_replaced_not_removed_and_added(city_diff):
    pair = next(p for p in city_diff["pairs"] if p["metric"]["id"] == "registered_unemployment_rate")
    assert pair["actual"]["metric"]["id"] == "surveyed_unemployment_rate"
    assert pair["verdict"] == "unclear"
    change = next(c for c in city_diff["target_changes"] if c["metric"]["id"] == "registered_unemployment_rate")
    assert change["change"] == "replaced"
    assert change["new"]["metric"]["id"] == "surveyed_unemployment_rate"
    listed = [e["metric"]["id"] for key in ("unmatched_targets", "dropped_targets", "new_targets", "unmatched_actuals")
              for e in city_diff[key]]
    assert "registered_unemployment_rate" not in listed
    assert "surveyed_unemployment_rate" not in listed


def test_city_target_changes(city_diff):
    changes = {c["metric"]["id"]: c for c in city_diff["target_changes"]}
    assert changes["gdp"]["change"] == "changed" and changes["gdp"]["delta"] == pytest.approx(-1)
    assert changes["urban_new_jobs"]["change"] == "kept"
    assert changes["cpi"]["delta"] == pytest.approx(-1)
    dropped = {c["metric"]["id"] for c in city_diff["dropped_targets"]}
    assert {"industrial_value_added", "energy_intensity"} <= dropped


# ---------------------------------------------------------------- Beijing, bundled in corpus/

@pytest.fixture(scope="module")
def beijing_diff():
    corpus = Path(__file__).resolve().parents[1] / "corpus" / "zh"
    old, new = corpus / "2025-beijing.txt", corpus / "2026-beijing.txt"
    return diff_documents(parse_file(old).to_dict(), parse_file(new).to_dict())


def test_beijing_gdp_target_met(beijing_diff):
    gdp = verdicts(beijing_diff)["gdp"]
    assert gdp == ("met", "5%左右", "5.4%")


def test_beijing_lists_the_headline_indicators_with_verdicts(beijing_diff):
    listed = {e["metric"]["id"]: e["verdict"] for e in beijing_diff["pairs"] + beijing_diff["unmatched_targets"]}
    assert {"gdp", "general_budget_revenue", "cpi", "surveyed_unemployment_rate"} <= set(listed)
    assert listed["surveyed_unemployment_rate"] == "met"        # 4.1% against 5%以内
    assert listed["general_budget_revenue"] == "exceeded"       # 4.8% is 0.8 points above 4%左右
    assert listed["cpi"] == "not_reported"                      # the 2026 report gives no CPI figure


# ---------------------------------------------------------------- the command

def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "reportparse.cli", *args], capture_output=True, text=True,
                          encoding="utf-8", timeout=300)


def test_cli_diff_markdown_of_two_reports(capsys):
    assert main(["diff", str(OLD), str(NEW), "--format", "md"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# 某某市")
    gdp_row = next(line for line in out.splitlines() if "(gdp)" in line)
    assert "6%左右" in gdp_row and "5.2%" in gdp_row and "missed" in gdp_row


def test_cli_diff_csv_rows_and_parsed_json_inputs(tmp_path, capsys):
    docs = []
    for source in (OLD, NEW):
        target = tmp_path / f"{source.stem}.json"
        target.write_text(json.dumps(parse_file(source).to_dict(), ensure_ascii=False), "utf-8")
        docs.append(str(target))
    assert main(["diff", *docs, "--format", "csv", "-o", str(tmp_path / "v.csv")]) == 0
    rows = list(csv.DictReader(io.StringIO((tmp_path / "v.csv").read_text("utf-8"))))
    by_id = {r["metric_id"]: r for r in rows}
    assert by_id["gdp"]["verdict"] == "missed"
    assert by_id["industrial_value_added"]["verdict"] == "met"
    assert {r["region"] for r in rows} == {"某某市"}


def test_cli_diff_from_store_by_region_and_all(tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["parse", str(OLD), str(NEW), "-o", str(out), "-q", "--jobs", "1"]) == 0
    db = str(out / "reportparse.sqlite")
    assert main(["diff", "--db", db, "--region", "某某市", "--years", "2024", "2025"]) == 0
    one = json.loads(capsys.readouterr().out)
    assert verdicts(one)["gdp"][0] == "missed"
    assert main(["diff", "--db", db, "--all", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {(r["region"], r["old_year"], r["new_year"]) for r in rows} == {("某某市", 2024, 2025)}
    assert len(rows) == len(one["pairs"]) + len(one["unmatched_targets"])


def test_cli_diff_errors_are_one_line(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"not": "a document"}', "utf-8")
    result = run_cli("diff", str(bad), str(NEW))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "bad.json" in result.stderr and "not a reportparse document" in result.stderr
    missing_region = run_cli("diff", "--region", "北京市", "--years", "2025", "2026")
    assert missing_region.returncode == 64 and "--db" in missing_region.stderr
    no_store = run_cli("diff", "--db", str(tmp_path / "none.sqlite"), "--region", "北京市", "--years", "2025", "2026")
    assert no_store.returncode == 1 and "no such store" in no_store.stderr
    assert not (tmp_path / "none.sqlite").exists()
