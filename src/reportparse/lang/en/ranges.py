"""When two numbers joined by 'to', a dash or 'between ... and' are one range (6 to 6.5
percent, $1 billion to $2 billion) and when they are two values (from 5 percent to 6 percent,
0.6 percent to $3.38 trillion, 2021-2025).

Each check is a named predicate that returns why the pair is not a range, or None.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import regex

from .filters import BARE_YEAR
from .implied import clause_before
from .patterns import Patterns


def _not_rising(m: regex.Match[str], low: Decimal, high: Decimal, pats: Patterns, text: str) -> str | None:
    return "the second number is not higher" if high <= low else None


def _no_shared_unit(m: regex.Match[str], low: Decimal, high: Decimal, pats: Patterns, text: str) -> str | None:
    unit, unit1, cur, cur2 = m.group("unit"), m.group("unit1"), m.group("cur"), m.group("cur2")
    if (not unit and not (cur and cur2)) or (unit1 and not unit):
        return "no unit after the second number"
    if bool(cur) != bool(cur2):
        return "a currency sign on one number only"
    return None


def _different_units(m: regex.Match[str], low: Decimal, high: Decimal, pats: Patterns, text: str) -> str | None:
    unit, unit1 = m.group("unit"), m.group("unit1")
    if unit1 and unit and pats.units[unit1.lower()].code != pats.units[unit.lower()].code:
        return "two different units"
    return None


def _from_to(m: regex.Match[str], low: Decimal, high: Decimal, pats: Patterns, text: str) -> str | None:
    sep = (m.group("sep") or "").strip().lower()
    if sep in pats.range_to and pats.from_word.search(clause_before(text, m.start())):
        return "from one value to another"
    return None


def _years(m: regex.Match[str], low: Decimal, high: Decimal, pats: Patterns, text: str) -> str | None:
    sep = (m.group("sep") or "").strip().lower()
    if sep in "-–—" and BARE_YEAR.fullmatch(m.group("num")) and BARE_YEAR.fullmatch(m.group("num2")):
        return "a span of years"
    return None


_CHECKS: tuple[Callable[[regex.Match[str], Decimal, Decimal, Patterns, str], str | None], ...] = (
    _not_rising, _no_shared_unit, _different_units, _from_to, _years)


def rejected(m: regex.Match[str], low: Decimal, high: Decimal, pats: Patterns, text: str) -> str | None:
    """Why the two numbers of ``m`` (a match in ``text``) are not one range, or None when they are."""
    for check in _CHECKS:
        if (reason := check(m, low, high, pats, text)) is not None:
            return reason
    return None
