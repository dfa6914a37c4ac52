"""The compiled patterns of the Chinese segmenter (:mod:`.segment`), built once per lexicon from
the pack's data: the years and cue words that give a sentence its reading context; and how it
splits sentences and finds bare list numbers."""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

import regex

from ...lexicon import Lexicon
from ...recognise.patterns import alternation
from .numerals import COUNTING_DIGITS
from .spans import PlanSpans
from .views import cue_words, grammar
from .years import YEAR, YEAR_SUFFIX

_BARE_NUMBER = regex.compile(r"\s*\d+\s*")
_IDEOGRAPHS = (0x4E00, 0x9FFF)  # the CJK Unified Ideographs block: letters, never a blank or a digit


class SegmentPatterns(NamedTuple):
    """The segmenter's compiled patterns of one language (built once per lexicon). Those of literal
    words and characters use the stdlib ``re`` (faster calls); those reading digits (``\\d``) keep
    the regex package's Unicode tables, as the recognisers do."""

    leading_year: regex.Pattern[str]  # a year opening a paragraph as the year it is about
    by_year: regex.Pattern[str]  # a target year (到2025年)
    follow_cue: re.Pattern[str]  # any word that may move the context
    main_target: re.Pattern[str]  # a main-targets cue (主要预期目标)
    this_year: re.Pattern[str]  # a word for this year (今年)


@cache
def segment_patterns(lex: Lexicon) -> SegmentPatterns:
    """The segmenter's patterns: a year opening a paragraph (2022年，...; not 2022年3月, 2022年以来), a
    target year (到2025年), the words the context follows and the cues tested on
    every sentence with a number."""
    g, cues = grammar(lex), cue_words(lex)
    not_about = rf"[\d{COUNTING_DIGITS}]+{regex.escape(g.month_word)}|{alternation(g.since_words)}"
    followed = [*cues.review_openers, *cues.review_closers, *cues.years_ahead_cues]
    span_chars = "".join(sorted(PlanSpans(lex, None).chars))
    return SegmentPatterns(regex.compile(rf"^\s*({YEAR}){YEAR_SUFFIX}(?!{not_about})"),
                            regex.compile(rf"{regex.escape(g.by_year_word)}({YEAR}){YEAR_SUFFIX}"),
                            re.compile(rf"[{regex.escape(span_chars)}]|{alternation(followed)}"),
                            re.compile(alternation(cues.main_target_cues)),
                            re.compile(alternation(cues.this_year_words)))


def bare_number(line: str) -> bool:
    """True for a line of blanks and digits only (a bare list number); a line opening with a CJK
    ideograph (most lines) is not one, and is answered without the pattern."""
    return not _IDEOGRAPHS[0] <= ord(line[0]) <= _IDEOGRAPHS[1] and _BARE_NUMBER.fullmatch(line) is not None


def sentence_spans(body: str, pos: int, terminators: str) -> list[tuple[int, int]]:
    """The spans of the sentences of ``body`` from ``pos`` on: a run of other characters with the run
    of ``terminators`` after it (what the pattern ``[^T]+[T]*`` finds, by ``str.find`` of each
    terminator: many times as fast on Chinese text)."""
    spans = []
    while pos < len(body) and body[pos] in terminators:
        pos += 1  # terminators before the first sentence belong to none
    found = [(t, i) for t in terminators if (i := body.find(t, pos)) >= 0]  # those the body holds
    marks, upcoming = [t for t, _ in found], [i for _, i in found]  # each one's next place (-1: none)
    while pos < len(body):
        end = len(body)
        for k, i in enumerate(upcoming):
            if 0 <= i < pos:
                i = upcoming[k] = body.find(marks[k], pos)
            if 0 <= i < end:
                end = i
        while end < len(body) and body[end] in terminators:
            end += 1
        spans.append((pos, end))
        pos = end
    return spans
