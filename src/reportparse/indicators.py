"""Facts about indicators from ``data/indicators.json``: successors, which way is good, the
wording that makes a target a cap or a floor, cues of multi-year figures, and clauses.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from typing import Any

import regex

from .validate import package_text

DIRECTIONS = ("higher", "lower", "ceiling")


@dataclass(frozen=True)
class Indicators:
    """The contents of ``data/indicators.json``, compiled."""

    successors: dict[str, str]
    rate_units: frozenset[str]
    multi_year: dict[str, regex.Pattern[str]]
    clause_end: dict[str, regex.Pattern[str]]
    direction: dict[str, str]
    wording: dict[str, dict[str, tuple[str, ...]]]
    gap_units: dict[str, dict[str, str]]

    def direction_of(self, metric_id: str | None) -> str:
        """``higher``, ``lower`` or ``ceiling`` for an indicator id (``higher`` when unknown)."""
        return self.direction.get(metric_id or "", "higher")


def _langs(section: dict[str, Any]) -> list[str]:
    return [k for k in section if k != "about"]


@cache
def indicators() -> Indicators:
    """The indicator facts (read once)."""
    raw = json.loads(package_text("data/indicators.json"))
    langs = _langs(raw["multi_year_cues"])
    direction = {metric: way for way in DIRECTIONS if way in raw["direction"] for metric in raw["direction"][way]}
    return Indicators(
        successors={k: v for k, v in raw["successors"].items() if k != "about"},
        rate_units=frozenset(raw["rate_units"]),
        multi_year={lang: regex.compile("|".join(raw["multi_year_cues"][lang])) for lang in langs},
        clause_end={lang: regex.compile(raw["clause_separators"][lang]) for lang in langs},
        direction=direction,
        wording={lang: {k: tuple(v) for k, v in raw["target_wording"][lang].items()}
                 for lang in _langs(raw["target_wording"])},
        gap_units={lang: raw["gap_units"][lang] for lang in _langs(raw["gap_units"])},
    )


def clause(claim: dict[str, Any], lang: str) -> tuple[str, int] | None:
    """The clause of its sentence a claim stands in, and where the claim's text starts in it
    (None when the sentence does not hold the claim's text or the language has no separators)."""
    facts = indicators()
    if lang not in facts.clause_end:
        return None
    sentence, text = claim.get("sentence") or "", claim["text"]
    at = sentence.find(text)
    if at < 0:
        return None
    ends = [m.span() for m in facts.clause_end[lang].finditer(sentence)]
    start = max((e for s, e in ends if e <= at), default=0)
    end = min((s for s, e in ends if s >= at + len(text)), default=len(sentence))
    return sentence[start:end], at - start
