"""Typed views of the English data files: one frozen dataclass per file, built once per
:class:`~reportparse.lexicon.Lexicon`, so the pack reads attributes instead of raw keys.

Each field mirrors a key of the file (its definition is ``en_<file>`` or the shared one in
``schemas/lexicon.schema.json``); word lists become tuples.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar

from ...lexicon import Lexicon

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

Words = tuple[str, ...]
_View = TypeVar("_View", bound="DataclassInstance")


def _view(cls: type[_View], raw: Mapping[str, Any]) -> _View:
    """The view ``cls`` of a data file: each field from the key of the same name."""
    return cls(**{f.name: tuple(raw[f.name]) if isinstance(raw[f.name], list) else raw[f.name]
                  for f in fields(cls)})


@dataclass(frozen=True)
class NumberData:
    """``numbers.json``: number words, scales and the words around a number."""

    ones: Mapping[str, int]
    tens: Mapping[str, int]
    scales: Mapping[str, int]
    months: Words
    not_counted_before: Words
    name_followers: Words
    times_followers: Words
    number_joiners: Words
    ordinal_suffixes: Words
    range_openers: Words
    range_joiners: Words
    range_to: Words
    minus_words: Words
    denominator_words: Words
    counting_phrases: Words
    people_nouns: Words
    half_words: Words
    half_openers: Words
    half_followers: Words
    lone_count_words: Words
    set_articles: Words
    set_adjectives: Words
    age_openers: Words
    year_level_phrases: Words


@dataclass(frozen=True)
class UnitData:
    """``units.json`` beyond the unit surfaces the Lexicon compiles: implied units of counted
    nouns (noun -> code), fraction and doubling words (-> percent), currency signs (-> surface)."""

    implied: Mapping[str, str]
    fractions: Mapping[str, float]
    doubling: Mapping[str, float]
    prefixed: Mapping[str, str]


@dataclass(frozen=True)
class QualifierData:
    """``qualifiers.json``: words before and after a number, keyed in lower case, with the
    contract's qualifier."""

    prefix: Mapping[str, str]
    suffix: Mapping[str, str]


@dataclass(frozen=True)
class RankingData:
    """``ranking.json``: ordinals and the words that make one a ranking."""

    ordinals: Mapping[str, int]
    verbs: Words
    superlatives: Words
    place_words: Words
    scopes: Words
    top_words: Words
    not_ranking_after: Words


@dataclass(frozen=True)
class CueData:
    """``cues.json``: the cue words of kind, status, period and metric."""

    growth_up: Words
    growth_down: Words
    to_words: Words
    level_verbs: Words
    ratio_words: Words
    share_heads: Words
    target_cues: Words
    review_heading_cues: Words
    plan_heading_cues: Words
    last_year_words: Words
    this_year_words: Words
    comparison_phrases: Words
    subject_stops: Words
    object_verbs: Words
    leading_strip: Words
    trailing_strip: Words
    from_words: Words
    review_target_nouns: Words
    post_growth_up: Words
    post_growth_down: Words
    weak_copulas: Words
    generic_nouns: Words
    share_verbs: Words
    share_metric_words: Words
    reduction_metrics: Words
    of_gdp_phrases: Words
    gdp_share_metrics: Mapping[str, str]
    lead_year_words: Words
    list_markers: Words
    respectively_words: Words
    plan_spans: Mapping[str, int]
    by_year_words: Words
    clause_joiners: Words
    counted_linkers: Words
    growth_by: Words
    growth_of: Words
    growth_adverbs: Words
    ranked_in: Words
    ranked_by_phrases: Words
    ranked_articles: Words
    ranked_measures: Words
    ranked_strip: Words
    ranked_not_things: Words
    after_in: Words
    target_copulas: Words
    target_articles: Words
    target_nouns: Words
    target_of: Words
    bare_growth_determiners: Words
    bare_growth_heads: Words
    bare_growth_tails: Words
    bare_growth_metric: str
    amount_linkers: Words
    appositive_openers: Words


@dataclass(frozen=True)
class MetaData:
    """``meta.json``: the words of the delivery line, the title and the congress of a report."""

    delivery_words: Words
    report_titles: Words
    national_markers: Words
    national_region: str
    congress: str
    congress_kinds: Words
    congress_article: Words
    name_articles: Words
    city_congress_kinds: Words
    province_level_cities: Words


@dataclass(frozen=True)
class FramingData:
    """``framing.json``: the words of text without a title block (datelines, headlines, tense)."""

    agencies: Words
    dateline_dashes: Words
    report_names: Words
    national_subjects: Words
    local_words: Words
    regional_prefixes: Words
    past_tense_verbs: Words
    headline_target_cues: Words


@dataclass(frozen=True)
class EnglishData:
    """Every English data file the pack reads, as typed views."""

    numbers: NumberData
    units: UnitData
    qualifiers: QualifierData
    ranking: RankingData
    cues: CueData
    meta: MetaData
    framing: FramingData


def _units(raw: Mapping[str, Any]) -> UnitData:
    implied = {noun.lower(): code for code, nouns in raw["implied"].items() if not code.startswith("_")
               for noun in nouns}
    return UnitData(implied, dict(raw["fractions"]), dict(raw["doubling"]), dict(raw["prefixed"]))


def _qualifiers(raw: Mapping[str, Any]) -> QualifierData:
    return QualifierData(*({w.lower(): q for w, q in raw[key].items()} for key in ("prefix", "suffix")))


@cache
def english_data(lex: Lexicon) -> EnglishData:
    """The typed views of the English data of ``lex``, built once."""
    raw = lex.raw
    return EnglishData(
        numbers=_view(NumberData, raw["numbers"]),
        units=_units(raw["units"]),
        qualifiers=_qualifiers(raw["qualifiers"]),
        ranking=_view(RankingData, raw["ranking"]),
        cues=_view(CueData, raw["cues"]),
        meta=_view(MetaData, raw["meta"]),
        framing=_view(FramingData, raw["framing"]),
    )
