"""The assembly walk's span map (resolve.OrderedSpans) answers every span as the normalised
text's own map does, whether spans come in text order (the walk) or not."""

from __future__ import annotations

import random

from hypothesis import given
from hypothesis import strategies as st

from reportparse.lexicon import load_lexicon
from reportparse.normalise import NormalisedText, normalise
from reportparse.resolve import OrderedSpans

# Markdown marks, a joined line break, full-width digits and a clutter-free body: the copy
# leaves several stretches out, so spans fall inside stretches and across deletions.
TEXT = ("# 2023年政府工作报告\n\n**一、过去一年工作回顾**\n\n全市地区生产总值完成**785.6亿元**，增长５.４%；\n"
        "一般公共预算收入\n完成60亿元。\n\n- 新建学校12所\n- 城镇新增就业3.2万人\n")


def _norm() -> NormalisedText:
    n = normalise(TEXT, load_lexicon("zh"))
    assert len(n.starts) > 3  # the text must exercise several stretches
    return n


def _all_spans(n: NormalisedText) -> list[tuple[int, int]]:
    size = len(n.text)
    return [(s, e) for s in range(size + 1) for e in range(s, size + 1)]


def test_spans_in_text_order_map_as_the_copy_maps_them():
    n = _norm()
    spans = OrderedSpans(n)
    for start, end in _all_spans(n):
        assert spans.to_original(start, end) == n.to_original(start, end), (start, end)


def test_spans_in_any_order_map_as_the_copy_maps_them():
    n = _norm()
    spans, asked = OrderedSpans(n), _all_spans(n)
    random.Random(14).shuffle(asked)
    for start, end in asked:
        assert spans.to_original(start, end) == n.to_original(start, end), (start, end)


@given(st.lists(st.tuples(st.integers(0, 120), st.integers(0, 8)), min_size=1, max_size=4))
def test_original_text_of_unit_spans_is_the_copys(raw):
    n = _norm()
    size = len(n.text)
    units = tuple((min(s, size), min(s + length, size)) for s, length in raw)
    assert OrderedSpans(n).original_text(units) == n.original_text(units)
    assert OrderedSpans(n).original_text(units[:1]) == n.original_text(units[:1])


def test_an_empty_text_maps_its_empty_span():
    n = normalise("", load_lexicon("zh"))
    assert OrderedSpans(n).to_original(0, 0) == n.to_original(0, 0)
    assert OrderedSpans(n).original_text(((0, 0),)) == ""
