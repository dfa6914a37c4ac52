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
from .dating import last_session_year, national_year, plan_year, term_year
from .numerals import COUNTING_DIGITS, parse_numeral
from .places import clean_region, complete_region, named_place, region_level
from .views import CueWords, MetaWords, cue_words, grammar, meta_words
from .years import SHORT_YEAR, YEAR, YEAR_IN_TEXT, YEAR_SUFFIX, dated_year, year_value

_OPENING_YEAR = regex.compile(rf"^\s*({YEAR}){YEAR_SUFFIX}", regex.M)
_CD = COUNTING_DIGITS
_HEADING_LEAD = 12  # words a dated heading may open with before its year (过去五年及, 全力做好)
_DATED_LINE_REACH = 1500  # a dated line this far into the text is the report's own date
_LINE_HEAD = 100  # a heading's year and cue words come within this many characters of its line's start


@dataclass(frozen=True)
class _Patterns:
    """The metadata patterns of the Chinese pack, built from ``meta.json``."""

    delivery: regex.Pattern[str]
    congress_dated: regex.Pattern[str]
    congress: regex.Pattern[str]
    title: regex.Pattern[str]
    review_heading: regex.Pattern[str]
    plan_heading: regex.Pattern[str]
    first_heading: regex.Pattern[str]
    plan_cue: regex.Pattern[str]
    this_year: regex.Pattern[str]
    dated_line: regex.Pattern[str]
    on_behalf: regex.Pattern[str]
    national_report: regex.Pattern[str]


def _e(text: str) -> str:
    return regex.escape(text)


def _date(w: MetaWords, year: str = YEAR, day_optional: bool = False) -> str:
    """A full date (2026年1月25日), or with ``day_optional`` a month (2023年2月): groups the year
    and the month."""
    day = rf"[\d{_CD}]{{1,3}}"
    return (rf"({year}){YEAR_SUFFIX}\s*({day})\s*{_e(w.month)}"
            rf"(?:\s*{day}\s*{_e(w.day)}){'?' if day_optional else ''}")


def _delivery(w: MetaWords, ordinal: str) -> tuple[str, str]:
    """——2026年1月25日在北京市第十六届 (——19年2月24日 and ——2023年2月在 too), and
    在四川省第十一届人民代表大会第五次会议上（2012年1月10日）: the year and the month."""
    congress = rf"{_e(ordinal)}[{_CD}]+{_e(w.congress_term)}"
    place = rf"[^\s{_e(w.place_stops + ordinal)}]{{0,20}}?"
    return (rf"{_date(w, rf'{YEAR}|{SHORT_YEAR}', day_optional=True)}\s*{_e(w.at)}\s*{place}\s*{congress}",
            rf"{_e(w.at)}[^\n]{{0,20}}?{congress}[^\n\d]{{0,30}}?{_date(w)}")


def _dated_line(w: MetaWords) -> str:
    """A short line that opens with a full date (（2005年1月24日 田成平）, **（2016年1月8日）**)."""
    return rf"^[^\S\n]*[^\w\n]{{0,4}}{_date(w)}[^\n]{{0,60}}$"


def _headings(w: MetaWords, cues: CueWords) -> tuple[str, str]:
    """Headings dated by a year: a review (一、2023年工作回顾, 一、过去五年及２００７年工作回顾) and a plan
    (三、2024年政府工作任务, 二、抢抓机遇，全力做好2012年各项工作)."""
    marks, stop = _e(w.heading_marks), _e(w.full_stop)
    review = alternation(cues.review_heading_cues)
    plan = alternation((*cues.plan_heading_cues, *w.plan_heading_words))
    lead = rf"[^\n{stop}\d]{{0,{_HEADING_LEAD}}}?"
    plan_lead = rf"(?:(?!{review})[^\n{stop}\d]){{0,{_HEADING_LEAD}}}?"  # 一、“十五”期间回顾和2005年的… reviews
    return (rf"^\s*[{_CD}]*[{marks}]?\s*{lead}({YEAR})\s*{YEAR_SUFFIX}[^\n{stop}]{{0,16}}(?:{review})",
            rf"^\s*[{_CD}]+[{marks}]\s*{plan_lead}({YEAR})\s*{YEAR_SUFFIX}[^\n{stop}]{{0,20}}(?:{plan})")


@cache
def _patterns(lex: Lexicon) -> _Patterns:
    w, cues, ordinal = meta_words(lex), cue_words(lex), grammar(lex).ordinal_prefix
    congress = (rf"{_e(w.at)}\s*([^\s{_e(w.place_stops + ordinal + w.quote_marks)}]{{1,20}}?)\s*{_e(ordinal)}"
                rf"[{_CD}]+{_e(w.congress_term)}\s*({_e(w.national)})?{_e(w.congress)}")
    this_year = (rf"(?:{alternation(cues.this_year_words)})[{_e(w.year_copulas)}]?\s*({YEAR}){YEAR_SUFFIX}"
                 rf"|({YEAR}){YEAR_SUFFIX}[{_e(w.pauses)}]?{_e(w.year_is)}[^{_e(w.full_stop)}\n]{{0,30}}"
                 rf"(?:{alternation(w.opening_year_words)})")
    national = (rf"{_e(ordinal)}[{_CD}]+{_e(w.congress_term + w.national + w.congress)}"
                rf"|{_e(w.state_council_address)}")
    review, plan = _headings(w, cues)
    delivery, congress_dated = _delivery(w, ordinal)
    return _Patterns(
        delivery=regex.compile(delivery),
        congress_dated=regex.compile(congress_dated),
        congress=regex.compile(congress),
        title=regex.compile(rf"({YEAR}){YEAR_SUFFIX}\s*(\S{{0,20}}?)\s*{_e(w.report_title)}"),
        review_heading=regex.compile(review, regex.M),
        plan_heading=regex.compile(plan, regex.M),
        first_heading=regex.compile(rf"^\s*{_e(w.first_section)}[{_e(w.heading_marks)}]\s*{YEAR}{YEAR_SUFFIX}[^\n]*",
                                    regex.M),
        plan_cue=regex.compile(alternation((*cues.plan_heading_cues, *w.plan_heading_words))),
        this_year=regex.compile(this_year),
        dated_line=regex.compile(_dated_line(w), regex.M),
        on_behalf=regex.compile(rf"(?:{alternation((w.on_behalf, *w.addressing))})\s*(\S{{1,12}}?)"
                                  rf"(?:{alternation(w.governments)})"),
        national_report=regex.compile(national),
    )


def _title(lines: list[str], w: MetaWords) -> str | None:
    """The report's title line: a short line naming the 政府工作报告, not a sentence or a caption."""
    for line in lines[:15]:
        line = line.strip("\u200b\u200c\u200d\ufeff ")
        if w.report_title in line and len(line) <= 40 and not any(ch in line for ch in w.title_stops) \
                and not line.endswith(w.photo_credit) and w.giving_report not in line:
            return line
    return None


def _opening_year(text: str, head: str, lex: Lexicon) -> int | None:
    """The year paragraphs open with: they open with the reviewed year (2004年，...) and the
    planned one (2005年是...); a report whose paragraphs name only one year reviews it and
    plans the next, unless its opening reviews a whole term (过去五年): then it is the year planned."""
    openings = [y for y in (year_value(v) for v in _OPENING_YEAR.findall(text)) if y]
    if not openings:
        return None
    common = [y for y, _ in Counter(openings).most_common(2)]
    if len(common) > 1:
        return max(common)
    return common[0] if any(w in head for w in meta_words(lex).term_review_openings) else common[0] + 1


def _month(text: str) -> int:
    try:
        return int(parse_numeral(text))
    except ValueError:
        return 0


def _delivered(head: str, lex: Lexicon) -> tuple[int, int, bool] | None:
    """The year and month of the delivery line, or of a short line opening with a full date, and
    whether it names the congress (a bare date is the weaker)."""
    pats = _patterns(lex)
    reach = head[:_DATED_LINE_REACH]
    for pattern, where, firm in ((pats.delivery, head, True), (pats.congress_dated, reach, True),
                                 (pats.dated_line, reach, False)):
        m = pattern.search(where)
        if m and (year := dated_year(m.group(1))):
            return year, _month(m.group(2)), firm
    return None


def _stated_year(heads: str, head: str, lex: Lexicon) -> int | None:
    """The year a title or a heading states: a title's, a review heading's next year, else the
    plan headings' (the later of two consecutive years: 一、2013年主要工作 reviews what
    三、2014年重点工作 plans). ``heads`` holds the opening characters of each line, where headings are."""
    pats = _patterns(lex)
    for pattern, shift, where in ((pats.title, 0, head), (pats.review_heading, 1, heads)):
        m = pattern.search(where)
        if m and (year := year_value(m.group(1))):
            return year + shift
    return _first_section_year(heads, pats) or _planned_year(heads, pats)


def _planned_year(heads: str, pats: _Patterns) -> int | None:
    """The year plan headings name, the later of two consecutive ones."""
    planned = [y for y in (year_value(m.group(1)) for m in pats.plan_heading.finditer(heads)) if y]
    return max(y for y in planned if y <= planned[0] + 1) if planned else None


def _first_section_year(heads: str, pats: _Patterns) -> int | None:
    """The year a first section's heading opens with: a review of it (一、1993年全省经济提前实现…)
    unless it names a plan; of two years it names, the later (一、1996年的政府工作和1997年的奋斗目标)."""
    m = pats.first_heading.search(heads)
    years = sorted({y for y in (year_value(v) for v in YEAR_IN_TEXT.findall(m.group())) if y}) if m else []
    if len(years) > 1:
        return years[-1]
    return years[0] + 1 if years and m and not pats.plan_cue.search(m.group()) else None


def _this_year(text: str, lex: Lexicon) -> int | None:
    """The year a sentence calls this year (今年是2026年, 2026年是“十五五”开局之年)."""
    m = _patterns(lex).this_year.search(text)
    return year_value(m.group(1) or m.group(2)) if m else None


def _year(text: str, head: str, heads: str, lex: Lexicon, national: bool) -> int | None:
    """The report year: the delivery date's (the next year's for a report given in the last months
    of a year for the next, as its title, plan heading or this-year sentence says; the plan
    headings' when a bare date is years away), a national session's, a title's or heading's, a
    five-year plan's, this year's, five years after the dated start of the term it reviews, else
    the year paragraphs open with."""
    if delivered := _delivered(head, lex):
        year, month, firm = delivered
        if not firm and (planned := _planned_year(heads, _patterns(lex))) and abs(planned - year) > 1:
            return planned  # a bare date years away from the year the plan headings name is a collection's slip
        coming = month >= meta_words(lex).next_year_from_month and year + 1 in (
            _stated_year(heads, head, lex), _this_year(text, lex))
        return year + 1 if coming else year
    if national and (npc := national_year(head, lex) or last_session_year(text, lex)):
        return npc
    return (_stated_year(heads, head, lex) or plan_year(text, lex) or _this_year(text, lex)
            or term_year(head, lex) or _opening_year(text, head, lex))


def _candidates(head: str, lines: list[str], lex: Lexicon) -> list[str]:
    """Places the opening names, most telling first: the congress addressed, the title, the address."""
    pats, w = _patterns(lex), meta_words(lex)
    found = [m.group(1) for m in pats.congress.finditer(head) if not m.group(2)][:2]
    title = _title(lines, w)
    if title:
        found.append(title.split(w.report_title, 1)[0])
    found += [m.group(2) for m in pats.title.finditer(head) if m.group(2)][:1]
    return found + [m.group(1) for m in pats.on_behalf.finditer(head)][:1]


def _region(text: str, head: str, lines: list[str], lex: Lexicon) -> tuple[str | None, bool]:
    """The region the opening names, and whether it is a guess: a report that names only its
    level (我代表省人民政府) is taken for the place of that level it names far more often than any other."""
    pats = _patterns(lex)
    m = pats.congress.search(head)
    if (m and m.group(2)) or (not m and pats.national_report.search(head)):
        return meta_words(lex).national_region, False
    words = []
    for raw in _candidates(head, lines, lex):
        name, word = clean_region(raw, lex)
        if name and (place := complete_region(name, text, lex)):
            return place, False
        words.append(word)
    word = next((w for w in words if w), None)
    return (named_place(text, lex, word) if word else None), True


def read_metadata(text: str, lex: Lexicon) -> dict[str, Any]:
    """Title, region, level and report_year of a normalised report text; ``region_guessed`` says
    the region is the place the text names most, not one its opening names."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    head = text[:3000]
    region, guessed = _region(text, head, lines, lex)
    national = region == meta_words(lex).national_region
    return {
        "title": _title(lines, meta_words(lex)),
        "region": region,
        "level": region_level(region, lex) if region else None,
        "report_year": _year(text, head, "\n".join(line[:_LINE_HEAD] for line in lines), lex, national),
        "region_guessed": guessed and region is not None,
    }
