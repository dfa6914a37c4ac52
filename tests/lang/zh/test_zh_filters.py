"""The recogniser's filters one by one: each is a predicate that can be read and tested alone."""

from __future__ import annotations

import pytest

from reportparse.lang.zh import filters
from reportparse.lang.zh.filters import Candidate, TextNoise, first_drop, positions
from reportparse.lang.zh.patterns import MentionGroups, quantity_patterns
from reportparse.lexicon import load_lexicon


def _candidate(text: str, fragment: str) -> Candidate:
    """The candidate whose match reads ``fragment`` in ``text``."""
    lex = load_lexicon("zh")
    noise = TextNoise(text, lex)
    for m in quantity_patterns(lex).mention.finditer(text):
        if m.group() == fragment:
            return Candidate(m, MentionGroups(m), noise)
    raise AssertionError(f"no match {fragment!r} in {text!r}")


@pytest.mark.parametrize(("check", "text", "fragment", "drops"), [
    (filters.year, "2025年经济增长", "2025年", True),
    (filters.year, "完成投资2025亿元", "2025亿元", False),
    (filters.ordinal, "第十七届运动会", "十七", True),
    (filters.ordinal, "新建十七所学校", "十七所", False),
    (filters.latin_code, "建成5G基站", "5", True),
    (filters.latin_code, "增长5%", "5%", False),
    (filters.heading_number, "\n3、加强建设", "3", True),
    (filters.heading_number, "完成3个项目、", "3个", False),
    (filters.demonstrative, "这两个指标", "两个", True),
    (filters.demonstrative, "完成两个项目", "两个", False),
])
def test_a_filter_alone(check, text, fragment, drops):
    reason = check(_candidate(text, fragment))
    assert (reason is not None) == drops
    if drops:
        assert reason and reason.isascii()  # a reason in words, for the explain trace


def test_first_drop_names_the_first_filter_in_order():
    """第2025年: both an ordinal and a year; the ordinal filter comes first."""
    assert first_drop(_candidate("第2025年", "2025年")) == ("ordinal", "an ordinal")


def test_a_number_with_a_digit_skips_the_numeral_filters():
    """A number with an Arabic digit is never a numeral inside a word: 2个 after 这 is a count."""
    assert first_drop(_candidate("这2个项目", "2个")) is None
    assert filters.demonstrative(_candidate("这2个项目", "2个")) is not None


def test_positions_of_marks_in_order():
    assert positions("“三个一批”和《十四五》", "“”《》") == [0, 5, 7, 11]
    assert positions("no quotes", "“”") == []
