"""Report years told by the calendar of congresses and plans rather than by a date.

A national report with no delivery line is dated by the session it addresses (在第六届全国人民代表大会
第二次会议上 -> 1984), by the term it reviews (第八届全国人民代表大会第一次会议以来的五年 -> 1998) or by the
last session it looks back on (从去年三月第五届全国人民代表大会第一次会议闭幕 -> 1979). Any report is dated
by the five-year plan it opens (今年是“七五”计划的头一年 -> 1986) or reviews in a heading (一、“十一五”时期
国民经济和社会发展的回顾 -> 2011). A report reviewing a term that names the date of its first session
(1998年1月省九届人大一次会议以来) is given five years on; a national one naming last year's session
(去年五届人大四次会议), the next year.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from ...lexicon import Lexicon
from ...recognise.patterns import alternation
from .numerals import COUNTING_DIGITS, parse_numeral
from .views import cue_words, grammar, meta_words, regions
from .years import YEAR, YEAR_SUFFIX, year_value

_CD = COUNTING_DIGITS
_TERM_YEARS = 5  # a people's congress sits five years


@dataclass(frozen=True)
class _Calendar:
    """The patterns of sessions and plans, built from ``meta.json`` and ``cues.json``."""

    addressed: regex.Pattern[str]
    term: regex.Pattern[str]
    past_session: regex.Pattern[str]
    plan_start: regex.Pattern[str]
    plan_review: regex.Pattern[str]
    term_start: regex.Pattern[str]
    last_session: regex.Pattern[str]


def _e(text: str) -> str:
    return regex.escape(text)


def _plan_patterns(lex: Lexicon) -> tuple[str, str]:
    """“七五”计划的头一年 in a this-year sentence; a review heading of a “十一五”时期."""
    w, cues = meta_words(lex), cue_words(lex)
    plan = rf"[{_e(w.plan_marks)}]?(?<![{_CD}])([{_CD}]+){_e(w.plan_five)}[{_e(w.plan_marks)}]?"
    start = (rf"(?:{alternation(cues.this_year_words)})[^{_e(w.full_stop)}\n]{{0,6}}{plan}"
             rf"(?:{alternation(w.plan_words)})?[^{_e(w.full_stop)}\n]{{0,3}}(?:{alternation(w.plan_start_words)})")
    marks = _e(w.heading_marks)
    review = (rf"^\s*[{_CD}]+[{marks}]\s*{plan}(?:{alternation(w.plan_words)})?(?:{alternation(w.plan_period_words)})"
              rf"[^\n{_e(w.full_stop)}]{{0,24}}(?:{alternation(cues.review_heading_cues)})")
    return start, review


@cache
def _calendar(lex: Lexicon) -> _Calendar:
    w, ordinal = meta_words(lex), grammar(lex).ordinal_prefix
    nth = rf"{_e(ordinal)}([{_CD}]+){_e(w.congress_term)}{_e(w.national + w.congress)}"
    session = rf"{_e(ordinal)}([{_CD}]+){_e(w.session)}"
    term = (rf"{nth}(?:{alternation(w.term_review_words)}"
            rf"|{_e(w.first_session)}(?:{alternation(w.session_term_words)}))")
    start, review = _plan_patterns(lex)
    stop = rf"[^\n\d{_e(w.full_stop)}]"
    term_start = (rf"({YEAR}){YEAR_SUFFIX}(?:\s*[\d{_CD}]{{1,2}}\s*{_e(w.month)})?{stop}{{0,20}}?"
                  rf"(?:{alternation(w.term_start_words)}){stop}{{0,8}}?{_e(w.since)}")
    return _Calendar(
        addressed=regex.compile(rf"[{_e(''.join(w.addressed_to))}]{nth}(?:{session})?"),
        term=regex.compile(term),
        past_session=regex.compile(rf"{nth}{session}"),
        plan_start=regex.compile(start),
        plan_review=regex.compile(review, regex.M),
        term_start=regex.compile(term_start),
        last_session=regex.compile(rf"(?:{alternation(cue_words(lex).last_year_words)}){_e(ordinal)}?([{_CD}]+)"
                                   rf"{_e(w.congress_term)}(?:{_e(w.national)})?{_e(w.congress_short)}([{_CD}]+){_e(w.session)}"),
    )


def _session_year(lex: Lexicon, term: str, session: str | None) -> int | None:
    """The year of session ``session`` (一, 二, ...; the first when None) of congress ``term``."""
    first = regions(lex).national_congress_first_year.get(term)
    return None if first is None else int(first) + (int(parse_numeral(session)) if session else 1) - 1


def national_year(head: str, lex: Lexicon) -> int | None:
    """The year of a national report from the congress sessions its opening names: the session it
    addresses, else the term it reviews (a term's review is given at the next term's first
    session, five years on), else the year after the latest past session it names."""
    cal = _calendar(lex)
    if (m := cal.addressed.search(head)) and (year := _session_year(lex, m.group(1), m.group(2))):
        return year
    if (m := cal.term.search(head)) and (year := _session_year(lex, m.group(1), None)):
        return year + _TERM_YEARS
    past = [_session_year(lex, m.group(1), m.group(2)) for m in cal.past_session.finditer(head)]
    known = [y for y in past if y is not None]
    return max(known) + 1 if known else None


def last_session_year(text: str, lex: Lexicon) -> int | None:
    """The year after the national session a report calls last year's (去年五届人大四次会议 -> 1982)."""
    m = _calendar(lex).last_session.search(text)
    year = _session_year(lex, m.group(1), m.group(2)) if m else None
    return year + 1 if year else None


def plan_year(text: str, lex: Lexicon) -> int | None:
    """The year a report opens a five-year plan in (今年是“七五”计划的头一年), else the year after
    the plan period its review heading looks back on (一、“十一五”时期…的回顾)."""
    cal, firsts = _calendar(lex), regions(lex).five_year_plan_first_year
    if (m := cal.plan_start.search(text)) and m.group(1) in firsts:
        return int(firsts[m.group(1)])
    if (m := cal.plan_review.search(text)) and m.group(1) in firsts:
        return int(firsts[m.group(1)]) + 5
    return None


def term_year(head: str, lex: Lexicon) -> int | None:
    """The year of a report reviewing the term that began at the dated first session its opening
    names (1998年1月省九届人大一次会议以来 -> 2003)."""
    m = _calendar(lex).term_start.search(head)
    year = year_value(m.group(1)) if m else None
    return year + _TERM_YEARS if year else None
