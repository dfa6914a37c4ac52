"""Status (actual or target) and period of one claim.

The sentence's reading context (from :mod:`segment`) gives the default; named rules on the
clause before the number can override it, in order: ``last_year`` (去年/上年 inside a plan are
last year's actuals), ``done`` (已达 inside a plan: done last year), ``clause_target``
(力争/确保 inside a review announce a target), ``plan_span`` (“十五五”时期 names a plan span)
and ``from_value`` (the first value of 从X提高到Y belongs to the start of the change, rule 4
of the contract). Each rule that decides notes ``zh.timing.<name>`` in an explain trace.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import get_args

import regex

from ...assemble import SentenceState
from ...explain import active, note
from ...indicators import averages
from ...lexicon import Lexicon
from ...mention import Mention
from ...model import Status
from ...recognise.patterns import alternation
from ...segment import Sentence
from .cues import Cues, holds_any
from .views import cue_words, grammar
from .years import YEAR, YEAR_SUFFIX, year_value

_STATUSES: dict[str, Status] = {s: s for s in get_args(Status)}
_REACH = 400  # how far back in a sentence a cue is looked for (keeps long lines linear)


@cache
def _patterns(lex: Lexicon) -> tuple[regex.Pattern[str], regex.Pattern[str], regex.Pattern[str]]:
    """The year written before a number (2020年的...), a span of years opening a sentence
    (2020年到2025年) and a quoted programme name (“两个确保”)."""
    g = grammar(lex)
    marks = regex.escape(g.clause_marks)
    year_before = rf"({YEAR}){YEAR_SUFFIX}(?:{alternation(g.year_tails)})?[^{marks}\d]{{0,6}}$"
    span_years = rf"^\s*({YEAR}){YEAR_SUFFIX}?(?:{alternation(g.span_dashes)})({YEAR}){YEAR_SUFFIX}"
    opening, closing = (regex.escape(q) for q in g.name_quotes)
    quoted = rf"{opening}[^{closing}]{{1,12}}{closing}"
    return regex.compile(year_before), regex.compile(span_years), regex.compile(quoted)


@cache
def _past_patterns(lex: Lexicon) -> tuple[regex.Pattern[str], ...]:
    """A year written in a clause, not as a comparison base or a start (比/从一九八○年), the
    future markers (将, 预计) that keep a clause naming a year a target, a year written with the
    value after it (一九八○年的) and the year or span of years opening a sentence (从一九五三年到一九八○年)."""
    c, g = cue_words(lex), grammar(lex)
    bases = alternation(c.comparison_markers + c.from_words)
    base_year = rf"({YEAR}){YEAR_SUFFIX}(?:{alternation(g.base_year_tails)})$"
    since = alternation(g.since_words)
    opening = (rf"\s*(?:{alternation(c.span_openers)})?({YEAR}){YEAR_SUFFIX}?+(?!{since})"
               rf"(?:(?:{alternation(g.span_dashes)})({YEAR}){YEAR_SUFFIX}?+(?!{since}))?")
    return (regex.compile(rf"(?<!{bases})({YEAR}){YEAR_SUFFIX}"), regex.compile(alternation(c.future_markers)),
            regex.compile(base_year), regex.compile(opening))


@cache
def _century_end(lex: Lexicon) -> regex.Pattern[str]:
    """The century's end (本世纪末), written in a clause or opening a sentence (到本世纪末，...)."""
    c, g = cue_words(lex), grammar(lex)
    openers = alternation((*c.span_openers, g.by_year_word))
    return regex.compile(rf"(?:{openers})?(?:{alternation(c.century_end_words)})")


class Timing:
    """Decides status and period of the claims of one document."""

    def __init__(self, text: str, cues: Cues, plan_spans: Mapping[str, int], report_year: int | None,
                 lex: Lexicon) -> None:
        self.text = text
        self.cues = cues
        self.plan_spans = plan_spans
        self.report_year = report_year
        self.year_before, self.span_years, self.quoted = _patterns(lex)
        self.quote_open = grammar(lex).name_quotes[0]  # what ``quoted`` starts with
        self.past_years, self.future_word, self.base_year, self.opening_years = _past_patterns(lex)
        self.century_end = _century_end(lex)
        self.averages = averages(lex)
        ends = set(plan_spans.values())
        self.plan_end = report_year + 4 if report_year is not None and report_year - 1 in ends else None

    def _about_last_year(self, text: str) -> bool:
        """True when the text before a number inside a plan speaks of last year (去年, 上年,
        not 比去年) and has not turned back to this year (今年) since."""
        if not holds_any(text, self.cues.last_year_words):  # most texts name no last year
            return False
        last = None
        for last in self.cues.last_year.finditer(text):  # noqa: B007 (the last match is wanted)
            pass
        if last is None:
            return False
        this_year = None
        for this_year in self.cues.this_year.finditer(text):  # noqa: B007
            pass
        return this_year is None or this_year.start() < last.start()

    def is_from_value(self, m: Mention, before: str, nxt: Mention | None) -> bool:
        """True for X of 从X提高到Y (a later number follows the to-verb)."""
        if nxt is None or not holds_any(before, self.cues.from_starts):  # most clauses have no from-word (从, 由)
            return False
        return bool(self.cues.from_end.search(before)) and bool(self.cues.to_start.search(self.text[m.end : m.end + 8]))

    def _speaks_of_last_year(self, m: Mention, sent: Sentence, prev: SentenceState) -> bool:
        """Rule ``last_year``: inside a plan, the clause (or the one before, unless this year or a
        to-verb came since) speaks of last year."""
        if sent.status != "target" or self.report_year is None:
            return False
        since_prev = self.text[max(sent.start, prev.end, m.start - _REACH) : m.start]
        return self._about_last_year(since_prev) or (
            prev.last_year and not holds_any(since_prev, self.cues.this_year_words)
            and not self.cues.to_verb.search(since_prev))

    @staticmethod
    def _decided(m: Mention, rule: str, status: Status, period: int | None) -> tuple[Status, int | None]:
        if active():
            note(m.start, m.end, "assemble", f"zh.timing.{rule}", "status", f"{status} {period}")
        return status, period

    def status_period(self, m: Mention, sent: Sentence, before: str, prev: SentenceState,
                      nxt: Mention | None) -> tuple[Status, int | None]:
        """Status and period of the claim of mention ``m`` in sentence ``sent``; records in
        ``prev`` whether it spoke of last year."""
        sentence_before = self.text[max(sent.start, m.start - _REACH) : m.start]
        prev.last_year = self._speaks_of_last_year(m, sent, prev)
        if prev.last_year and self.report_year:
            return self._decided(m, "last_year", "actual", self.report_year - 1)  # 去年全国财政超收7239亿元
        if sent.status == "target" and self.report_year and holds_any(before, self.cues.done_words):
            return self._decided(m, "done", "actual", self.report_year - 1)  # 60岁以上人口已达2.5亿
        if (past := self._past_year(sent, before, sentence_before)) is not None:
            return self._decided(m, "past_year", "actual", past)  # 一九八二年亏损企业的亏损金额达42亿元
        status, period = self._clause_target(m, sent, before, sentence_before)
        if status == "target":  # the rules of a target's period
            period = self._plan_span(m, period, sentence_before)
            period = self._multi_year(m, period, before)
            period = self._future_year(m, period, sent, before, sentence_before)
        if self.is_from_value(m, before, nxt):
            period = self._from_period(before, self.text[sent.start : sent.end], sent, period)
            return self._decided(m, "from_value", status, period)
        return status, period

    def _past_year(self, sent: Sentence, before: str, sentence_before: str) -> int | None:
        """Rule ``past_year``: inside a plan, the value of an earlier year written just before it
        (比一九八○年的七千一百五十九亿元), or a clause (or the sentence it opens) that names an earlier
        year (一九八○年上升百分之零点九, not 比一九八○年 nor 从一九八○年) and no target cue, states that
        year's actual."""
        if sent.status != "target" or self.report_year is None:
            return None
        if YEAR_SUFFIX in before and (base := self.base_year.search(before)) and (year := year_value(base.group(1))):
            return year if year < self.report_year else None
        year, before = self._written_year(sent, before, sentence_before)
        if year is None or year >= self.report_year or holds_any(before, self.cues.clause_target_words):
            return None
        return None if self.future_word.search(before) else year

    def _written_year(self, sent: Sentence, before: str, sentence_before: str) -> tuple[int | None, str]:
        """The last year the clause names (not as a base: 比/从一九八○年), else the year or span of
        years that opens the sentence (when its start is within reach); with the text it was read in."""
        years = [year_value(y.group(1)) for y in self.past_years.finditer(before)] if YEAR_SUFFIX in before else []
        if not years and sentence_before.startswith(self.text[sent.start : sent.start + 8]) \
                and (opening := self.opening_years.match(sentence_before)):
            return [year_value(y) for y in opening.groups() if y][-1], sentence_before
        return (years[-1] if years else None), before

    def _future_year(self, m: Mention, period: int | None, sent: Sentence, before: str,
                     sentence_before: str) -> int | None:
        """Rule ``future_year``: a target whose clause (or sentence) names a later year than the
        report's (2000年粮食总产量要保证达到4900亿公斤, 本世纪末 in the clause or opening the
        sentence) is that year's."""
        if self.report_year is None:
            return period
        year = self._written_year(sent, before, sentence_before)[0]
        if year is None and (self.century_end.search(before) or self.century_end.match(sentence_before.lstrip())):
            year = -(-self.report_year // 100) * 100  # 到本世纪末...翻两番 in a 1983 report: 2000
        if year is None or year <= self.report_year or year == period:
            return period
        return self._decided(m, "future_year", "target", year)[1]

    def _clause_target(self, m: Mention, sent: Sentence, before: str, sentence_before: str
                       ) -> tuple[Status, int | None]:
        """Rule ``clause_target``: inside a review, a target cue in the clause (力争粮食产量达到...)
        or a future marker after this year in the sentence (今年...将达305亿元) makes a target."""
        if sent.status == "actual" and (
                holds_any(self.quoted.sub("", before) if self.quote_open in before else before,
                           self.cues.clause_target_words)
                or self._future_after_this_year(sentence_before)):
            return self._decided(m, "clause_target", "target", self.report_year)
        if active():
            note(m.start, m.end, "assemble", "zh.timing.sentence", "status", f"{sent.status} {sent.period}")
        return _STATUSES[sent.status], sent.period

    def _future_after_this_year(self, sentence_before: str) -> bool:
        """True when a future marker follows this year in the sentence (今年...将); the search runs
        only when the sentence names this year (few do)."""
        return holds_any(sentence_before, self.cues.this_year_words) and bool(self.cues.future.search(sentence_before))

    def _plan_span(self, m: Mention, period: int | None, sentence_before: str) -> int | None:
        """Rule ``plan_span``: a target of a named future plan span (“十五五”时期) is for its last year."""
        if not holds_any(sentence_before, self.cues.span_starts):  # most sentences name no plan span
            return period
        if span := self.cues.span_phrase.search(sentence_before):
            end = self.plan_spans.get(span.group(1))
            if end and (self.report_year is None or end > self.report_year):
                return self._decided(m, "plan_span", "target", end)[1]
        return period

    def _multi_year(self, m: Mention, period: int | None, before: str) -> int | None:
        """Rule ``multi_year``: in the report of a plan's first year, a target of this year that is
        an average over several years (年均增长5%左右: ``average_cues`` of ``compare.json``, part of
        the multi-year cues that diff and the panel read) is the plan's target, for its last year."""
        if self.plan_end and period == self.report_year and self.averages.search(before + self.text[m.start : m.end]):
            return self._decided(m, "multi_year", "target", self.plan_end)[1]
        return period

    def _from_period(self, before: str, sentence: str, sent: Sentence, period: int | None) -> int | None:
        """Period of X in 从X提高到Y: the year (or the plan span: 由“七五”末的) written with it, else the
        year before the change."""
        written = self.year_before.search(before)
        if written and (year := year_value(written.group(1))):
            return year
        plan = self.cues.span_phrase.search(before, max(0, len(before) - 12))
        if plan and len(before) - plan.end() <= 1 and (end := self.plan_spans.get(plan.group(1))):
            return end
        span = self.span_years.match(sentence)
        if span and (year := year_value(span.group(1))):
            return year  # 2020年到2025年，...从17.9%提升到35.5%
        if sent.status == "actual" and sent.span_start:
            return sent.span_start - 1  # five-year review: the year before the span
        return period - 1 if period else None
