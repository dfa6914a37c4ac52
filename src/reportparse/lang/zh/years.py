"""Years written in a report: 2023年, １９８４年 (made half-width by normalise), 一九八三年, or with
the two mixed (二0一四年); a delivery line may write only the last two digits (——19年2月24日)."""

from __future__ import annotations

import regex

from .numerals import DIGITS

YEAR_SUFFIX = "年"
_CN = "一二三四五六七八九〇零○"
YEAR = rf"(?:(?:19|20)\d\d|[{_CN}]{{4}}|[12一二][09九〇零○][\d{_CN}]{{2}})"
YEAR_CHARS = 4  # every YEAR is four characters long
SHORT_YEAR = r"(?<!\d)\d\d"
YEAR_IN_TEXT = regex.compile(rf"({YEAR})年")
_ASCII_DIGITS = "0123456789"
_CENTURY_PIVOT = 50  # a two-digit year below this is of the 2000s (19 -> 2019), else of the 1900s (98 -> 1998)


def year_value(text: str) -> int | None:
    """The year a 4-character year string stands for (2023, 一九八三, 二0一四), None when it is none."""
    if not text or not all(ch in _ASCII_DIGITS or ch in DIGITS for ch in text):
        return None
    year = int("".join(ch if ch in _ASCII_DIGITS else str(DIGITS[ch]) for ch in text))
    return year if 1900 <= year <= 2100 else None


def dated_year(text: str) -> int | None:
    """The year of a date's year string: a full one (:func:`year_value`) or its last two digits
    (19 -> 2019, 98 -> 1998), as a delivery line may write it."""
    if len(text) == 2 and all(ch in _ASCII_DIGITS for ch in text):
        return int(text) + (2000 if int(text) < _CENTURY_PIVOT else 1900)
    return year_value(text)
