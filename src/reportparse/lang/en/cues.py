"""The compiled English cue words of ``data/cues.json`` (kind, status, period, metric) and the
metric names of the bilingual lexicon, built once per Lexicon."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

import regex

from ...lexicon import Lexicon, Metric
from ...recognise.patterns import alternation
from .views import CueData, english_data


def _words(words: Iterable[str]) -> regex.Pattern[str]:
    """Whole words or phrases of a list, case-insensitive; a phrase may break across lines."""
    return regex.compile(rf"(?<![\w-])(?:{_phrases(words)})(?![\w-])", regex.I)


def _phrases(words: Iterable[str]) -> str:
    """An alternation of phrases whose words may stand one or more spaces apart."""
    return alternation(words).replace(chr(92) + " ", chr(92) + "s+")


def metric_key(written: str) -> str:
    """A phrase as the lexicon keys it: lower case, one space between words."""
    return " ".join(written.split()).lower()


@dataclass(frozen=True)
class Cues:
    """The compiled English cue words of ``data/cues.json`` and the metric names."""

    kind: regex.Pattern[str]
    growth_up: frozenset[str]
    growth_down: frozenset[str]
    to_words: frozenset[str]
    level_verbs: frozenset[str]
    ratio_words: frozenset[str]
    post_growth: regex.Pattern[str]
    post_down: frozenset[str]
    target: regex.Pattern[str]
    review_target: regex.Pattern[str]
    last_year: regex.Pattern[str]
    comparison: regex.Pattern[str]
    share_head: regex.Pattern[str]
    subject_stop: regex.Pattern[str]
    object_verb: regex.Pattern[str]
    leading: regex.Pattern[str]
    trailing: regex.Pattern[str]
    metric_names: regex.Pattern[str]
    metric_by_name: dict[str, Metric]
    counted_stop: frozenset[str]
    weak_copulas: frozenset[str]
    generic_nouns: frozenset[str]
    this_year: regex.Pattern[str]
    share_verb: regex.Pattern[str]
    reduction_metrics: frozenset[str]
    of_gdp: regex.Pattern[str]
    gdp_share_metrics: Mapping[str, str]
    share_metric_words: tuple[str, ...]
    from_end: regex.Pattern[str]
    by_year: regex.Pattern[str]
    of_year: regex.Pattern[str]
    lead_year: regex.Pattern[str]
    list_line: regex.Pattern[str]
    respectively: regex.Pattern[str]
    after_clause_end: regex.Pattern[str]
    counted_linker: regex.Pattern[str]
    amount_linker: regex.Pattern[str]
    appositive: regex.Pattern[str]
    growth_by: str
    growth_of: str
    growth_adverbs: str
    ranked_thing: regex.Pattern[str]
    ranked_not: regex.Pattern[str]
    ranked_strip: regex.Pattern[str]
    after_lead: regex.Pattern[str]
    past_tense: regex.Pattern[str]
    headline_target: regex.Pattern[str]
    bare_growth: regex.Pattern[str]
    bare_growth_metric: str


def _metric_names(lex: Lexicon) -> dict[str, Metric]:
    by_name: dict[str, Metric] = {}
    for metric in lex.metrics:
        for name in metric.en_names:
            by_name.setdefault(metric_key(name), metric)
    return by_name


def _lower(words: Iterable[str]) -> frozenset[str]:
    return frozenset(w.lower() for w in words)


def _ranked_thing(c: CueData) -> regex.Pattern[str]:
    """What a ranking ranks: first in terms of ..., first in the number of ..."""
    return regex.compile(
        rf"\s+(?:{alternation(c.ranked_in)})\s+(?:(?:{_phrases(c.ranked_by_phrases)})\s+"
        rf"|(?:(?:{alternation(c.ranked_articles)})\s+)?(?=(?:{_phrases(c.ranked_measures)})\s))([^,;.!?]{{3,80}})",
        regex.I)


def _after_lead(c: CueData) -> regex.Pattern[str]:
    """What opens the phrase after a number: in (a 4 percent increase in ...), is the target for."""
    return regex.compile(
        rf"\s+(?:(?:{alternation(c.after_in)})|(?:{alternation(c.target_copulas)})\s+(?:{alternation(c.target_articles)})"
        rf"\s+(?:\w+\s+)?(?:{alternation(c.target_nouns)})\s+(?:{alternation(c.target_of)}))\s+", regex.I)


def _kind_cues(c: CueData) -> dict[str, Any]:
    return dict(
        kind=_words(c.growth_up + c.growth_down + c.to_words + c.level_verbs + c.ratio_words),
        growth_up=_lower(c.growth_up), growth_down=_lower(c.growth_down), to_words=_lower(c.to_words),
        level_verbs=_lower(c.level_verbs), ratio_words=_lower(c.ratio_words),
        post_growth=regex.compile(rf"\s+(?:{alternation(c.post_growth_up + c.post_growth_down)})(?![\w-])", regex.I),
        post_down=_lower(c.post_growth_down), weak_copulas=_lower(c.weak_copulas),
        growth_by=alternation(c.growth_by), growth_of=alternation(c.growth_of),
        growth_adverbs=alternation(c.growth_adverbs),
        from_end=regex.compile(rf"\b(?:{alternation(c.from_words)})\s*$", regex.I),
    )


def _timing_cues(c: CueData) -> dict[str, Any]:
    return dict(
        target=_words(c.target_cues), review_target=_words(c.review_target_nouns),
        last_year=_words(c.last_year_words), this_year=_words(c.this_year_words),
        comparison=_words(c.comparison_phrases),
        by_year=regex.compile(rf"\b(?:{alternation(c.by_year_words)})\s+((?:19|20)\d\d)\b", regex.I),
        of_year=regex.compile(rf"\b(?:{alternation(c.growth_of)})\s+((?:19|20)\d\d)\b", regex.I),
        lead_year=regex.compile(rf"^\s*(?:{alternation(c.lead_year_words)})\s+((?:19|20)\d\d)\b"),
        list_line=regex.compile(rf"^\s*(?:{alternation(c.list_markers)})\s"),
        respectively=_words(c.respectively_words),
    )


def _metric_cues(lex: Lexicon, c: CueData) -> dict[str, Any]:
    by_name = _metric_names(lex)
    return dict(
        share_head=regex.compile(rf"\b(?:{alternation(c.share_heads)})\s", regex.I),
        subject_stop=_words(c.subject_stops + c.object_verbs + c.target_cues),
        object_verb=_words(c.object_verbs),
        leading=regex.compile(rf"^(?:(?:{alternation(c.leading_strip)})(?![\w-])\s*)+", regex.I),
        trailing=regex.compile(rf"(?:\s+(?:{alternation(c.trailing_strip)}))+$", regex.I),
        metric_names=_words(list(by_name)), metric_by_name=by_name,
        counted_stop=_lower(english_data(lex).numbers.not_counted_before) | _lower(c.subject_stops)
        | _lower(c.growth_up) | _lower(c.growth_down) | _lower(c.object_verbs),
        generic_nouns=_lower(c.generic_nouns), share_verb=_words(c.share_verbs),
        reduction_metrics=frozenset(c.reduction_metrics),
        of_gdp=regex.compile(rf"\s+(?:{_phrases(c.of_gdp_phrases)})(?![\w-])"),
        gdp_share_metrics=dict(c.gdp_share_metrics),
        share_metric_words=tuple(w.lower() for w in c.share_metric_words),
        after_clause_end=regex.compile(rf"[,;:.!?()]|\n(?![ \t]*[a-z(])|\s(?:{alternation(c.clause_joiners)})\s"),
        counted_linker=regex.compile(rf"^\s+(?:{alternation(c.counted_linkers)})\s+"),
        appositive=regex.compile(rf",\s*(?:{_phrases(c.appositive_openers)})\s[^,]*,?", regex.I),
        amount_linker=regex.compile(rf"^\s+(?:{alternation(c.counted_linkers + c.amount_linkers)})\s+"),
        ranked_thing=_ranked_thing(c),
        ranked_not=regex.compile(rf"\d|\b(?:{alternation(c.ranked_not_things)})\b"),
        ranked_strip=regex.compile(rf"^(?:{_phrases(c.ranked_strip)})\s+"),
        after_lead=_after_lead(c),
        bare_growth=regex.compile(rf"(?:(?:{_phrases(c.bare_growth_determiners)})\s+)*(?:{_phrases(c.bare_growth_heads)})"
                                  rf"(?:\s+(?:{_phrases(c.bare_growth_tails)}))*", regex.I),
        bare_growth_metric=c.bare_growth_metric,
    )


@cache
def compile_cues(lex: Lexicon) -> Cues:
    """The English cues of ``lex``, compiled once."""
    en = english_data(lex)
    c = en.cues
    return Cues(**_kind_cues(c), **_timing_cues(c), **_metric_cues(lex, c),
                past_tense=_words(en.framing.past_tense_verbs), headline_target=_words(en.framing.headline_target_cues))
