"""The noise look-ups of one whole text the recogniser's filters ask about a number: the fixed
terms (一带一路) and the short quotations (“三个一批”) around its position."""

from __future__ import annotations

import bisect
from collections.abc import Iterable

from ...lexicon import Lexicon
from .patterns import QuantityPatterns, quantity_patterns
from .views import Grammar, Noise, grammar, noise


def positions(text: str, marks: Iterable[str]) -> list[int]:
    """Where any of the one-character ``marks`` stands in ``text``, in order (a character search
    with str.find is many times faster than a regex scan over the whole text)."""
    found: list[int] = []
    for mark in marks:
        i = text.find(mark)
        while i >= 0:
            found.append(i)
            i = text.find(mark, i + 1)
    found.sort()
    return found


class TextNoise:
    """Noise look-ups over one whole text: fixed terms and quotations around a position."""

    def __init__(self, text: str, lex: Lexicon) -> None:
        self.text = text
        self.lex = lex
        self.pats: QuantityPatterns = quantity_patterns(lex)
        self.noise: Noise = noise(lex)
        self.grammar: Grammar = grammar(lex)
        self.phrase_reach = max((len(p) for p in self.noise.phrases), default=0)
        self.quote_positions = positions(text, {*self.noise.quote_chars, *self.noise.quote_chars.values()})

    def in_noise_phrase(self, start: int, end: int) -> bool:
        """True when [start, end) overlaps a fixed term (一带一路, 进一步) that is not inside it
        (万一 inside 一万一千 is part of the number)."""
        near, overlapped = self.pats.noise_phrases, self.pats.noise_phrases_all
        lo, hi = max(0, start - self.phrase_reach + 1), end + self.phrase_reach - 1
        if near is None or overlapped is None or near.search(self.text, lo, hi) is None:
            return False  # most numbers stand near none
        for m in overlapped.finditer(self.text, lo, hi, overlapped=True):
            if m.start() < end and start < m.end() and not (start <= m.start() and m.end() <= end):
                return True
        return False

    def near_quote(self, start: int, end: int) -> bool:
        """True when a quotation mark stands within reach of [start, end)."""
        limit = self.noise.quote_max_chars
        i = bisect.bisect_left(self.quote_positions, start - limit)
        return i < len(self.quote_positions) and self.quote_positions[i] < end + limit

    def quoted(self, start: int, end: int) -> bool:
        """True when [start, end) sits inside a short quotation (“三个一批”, "125")."""
        text, limit = self.text, self.noise.quote_max_chars
        line_start = text.rfind("\n", 0, start) + 1
        for open_q, close_q in self.noise.quote_chars.items():
            left = text.rfind(open_q, max(0, start - limit), start)
            if left < 0 or (open_q != close_q and text.find(close_q, left + 1, start) >= 0):
                continue
            if open_q == close_q and text.count(open_q, line_start, start) % 2 == 0:
                continue  # "十四五"期间GDP增长5%: the quote before closes an earlier one
            right = text.find(close_q, end, end + limit)
            if right >= 0 and right - left - 1 <= limit:
                return True
        return False
