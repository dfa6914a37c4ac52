"""Language of a report text: Chinese or English, from its characters."""

from __future__ import annotations

import regex

_HAN = regex.compile(r"\p{Han}")
_LATIN = regex.compile(r"[A-Za-z]")
_SAMPLE = 20000  # the opening of a report tells its language


def detect_language(text: str) -> str:
    """``en`` when Latin letters outnumber Chinese characters more than two to one in the
    text's opening, else ``zh`` (the default for empty or number-only text)."""
    sample = text[:_SAMPLE]
    han = len(_HAN.findall(sample))
    latin = len(_LATIN.findall(sample))
    return "en" if latin > 2 * han and latin >= 3 else "zh"
