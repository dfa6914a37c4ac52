"""The named noise filters of the English number recogniser.

Each filter is a predicate over one match of the mention pattern that returns why the match
is not a quantity (years, dates, ordinals, names with a number, denominators), or None. They
run in the order of :data:`FILTERS`; the first reason wins and is noted as
``en.filter.<name>`` when a trace is active.
"""

from __future__ import annotations

from collections.abc import Callable

import regex

from ... import explain
from .patterns import Patterns

BARE_YEAR = regex.compile(r"(?:19|20)\d\d")

Filter = Callable[[str, "regex.Match[str]", Patterns], "str | None"]


def ordinal(text: str, m: regex.Match[str], pats: Patterns) -> str | None:
    """An ordinal: 14th, 75th."""
    after = text[m.end("num"):m.end("num") + 3]
    return "an ordinal number" if pats.ordinal_after.match(after) else None


def date(text: str, m: regex.Match[str], pats: Patterns) -> str | None:
    """A day of a month: March 5."""
    start = m.start("num")
    return "a day of a month" if pats.month_before.search(text, max(0, start - 12), start) else None


def name(text: str, m: regex.Match[str], pats: Patterns) -> str | None:
    """A number in a name: the 14th Five-Year Plan, three-year (action plan), the 20th National Congress."""
    if pats.name_followers.match(text, m.end("num")) and not m.group("unit"):
        return "a number in a name"
    return None


def hyphenated(text: str, m: regex.Match[str], pats: Patterns) -> str | None:
    """A number joined by a hyphen to the word after it: 10-point (plan)."""
    end = m.end()
    if text[end:end + 1] == "-" and text[end + 1:end + 2].isalpha():
        return "a number joined to the word after it"
    return None


def denominator(text: str, m: regex.Match[str], pats: Patterns) -> str | None:
    """A denominator: per 10,000 yuan of GRP."""
    if pats.denominator_before.search(text[max(0, m.start() - 5):m.start()]):
        return "the denominator of a rate"
    return None


_CAPITAL_NEXT = regex.compile(r" [A-Z]")
_CAPITAL_BEFORE = regex.compile(r"[A-Z][\w-]* $")
_OPENS_SENTENCE = regex.compile(r"(?:^|[.!?:\n])\s*$")


def title(text: str, m: regex.Match[str], pats: Patterns) -> str | None:
    """A number in a title or the name of a known set: the four major tasks, the Five Principles,
    One Country, Two Systems, the Free Trade Area 3.0 Upgrade Protocol."""
    if m.group("unit") or m.group("unit1") or m.group("cur") or m.group("num2"):
        return None
    num, start, end = m.group("num"), m.start("num"), m.end("num")
    before = text[max(0, start - 12):start]
    capital_next = _CAPITAL_NEXT.match(text, end) is not None
    if num[0].isalpha():
        if pats.set_before.search(before) and pats.set_after.match(text, end):
            return "the name of a known set"
        if num[0].isupper() and capital_next and not _OPENS_SENTENCE.search(before):
            return "a number in a title"
    elif "." in num and capital_next and _CAPITAL_BEFORE.search(before):
        return "a version number in a name"
    return None


def age(text: str, m: regex.Match[str], pats: Patterns) -> str | None:
    """An age: children under three, people aged 60 (a qualifier word may stand inside the opener)."""
    if m.group("unit") or m.group("unit1") or m.group("cur"):
        return None
    start = m.start("num")
    return "an age" if pats.age_before.search(text, max(0, start - 24), start) else None


def year(text: str, m: regex.Match[str], pats: Patterns) -> str | None:
    """A year: a four-digit number from 1900 to 2099 without a unit or currency."""
    unitless = not (m.group("unit") or m.group("unit1") or m.group("cur"))
    return "a year" if unitless and BARE_YEAR.fullmatch(m.group("num")) is not None else None


FILTERS: tuple[tuple[str, Filter], ...] = (
    ("ordinal", ordinal), ("date", date), ("name", name), ("hyphenated", hyphenated),
    ("denominator", denominator), ("title", title), ("age", age), ("year", year),
)


def dropped(text: str, m: regex.Match[str], pats: Patterns) -> bool:
    """True when a filter drops the match (noted with the filter's name and reason)."""
    for filter_name, predicate in FILTERS:
        if (reason := predicate(text, m, pats)) is not None:
            explain.note(m.start(), m.end(), "recognise", f"en.filter.{filter_name}", "dropped", reason)
            return True
    return False
