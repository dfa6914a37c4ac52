"""Numbers typeset with spaces inside: 1 9 9 7 年, 7 4 7 7 2 亿元, 1 7 .5 万人 (every digit
followed by one space, as in the 1998 national report), 三千 九百 六十五 (groups of a
digit and a place whose places fall: the spacing cannot mean two numbers), 七 点 五 成 (a
digit, 点 and digits) and 八成 五 (a lone digit in tenths of the unit before it).

The recogniser reads a copy with those spaces taken out and maps every position back, so
spans stay exact in the text as written. A run of digits of more than one character each
(100 200 300) or groups whose places do not fall (三千 五千) are separate figures, never joined.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from functools import cache

import regex

from ...explain import active, note, tracing
from ...mention import Mention
from .numerals import BIG_UNITS, DECIMAL_POINTS, DIGITS, FILLERS, SMALL_UNITS

_PLACES = {**SMALL_UNITS, **BIG_UNITS}
_D = regex.escape("".join(DIGITS))
_P = regex.escape("".join(_PLACES))
_DOT = regex.escape(DECIMAL_POINTS)
_GROUP_CHARS = "".join(DIGITS) + "".join(_PLACES) + FILLERS + DECIMAL_POINTS  # one group of a spaced Chinese numeral
_T = regex.escape(_GROUP_CHARS)


@cache
def _patterns(tenths: str) -> tuple[regex.Pattern[str], regex.Pattern[str], regex.Pattern[str]]:
    """The spaced numbers, a hint that a text may hold one (a text without a hint has none) and
    the spaces one of them may hold (see :func:`_first_spaces`); ``tenths`` are the units after
    which a lone digit counts in tenths (八成 五)."""
    units = f"[{regex.escape(tenths)}]" if tenths else "(?!)"
    spaced = regex.compile(
        rf"(?<![\d .])\d (?:\d |\.\d )*(?=[^\s\d])"  # 7 4 7 7 2 亿元
        rf"|(?<![{_T} ])[{_D}] [{_DOT}] [{_D}](?: [{_D}])*(?: (?=[^\s\d{_T}]))?"  # 七 点 五 成
        rf"|(?<![{_T}])[{_D}{_P}][{_T}]*(?: [{_T}]+)+(?![{_T}])"  # 三千 九百 六十五, 十 余 万, 四百 点 五
        rf"|(?<=[{_D}]{units}) (?=[{_D}](?:[^\d\p{{Han}}]|$))"  # 八成 五
    )
    # the hint opens with the space, which the engine finds fast (a text without one has no spaced number)
    hint = regex.compile(rf" (?:(?<=[\d{_D}{_P}{regex.escape(tenths)}] )(?=[\d{_T}]))")
    return spaced, hint, regex.compile(_first_spaces(units))


def _first_spaces(units: str) -> str:
    """The first space of every match of the spaced pattern stands between a digit and no space
    (7 4, 1 7 .5, 5 亿), two characters of a Chinese numeral (三千 九百, 七 点) or a unit of tenths and a
    Chinese digit (八成 五); the match starts at that space, at the character before it or at the
    start of the group of numeral characters before it (see :func:`_spaced_numbers`)."""
    return rf" (?:(?<=\d )(?=\S)|(?<=[{_T}] )(?=[{_T}])|(?<={units} )(?=[{_D}]))"


def _group_start(text: str, space: int) -> int:
    """Where a match of the spaced pattern whose first space is at ``space`` may start at the
    earliest: the character before the space, or the start of the numeral characters before it."""
    start = space
    while start > 0 and text[start - 1] in _GROUP_CHARS:
        start -= 1
    return max(0, min(start, space - 1))


def _spaced_numbers(text: str, tenths: str) -> Iterator[regex.Match[str]]:
    """The matches of the spaced pattern in ``text``, those its finditer finds: tried only at the
    positions where one may start (:func:`_first_spaces`), not at every position of the text."""
    spaced, _hint, first_space = _patterns(tenths)
    pos = 0  # where the last match ended
    for space in first_space.finditer(text):
        for start in range(max(pos, _group_start(text, space.start())), space.start() + 1):
            if (m := spaced.match(text, start)) is not None:
                yield m
                pos = m.end()
                break


def _one_number(run: str) -> bool:
    """Whether the groups of a spaced Chinese numeral can only be one number: a decimal (七 点 五),
    or places that fall within each section of 万/亿 and sections that fall (三千 九百 六十五,
    三千 八百 九十六 万 四千 九百 六十五; not 三千 五千, nor digits alone: 一 二 三)."""
    compact = run.replace(" ", "")
    cut = next((i for i, ch in enumerate(compact) if ch in DECIMAL_POINTS), len(compact))
    decimals = compact[cut + 1 :]
    if cut < len(compact) and (not decimals or any(ch not in DIGITS for ch in decimals)):
        return False
    whole = compact[:cut]
    if cut == len(compact) and not any(ch in _PLACES for ch in whole):
        return not compact  # the space of 八成 五 (digits alone are a list)
    section, small = float("inf"), float("inf")
    for ch in whole:
        if ch in BIG_UNITS:
            if BIG_UNITS[ch] >= section:
                return False
            section, small = float(BIG_UNITS[ch]), float("inf")
        elif ch in SMALL_UNITS:
            if SMALL_UNITS[ch] >= small:
                return False
            small = float(SMALL_UNITS[ch])
    return True


def join_spaced(text: str, tenths: str = "") -> tuple[str, list[int]] | None:
    """The text with the spaces inside spaced numbers taken out, and for each of its positions
    (and its end) the position in ``text``; None when no number of the text is spaced."""
    if _patterns(tenths)[1].search(text) is None:
        return None
    cuts = [m.start() + i for m in _spaced_numbers(text, tenths) if m.group()[0].isdigit() or _one_number(m.group())
            for i, ch in enumerate(m.group()) if ch == " "]
    if not cuts:
        return None
    bounds = [-1, *cuts, len(text)]
    where = [i for a, b in zip(bounds, bounds[1:]) for i in range(a + 1, b)] + [len(text)]
    return "".join(text[a + 1 : b] for a, b in zip(bounds, bounds[1:])), where


def _end(where: list[int], pos: int) -> int:
    """The end position in the text as written of an end position ``pos`` of the joined copy."""
    return where[pos - 1] + 1 if pos > 0 else 0


def _moved(m: Mention, where: list[int]) -> Mention:
    """A mention found in the joined copy, in the positions of the text as written."""
    return replace(m, start=where[m.start], end=_end(where, m.end), num_start=where[m.num_start],
                   unit_spans=tuple((where[a], _end(where, b)) for a, b in m.unit_spans))


def read_spaced(text: str, recognise: Callable[[str], list[Mention]], tenths: str = "") -> list[Mention]:
    """The mentions ``recognise`` finds in ``text``, numbers typeset with spaces read as one
    (``tenths``: see :func:`join_spaced`); mentions and explain notes keep the positions of ``text``."""
    joined = join_spaced(text, tenths)
    if joined is None:
        return recognise(text)
    compact, where = joined
    if not active():
        return [_moved(m, where) for m in recognise(compact)]
    with tracing() as notes:
        found = recognise(compact)
    for d in notes:
        note(where[d.start], _end(where, d.end), d.stage, d.rule, d.outcome, d.reason)
    return [_moved(m, where) for m in found]
