"""Numbers typeset with spaces inside: 1 9 9 7 年, 7 4 7 7 2 亿元, 1 7 .5 万人 (every digit
followed by one space, as in the 1998 national report) and 三千 九百 六十五 (groups of a
digit and a place whose places fall: the spacing cannot mean two numbers).

The recogniser reads a copy with those spaces taken out and maps every position back, so
spans stay exact in the text as written. A run of digits of more than one character each
(100 200 300) or groups whose places do not fall (三千 五千) are separate figures, never joined.
"""

from __future__ import annotations

from dataclasses import replace

import regex

from ...model import Mention
from .numerals import BIG_UNITS, DIGITS, SMALL_UNITS

_PLACES = {**SMALL_UNITS, **BIG_UNITS}
_D = regex.escape("".join(DIGITS))
_P = regex.escape("".join(_PLACES))
_SPACED = regex.compile(
    rf"(?<![\d\s.])\d (?:\d |\.\d )*(?=[^\s\d])"  # 7 4 7 7 2 亿元
    rf"|(?<![{_D}{_P}])(?:[{_D}][{_P}] )+[{_D}](?:[{_P}][{_D}]?)?(?![{_D}{_P}])"  # 三千 九百 六十五
)


def _places_fall(run: str) -> bool:
    """Whether the places of a spaced Chinese numeral fall from group to group (三千 九百 六十五)."""
    places = [_PLACES[ch] for ch in run if ch in _PLACES]
    return all(a > b for a, b in zip(places, places[1:]))


def join_spaced(text: str) -> tuple[str, list[int]] | None:
    """The text with the spaces inside spaced numbers taken out, and for each of its positions
    (and its end) the position in ``text``; None when no number of the text is spaced."""
    cuts = [m.start() + i for m in _SPACED.finditer(text) if m.group()[0].isdigit() or _places_fall(m.group())
            for i, ch in enumerate(m.group()) if ch == " "]
    if not cuts:
        return None
    dropped = set(cuts)
    where = [i for i in range(len(text)) if i not in dropped] + [len(text)]
    return "".join(text[i] for i in where[:-1]), where


def moved(m: Mention, where: list[int]) -> Mention:
    """A mention found in the joined copy, in the positions of the text as written."""
    def end(pos: int) -> int:
        return where[pos - 1] + 1 if pos > 0 else 0

    return replace(m, start=where[m.start], end=end(m.end), num_start=where[m.num_start],
                   unit_spans=tuple((where[a], end(b)) for a, b in m.unit_spans))
