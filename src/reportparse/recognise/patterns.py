"""Pattern builders shared by every language's recognisers."""

from __future__ import annotations

from collections.abc import Iterable

import regex


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first (so 亿元 beats 元).

    >>> alternation(["元", "亿元", "元"])
    '亿元|元'
    """
    unique = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(regex.escape(w) for w in unique if w)
