"""The segmenter reads a paragraph's numberless sentences only for the context they set: those
with a cue word, and every one while 今后五年 is in force."""

from __future__ import annotations

from reportparse.lang.zh.segment import segment
from reportparse.lexicon import load_lexicon


def _periods(text: str, report_year: int, numbers: list[str]) -> list[tuple[str, int | None]]:
    starts = [text.index(n) for n in numbers]
    sentences = segment(text, load_lexicon("zh"), report_year, starts)
    return [(text[s.start:s.end], s.period) for s in sentences]


def test_a_numberless_sentence_naming_the_report_year_ends_the_years_ahead():
    # 今后五年 (2021-2025) dates the targets after it 2025, until a sentence names the report year
    # (2021年...): that sentence holds no number and no cue word, but it is read.
    text = "二、2021年工作安排\n今后五年，目标宏伟。全面推进改革。GDP增长6%。2021年要抓好落实。投资增长8%。"
    assert _periods(text, 2021, ["6%", "8%"])[1:] == [("GDP增长6%。", 2025), ("投资增长8%。", 2021)]


def test_a_numberless_sentence_with_a_cue_word_moves_the_context():
    # in a plan part, 过去一年 opening a numberless sentence turns the paragraph's numbers to last year
    text = "二、2021年工作安排\n过去一年，成绩来之不易。全省生产总值增长6%。\n今年投资增长8%。"
    assert _periods(text, 2021, ["6%", "8%"])[1:] == [("全省生产总值增长6%。", 2020), ("今年投资增长8%。", 2021)]
