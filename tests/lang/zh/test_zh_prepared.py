"""What the number recogniser prepares once per Lexicon, and the shortcut it takes with the
claimable policy (only 一 and the watched units are put to the rules)."""

from __future__ import annotations

import itertools
from decimal import Decimal

from reportparse.lang.zh.numerals import DIGITS, ONE
from reportparse.lang.zh.policy import POLICY, Reading, watched_units
from reportparse.lang.zh.prepared import recogniser_words
from reportparse.lang.zh.views import grammar, unit_words
from reportparse.lexicon import load_lexicon


def test_prepared_once_per_lexicon():
    lex = load_lexicon("zh")
    assert recogniser_words(lex) is recogniser_words(lex)


def test_every_unit_has_its_factor_over_its_fraction():
    lex = load_lexicon("zh")
    words = recogniser_words(lex)
    assert set(words.factors) == set(lex.units)
    divided = unit_words(lex).divided
    for surface, unit in lex.units.items():
        assert words.factors[surface] * divided.get(surface, 1) == unit.factor
    fractions = [w for w in divided if not w.startswith("_")]
    assert fractions and all(words.factors[w] < lex.units[w].factor for w in fractions)


def test_no_policy_rule_refuses_a_number_in_an_unwatched_unit():
    """The shortcut is safe: every rule answers None for a number other than 一 in a unit outside
    watched_units, whatever its value, qualifier and the character after it."""
    lex = load_lexicon("zh")
    g = grammar(lex)
    watched = watched_units(g)
    nums = [ch for ch in DIGITS if ch != ONE] + ["5", "2.5", "100"]
    values = [Decimal(1), Decimal(2), Decimal("2.5")]
    nexts = ["", "x", ",", next(iter(lex.units))[0], ONE]
    qualifiers = ["exact", "approx", "more_than", "at_most", "range"]
    unwatched = [u for w, u in lex.units.items() if w not in watched]
    assert len(unwatched) > 200
    for unit, num, value, qualifier, nxt in itertools.product(unwatched, nums, values, qualifiers, nexts):
        reading = Reading(num, unit, value, qualifier, nxt, g)
        assert all(rule(reading) is None for rule in POLICY), (unit, num, value, qualifier, nxt)


def test_each_watched_unit_is_refused_by_some_rule():
    """watched_units names no unit that no rule looks at (it would only slow the recogniser)."""
    lex = load_lexicon("zh")
    g = grammar(lex)
    for surface in watched_units(g):
        unit = lex.units[surface]
        readings = [Reading("3", unit, Decimal(3), q, nxt, g) for q in ("exact", "approx") for nxt in ("", ONE)]
        assert any(rule(r) is not None for r in readings for rule in POLICY), surface
