"""English numbers: digits with thousands separators (1,234.5), number words (twenty-five,
two hundred) and scale words (1.2 trillion, 650 million), from ``data/en/numbers.json``."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache

import regex

from ...lexicon import Lexicon
from ...recognise.patterns import alternation

DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"


@dataclass(frozen=True)
class NumberWords:
    """The number words of a language and the pattern of one number."""

    ones: dict[str, int]
    tens: dict[str, int]
    scales: dict[str, int]
    pattern: str

    def parse(self, written: str) -> Decimal:
        """The value of a number as written: '1,234.5', 'twenty-five', '1.2 trillion', 'two hundred thousand'.

        Raises ValueError when the text is not a number.
        """
        total = Decimal(0)
        current: Decimal | None = None
        for word in regex.split(r"[\s-]+", written.strip().lower()):
            if not word or word == "and":
                continue
            if word[0].isdigit():
                try:
                    current = (current or Decimal(0)) + Decimal(word.replace(",", ""))
                except InvalidOperation:
                    raise ValueError(written) from None
            elif word in self.ones or word in self.tens:
                current = (current or Decimal(0)) + (self.ones.get(word) or self.tens.get(word) or 0)
            elif word in self.scales:
                scale = self.scales[word]
                if scale == 100:
                    current = (current or Decimal(1)) * scale
                else:
                    total += (current or Decimal(1)) * scale
                    current = None
            else:
                raise ValueError(written)
        return total + (current or Decimal(0))


@cache
def number_words(lex: Lexicon) -> NumberWords:
    """The compiled number words of ``lex`` (English)."""
    raw = lex.raw["numbers"]
    ones, tens, scales = raw["ones"], raw["tens"], raw["scales"]
    small = rf"(?:(?:{alternation(list(tens))})(?:-(?:{alternation(list(ones))}))?|{alternation(list(ones))})"
    words = rf"{small}(?:\s+hundred(?:\s+(?:and\s+)?{small})?)?"
    scale = rf"(?:\s+(?:{alternation(list(scales))}))*"
    pattern = rf"(?:{DIGITS}|(?<![\w-]){words}(?![\w]))(?:{scale})(?![\w])"
    return NumberWords(ones, tens, scales, pattern)
