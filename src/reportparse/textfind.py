"""Where a string stands in a text, found with ``str.find``: many times as fast as a regex scan
over a whole text for one literal string.

>>> places("一带一路，一带", "一带")
[0, 5]
"""

from __future__ import annotations

__all__ = ["places"]


def places(text: str, needle: str) -> list[int]:
    """Every position where ``needle`` (not empty) starts in ``text``, in order, overlaps included."""
    found: list[int] = []
    i = text.find(needle)
    while i >= 0:
        found.append(i)
        i = text.find(needle, i + 1)
    return found
