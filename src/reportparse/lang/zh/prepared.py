"""What the number recogniser reads of a Lexicon besides its patterns, prepared once per
Lexicon (cached): nothing the recogniser needs is built again for each text."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

import regex

from ...lexicon import Lexicon, Unit
from .policy import watched_units
from .views import Grammar, Qualifiers, UnitWords, cue_words, grammar, qualifiers, unit_words


@dataclass(frozen=True)
class RecogniserWords:
    """What the recogniser reads of a Lexicon besides its patterns, built once per Lexicon."""

    quals: Qualifiers
    units: UnitWords
    grammar: Grammar
    list_joiners: frozenset[str]
    clause_split: regex.Pattern[str]
    item_split: regex.Pattern[str]
    discounts: frozenset[str]  # the discount words (折)
    inner: re.Pattern[str]  # an inner qualifier character inside a number (多 of 三百多万)
    factors: Mapping[str, Decimal]  # each unit word's factor, with its fraction of the code's unit (毛: 1/10)
    watched: frozenset[str]  # the unit words the claimable policy looks at (policy.watched_units)


@cache
def recogniser_words(lex: Lexicon) -> RecogniserWords:
    """The recogniser's reading of a Lexicon (cached)."""
    units, cues, ends = unit_words(lex), cue_words(lex), lex.segment.clause_ends
    items = ends + grammar(lex).list_comma
    inner = "".join(w for w in qualifiers(lex).inner if len(w) == 1)
    return RecogniserWords(qualifiers(lex), units, grammar(lex), frozenset(cues.list_separators + cues.conjunctions),
                           regex.compile(f"[{regex.escape(ends)}]"), regex.compile(f"[{regex.escape(items)}]"),
                           frozenset(units.discount["words"]), _one_of(inner),
                           {w: unit_factor(u, units) for w, u in lex.units.items()}, watched_units(grammar(lex)))


def _one_of(chars: str) -> re.Pattern[str]:
    """A pattern of any one of ``chars`` (one that never matches when there are none)."""
    return re.compile(f"[{re.escape(chars)}]" if chars else "(?!)")


def unit_factor(unit: Unit, units: UnitWords) -> Decimal:
    """What a number in ``unit`` is multiplied by: its factor over the part of its code's unit it is."""
    return Decimal(unit.factor) / units.divided.get(unit.surface, 1)
