"""Document metadata read from a report's opening lines: title, region, level, year.

The delivery line (——2026年1月25日在北京市第十六届人民代表大会第四次会议上) gives the
year and the region; the title (2026年北京市政府工作报告) and headings such as
一、2025年工作回顾 are fallbacks.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cache
from typing import Any

import regex

from ...lexicon import Lexicon
from ...recognise.patterns import alternation
from .numerals import COUNTING_DIGITS, parse_numeral
from .views import CueWords, MetaWords, cue_words, grammar, meta_words, regions
from .years import YEAR, YEAR_SUFFIX, year_value

_OPENING_YEAR = regex.compile(rf"^\s*({YEAR}){YEAR_SUFFIX}", regex.M)
_CD = COUNTING_DIGITS


@dataclass(frozen=True)
class _Patterns:
    """The metadata patterns of the Chinese pack, built from ``meta.json``."""

    delivery: regex.Pattern[str]
    congress: regex.Pattern[str]
    title: regex.Pattern[str]
    review_heading: regex.Pattern[str]
    plan_heading: regex.Pattern[str]
    this_year: regex.Pattern[str]
    npc_session: regex.Pattern[str]
    npc_term: regex.Pattern[str]
    on_behalf: regex.Pattern[str]
    national_report: regex.Pattern[str]


def _e(text: str) -> str:
    return regex.escape(text)


def _delivery(w: MetaWords, ordinal: str) -> str:
    """——2026年1月25日在北京市第十六届: the year and the region."""
    day = rf"[\d{_CD}]{{1,3}}"
    return (rf"({YEAR}){YEAR_SUFFIX}\s*{day}\s*{_e(w.month)}\s*{day}\s*{_e(w.day)}\s*{_e(w.at)}"
            rf"\s*([^\s{_e(w.place_stops + ordinal)}]{{0,20}}?)\s*{_e(ordinal)}[{_CD}]+{_e(w.congress_term)}")


def _headings(w: MetaWords, cues: CueWords) -> tuple[str, str]:
    """Headings dated by a year: a review (一、2023年工作回顾) and a plan (三、2024年政府工作任务)."""
    marks, stop = _e(w.heading_marks), _e(w.full_stop)
    review, plan = alternation(cues.review_heading_cues), alternation(cues.plan_heading_cues)
    return (rf"^\s*[{_CD}]*[{marks}]?\s*({YEAR}){YEAR_SUFFIX}[^\n{stop}]{{0,16}}(?:{review})",
            rf"^\s*[{_CD}]+[{marks}]\s*({YEAR}){YEAR_SUFFIX}[^\n{stop}]{{0,20}}(?:{plan})")


def _sessions(w: MetaWords, ordinal: str) -> tuple[str, str, str]:
    """A national congress: the session addressed, the term reviewed, any mention of one."""
    nth = rf"{_e(ordinal)}([{_CD}]+){_e(w.congress_term)}{_e(w.national + w.congress)}"
    session = rf"[{_e(''.join(w.addressed_to))}]{nth}(?:{_e(ordinal)}([{_CD}]+){_e(w.session)})?"
    term = rf"{nth}(?:{alternation(w.term_review_words)})"
    national = (rf"{_e(ordinal)}[{_CD}]+{_e(w.congress_term + w.national + w.congress)}"
                rf"|{_e(w.state_council_address)}")
    return session, term, national


@cache
def _patterns(lex: Lexicon) -> _Patterns:
    w, cues, ordinal = meta_words(lex), cue_words(lex), grammar(lex).ordinal_prefix
    congress = (rf"{_e(w.at)}\s*([^\s{_e(w.place_stops + ordinal + w.quote_marks)}]{{2,20}}?)\s*{_e(ordinal)}"
                rf"[{_CD}]+{_e(w.congress_term)}\s*({_e(w.national)})?{_e(w.congress)}")
    this_year = (rf"(?:{alternation(cues.this_year_words)})[{_e(w.year_copulas)}]?\s*({YEAR}){YEAR_SUFFIX}"
                 rf"|({YEAR}){YEAR_SUFFIX}{_e(w.year_is)}[^{_e(w.full_stop)}\n]{{0,30}}"
                 rf"(?:{alternation(w.opening_year_words)})")
    session, term, national = _sessions(w, ordinal)
    review, plan = _headings(w, cues)
    return _Patterns(
        delivery=regex.compile(_delivery(w, ordinal)),
        congress=regex.compile(congress),
        title=regex.compile(rf"({YEAR}){YEAR_SUFFIX}\s*(\S{{0,20}}?)\s*{_e(w.report_title)}"),
        review_heading=regex.compile(review, regex.M),
        plan_heading=regex.compile(plan, regex.M),
        this_year=regex.compile(this_year),
        npc_session=regex.compile(session),
        npc_term=regex.compile(term),
        on_behalf=regex.compile(rf"{_e(w.on_behalf)}\s*(\S{{2,12}}?){_e(w.government)}"),
        national_report=regex.compile(national),
    )


def _region_level(region: str, lex: Lexicon) -> str | None:
    places = regions(lex)
    if region in places.national:
        return "national"
    if region in places.provinces or any(region in forms for forms in places.provinces.values()):
        return "province"
    if any(region.endswith(s) for s in places.county_suffixes):
        return "county"
    if any(region.endswith(s) for s in places.city_suffixes):
        return "city"
    return None


def _canonical_region(region: str, lex: Lexicon) -> str:
    places = regions(lex)
    if region in places.national:
        return meta_words(lex).national_region
    for name, forms in places.provinces.items():
        if region == name or region in forms:
            return str(name)
    return region


def _title(lines: list[str], w: MetaWords) -> str | None:
    """The report's title line: a short line naming the 政府工作报告, not a sentence or a caption."""
    for line in lines[:15]:
        line = line.strip("\u200b\u200c\u200d\ufeff ")
        if w.report_title in line and len(line) <= 40 and not any(ch in line for ch in w.title_stops) \
                and not line.endswith(w.photo_credit) and w.giving_report not in line:
            return line
    return None


def _npc_year(head: str, lex: Lexicon) -> int | None:
    """Year of a national report from its session (在第六届全国人民代表大会第二次会议上 -> 1984)
    or from the term it reviews (第六届全国人民代表大会期间 -> 1988, the next term's first year)."""
    firsts = regions(lex).national_congress_first_year
    pats = _patterns(lex)
    m = pats.npc_session.search(head)
    if m and m.group(1) in firsts:
        session = int(parse_numeral(m.group(2))) if m.group(2) else 1
        return int(firsts[m.group(1)]) + session - 1
    term = pats.npc_term.search(head)  # 第六届全国人民代表大会期间: the review of a finished term
    if term and term.group(1) in firsts:
        return int(firsts[term.group(1)]) + 5
    return None


def _opening_year(text: str) -> int | None:
    """The year paragraphs open with: they open with the reviewed year (2004年，...) and the
    planned one (2005年是...); a report whose paragraphs name only one year reviews it and
    plans the next."""
    openings = [y for y in (year_value(v) for v in _OPENING_YEAR.findall(text)) if y]
    if not openings:
        return None
    common = [y for y, _ in Counter(openings).most_common(2)]
    return max(common) if len(common) > 1 else common[0] + 1


def _year(text: str, head: str, lex: Lexicon) -> int | None:
    npc = _npc_year(head, lex)
    pats = _patterns(lex)
    for pattern, shift, where in ((pats.delivery, 0, head), (pats.title, 0, head), (pats.review_heading, 1, text),
                                  (pats.plan_heading, 0, text)):
        m = pattern.search(where)
        if m and (year := year_value(m.group(1))):
            return year + shift
    if npc:
        return npc
    m = pats.this_year.search(text)
    if m and (year := year_value(m.group(1) or m.group(2))):
        return year
    return _opening_year(text)


def _region(head: str, lex: Lexicon) -> str | None:
    pats, national = _patterns(lex), meta_words(lex).national_region
    m = pats.congress.search(head)
    if m:
        return national if m.group(2) else str(m.group(1))
    if pats.national_report.search(head):
        return national
    m = pats.title.search(head)
    if m and m.group(2):
        return str(m.group(2))
    m = pats.on_behalf.search(head)
    return str(m.group(1)) if m else None


def read_metadata(text: str, lex: Lexicon) -> dict[str, Any]:
    """Title, region, level and report_year of a normalised report text."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    head = text[:3000]
    region = _region(head, lex) or _region(text, lex)
    region = _canonical_region(region, lex) if region else None
    return {
        "title": _title(lines, meta_words(lex)),
        "region": region,
        "level": _region_level(region, lex) if region else None,
        "report_year": _year(text, head, lex),
    }
