"""Region names in a report's own words: a captured name cleaned to a place, its level, and the
province a report names most when its opening lines say only 省 (我代表省人民政府).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

import regex

from ...lexicon import Lexicon
from .numerals import COUNTING_DIGITS
from .views import grammar, meta_words, regions
from .years import YEAR, YEAR_SUFFIX

_MIN_MENTIONS = 5  # a place named fewer times than this is a passing mention, not the report's own
_LEAD = 2  # and the report's own is named at least this many times as often as the next one
_STEM_SIZES = (2, 3, 4)  # the lengths of a city's or county's name before its level word (长沙, 哈尔滨, 呼和浩特)


@cache
def _date(lex: Lexicon) -> regex.Pattern[str]:
    """A date (2006年12月24日, 2006年) inside a captured place."""
    w = meta_words(lex)
    day = rf"[\d{COUNTING_DIGITS}]{{1,3}}"
    return regex.compile(rf"(?:{YEAR}){YEAR_SUFFIX}(?:\s*{day}\s*{regex.escape(w.month)})?"
                         rf"(?:\s*{day}\s*{regex.escape(w.day)})?")


def clean_region(raw: str, lex: Lexicon) -> tuple[str | None, str | None]:
    """A captured place (``2006年12月24日在南昌市``, ``石家庄市人民``, ``河南省《``, ``第九届省``) as a
    name (南昌市, 石家庄市, 河南省) or, when it is only a level word (省, 自治区), that word.

    Returns ``(name, None)``, ``(None, word)`` or ``(None, None)`` when no place is left.
    """
    w, ordinal = meta_words(lex), grammar(lex).ordinal_prefix
    name = "".join(ch for ch in _date(lex).sub("", raw) if ch not in w.region_marks).strip()
    name = regex.sub(rf"{regex.escape(ordinal)}?[{COUNTING_DIGITS}]+{regex.escape(w.congress_term)}", "", name)
    name = name.rsplit(w.at, 1)[-1].split(ordinal, 1)[0].strip()
    for trim in w.region_trims:
        name = name.removesuffix(trim)
    if name in w.level_words:
        return None, name
    return (name, None) if len(name) >= 2 else (None, None)


def _suffixes(lex: Lexicon, level: str | None = None) -> tuple[str, ...]:
    """The words that end a place's name (of ``level`` when given), longest first."""
    found = {word for word, told in meta_words(lex).level_words.items() if level in (None, told)}
    return tuple(sorted(found, key=len, reverse=True))


def complete_region(name: str, text: str, lex: Lexicon) -> str | None:
    """A place as the text names it in full: a province in any form, a name with its level word
    (长沙市), or a bare name the text also writes with one or jieba's dictionary knows with one
    (长春 -> 长春市); None when it is no place."""
    places = regions(lex)
    if name in places.national or any(name == n or name in forms for n, forms in places.provinces.items()):
        return canonical_region(name, lex)
    if name.endswith(_suffixes(lex)):
        return name
    written = [name + end for end in _suffixes(lex) if name + end in text]
    known = _places(lex)
    return next(iter(written), None) or next((name + end for end in _suffixes(lex) if name + end in known), None)


def region_level(region: str, lex: Lexicon) -> str | None:
    """The level of a canonical region: national, province, county for a listed county-level city
    (昆山市), or by its longest suffix (县级市 and 自治县 before 市 and 县, 地区 before 区) city or county."""
    places = regions(lex)
    if region in places.national:
        return "national"
    if region in places.provinces:
        return "province"
    if region in places.county_level_cities:
        return "county"
    ends = [(len(s), "county") for s in places.county_suffixes if region.endswith(s) and len(region) > len(s)]
    ends += [(len(s), "city") for s in places.city_suffixes if region.endswith(s) and len(region) > len(s)]
    return max(ends)[1] if ends else None


def canonical_region(region: str, lex: Lexicon) -> str:
    """The canonical name of a province-level region written in any of its forms (广西 -> 广西壮族自治区,
    中华人民共和国 -> 全国); any other place comes back as written."""
    places = regions(lex)
    if region in places.national:
        return meta_words(lex).national_region
    for name, forms in places.provinces.items():
        if region == name or region in forms:
            return str(name)
    return region


def named_place(text: str, lex: Lexicon, word: str) -> str | None:
    """The place a report that calls its government only by a level word ``word`` (省人民政府,
    市人民政府) names far more often than any other: a province from the list of provinces, a
    city or county from the listed names the text writes with ``word`` (长沙市, then 长沙
    throughout), else the listed one whose bare name it writes most (宁波). None when no place
    stands out."""
    places = regions(lex)
    if meta_words(lex).level_words.get(word) == "province":
        counts = Counter({name: max(text.count(form) for form in (name, *forms))
                          for name, forms in places.provinces.items() if name.endswith(word)})
        return _standing_out(counts, lex)
    return _standing_out(_written_counts(text, lex, word), lex) or _standing_out(_stem_counts(text, lex, word), lex)


def _standing_out(counts: Counter[str], lex: Lexicon) -> str | None:
    """The place named at least ``_MIN_MENTIONS`` times and ``_LEAD`` times as often as the next."""
    ranked = counts.most_common(2) + [("", 0)] * 2
    (best, most), (_, next_most) = ranked[0], ranked[1]
    return canonical_region(best, lex) if most >= _MIN_MENTIONS and most >= _LEAD * next_most else None


def _written_counts(text: str, lex: Lexicon, word: str) -> Counter[str]:
    """How often each listed place the text writes with ``word`` (长沙市) is named, counted by its
    stem (长沙, then 长沙 throughout)."""
    known = _places(lex)
    names = set()
    for m in regex.finditer(regex.escape(word), text):
        for size in _STEM_SIZES:
            stem = text[max(0, m.start() - size):m.start()]
            if len(stem) == size and stem + word in known:
                names.add(stem)
    return Counter({stem + word: text.count(stem) for stem in names})


@cache
def _places(lex: Lexicon) -> frozenset[str]:
    """The places below province level ``regions.json`` lists (长沙市, 二七区)."""
    return frozenset(regions(lex).places)


@cache
def _stems(lex: Lexicon, word: str) -> re.Pattern[str]:
    """The stems (长沙, 呼和浩特) of the listed places named with ``word`` (市), longest first (the
    standard library's ``re``: on an alternation of some 800 plain words it is about six times as
    fast as the regex package, and finds the same words)."""
    stems = {name[:-len(word)] for name in _places(lex)
             if name.endswith(word) and len(name) - len(word) in _STEM_SIZES}
    return re.compile("|".join(map(re.escape, sorted(stems, key=len, reverse=True))))


def _stem_counts(text: str, lex: Lexicon, word: str) -> Counter[str]:
    """How often each listed place of ``word`` (长沙市) is named by its stem alone (长沙): a report
    may never write its own city's name with the level word (slower: read when no name written
    with it stands out)."""
    return Counter(m.group() + word for m in _stems(lex, word).finditer(text))
