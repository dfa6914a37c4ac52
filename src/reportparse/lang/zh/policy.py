"""The claimable policy of the number recogniser: a number with a unit is a claim on its own
unless a named rule (``zh.policy.<name>`` in an explain trace) says why not."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import NamedTuple

from ...lexicon import Unit
from .filters import is_cjk
from .numerals import ONE
from .views import Grammar
from .years import YEAR_SUFFIX


class Reading(NamedTuple):
    """What the claimable policy looks at: the number as written, its unit, value and qualifier,
    the character after the mention and the pack's number grammar (age and attribute units)."""

    num: str
    unit: Unit
    value: Decimal
    qualifier: str
    next_char: str
    grammar: Grammar


def article_one(r: Reading) -> str | None:
    """一 with a measure word is an article, not a count: 一个, 一批, 一年."""
    return "one with a measure word is an article, not a count" \
        if r.num == ONE and r.unit.kind in ("count", "people", "time") else None


def duration(r: Reading) -> str | None:
    """A whole number of years is a duration: 三年行动, 过去五年."""
    return "a whole number of years is a duration" \
        if r.unit.surface == YEAR_SUFFIX and r.value == r.value.to_integral_value() else None


def age_group(r: Reading) -> str | None:
    """An age bound before a noun describes a group: 3岁以下婴幼儿."""
    return "an age bound describing a group" \
        if r.unit.surface in r.grammar.age_units and r.qualifier != "exact" and is_cjk(r.next_char) else None


def size_attribute(r: Reading) -> str | None:
    """A size right before a noun describes it: 8英寸晶圆."""
    return "a size before a noun describes it" \
        if r.unit.surface in r.grammar.attribute_units and is_cjk(r.next_char) else None


POLICY: tuple[Callable[[Reading], str | None], ...] = (article_one, duration, age_group, size_attribute)
"""The claimable policy: a number with a unit is a claim unless one of these says why not."""


def watched_units(grammar: Grammar) -> frozenset[str]:
    """The unit words a rule of :data:`POLICY` looks at (年 of a duration, age and size units):
    only 一 and a number in one of these can be refused, any other number with a unit is a claim
    without running the rules (checked for every rule and unit by the tests)."""
    return frozenset((YEAR_SUFFIX, *grammar.age_units, *grammar.attribute_units))


def not_claimable(reading: Reading) -> tuple[str, str] | None:
    """The name and reason of the first policy rule that makes a number no claim on its own."""
    for rule in POLICY:
        if (reason := rule(reading)) is not None:
            return rule.__name__, reason
    return None
