"""Years written in a report: 2023年, １９８４年 (made half-width by normalise) or 一九八三年."""

from __future__ import annotations

import regex

from .numerals import DIGITS

YEAR_SUFFIX = "年"
YEAR = r"(?:(?:19|20)\d\d|[一二三四五六七八九〇零○]{4})"
YEAR_IN_TEXT = regex.compile(rf"({YEAR})年")


def year_value(text: str) -> int | None:
    """The year a 4-character year string stands for (2023, 一九八三), None when it is none."""
    if text.isdigit():
        year = int(text)
    elif all(ch in DIGITS for ch in text):
        year = int("".join(str(DIGITS[ch]) for ch in text))
    else:
        return None
    return year if 1900 <= year <= 2100 else None
