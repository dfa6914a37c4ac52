"""Document metadata of an English report: title, region, level and report year.

The delivery line (Delivered at the Second Session of the 14th National People's Congress
... on March 5, 2024) gives the year and the level; a dated title (2024 Report on the Work of
the Government) and dated headings (I. Review of Our Work in 2023 -> 2024; Government Work
Tasks for 2024 -> 2024) are fallbacks. The words are in ``data/meta.json``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

import regex

from ...lexicon import Lexicon
from ...recognise.patterns import alternation
from .cues import compile_cues
from .views import MetaData, english_data

YEAR_EN = regex.compile(r"(?<![\d.,-])(?:19|20)\d\d(?![\d%-]|\.\d|,\d{3})")
# the headline or first sentence (the point of a heading number, II., ends none)
_FRAMING = regex.compile(r"\S[^\n]*?(?:(?<=[a-z0-9%)][.!?])(?=\s)|\n|$)")


@dataclass(frozen=True)
class _MetaPatterns:
    delivery: regex.Pattern[str]
    title: regex.Pattern[str]
    congress: regex.Pattern[str]
    review_heading: regex.Pattern[str]
    plan_heading: regex.Pattern[str]
    name_article: regex.Pattern[str]
    words: MetaData


@cache
def _patterns(lex: Lexicon) -> _MetaPatterns:
    en = english_data(lex)
    w, cues = en.meta, en.cues
    review, plan = alternation(cues.review_heading_cues), alternation(cues.plan_heading_cues)
    return _MetaPatterns(
        delivery=regex.compile(rf"^.{{0,40}}\b(?:{alternation(w.delivery_words)})\b[^\n]{{0,240}}", regex.M),
        title=regex.compile(rf"^[^\n.]{{0,60}}(?:{alternation(w.report_titles)})[^\n.]{{0,60}}$", regex.M),
        congress=regex.compile(rf"\b(?:(?:{alternation(w.congress_article)})\s+)?([A-Z][A-Za-z ]{{1,40}}?)\s+"
                               rf"({alternation(w.congress_kinds)})\s+{regex.escape(w.congress)}"),
        review_heading=regex.compile(rf"^[^\n]{{0,12}}(?:{review})[^\n]{{0,40}}?\b((?:19|20)\d\d)\b", regex.M),
        plan_heading=regex.compile(rf"^[^\n]{{0,60}}(?:{plan})[^\n]{{0,80}}?\b((?:19|20)\d\d)\b", regex.M),
        name_article=regex.compile(rf"^(?:{alternation(w.name_articles)})\s+"),
        words=w,
    )


def _year(text: str, pats: _MetaPatterns) -> int | None:
    head = text[:3000]
    if (m := pats.delivery.search(head)) and (years := YEAR_EN.findall(m.group())):
        return int(years[-1])
    if (m := pats.title.search(head)) and (years := YEAR_EN.findall(m.group())):
        return int(years[0])
    if m := pats.review_heading.search(text):
        return int(m.group(1)) + 1
    if m := pats.plan_heading.search(text):
        return int(m.group(1))
    return None


def framing_year(text: str, lex: Lexicon) -> int | None:
    """The report year of a text without a title block (wire copy, highlights, a bulletin),
    from its headline or first sentence: the year it names when it frames targets (China sets
    2024 GDP growth target at around 5 percent), else the year after the one it reviews
    (China's economic and social progress in 2023; a bulletin on 2023: its figures are the
    actuals of the year before the report)."""
    framing = _FRAMING.search(text)
    years = [int(y) for y in YEAR_EN.findall(framing.group())] if framing else []
    if not framing or not years:
        return None
    return max(years) if compile_cues(lex).target.search(framing.group()) else max(years) + 1


def _region(head: str, pats: _MetaPatterns) -> tuple[str | None, str | None]:
    words = pats.words
    if any(marker in head for marker in words.national_markers):
        return words.national_region, "national"
    if m := pats.congress.search(head):
        name, kind = pats.name_article.sub("", m.group(1).strip()), m.group(2)
        if kind in words.city_congress_kinds and name not in words.province_level_cities:
            return name, "city"
        return name, "province"
    return None, None


def read_metadata(text: str, lex: Lexicon) -> dict[str, Any]:
    """Title, region, level and report_year of an English report text."""
    pats = _patterns(lex)
    title = pats.title.search(text[:3000])
    region, level = _region(text[:3000], pats)
    year = _year(text, pats) or framing_year(text, lex)
    return {
        "title": title.group().strip() if title else None,
        "region": region,
        "level": level,
        "report_year": year,
    }
