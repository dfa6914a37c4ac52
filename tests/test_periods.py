"""Figures that are not one year's: one rule set (the pack's ``compare.json``) that claims, ``diff``
and the panel all read."""

from __future__ import annotations

import pytest

from reportparse.diff import spans_years
from reportparse.indicators import averages, multi_year, wording
from reportparse.lexicon import load_lexicon


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_diff_and_claims_read_one_rule_set(lang):
    lex = load_lexicon(lang)
    assert wording(lang).multi_year is multi_year(lex)
    for cue in lex.raw["compare"].get("average_cues", ()):
        assert cue in multi_year(lex).pattern  # an average is a multi-year figure too
    assert averages(lex).pattern in ("(?!)", "|".join(lex.raw["compare"].get("average_cues", ())))


def _claim(sentence: str, text: str) -> dict[str, str]:
    return {"sentence": sentence, "text": text}


@pytest.mark.parametrize(("sentence", "text"), [
    ("地区生产总值年均增长5%左右。", "5%左右"),
    ("国内生产总值比2002年增长65.5%。", "65.5%"),
    ("力争实现地区生产总值翻番。", "翻番"),
    ("“十四五”时期地区生产总值增长6%。", "6%"),
    ("今后五年地区生产总值增长7%。", "7%"),
    ("地区生产总值首次突破1万亿元。", "首次突破1万亿元"),
    ("十年来地区生产总值增长1.5倍。", "1.5倍"),
    ("一季度地区生产总值可比下降5%。", "5%"),
])
def test_multi_year_figures_leave_the_year(sentence, text):
    assert spans_years(_claim(sentence, text), "zh")


@pytest.mark.parametrize(("sentence", "text"), [
    ("地区生产总值增长5.2%。", "5.2%"),
    ("细颗粒物年均浓度29微克/立方米左右。", "29微克/立方米左右"),  # an annual mean is one year's
    ("预计地区生产总值增长6%。", "6%"),
])
def test_one_years_figures_stay(sentence, text):
    assert not spans_years(_claim(sentence, text), "zh")
