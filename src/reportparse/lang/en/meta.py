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
    dateline: regex.Pattern[str]
    titled_year: regex.Pattern[str]
    national_subject: regex.Pattern[str]
    local: regex.Pattern[str]
    words: MetaData


def _dated_heading(cue: str, lead: int, gap: int) -> regex.Pattern[str]:
    """A heading line with a cue and a year after it (I. Review of Our Work in 2023) or a year
    right before it (2023 REVIEW, 2024 TARGETS), in any case."""
    year = r"\b((?:19|20)\d\d)\b"
    return regex.compile(rf"^[^\n]{{0,{lead}}}(?:(?:{cue})[^\n]{{0,{gap}}}?{year}|{year}\s+(?:{cue}))",
                         regex.M | regex.I)


@cache
def _patterns(lex: Lexicon) -> _MetaPatterns:
    en = english_data(lex)
    w, cues, f = en.meta, en.cues, en.framing
    review, plan = alternation(cues.review_heading_cues), alternation(cues.plan_heading_cues)
    months = alternation(m.rstrip(".") for m in en.numbers.months)
    return _MetaPatterns(
        delivery=regex.compile(rf"^.{{0,40}}\b(?:{alternation(w.delivery_words)})\b[^\n]{{0,240}}", regex.M),
        title=regex.compile(rf"^[^\n.]{{0,60}}(?:{alternation(w.report_titles)})[^\n.]{{0,60}}$", regex.M),
        congress=regex.compile(rf"\b(?:(?:{alternation(w.congress_article)})\s+)?([A-Z][A-Za-z ]{{1,40}}?)\s+"
                               rf"({alternation(w.congress_kinds)})\s+{regex.escape(w.congress)}"),
        review_heading=_dated_heading(review, 12, 40),
        plan_heading=_dated_heading(plan, 60, 80),
        name_article=regex.compile(rf"^(?:{alternation(w.name_articles)})\s+"),
        dateline=regex.compile(rf"^[ \t]*[A-Z][A-Za-z .'-]{{1,40}},\s+(?:{months})\.?\s+\d{{1,2}}"
                               rf"(?:,\s+(?P<year>(?:19|20)\d\d))?\s*\((?:{alternation(f.agencies)})\)\s*"
                               rf"(?:{alternation(f.dateline_dashes)})\s*", regex.M),
        titled_year=regex.compile(rf"\b((?:19|20)\d\d)\s+(?:{alternation(f.report_names)})\b", regex.I),
        national_subject=regex.compile(rf"(?<![\w-])(?:{alternation(f.national_subjects)})(?![\w-])"),
        local=regex.compile(rf"(?<![\w-])(?:{alternation(f.local_words)})(?![\w-])"
                            rf"|\b(?i:{alternation(f.regional_prefixes)})\s+China's"),
        words=w,
    )


def _year(text: str, pats: _MetaPatterns) -> int | None:
    head = text[:3000]
    if (m := pats.delivery.search(head)) and (years := YEAR_EN.findall(m.group())):
        return int(years[-1])
    if (m := pats.title.search(head)) and (years := YEAR_EN.findall(m.group())):
        return int(years[0])
    if m := pats.review_heading.search(text):
        return int(m.group(1) or m.group(2)) + 1
    if m := pats.plan_heading.search(text):
        return int(m.group(1) or m.group(2))
    return None


def _framings(text: str, pats: _MetaPatterns) -> list[str]:
    """The headline (the first line, up to its first sentence end) and, after a dateline, the
    first sentence of the story."""
    head = text[:3000]
    found = [m.group() for m in (_FRAMING.search(head),) if m]
    dateline = pats.dateline.search(head)
    if dateline and (story := _FRAMING.search(head, dateline.end())) and story.group() not in found:
        found.append(story.group())
    return found


def framing_year(text: str, lex: Lexicon) -> int | None:
    """The report year of a text without a title block (wire copy, highlights, a bulletin): the
    year of its dateline (BEIJING, March 5, 2024 (Xinhua)), else from its headline or first
    sentence: the year of the report it names (China's 2021 government work report), the year
    it names when it frames targets (China sets 2024 GDP growth target at around 5 percent),
    else the year after the one it reviews (China's economic and social progress in 2023; a
    bulletin on 2023: its figures are the actuals of the year before the report)."""
    pats = _patterns(lex)
    dateline = pats.dateline.search(text[:3000])
    if dateline and dateline.group("year"):
        return int(dateline.group("year"))
    for framing in _framings(text, pats):
        years = [int(y) for y in YEAR_EN.findall(framing)]
        if titled := pats.titled_year.search(framing):
            return int(titled.group(1))
        if years:
            return max(years) if _frames_targets(framing, lex) else max(years) + 1
    return None


def _frames_targets(framing: str, lex: Lexicon) -> bool:
    """A target cue (or a headline's 'to keep', 'eyes') before any past-tense verb."""
    cues = compile_cues(lex)
    target = [m.start() for m in (cues.target.search(framing), cues.headline_target.search(framing)) if m]
    past = cues.past_tense.search(framing)
    return bool(target) and (past is None or min(target) < past.start())


def _region(text: str, pats: _MetaPatterns) -> tuple[str | None, str | None]:
    """The region and level: a national marker in the head, else the congress it names, else a
    national subject (China, Premier) in the headline or first sentence with no local word."""
    words, head = pats.words, text[:3000]
    if any(marker in head for marker in words.national_markers):
        return words.national_region, "national"
    if m := pats.congress.search(head):
        name, kind = pats.name_article.sub("", m.group(1).strip()), m.group(2)
        if kind in words.city_congress_kinds and name not in words.province_level_cities:
            return name, "city"
        return name, "province"
    framing = " ".join(_framings(text, pats))
    if pats.national_subject.search(framing) and not pats.local.search(framing):
        return words.national_region, "national"
    return None, None


def read_metadata(text: str, lex: Lexicon) -> dict[str, Any]:
    """Title, region, level and report_year of an English report text."""
    pats = _patterns(lex)
    title = pats.title.search(text[:3000])
    region, level = _region(text, pats)
    year = _year(text, pats) or framing_year(text, lex)
    return {
        "title": title.group().strip() if title else None,
        "region": region,
        "level": level,
        "report_year": year,
    }
