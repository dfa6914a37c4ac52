"""Numbers typeset with spaces inside (the 1998 national report): one quantity, one claim, and
every span (claim, unit, explain note) pointing at the text as written."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import reportparse
from reportparse.lang.zh.spaced import _patterns, _spaced_numbers

TEXT = "一、1997年工作回顾\n1 9 9 7 年国内生产总值达到7 4 7 7 2 亿元，研究生1 7 ．5 万人，钢产量达到1 亿吨以上。"


def test_spaced_figures_are_one_quantity_each():
    found = [(q.text, q.value, q.unit, q.unit_text) for q in reportparse.find_quantities(TEXT, lang="zh")]
    assert found == [("7 4 7 7 2 亿元", 7477200000000, "CNY", "亿元"), ("1 7 ．5 万人", 175000, "person", "万人"),
                     ("1 亿吨以上", 100000000, "ton", "亿吨")]


def test_explain_notes_point_at_the_text_as_written():
    notes = reportparse.explain_text(TEXT, lang="zh")
    found = [n for n in notes if n["stage"] == "recognise" and n["outcome"] == "found"]
    assert [n["text"] for n in found] == ["7 4 7 7 2 亿元", "1 7 ．5 万人", "1 亿吨以上"]
    for n in notes:
        assert TEXT[n["span"][0] : n["span"][1]] == n["text"], n
    years = [n["text"] for n in notes if n["rule"] == "zh.filter.year"]
    assert years == ["1997年", "1 9 9 7 年"]  # the spaced year is dropped as a year, like the plain one


def test_chinese_groups_that_can_only_be_one_number_are_joined():
    cases = {
        "三千 八百 九十六 万 四千 九百 六十五": 38964965,  # places fall within each section of 万
        "一百 五 十 二": 152,
        "二十 億": 2000000000,
        "四百 点 五": 400.5,
        "十 余 万": 100000,
    }
    for text, value in cases.items():
        found = reportparse.find_quantities(text, lang="zh")
        assert [(q.text, q.value) for q in found] == [(text, value)], text


def test_groups_that_may_be_two_numbers_stay_apart():
    assert [q.text for q in reportparse.find_quantities("三千 五千", lang="zh")] == ["三千", "五千"]
    assert reportparse.find_quantities("一 二 三", lang="zh") == []  # digits alone are a list
    # a run whose places do not fall is joined nowhere (which groups belong together is unknown)
    assert [q.text for q in reportparse.find_quantities("三千 八百 九千", lang="zh")] == ["三千", "八百", "九千"]


# The scan tries the spaced pattern only near a space that may open a spaced number; it must find
# exactly what the pattern's own finditer finds.
_SPACED_ALPHABET = "0123456789 .．一二三四五六七八九十百千万亿点成折年元人的和\n"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_SPACED_ALPHABET, max_size=40), st.sampled_from(["", "成折"]))
def test_the_scan_near_spaces_finds_what_finditer_finds(text: str, tenths: str):
    spaced = _patterns(tenths)[0]
    assert [m.span() for m in _spaced_numbers(text, tenths)] == [m.span() for m in spaced.finditer(text)]
