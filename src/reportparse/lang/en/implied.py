"""The unit of an English number written without one: from the counted noun after it (12 million
new urban jobs -> person, 1,500 projects -> count) or from its clause (the number of people
-> person; output surpassed 13 million -> count)."""

from __future__ import annotations

import regex

from ...lexicon import Lexicon, Unit
from .patterns import Patterns

_WORD = regex.compile(r"[A-Za-z][\w'-]*")
_CLAUSE_END = regex.compile(r"[;:!?()\n]|,(?!\d{3})|\.(?!\d)")
_COUNT = Unit("", "count", "count")


def clause_before(text: str, pos: int) -> str:
    """The text of the clause before ``pos`` (at most 200 characters)."""
    start = pos
    while start > 0 and not _CLAUSE_END.match(text, start - 1) and pos - start < 200:
        start -= 1
    return text[start:pos]


def _implied_unit(phrase: str, pats: Patterns, lex: Lexicon) -> Unit | None:
    """The unit of the first implied-unit noun in ``phrase`` (jobs -> person)."""
    for noun, code in pats.implied.items():
        if regex.search(rf"\b{regex.escape(noun)}\b", phrase):
            return Unit("", code, lex.unit_kind(code))
    return None


def _counted_words(rest: str, pats: Patterns) -> list[str]:
    """Up to five words right after a number, one space apart, up to a word never counted."""
    words: list[regex.Match[str]] = []
    for w in _WORD.finditer(rest):
        if w.start() > 0 and rest[w.start() - 1] not in " ":
            break
        if w.group().lower() in pats.not_counted and words:
            break
        words.append(w)
        if len(words) == 5 or rest[w.end():w.end() + 1] not in (" ",):
            break
    return [w.group().lower() for w in words]


def counted_unit(text: str, end: int, pats: Patterns, lex: Lexicon) -> Unit | None:
    """The unit a counted noun after a unitless number gives (jobs -> person, projects -> count)."""
    rest = text[end:end + 80]
    if not rest.startswith(" "):
        return None
    words = _counted_words(rest, pats)
    if not words or words[0] in pats.not_counted:
        return None
    return _implied_unit(" ".join(words), pats, lex) or _COUNT


def unit_of_subject(clause: str, num: str, pats: Patterns, lex: Lexicon) -> Unit | None:
    """The unit of a number with neither a unit word nor a counted noun: the year when the clause
    names a level measured in years (years of schooling to 11.7), a count when the clause
    counts (the number of people -> person, the total, the number of enterprises -> count) or
    the number has a scale and a subject before it (output surpassed 13 million)."""
    if pats.year_level.search(clause):
        return Unit("", "year", lex.unit_kind("year"))  # years of schooling to 11.7
    counted = pats.counting.search(clause)
    if counted:
        noun = counted.group("noun").lower()
        if (unit := _implied_unit(noun, pats, lex)) is not None:
            return unit
        if pats.people.search(noun):
            return Unit("", "person", "people")
        return _COUNT
    if regex.search(r"[A-Za-z]{3}", clause) and num.split()[-1].lower() in pats.numbers.scales:
        return _COUNT  # a subject stands before it
    return None


def unit_of_label(label: str, num: str, pats: Patterns, lex: Lexicon) -> Unit | None:
    """The unit of a unitless number after the label of a list line (-- New urban jobs: 12.44
    million -> person; -- Tourist trips: 4.89 billion -> person_time): the unit its last word
    names, an implied-unit noun in it, else a count when the number has a scale."""
    words = _WORD.findall(label)
    if not words:
        return None
    if (unit := pats.units.get(words[-1].lower())) is not None:
        return unit
    if (unit := _implied_unit(label.lower(), pats, lex)) is not None:
        return unit
    return _COUNT if num.split()[-1].lower() in pats.numbers.scales else None
