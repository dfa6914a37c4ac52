"""The counted noun after a measure word (370个重大项目 -> 重大项目), cut with jieba.

Also the memo the metric finder keeps per question: a document's phrases and nouns come back.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import TypeVar

import regex

from ...lexicon import Lexicon
from ...mention import Mention
from .cues import Cues, holds_any
from .numerals import COMMON_SCALES
from .tokenise import tokens
from .views import cue_words, grammar

_T = TypeVar("_T")
_DIGIT = regex.compile(r"\d")
_NUMBER_AND_MEASURE = regex.compile(rf"\d+(?:\.\d+)?[{COMMON_SCALES}]*\w")
_CUT = 24  # the characters after the measure word that are cut into tokens


class Memo(dict[str, _T]):
    """``make(key)``, made once per key: a finder keeps one memo per question for its text, where
    the same phrases come back (two in five metric look-ups and half the counted nouns are repeats);
    a repeat costs one dict look-up."""

    def __init__(self, make: Callable[[str], _T]) -> None:
        super().__init__()
        self.make = make

    def __missing__(self, key: str) -> _T:
        value = self[key] = self.make(key)
        return value


@cache
def _parentheses(lex: Lexicon) -> regex.Pattern[str]:
    """A parenthesis with its content (（含税）, (GDP))."""
    g = grammar(lex)
    return regex.compile("|".join(f"{regex.escape(o)}[^{regex.escape(o + c)}]*{regex.escape(c)}"
                                  for o, c in zip(g.bracket_opens, g.bracket_closes)))


class CountedNouns:
    """Finds the noun a count or amount counts in one normalised text; each distinct tail is cut
    once (a memo of the noun, not only of the tokens: a repeat costs no token walk either)."""

    def __init__(self, text: str, lex: Lexicon, cues: Cues) -> None:
        c, g = cue_words(lex), grammar(lex)
        self.text = text
        self.lex = lex
        self.stops = cues.stops
        self.stop_or_digit = cues.stop_or_digit
        self.grammar = g
        self.modifier_ends = tuple(c.modifier_suffixes)
        self.conjunctions = frozenset(c.conjunctions)
        self.parentheses = _parentheses(lex)
        self.bracket_starts = tuple(sorted({o[0] for o in g.bracket_opens}))  # what ``parentheses`` starts with
        self.noun_end = re.compile(f"[{re.escape(lex.segment.clause_ends + g.list_comma)}]")  # ends a noun
        self._nouns = Memo(self._noun_of)

    def after(self, m: Mention, sentence_end: int) -> str:
        """The noun after the measure word of ``m``: 370个重大项目 -> 重大项目."""
        tail = self.noun_end.split(self.text[m.end : min(sentence_end, m.end + 64)], maxsplit=1)[0]
        if holds_any(tail, self.bracket_starts):
            tail = self.parentheses.sub("", tail)
        return self._nouns[tail.lstrip(self.grammar.possessive)[:_CUT]]

    def _noun_of(self, tail: str) -> str:
        """The counted noun at the start of ``tail``: the tokens before the first stop word or number.
        A tail holding neither is the noun whole, however jieba would cut it (its tokens join to the
        tail), so it is not cut: six tails in ten."""
        if not self.stop_or_digit.search(tail):
            return tail.strip(self.grammar.noun_strip)
        toks = tokens(tail, self.lex)
        noun, stop = self._noun_tokens(toks)
        if stop < len(toks) - 1 and toks[stop] in self.conjunctions and noun.endswith(self.modifier_ends) \
                and (second := _NUMBER_AND_MEASURE.match("".join(toks[stop + 1 :]))):
            # 3个万亿级和7个千亿级产业集群: the second conjunct carries the shared head noun
            rest = "".join(toks[stop + 1 :])[second.end() :]
            noun += toks[stop] + self._noun_tokens(tokens(rest, self.lex))[0]
        return noun.strip(self.grammar.noun_strip)

    def _noun_tokens(self, toks: list[str]) -> tuple[str, int]:
        """The tokens before the first stop word or number, joined, and where they stop."""
        for i, tok in enumerate(toks):
            if tok in self.stops or _DIGIT.search(tok):
                return "".join(toks[:i]), i
        return "".join(toks), len(toks)
