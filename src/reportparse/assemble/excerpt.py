"""A claim's sentence as the claim carries it: whole, or a window of a long one. Its own module
because :class:`Excerpt` subclasses ``str``, which the compiled build cannot compile (setup.py
compiles the rest of :mod:`assemble`)."""

from __future__ import annotations

SENTENCE_MAX = 1000
"""The longest ``sentence`` a claim carries, in characters: a longer sentence (a line without
punctuation) is cut to a window of this many characters around the claim, so output grows
with the text, not with the square of a line's length."""


class Excerpt(str):
    """A claim's sentence as it is written in the claim: the whole sentence, or a window of it
    whose ``span`` (offsets into the original text) is set when the sentence was cut."""

    span: tuple[int, int] | None = None


def sentence_excerpt(original: str, start: int, end: int, claim: tuple[int, int]) -> Excerpt:
    """The sentence ``original[start:end]`` for the claim at ``claim``: whole when it is at most
    :data:`SENTENCE_MAX` characters, else the window of that many characters centred on the claim
    (shifted to stay inside the sentence; just the claim when it is longer itself).

    >>> sentence_excerpt("增长5%。", 0, 5, (2, 4))
    '增长5%。'
    >>> cut = sentence_excerpt("x" * 3000, 0, 3000, (1500, 1502))
    >>> len(cut), cut.span
    (1000, (1001, 2001))
    """
    if end - start <= SENTENCE_MAX:
        return Excerpt(original[start:end])
    room = max(0, SENTENCE_MAX - (claim[1] - claim[0]))
    lo = max(start, claim[0] - room // 2)
    hi = min(end, max(claim[1], lo + SENTENCE_MAX))
    lo = max(start, min(lo, hi - SENTENCE_MAX))
    excerpt = Excerpt(original[lo:hi])
    excerpt.span = (lo, hi)
    return excerpt
