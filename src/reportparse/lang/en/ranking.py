"""English rankings: ranked first, second largest in the world, first place nationwide, top three.

An ordinal ranks after a ranking verb (ranked first) or before a superlative, place word or
scope (second largest, first place, first in the country); 'top' and a number is at most that
place. An ordinal before a word of ``not_ranking_after`` (the first time, the second half) is
no ranking unless a superlative or scope follows it.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cache

import regex

from ... import explain
from ...lexicon import Lexicon
from ...mention import Mention
from ...model import Qualifier
from ...recognise.patterns import alternation
from .views import english_data


@dataclass(frozen=True)
class _Ranking:
    pattern: regex.Pattern[str]
    ordinals: dict[str, int]
    ones: dict[str, int]
    stops: tuple[str, ...]


@cache
def _compile(lex: Lexicon) -> _Ranking:
    en = english_data(lex)
    r = en.ranking
    ordinal = rf"(?:{alternation(r.ordinals)}|\d+(?:{alternation(en.numbers.ordinal_suffixes)}))"
    tail = (rf"(?:\s+(?P<sup>{alternation(r.superlatives)}))?(?:\s+(?P<place>{alternation(r.place_words)}))?"
            rf"(?:\s+(?P<scope>{alternation(r.scopes)}))?")
    follows = alternation(r.superlatives + r.place_words + r.scopes)
    pattern = (
        rf"(?<![\w-])(?:"
        rf"(?<=\b(?:{alternation(r.verbs)})\s+)(?P<ord>{ordinal}){tail}"
        rf"|(?P<ord2>{ordinal})(?=\s+(?:{follows})\b){tail}"
        rf"|(?P<top>{alternation(r.top_words)})\s+(?P<n>\d+|{alternation(en.numbers.ones)})(?![\w-])"
        rf"(?:\s+(?P<scope2>{alternation(r.scopes)}))?"
        rf")(?![\w-])"
    )
    return _Ranking(regex.compile(pattern, regex.I), {k.lower(): v for k, v in r.ordinals.items()},
                    dict(en.numbers.ones), tuple(w.lower() for w in r.not_ranking_after))


def _top(m: regex.Match[str], ranks: _Ranking) -> tuple[Decimal, str | None, Qualifier]:
    """Top three: at most the third place."""
    written = m.group("n").lower()
    value = Decimal(written) if written.isdigit() else Decimal(ranks.ones.get(written, 0))
    return value, m.group("scope2"), "at_most"


def _ordinal(m: regex.Match[str], ranks: _Ranking) -> tuple[Decimal, str | None, Qualifier]:
    """Ranked second: the second place."""
    written = (m.group("ord") or m.group("ord2")).lower()
    value = Decimal(ranks.ordinals[written]) if written in ranks.ordinals else Decimal(regex.sub(r"\D", "", written))
    return value, m.group("scope"), "exact"


def _not_a_rank(text: str, m: regex.Match[str], ranks: _Ranking) -> bool:
    """The first time, the second half: an ordinal before a stop word, with no superlative or scope."""
    after = text[m.end():m.end() + 12].lower().lstrip()
    return not m.group("top") and after.startswith(ranks.stops) and not (m.group("sup") or m.group("scope"))


def recognise_rankings(text: str, lex: Lexicon) -> list[Mention]:
    """Rankings: ranked first, second largest in the world, first place nationwide, top three."""
    ranks = _compile(lex)
    out = []
    for m in ranks.pattern.finditer(text):
        if _not_a_rank(text, m, ranks):
            explain.note(m.start(), m.end(), "recognise", "en.filter.not_a_rank", "dropped",
                         "an ordinal of an event or a part, not a place")
            continue
        value, scope, qualifier = (_top if m.group("top") else _ordinal)(m, ranks)
        if value <= 0:
            explain.note(m.start(), m.end(), "recognise", "en.filter.zero_rank", "dropped", "no place")
            continue
        ord_group = "top" if m.group("top") else "ord" if m.group("ord") else "ord2"
        explain.note(m.start(), m.end(), "recognise", "en.ranking", "found", "a place in a ranking")
        out.append(Mention(m.start(), m.end(), m.start(ord_group), value, None, None, "rank", "rank",
                           (m.span(ord_group),), qualifier, "en.ranking", rank_of=None, rank_scope=scope))
    return out
