"""Typed views of the Chinese pack's data files, built once per Lexicon.

Pack code reads attributes of these frozen dataclasses instead of ``lex.raw[file][key]``
look-ups; each view is built on first use and cached per Lexicon.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any, TypeVar

from ...lexicon import Lexicon

_V = TypeVar("_V")


def _fields(data: Mapping[str, Any], skip: tuple[str, ...]) -> dict[str, Any]:
    """The entries of a data file without its ``_about`` notes and the keys in ``skip``, word
    lists as tuples."""
    return {k: tuple(v) if isinstance(v, list) else v for k, v in data.items()
            if not k.startswith("_") and k not in skip}


@dataclass(frozen=True)
class Grammar:
    """``grammar.json``: function words and marks of number grammar."""

    ordinal_prefix: str
    minus_after: str
    minus_words: tuple[str, ...]
    range_separators: str
    list_comma: str
    bracket_opens: str
    bracket_closes: str
    age_units: tuple[str, ...]
    attribute_units: tuple[str, ...]
    clause_marks: str
    year_tails: tuple[str, ...]
    dated_year_tails: tuple[str, ...]
    base_year_tails: tuple[str, ...]
    to_words: tuple[str, ...]
    span_dashes: tuple[str, ...]
    per_prefix: str
    per_units: str
    name_quotes: tuple[str, ...]
    quote_pairs: Mapping[str, str]
    phrase_strip: str
    noun_strip: str
    possessive: str
    by_year_word: str
    month_word: str
    since_words: tuple[str, ...]
    scope_end_marks: str
    ordinal_list_joiners: str


@dataclass(frozen=True)
class Noise:
    """``noise.json``: number-like text that is not a claim."""

    phrases: tuple[str, ...]
    name_followers: tuple[str, ...]
    quote_chars: Mapping[str, str]
    quote_max_chars: int
    list_markers: tuple[str, ...]
    time_followers: tuple[str, ...]
    abstract_nouns: tuple[str, ...]
    demonstratives: tuple[str, ...]


@dataclass(frozen=True)
class Qualifiers:
    """``qualifiers.json``: qualifier words before, inside and after a number, and the words
    of two numbers that bound one range (在A和B之间, A以上B以下)."""

    prefix: Mapping[str, str]
    suffix: Mapping[str, str]
    inner: Mapping[str, str]
    comparative_prefixes: tuple[str, ...]
    bounds: Mapping[str, Any]


@dataclass(frozen=True)
class UnitWords:
    """``units.json`` beyond the units themselves: implied units, fraction and doubling words,
    words that give the unit before a number (百分之), words that begin with a unit but are none
    (元旦), 半 after a unit, the smaller money units (角, 分) and the units that are words as often
    (里, 瓦, 卡: units only before certain words)."""

    implied: Mapping[str, Any]
    fractions: Mapping[str, float]
    doubling: Mapping[str, float]
    prefixed: Mapping[str, str]
    not_units: Mapping[str, Any]
    half: Mapping[str, Any]
    subunits: Mapping[str, Any]
    discount: Mapping[str, Any]
    guarded: Mapping[str, Any]
    per_n: Mapping[str, int]
    divided: Mapping[str, int]


@dataclass(frozen=True)
class MetaWords:
    """``meta.json``: the words of a report's opening lines that give its metadata."""

    month: str
    day: str
    at: str
    addressed_to: tuple[str, ...]
    congress_term: str
    congress: str
    national: str
    national_region: str
    session: str
    term_review_words: tuple[str, ...]
    report_title: str
    giving_report: str
    photo_credit: str
    title_stops: str
    place_stops: str
    quote_marks: str
    full_stop: str
    heading_marks: str
    on_behalf: str
    government: str
    state_council_address: str
    year_copulas: str
    year_is: str
    opening_year_words: tuple[str, ...]
    region_marks: str
    region_trims: tuple[str, ...]
    level_words: Mapping[str, str]
    session_term_words: tuple[str, ...]
    first_session: str
    plan_marks: str
    plan_five: str
    plan_words: tuple[str, ...]
    plan_start_words: tuple[str, ...]
    plan_period_words: tuple[str, ...]
    next_year_from_month: int
    addressing: tuple[str, ...]
    governments: tuple[str, ...]
    plan_heading_words: tuple[str, ...]
    term_review_openings: tuple[str, ...]
    pauses: str
    first_section: str
    term_start_words: tuple[str, ...]
    since: str
    congress_short: str


@dataclass(frozen=True)
class CueWords:
    """``cues.json``: cue words of kind, direction and status, and the words trimmed off metric phrases."""

    growth_up: tuple[str, ...]
    growth_down: tuple[str, ...]
    ratio_words: tuple[str, ...]
    ratio_verbs: tuple[str, ...]
    level_change_verbs: tuple[str, ...]
    new_item_words: tuple[str, ...]
    main_target_cues: tuple[str, ...]
    review_heading_cues: tuple[str, ...]
    plan_heading_cues: tuple[str, ...]
    plan_spans: Mapping[str, int]
    plan_span_not_before: tuple[str, ...]
    century_end_words: tuple[str, ...]
    plan_span_target_cues: tuple[str, ...]
    from_words: tuple[str, ...]
    span_openers: tuple[str, ...]
    to_verbs: tuple[str, ...]
    metric_trailing_strip: tuple[str, ...]
    metric_leading_strip: tuple[str, ...]
    comparison_phrases: tuple[str, ...]
    counted_noun_stops: tuple[str, ...]
    share_words: tuple[str, ...]
    clause_target_cues: tuple[str, ...]
    last_year_words: tuple[str, ...]
    comparison_markers: tuple[str, ...]
    five_year_review_cues: tuple[str, ...]
    clause_start_down_verbs: tuple[str, ...]
    copula_verbs: tuple[str, ...]
    comparison_bases: tuple[str, ...]
    metric_suffixes: tuple[str, ...]
    metric_prefixes: tuple[str, ...]
    subject_words: tuple[str, ...]
    object_markers: tuple[str, ...]
    object_marker_words: tuple[str, ...]
    per_capita: Mapping[str, Mapping[str, str]]
    object_verbs: tuple[str, ...]
    future_markers: tuple[str, ...]
    done_cues: tuple[str, ...]
    modifier_suffixes: tuple[str, ...]
    paired_words: Mapping[str, list[str]]
    plan_span_phrases: tuple[str, ...]
    list_separators: tuple[str, ...]
    conjunctions: tuple[str, ...]
    respectively: tuple[str, ...]
    tail_particles: tuple[str, ...]
    this_year_words: tuple[str, ...]
    review_openers: tuple[str, ...]
    review_closers: tuple[str, ...]
    years_ahead_cues: Mapping[str, int]


@dataclass(frozen=True)
class RankingWords:
    """``ranking.json``: ranking scopes, verbs, ordinal words and suffixes."""

    max_scope_chars: int
    scope_heads: tuple[str, ...]
    verbs: tuple[str, ...]
    words: Mapping[str, int]
    ordinal_suffixes: tuple[str, ...]
    top_prefix: str
    vague_words: tuple[str, ...]
    not_ranking_after: tuple[str, ...]
    scope_size_words: tuple[str, ...]


@dataclass(frozen=True)
class Regions:
    """``regions.json``: administrative regions and the suffixes that tell their level."""

    national: tuple[str, ...]
    provinces: Mapping[str, list[str]]
    city_suffixes: tuple[str, ...]
    county_suffixes: tuple[str, ...]
    national_congress_first_year: Mapping[str, int]
    five_year_plan_first_year: Mapping[str, int]
    county_level_cities: tuple[str, ...]
    places: tuple[str, ...]


def _view(cls: type[_V], file: str, skip: tuple[str, ...] = ()) -> Callable[[Lexicon], _V]:
    """The cached builder of the view ``cls`` of data file ``file`` (``skip``: keys it leaves out)."""

    @cache
    def build(lex: Lexicon) -> _V:
        return cls(**_fields(lex.raw[file], skip))

    build.__doc__ = f"The typed view of ``{file}.json`` (built once per Lexicon)."
    return build


grammar = _view(Grammar, "grammar")
noise = _view(Noise, "noise")
qualifiers = _view(Qualifiers, "qualifiers")
unit_words = _view(UnitWords, "units", skip=("units",))  # the units themselves: Lexicon.units
meta_words = _view(MetaWords, "meta")
cue_words = _view(CueWords, "cues")
ranking_words = _view(RankingWords, "ranking")
regions = _view(Regions, "regions")
