"""Cue words of ``data/<lang>/cues.json`` compiled once per language for the claim builder."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

import regex

from ...lexicon import Lexicon
from ...recognise.patterns import alternation, word_tree
from .numerals import COUNTING_DIGITS
from .views import cue_words, grammar, qualifiers, regions
from .years import YEAR, YEAR_SUFFIX


@dataclass(frozen=True)
class Cues:
    """Compiled cue patterns and word sets of one language."""

    kind_cue: regex.Pattern[str]
    clause_end: regex.Pattern[str]
    span_phrase: regex.Pattern[str]
    span_starts: tuple[str, ...]
    plan_span: regex.Pattern[str]
    new_item: regex.Pattern[str]
    new_item_starts: tuple[str, ...]
    ratio_word: regex.Pattern[str]
    level_change_verbs: tuple[str, ...]
    down_start_verbs: tuple[str, ...]
    trailing: dict[str, tuple[str, ...]]
    trailing_ends: frozenset[str]
    leading: dict[str, tuple[str, ...]]
    comparison: regex.Pattern[str]
    comparison_words: tuple[str, ...]
    comparison_base: regex.Pattern[str]
    comparison_base_starts: tuple[str, ...]
    years: regex.Pattern[str]
    trailing_year: regex.Pattern[str]
    share_words: tuple[str, ...]
    from_end: regex.Pattern[str]
    from_starts: tuple[str, ...]
    to_start: regex.Pattern[str]
    to_verb: regex.Pattern[str]
    clause_target_words: tuple[str, ...]
    future: regex.Pattern[str]
    this_year: regex.Pattern[str]
    this_year_words: tuple[str, ...]
    done_words: tuple[str, ...]
    object_verbs: tuple[str, ...]
    metric_prefix: regex.Pattern[str]
    item_separator: regex.Pattern[str]
    respectively: regex.Pattern[str]
    respectively_words: tuple[str, ...]
    metric_suffix: regex.Pattern[str]
    metric_id_ends: frozenset[str]
    metric_name_ends: frozenset[str]
    per_capita_end: regex.Pattern[str]
    last_year: regex.Pattern[str]
    last_year_words: tuple[str, ...]
    growth_up: frozenset[str]
    growth_down: frozenset[str]
    to_verbs: frozenset[str]
    copulas: frozenset[str]
    stops: frozenset[str]
    stop_or_digit: regex.Pattern[str]  # a stop word anywhere, or a digit: what can end a counted noun early
    tail_noise: str


def _firsts(words: Iterable[str]) -> tuple[str, ...]:
    """The first characters of the words a pattern starts with (``X_starts`` for pattern ``X``): a
    text that holds none of them cannot match, a cheap test (:func:`holds_any`) before the
    pattern's search or substitution."""
    return tuple(sorted({w[0] for w in words if w}))


def holds_any(text: str, parts: tuple[str, ...]) -> bool:
    """True when the text holds one of the parts (a few characters, or words): what the search of
    their alternation tells, without the cost of a regex call. A substring test per part is also
    far cheaper than ``frozenset.isdisjoint(text)``, which makes and hashes a string of each
    character of the text."""
    return any(part in text for part in parts)


def ends_with_word(text: str, words: tuple[str, ...]) -> bool:
    """True when one of the words ends the text, or ends it before a final line break: what
    ``(?:words)$`` finds, without the cost of a regex call."""
    return text.endswith(words) or (text.endswith("\n") and text[:-1].endswith(words))


def _by_char(words: Iterable[str], index: int) -> dict[str, tuple[str, ...]]:
    """Words by their first (``index`` 0) or last (-1) character, each group longest first: the
    order in which their alternation (:func:`alternation`) tries them."""
    groups: dict[str, list[str]] = {}
    for w in sorted(set(words), key=lambda w: (-len(w), w)):
        if w:
            groups.setdefault(w[index], []).append(w)
    return {ch: tuple(group) for ch, group in groups.items()}


def strip_start_word(text: str, by_first: dict[str, tuple[str, ...]]) -> str:
    """The text less the longest word (grouped by :func:`_by_char`) that starts it: what
    substituting nothing for ``^(?:words)`` gives, without the cost of a regex call."""
    for w in by_first.get(text[:1], ()):
        if text.startswith(w):
            return text[len(w) :]
    return text


def strip_end_word(text: str, by_last: dict[str, tuple[str, ...]]) -> str:
    """The text less the longest word (grouped by :func:`_by_char`) that ends it, or ends it
    before a final line break: what substituting nothing for ``(?r)(?:words)$`` gives."""
    body = text[:-1] if text.endswith("\n") else text
    for w in by_last.get(body[-1:], ()):
        if body.endswith(w):
            return body[: len(body) - len(w)] + text[len(body) :]
    return text


def _words(words: Iterable[str]) -> tuple[str, ...]:
    """The words of an alternation as a tuple for :func:`holds_any`, ``str.startswith`` and
    :func:`ends_with_word` (no empty word: it would hold in every text)."""
    return tuple(w for w in words if w)


def _prefix_words(lex: Lexicon) -> str:
    """Words that may stand before a standard metric's name without narrowing it: scope and
    time words (全市, 今年), verbs (完成, 拟安排), new-item words and region names (北京地区)."""
    c, places = cue_words(lex), regions(lex)
    words = (c.metric_prefixes + c.metric_leading_strip + c.new_item_words + c.object_verbs
             + c.clause_target_cues + places.national)
    for name, forms in places.provinces.items():
        words += (name, *forms)
    return alternation(words)


def _span_base(lex: Lexicon) -> str:
    """A plan span written as a base or a start (比“七五”时期, 由“七五”末的)."""
    c, g = cue_words(lex), grammar(lex)
    quotes = regex.escape("".join(g.name_quotes))
    return rf"[{quotes}]?(?:{alternation(list(c.plan_spans))})[{quotes}]?(?:{alternation(c.plan_span_phrases)})?"


def _kind_patterns(lex: Lexicon) -> dict[str, Any]:
    """The cues of kind and direction: growth, ratio and level-change words."""
    c = cue_words(lex)
    tail = {w for w in qualifiers(lex).prefix if len(w) == 1} | set(c.tail_particles)
    return {
        # searched backwards: the first hit ends last and, of the cues ending there, is the longest
        "kind_cue": regex.compile(rf"(?r){alternation(c.growth_up + c.growth_down + c.ratio_verbs)}"),
        "new_item": regex.compile(alternation(c.new_item_words)),
        "new_item_starts": _firsts(c.new_item_words),
        "ratio_word": regex.compile(alternation(c.ratio_words)),
        "level_change_verbs": _words(c.level_change_verbs),
        "down_start_verbs": _words(c.clause_start_down_verbs),
        "growth_up": frozenset(c.growth_up),
        "growth_down": frozenset(c.growth_down),
        "copulas": frozenset(c.copula_verbs),
        "tail_noise": "".join(sorted(tail)) + " ",
    }


def _metric_patterns(lex: Lexicon) -> dict[str, Any]:
    """The cues that trim a metric phrase: leading and trailing words, comparison bases, years."""
    c, g = cue_words(lex), grammar(lex)
    markers = alternation(c.comparison_markers)
    comparatives = qualifiers(lex).comparative_prefixes
    year = f"{YEAR}{YEAR_SUFFIX}"
    dated = rf"(?:{alternation(g.to_words)})?{year}(?:{alternation(g.dated_year_tails)})?"
    span = _span_base(lex)
    return {
        "trailing": _by_char(c.metric_trailing_strip, -1),
        # the last characters of what ``trailing`` removes, and a line break (strip_end_word looks before one)
        "trailing_ends": frozenset(w[-1] for w in c.metric_trailing_strip) | {"\n"},
        "leading": _by_char(c.metric_leading_strip, 0),
        "comparison": regex.compile(alternation(c.comparison_phrases + comparatives)),
        "comparison_words": _words(c.comparison_phrases + comparatives),  # what ``comparison`` finds
        "comparison_base": regex.compile(
            rf"(?:{markers})(?:{alternation(c.comparison_bases)}|{year}|{span})(?:{alternation(g.base_year_tails)})?"
        ),
        "comparison_base_starts": _firsts(c.comparison_markers),
        "years": regex.compile(dated),
        "trailing_year": regex.compile(rf"(?r){dated}$"),
        "share_words": _words(c.share_words),
        "object_verbs": _words(c.object_verbs),
        "metric_prefix": regex.compile(rf"^(?:{_prefix_words(lex)}|{year})*$"),
        "item_separator": regex.compile(f"[{regex.escape(''.join(c.list_separators))}]"),
        "respectively": regex.compile(alternation(c.respectively)),
        "respectively_words": _words(c.respectively),  # what ``respectively`` finds
        "metric_suffix": regex.compile(rf"^(?:{alternation(c.metric_suffixes)})*$"),
        # what a phrase naming a standard metric ends with: a name's or a generic suffix word's last
        # character, or a line break (before which ``$`` matches)
        "metric_id_ends": frozenset(w[-1] for w in (*lex.metric_names(), *c.metric_suffixes) if w) | {"\n"},
        "metric_name_ends": frozenset(w[-1] for w in lex.metric_names() if w),  # a name's last character
        "per_capita_end": regex.compile(
            rf"({alternation(list(c.per_capita))})(?:{alternation(c.to_verbs + c.copula_verbs + c.growth_up)})?$"),
        "stops": frozenset(stops := c.counted_noun_stops + c.to_verbs + c.ratio_verbs),
        "stop_or_digit": regex.compile(rf"{word_tree(stops)}|\d"),
    }


def _time_patterns(lex: Lexicon) -> dict[str, Any]:
    """The cues of status and period: plan spans, from/to changes, target and done words, years."""
    c, g = cue_words(lex), grammar(lex)
    marks = regex.escape(g.clause_marks)
    markers = alternation(c.comparison_markers)
    spans = alternation(list(c.plan_spans))
    closing = regex.escape(g.name_quotes[1])
    per = rf"(?:{regex.escape(g.per_prefix)}[{regex.escape(g.per_units)}]{{1,4}})?"
    return {
        "clause_end": regex.compile(rf"(?r)[{regex.escape(lex.segment.clause_ends)}]"),
        "plan_span": regex.compile(  # not 今后十五年, 十五大, 十五届, “八五”普法: a number before a noun
            rf"(?<![{COUNTING_DIGITS}])(?:{spans})(?![{COUNTING_DIGITS}]|{closing}?(?:{alternation(c.plan_span_not_before)}))"),
        "span_phrase": regex.compile(rf"({spans})”?(?:{alternation(c.plan_span_phrases)})"),
        "span_starts": _firsts(c.plan_spans),  # what ``span_phrase`` starts with
        "from_end": regex.compile(
            rf"(?:{alternation(c.from_words)})(?:{YEAR}{YEAR_SUFFIX}|{_span_base(lex)})?(?:{alternation(g.year_tails)})?{per}$"
        ),
        "from_starts": _firsts(c.from_words),
        "to_start": regex.compile(rf"^[^{marks}]{{0,4}}?(?:{alternation(c.to_verbs)})"),
        "to_verb": regex.compile(alternation([v for v in c.to_verbs if len(v) > 1])),
        "clause_target_words": _words(c.clause_target_cues),
        "this_year": regex.compile(alternation(c.this_year_words)),
        "this_year_words": _words(c.this_year_words),  # what ``this_year`` finds, and ``future`` starts with
        "future": regex.compile(
            rf"(?:{alternation(c.this_year_words)})[^{marks}]*?(?:{alternation(c.future_markers)})"
        ),
        "done_words": _words(c.done_cues),
        "last_year": regex.compile(rf"(?<!{markers})(?:{alternation(c.last_year_words)})"),
        "last_year_words": _words(c.last_year_words),  # what ``last_year`` finds, less the bases
        "to_verbs": frozenset(c.to_verbs),
    }


@cache
def compile_cues(lex: Lexicon) -> Cues:
    """The cue patterns of a language (cached)."""
    return Cues(**_kind_patterns(lex), **_metric_patterns(lex), **_time_patterns(lex))
