"""The compiled patterns of the Chinese segmenter (:mod:`.segment`), built once per lexicon from
the pack's data: the years and cue words that give a sentence its reading context."""

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
