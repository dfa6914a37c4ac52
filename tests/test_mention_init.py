"""Mention's __init__ is written out (so that the compiled build makes it native code): it must
take the dataclass's fields, in their order, with their defaults."""

from __future__ import annotations

from dataclasses import MISSING, fields, replace
from decimal import Decimal

from reportparse.mention import Mention

# A value of its field's type for every field, each different (the compiled class checks types).
VALUES = (1, 2, 3, Decimal(4), Decimal(5), Decimal(6), "CNY", "money", ((7, 8),), "about", "zh.number", 9,
          "scope", False)


def test_init_takes_every_field_in_order():
    names = [f.name for f in fields(Mention)]
    assert len(names) == len(VALUES)
    m = Mention(*VALUES)
    assert [getattr(m, name) for name in names] == list(VALUES)


def test_init_defaults_are_the_fields_defaults():
    required = [f for f in fields(Mention) if f.default is MISSING]
    m = Mention(*VALUES[: len(required)])
    defaults = {f.name: f.default for f in fields(Mention) if f.default is not MISSING}
    assert defaults and {name: getattr(m, name) for name in defaults} == defaults


def test_replace_builds_through_it():
    moved = replace(Mention(*VALUES), start=5, end=8, claimable=True)
    assert (moved.start, moved.end, moved.rule, moved.claimable, moved.rank_scope) == (5, 8, "zh.number", True, "scope")
