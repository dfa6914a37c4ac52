"""The named rules of the English pack: each filter, range check and assembly rule can be read,
tested and switched alone, and ``reportparse.explain_text`` names the one that decided."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import fields
from pathlib import Path

import pytest

import reportparse
from reportparse.lang.en import filters, kind, metric, ranges, views
from reportparse.lang.en.patterns import compile_patterns
from reportparse.lexicon import load_lexicon

ROOT = Path(__file__).resolve().parents[3]
HEAD = ("2024 Report on the Work of the Government\n"
        "Delivered at the Second Session of the 14th National People's Congress on March 5, 2024\n\n")


def _decisions(body: str, written: str) -> list[dict]:
    """The decisions about the number expression ``written`` (its first occurrence in ``body``)."""
    text = HEAD + body
    start = text.index(written, len(HEAD))
    return [d for d in reportparse.explain_text(text, "en") if d["span"][0] == start]


@pytest.mark.parametrize(("body", "written", "rule"), [
    ("In 2023, GDP grew by 5.2 percent.\n", "2023", "en.filter.year"),
    ("The plenary opened on March 5 with 3,000 deputies.\n", "5", "en.filter.date"),
    ("During the two sessions, revenue grew by 6 percent.\n", "two", "en.filter.name"),
    ("Energy use per 10,000 yuan of GDP fell by 3 percent.\n", "10,000 yuan", "en.filter.denominator"),
    ("We sent a 12-member team, and GDP grew by 5 percent.\n", "12", "en.filter.hyphenated"),
    ("In the first half of the year, revenue grew by 6 percent.\n", "half", "en.filter.half_of_period"),
    ("We placed first priority on jobs, and revenue grew by 6 percent.\n", "first", "en.filter.not_a_rank"),
])
def test_explain_names_the_filter_that_dropped_a_candidate(body, written, rule):
    decisions = _decisions(body, written)
    assert [d["rule"] for d in decisions] == [rule]
    assert decisions[0]["outcome"] == "dropped" and decisions[0]["reason"]


def test_explain_command_names_the_english_rules(tmp_path):
    """Through the command line: the year of the delivery line is dropped by the year filter, the
    target's recogniser, kind, metric and timing rules are named before its claim."""
    report = tmp_path / "report.txt"
    report.write_text(HEAD + "II. Government Work Tasks for 2024\nGDP growth of around 5 percent is projected.\n",
                      encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "reportparse.cli", "explain", str(report), "--format", "jsonl"],
                         capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert run.returncode == 0, run.stderr
    lines = [json.loads(line) for line in run.stdout.splitlines()]
    assert any(d["text"] == "2024" and d["rule"] == "en.filter.year" and d["outcome"] == "dropped" for d in lines)
    target = {(d["stage"], d["rule"]): d["reason"] for d in lines if d["text"] == "around 5 percent"}
    assert target == {
        ("recognise", "en.digits"): "unit percent",
        ("assemble", "en.kind.growth_before"): "growth",
        ("assemble", "en.metric.in_clause"): "GDP growth",
        ("assemble", "en.timing.plan"): "target 2024",
        ("resolve", "en.digits"): "growth target 2024 metric=gdp",
    }


def test_a_heading_number_is_found_but_never_a_claim():
    decisions = _decisions("1. Expanding domestic demand\nRetail sales grew by 7.2 percent.\n", "1")
    outcomes = {(d["stage"], d["rule"]): d["outcome"] for d in decisions}
    assert outcomes[("recognise", "en.digits")] == "found"
    assert outcomes[("recognise", "en.claimable.no_unit")] == "not claimable"
    assert "claim" not in outcomes.values()


def test_a_from_to_pair_is_two_values_and_the_split_is_explained():
    text = HEAD + "The deficit rose from 3 percent to 3.8 percent.\n"
    decisions = reportparse.explain_text(text, "en")
    split = [d for d in decisions if d["rule"] == "en.range.split"]
    assert [d["text"] for d in split] == ["3 percent to 3.8 percent"]
    assert split[0]["reason"] == "from one value to another"
    claims = [d["text"] for d in decisions if d["outcome"] == "claim"]
    assert claims == ["3 percent", "3.8 percent"]
    assert any(d["rule"] == "en.period.from_value" and d["text"] == "3 percent" for d in decisions)


@pytest.mark.parametrize(("body", "written", "expected"), [
    ("In 2023, GDP grew by 5.2 percent.\n", "5.2 percent",
     {"en.kind.growth_cue": "growth", "en.metric.in_clause": "GDP", "en.timing.review_lead_year": "actual 2023"}),
    ("In 2023, 12.44 million new urban jobs were added.\n", "12.44 million",
     {"en.kind.amount_level": "level", "en.metric.counted_noun": "new urban jobs"}),
    ("In 2023, retail sales saw a 7.2 percent increase.\n", "7.2 percent", {"en.kind.post_growth": "growth"}),
])
def test_explain_names_the_assembly_rules(body, written, expected):
    decisions = {d["rule"]: d["reason"] for d in _decisions(body, written)}
    for rule, reason in expected.items():
        assert decisions.get(rule) == reason, (rule, decisions)


def _match(text: str, written: str):
    pats = compile_patterns(load_lexicon("en"))
    return next(m for m in pats.mention.finditer(text) if m.group("num") == written), pats


@pytest.mark.parametrize(("name", "text", "written"), [
    ("date", "on March 5 the session opened", "5"),
    ("name", "the two sessions opened", "two"),
    ("hyphenated", "a 12-member team", "12"),
    ("denominator", "energy use per 10,000 yuan of GDP", "10,000"),
    ("year", "in 2023 the economy", "2023"),
])
def test_each_filter_alone_drops_its_case_and_no_other_filter_does(name, text, written):
    m, pats = _match(text, written)
    verdicts = {filter_name: predicate(text, m, pats) for filter_name, predicate in filters.FILTERS}
    assert verdicts[name] is not None
    assert [n for n, reason in verdicts.items() if reason is not None] == [name]


def test_filters_keep_a_plain_quantity():
    text = "revenue grew by 6.4 percent"
    m, pats = _match(text, "6.4")
    assert all(predicate(text, m, pats) is None for _, predicate in filters.FILTERS)
    assert not filters.dropped(text, m, pats)


def test_rule_names_are_unique():
    for rules in (filters.FILTERS, kind.RULES, metric.RULES):
        names = [name for name, _ in rules]
        assert len(names) == len(set(names))
    assert kind.DEFAULT[0] not in dict(kind.RULES)


_VIEWS = {"numbers": (views.NumberData, "en_numbers"), "ranking": (views.RankingData, "en_ranking"),
          "cues": (views.CueData, "en_cues"), "meta": (views.MetaData, "en_meta")}


@pytest.mark.parametrize("file", sorted(_VIEWS))
def test_typed_views_mirror_the_schema(file):
    """Each field of a view is a required key of the file's schema definition, and each key of
    the definition is a field (the pack reads no key through raw look-ups)."""
    cls, definition = _VIEWS[file]
    schema = json.loads((ROOT / "schemas" / "lexicon.schema.json").read_text("utf-8"))["$defs"][definition]
    assert {f.name for f in fields(cls)} == set(schema["required"]) - {"inner", "comparative_prefixes"}
    assert set(schema["properties"]) == set(schema["required"])


def test_typed_views_are_built_once_per_lexicon():
    lex = load_lexicon("en")
    data = views.english_data(lex)
    assert views.english_data(lex) is data
    assert data.meta.province_level_cities == ("Beijing", "Shanghai", "Tianjin", "Chongqing")
    assert data.qualifiers.prefix["around"] == "approx"
    assert data.units.implied["jobs"] == "person"


@pytest.mark.parametrize(("text", "reason"), [
    ("targets of 6 to 6.5 percent", None),
    ("between 6 and 6.5 percent", None),
    ("$1 billion to $2 billion", None),
    ("fell 6.5 to 6 percent", "the second number is not higher"),
    ("0.6 percent to $3.38 trillion", "no unit after the second number"),
    ("$1 to 2 billion dollars", "a currency sign on one number only"),
    ("5 percent to 6 yuan", "two different units"),
    ("the rate rose from 5 percent to 6 percent", "from one value to another"),
    ("spending 2021-2025 yuan", "a span of years"),
])
def test_each_range_check_names_why_two_numbers_are_not_one_range(text, reason):
    pats = compile_patterns(load_lexicon("en"))
    m = next(m for m in pats.mention.finditer(text) if m.group("num2"))
    low, high = pats.numbers.parse(m.group("num")), pats.numbers.parse(m.group("num2"))
    assert ranges.rejected(m, low, high, pats, text) == reason
