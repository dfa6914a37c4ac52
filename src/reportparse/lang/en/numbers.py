"""English numbers: digits with thousands separators (1,234.5), number words (twenty-five,
two hundred) and scale words (1.2 trillion, 650 million), from ``data/numbers.json``."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache

import regex

from ...lexicon import Lexicon
from ...recognise.patterns import alternation
from .views import english_data

DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_HUNDRED = 100


@dataclass(frozen=True)
class NumberWords:
    """The number words of a language and the pattern of one number."""

    ones: Mapping[str, int]
    tens: Mapping[str, int]
    scales: Mapping[str, int]
    joiners: frozenset[str]
    pattern: str

    def parse(self, written: str) -> Decimal:
        """The value of a number as written: '1,234.5', 'twenty-five', '1.2 trillion', 'two hundred thousand'.

        Raises ValueError when the text is not a number.

        >>> from reportparse.lexicon import load_lexicon
        >>> number_words(load_lexicon("en")).parse("two hundred and five thousand")
        Decimal('205000')
        """
        total = Decimal(0)
        current: Decimal | None = None
        for word in regex.split(r"[\s-]+", written.strip().lower()):
            if not word or word in self.joiners:
                continue
            if word in self.scales:
                total, current = self._scaled(total, current, self.scales[word])
            else:
                current = (current or Decimal(0)) + self._term(word, written)
        return total + (current or Decimal(0))

    def _term(self, word: str, written: str) -> Decimal:
        """The value of one word that adds to the number: digits or a ones or tens word."""
        if word[0].isdigit():
            try:
                return Decimal(word.replace(",", ""))
            except InvalidOperation:
                raise ValueError(written) from None
        if word in self.ones or word in self.tens:
            return Decimal(self.ones.get(word) or self.tens.get(word) or 0)
        raise ValueError(written)

    @staticmethod
    def _scaled(total: Decimal, current: Decimal | None, scale: int) -> tuple[Decimal, Decimal | None]:
        """A scale word multiplies the number before it: hundred within a group, larger scales
        close the group (two hundred thousand)."""
        if scale == _HUNDRED:
            return total, (current or Decimal(1)) * scale
        return total + (current or Decimal(1)) * scale, None


@cache
def number_words(lex: Lexicon) -> NumberWords:
    """The compiled number words of ``lex`` (English)."""
    data = english_data(lex).numbers
    ones, tens, scales = data.ones, data.tens, data.scales
    small = rf"(?:(?:{alternation(tens)})(?:-(?:{alternation(ones)}))?|{alternation(ones)})"
    hundred = alternation(w for w, v in scales.items() if v == _HUNDRED)
    joiner = alternation(data.number_joiners)
    words = rf"{small}(?:\s+(?:{hundred})(?:\s+(?:(?:{joiner})\s+)?{small})?)?"
    scale = rf"(?:\s+(?:{alternation(scales)}))*"
    pattern = rf"(?:{DIGITS}|(?<![\w-]){words}(?![\w]))(?:{scale})(?![\w])"
    return NumberWords(ones, tens, scales, frozenset(data.number_joiners), pattern)
