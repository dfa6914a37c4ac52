"""Language of a report text: Chinese or English, from its characters."""

from __future__ import annotations

import re

# the CJK ideograph blocks, with the stdlib re (faster here than the regex package's \p{Han})
_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ebef]")
_LATIN = re.compile("[A-Za-z]")
_SAMPLE = 4000  # the opening of a report tells its language


def detect_language(text: str) -> str:
    """``en`` when Latin letters outnumber Chinese characters more than two to one in the
    text's opening, else ``zh`` (the default for empty or number-only text)."""
    sample = text[:_SAMPLE]
    han = len(_HAN.findall(sample))
    latin = len(_LATIN.findall(sample))
    return "en" if latin > 2 * han and latin >= 3 else "zh"
