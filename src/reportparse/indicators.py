"""Facts about indicators from ``data/indicators.json`` (successors, which way is good, rate
units) and, per language, the words comparisons read from the pack's ``compare.json`` (the wording
that makes a target a cap or a floor, cues of multi-year figures, clauses, gap units, stop words).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

import regex

from .lexicon import Lexicon, load_lexicon, shared_data

DIRECTIONS = ("higher", "lower", "ceiling")


@dataclass(frozen=True)
class Indicators:
    """The contents of ``data/indicators.json``, compiled."""

    successors: dict[str, str]
    rate_units: frozenset[str]
    direction: dict[str, str]

    def direction_of(self, metric_id: str | None) -> str:
        """``higher``, ``lower`` or ``ceiling`` for an indicator id (``higher`` when unknown)."""
        return self.direction.get(metric_id or "", "higher")


@cache
def indicators() -> Indicators:
    """The indicator facts (read once)."""
    raw = shared_data("indicators")
    direction = {metric: way for way in DIRECTIONS if way in raw["direction"] for metric in raw["direction"][way]}
    return Indicators(
        successors={k: v for k, v in raw["successors"].items() if k != "about"},
        rate_units=frozenset(raw["rate_units"]),
        direction=direction,
    )


@dataclass(frozen=True)
class Wording:
    """What comparisons read in one language (the pack's ``compare.json``, compiled)."""

    multi_year: regex.Pattern[str]
    clause_end: regex.Pattern[str]
    ceiling: tuple[str, ...]
    floor: tuple[str, ...]
    gap_units: dict[str, str]
    stop_words: frozenset[str]


@cache
def multi_year(lex: Lexicon) -> regex.Pattern[str]:
    """The cues of a figure that is not one year's (年均, 比2020年, 累计, 翻番, 五年来 ...): the one
    rule set that claims (a language's timing rules), ``diff`` and the panel all read."""
    raw = lex.raw["compare"]
    return regex.compile("|".join([*raw.get("average_cues", ()), *raw["multi_year_cues"]]) or r"(?!)")


@cache
def averages(lex: Lexicon) -> regex.Pattern[str]:
    """The cues of an average over several years (年均, 平均每年, 翻番), a part of :func:`multi_year`."""
    return regex.compile("|".join(lex.raw["compare"].get("average_cues", ())) or r"(?!)")


@cache
def wording(lang: str) -> Wording:
    """The comparison words of a language (read once per language)."""
    lex = load_lexicon(lang)
    raw = lex.raw["compare"]
    return Wording(
        multi_year=multi_year(lex),
        clause_end=regex.compile(raw["clause_separators"]),
        ceiling=tuple(raw["target_wording"].get("ceiling", ())),
        floor=tuple(raw["target_wording"].get("floor", ())),
        gap_units=dict(raw["gap_units"]),
        stop_words=frozenset(raw["pairing_stop_words"]),
    )


def clause(claim: dict[str, Any], lang: str) -> tuple[str, int] | None:
    """The clause of its sentence a claim stands in, and where the claim's text starts in it
    (None when the sentence does not hold the claim's text)."""
    sentence, text = claim.get("sentence") or "", claim["text"]
    at = sentence.find(text)
    if at < 0:
        return None
    ends = [m.span() for m in wording(lang).clause_end.finditer(sentence)]
    start = max((e for s, e in ends if e <= at), default=0)
    end = min((s for s, e in ends if s >= at + len(text)), default=len(sentence))
    return sentence[start:end], at - start
