"""Two numbers that bound one range, joined into one range mention: 在40和50之间, 介于A与B,
a lower and an upper bound side by side (800以上，1200以下, 大于十的同时小于等于二十,
最多60最少10). The unit written on one end is shared (在40和50万元之间: both in 万元); two
different units are no range. The words are the pack's data (``qualifiers.json``: ``bounds``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from ...explain import active, note
from ...mention import Mention
from ...model import as_qualifier
from ...scripts import HAN
from .compounds import shared_scale


def _shared_unit(a: Mention, b: Mention) -> Mention | None:
    """The mention whose unit both ends share (None when the two units differ)."""
    if a.unit is not None and b.unit is not None and a.unit != b.unit:
        return None
    return b if b.unit is not None else a


def _range(text: str, a: Mention, b: Mention, start: int, end: int, low: Mention, high: Mention) -> Mention | None:
    """One range mention from ``start`` to ``end`` with ``low`` and ``high`` as its bounds."""
    unit = _shared_unit(a, b)
    if unit is None or low.value is None or high.value is None or not low.value < high.value:
        return None
    if (a.unit is None or a.unit_spans == b.unit_spans) and len(b.unit_spans) > 1 and low is a:  # 在40和50万元之间
        scaled = shared_scale(low.value, text[a.num_start : a.end], high.value, text[b.num_start : b.unit_spans[0][1]])
        low = replace(a, value=scaled)
    claimable = unit.claimable and (a.unit is None or b.unit is None or (a.claimable and b.claimable))
    return replace(unit, start=start, end=end, num_start=a.num_start, value=low.value, low=low.value,
                   high=high.value, unit_spans=tuple(dict.fromkeys(a.unit_spans + b.unit_spans)), qualifier="range",
                   rule="zh.bounds", claimable=claimable)


def _between(text: str, a: Mention, b: Mention, words: Mapping[str, Any]) -> Mention | None:
    """在A和B之间, 介于A与B: an opening word, a joiner, a closing word (optional after 介于)."""
    if a.qualifier != "exact" or b.qualifier != "exact" or text[a.end : b.start] not in words["joiners"]:
        return None
    opening = next((w for w in words["open"] if text.endswith(w, 0, a.start)), None)
    if opening is None:
        return None
    closing = next((w for w in words["close"] if text.startswith(w, b.end)), "")
    if not closing and opening not in words["open_alone"]:
        return None
    return _range(text, a, b, a.start - len(opening), b.end + len(closing), a, b)


def _pair(text: str, a: Mention, b: Mention, words: Mapping[str, Any]) -> Mention | None:
    """A lower and an upper bound side by side, in either order (A以上B以下, 最多A最少B)."""
    if text[a.end : b.start] not in words["pair_joiners"]:
        return None
    if a.qualifier in words["lower"] and b.qualifier in words["upper"]:
        return _range(text, a, b, a.start, b.end, a, b)
    if a.qualifier in words["upper"] and b.qualifier in words["lower"]:
        return _range(text, a, b, a.start, b.end, b, a)
    return None


def compared(text: str, start: int, end: int, compare: Mapping[str, Any]) -> str | None:
    """The qualifier of a number in a comparison frame (比五十大: more_than), else None."""
    closing = text[end : end + 1]  # checked first: it fails for nearly every number
    if closing not in compare["close"] or not any(text.endswith(w, 0, start) for w in compare["open"]):
        return None
    after = text[end + 1 : end + 3]
    if HAN.match(after) and not after.startswith(tuple(compare["close_then"])):
        return None  # 比2万人大幅增加: 大 starts a word
    return str(compare["close"][closing])


def _framed(text: str, a: Mention, words: Mapping[str, Any]) -> Mention:
    """One number in a frame of words: a range written in one piece with its closing word
    (二十到三十之间, 在5%至6%之间) or a comparison (比五十大: more than 50)."""
    if a.qualifier == "range":
        closing = next((w for w in words["close"] if text.startswith(w, a.end)), None)
        if closing is None:
            return a
        opening = next((w for w in words["open"] if text.endswith(w, 0, a.start)), "")
        note(a.start - len(opening), a.end + len(closing), "recognise", "zh.bounds.framed", "found", closing)
        return replace(a, start=a.start - len(opening), end=a.end + len(closing))
    if a.qualifier != "exact" or (qualifier := compared(text, a.start, a.end, words["compare"])) is None:
        return a
    opening = next(w for w in words["compare"]["open"] if text.endswith(w, 0, a.start))
    note(a.start - len(opening), a.end + 1, "recognise", "zh.bounds.compared", "found", qualifier)
    return replace(a, start=a.start - len(opening), end=a.end + 1, qualifier=as_qualifier(qualifier))


def join_bounds(text: str, found: list[Mention], words: Mapping[str, Any]) -> list[Mention]:
    """The mentions with each pair that bounds one range joined into a range mention, and
    each number in a frame of words (之间, 比 ... 大) read with it."""
    out: list[Mention] = []
    gaps = frozenset(words["joiners"]) | frozenset(words["pair_joiners"])  # what stands between two joined bounds
    closers = {w[0] for w in words["close"]} | set(words["compare"]["close"])  # what may follow a framed number
    i = 0
    while i < len(found):
        a = found[i]
        b = found[i + 1] if i + 1 < len(found) else None
        joined = None
        if b is not None and text[a.end : b.start] in gaps:  # most neighbours are not joined: nothing to try
            joined = _between(text, a, b, words) or _pair(text, a, b, words)
        if joined is None:
            out.append(_framed(text, a, words) if text[a.end : a.end + 1] in closers else a)
            i += 1
            continue
        if active():
            note(joined.start, joined.end, "recognise", "zh.bounds", "found", f"range {joined.low}..{joined.high}")
        out.append(joined)
        i += 2
    return out
