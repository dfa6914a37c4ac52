"""Traditional Chinese: a simplified copy of the same length for the recognisers and lexicons.

OpenCC (the optional ``traditional`` extra) converts; the copy keeps one character for one, so
the offset map of :mod:`reportparse.normalise` stays exact and spans still point at the
traditional original. A text counts as traditional when a fair share of the different Chinese characters it uses
exist in Big5 but not in GB2312 (the simplified national character set).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

_CJK = re.compile(r"[\u4e00-\u9fff]")
_REFERENCE = re.compile(rb"&#(\d+);")  # a character the codec lacks, as xmlcharrefreplace writes it
_SAMPLE_CHARS = 20_000
_OPENING_CHARS = 1_000  # where a simplified text with a few traditional characters shows too many others
_MIN_SHARE = 0.05


def is_traditional(text: str) -> bool:
    """True when the text (its first 20,000 characters) is written in traditional characters."""
    sample = text[:_SAMPLE_CHARS]
    if "&#" in sample:  # the codec's references could not be told from the text's own
        return _traditional_share(len(_lacking(_distinct_cjk(sample))), sample)
    return _traditional_share(len(_lacking(sample)), sample)


def _traditional_share(lacking: int, sample: str) -> bool:
    """True when ``lacking`` (the count of different traditional characters in ``sample``) is a fair
    share of the different Chinese characters ``sample`` uses. The share can only fall as more
    characters are counted, so a share too small in the opening is too small in the whole sample:
    a simplified text with a rare character or two is answered without counting all of it."""
    if not lacking:
        return False  # the common case, found by the codec alone: no character is traditional
    if lacking < _MIN_SHARE * len(_distinct_cjk(sample[:_OPENING_CHARS])):
        return False
    return lacking >= _MIN_SHARE * len(_distinct_cjk(sample))


def _distinct_cjk(text: str) -> str:
    """The Chinese characters of ``text``, each once."""
    return "".join(_CJK.findall("".join(set(text))))


def _lacking(text: str) -> set[str]:
    """The Chinese characters of ``text`` (without "&#") that GB2312 lacks and Big5 has: only
    those can be traditional. The codec finds the characters it lacks in one pass."""
    codes = {int(code) for code in _REFERENCE.findall(text.encode("gb2312", "xmlcharrefreplace"))}
    return {ch for ch in map(chr, codes) if _CJK.match(ch) and _in_big5(ch)}


@cache
def _in_big5(ch: str) -> bool:
    try:
        ch.encode("big5")
    except UnicodeEncodeError:
        return False
    return True


@cache
def converter() -> Any | None:
    """OpenCC's traditional-to-simplified converter, or None when OpenCC is not installed."""
    try:
        import opencc
    except ImportError:
        return None
    return opencc.OpenCC("t2s")


def simplified(text: str) -> str:
    """``text`` in simplified characters, one for one, when it is traditional and OpenCC is installed.

    Otherwise ``text`` itself. Where OpenCC turns a phrase into one of another length, that
    line is converted character by character, and a character that would become several is kept.
    """
    if not is_traditional(text):
        return text
    conv = converter()
    if conv is None:
        return text
    out = str(conv.convert(text))
    if len(out) == len(text):
        return out
    return "".join(_line(conv, line) for line in text.splitlines(keepends=True))


def _line(conv: Any, line: str) -> str:
    out = str(conv.convert(line))
    if len(out) == len(line):
        return out
    return "".join(c if len(c := conv.convert(ch)) == 1 else ch for ch in line)
