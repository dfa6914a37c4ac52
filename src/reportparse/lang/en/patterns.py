"""The compiled patterns of the English number recogniser, built once per Lexicon from the
typed data views (numbers, units, qualifiers)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache

import regex

from ...lexicon import Lexicon, Unit
from ...recognise.patterns import alternation
from .numbers import NumberWords, number_words
from .views import NumberData, english_data


@dataclass(frozen=True)
class Patterns:
    """Patterns and look-up tables of the English number recogniser."""

    mention: regex.Pattern[str]
    special: regex.Pattern[str]
    name_followers: regex.Pattern[str]
    times_followers: regex.Pattern[str]
    month_before: regex.Pattern[str]
    ordinal_after: regex.Pattern[str]
    denominator_before: regex.Pattern[str]
    set_before: regex.Pattern[str]
    set_after: regex.Pattern[str]
    age_before: regex.Pattern[str]
    year_level: regex.Pattern[str]
    from_word: regex.Pattern[str]
    counting: regex.Pattern[str]
    people: regex.Pattern[str]
    half_before: regex.Pattern[str]
    half_words: tuple[str, ...]
    half_followers: tuple[str, ...]
    range_to: frozenset[str]
    lone_counts: frozenset[str]
    implied: Mapping[str, str]
    not_counted: frozenset[str]
    units: Mapping[str, Unit]
    prefixed: Mapping[str, str]
    fractions: Mapping[str, float]
    doubling: Mapping[str, float]
    prefix: Mapping[str, str]
    suffix: Mapping[str, str]
    numbers: NumberWords


# Space before a unit; across a line break only when the next line goes on in lower case (5.2\npercent
# of a wrapped line; not the year ending a heading before a line that opens with People).
_UNIT_GAP = r"(?:[^\S\n]*\n\s*(?-i:(?![A-Z]))|[^\S\n]*)"


def _ci(words: Iterable[str]) -> str:
    return alternation(list(words))


def _mention(lex: Lexicon, data: NumberData, number: str) -> str:
    """One number expression: qualifier, sign, number, unit, range, suffix qualifier."""
    en = english_data(lex)
    unit_alt = rf"(?:{_ci(lex.units)})(?![A-Za-z])"
    # a rate joins its number with a hyphen: a 7.3-percent expansion
    hyphen_unit = rf"-(?=(?:{_ci(s for s, u in lex.units.items() if u.kind in ('rate', 'points'))})(?![A-Za-z]))"
    cur = rf"(?:{_ci(en.units.prefixed)})"
    pre, suf = _ci(en.qualifiers.prefix), _ci(en.qualifiers.suffix)
    between, joiner, to = _ci(data.range_openers), _ci(data.range_joiners), _ci(data.range_to)
    return (
        rf"(?<![\w.$¥€-])"
        rf"(?:(?P<between>{between})\s+)?"
        rf"(?:(?P<pre>{pre})\s+)?"
        rf"(?:(?P<cur>{cur})\s?)?"
        rf"(?P<neg>-|(?:{_ci(data.minus_words)})\s+)?"
        rf"(?P<num>{number})"
        rf"(?:{_UNIT_GAP}(?P<unit1>{unit_alt}))?"
        rf"(?:(?P<sep>(?(between)\s+(?:{joiner})\s+|(?:\s*[-–—]\s*|\s+(?:{to})\s+)))"
        rf"(?P<cur2>{cur}\s?)?(?P<num2>{number}))?"
        rf"(?:(?:{_UNIT_GAP}|{hyphen_unit})(?P<unit>{unit_alt}))?"
        rf"(?:\s+(?P<suf>{suf})(?![A-Za-z]))?"
    )


def _compile(words: Iterable[str], template: str = "{}", flags: int = regex.I) -> regex.Pattern[str]:
    return regex.compile(template.replace("{}", f"(?:{_ci(words)})"), flags)


@cache
def compile_patterns(lex: Lexicon) -> Patterns:
    """The number patterns of ``lex`` (English), compiled once."""
    en = english_data(lex)
    data = en.numbers
    words = number_words(lex)
    pre = _ci(en.qualifiers.prefix)
    specials = list(en.units.fractions) + list(en.units.doubling)
    special = rf"(?<![\w-])(?:(?P<pre>{pre})\s+)?(?P<word>{_ci(specials)})(?![\w-])"
    return Patterns(
        mention=regex.compile(_mention(lex, data, words.pattern), regex.I),
        special=regex.compile(special, regex.I),
        name_followers=_compile(data.name_followers, r"\s*{}"),
        times_followers=_compile(data.times_followers, r"\s+{}"),
        month_before=_compile(data.months, r"\b{}\s*$"),
        ordinal_after=_compile(data.ordinal_suffixes, r"{}\b"),
        denominator_before=_compile(data.denominator_words, r"\b{}\s+$"),
        set_before=_compile(data.set_articles, r"\b{}\s+$"),
        set_after=_compile(data.set_adjectives, r"\s+{}\b"),
        age_before=_compile(data.age_openers, r"\b{}\s+$"),
        year_level=_compile(data.year_level_phrases, r"\b{}\b"),
        from_word=_compile(english_data(lex).cues.from_words, r"\b{}\b"),
        counting=_compile(data.counting_phrases, r"\b{}\b(?P<noun>[^,;.]{0,40})"),
        people=_compile(data.people_nouns, r"\b{}\b", 0),
        half_before=_compile(data.half_openers, r"{}\s$", 0),
        half_words=data.half_words,
        half_followers=tuple(" " + w for w in data.half_followers),
        range_to=frozenset(w.lower() for w in data.range_to),
        lone_counts=frozenset(w.lower() for w in data.lone_count_words),
        implied=en.units.implied,
        not_counted=frozenset(w.lower() for w in data.not_counted_before),
        units={s.lower(): unit for s, unit in lex.units.items()},
        prefixed=en.units.prefixed,
        fractions={k.lower(): v for k, v in en.units.fractions.items()},
        doubling={k.lower(): v for k, v in en.units.doubling.items()},
        prefix=en.qualifiers.prefix,
        suffix=en.qualifiers.suffix,
        numbers=words,
    )
