"""Status (actual or target) and period of one claim.

The sentence's reading context (from :mod:`segment`) gives the default; the clause
before the number can override it: 去年/上年 inside a plan are last year's actuals,
力争/确保 inside a review announce a target, “十五五”时期 names a plan span, and the
first value of 从X提高到Y belongs to the start of the change (rule 4 of the contract).
"""

from __future__ import annotations

import regex

from ...assemble import SentenceState
from ...model import Mention
from ...segment import Sentence
from .cues import Cues
from .years import YEAR, year_value

_YEAR_BEFORE = regex.compile(rf"({YEAR})年(?:的|底|末)?[^，,；;。\d]{{0,6}}$")
_SPAN_YEARS = regex.compile(rf"^\s*({YEAR})年?(?:到|至|—|-)({YEAR})年")
_REACH = 400  # how far back in a sentence a cue is looked for (keeps long lines linear)
_QUOTED = regex.compile(r"“[^”]{1,12}”")  # a programme name: “两个确保”


class Timing:
    """Decides status and period of the claims of one document."""

    def __init__(self, text: str, cues: Cues, plan_spans: dict[str, int], report_year: int | None) -> None:
        self.text = text
        self.cues = cues
        self.plan_spans = plan_spans
        self.report_year = report_year

    def _about_last_year(self, text: str) -> bool:
        """True when the text before a number inside a plan speaks of last year (去年, 上年,
        not 比去年) and has not turned back to this year (今年) since."""
        last = None
        for last in self.cues.last_year.finditer(text):
            pass
        this_year = None
        for this_year in self.cues.this_year.finditer(text):
            pass
        return last is not None and (this_year is None or this_year.start() < last.start())

    def is_from_value(self, m: Mention, before: str, nxt: Mention | None) -> bool:
        """True for X of 从X提高到Y (a later number follows the to-verb)."""
        after = self.text[m.end : m.end + 8]
        return nxt is not None and bool(self.cues.from_end.search(before)) and bool(self.cues.to_start.search(after))

    def status_period(self, m: Mention, sent: Sentence, before: str, prev: SentenceState,
                      nxt: Mention | None) -> tuple[str, int | None]:
        """Status and period of the claim of mention ``m`` in sentence ``sent``; records in
        ``prev`` whether it spoke of last year."""
        status, period = sent.status, sent.period
        sentence_before = self.text[max(sent.start, m.start - _REACH) : m.start]
        since_prev = self.text[max(sent.start, prev.end, m.start - _REACH) : m.start]
        last_year = status == "target" and self.report_year is not None and (
            self._about_last_year(since_prev)
            or (prev.last_year and not self.cues.this_year.search(since_prev)
            and not self.cues.to_verb.search(since_prev)))
        prev.last_year = last_year
        if last_year and self.report_year:
            return "actual", self.report_year - 1  # 去年全国财政超收7239亿元，其中中央财政超收4168亿元
        if status == "target" and self.report_year and self.cues.done.search(before):
            return "actual", self.report_year - 1  # 60岁以上人口已达2.5亿
        if status == "actual" and (self.cues.clause_target.search(_QUOTED.sub("", before))
                                   or self.cues.future.search(sentence_before)):
            status, period = "target", self.report_year  # 力争粮食产量达到..., 今年...将达305亿元
        if status == "target" and (span := self.cues.span_phrase.search(sentence_before)):
            end = self.plan_spans.get(span.group(1))
            if end and (self.report_year is None or end > self.report_year):
                period = end
        if self.is_from_value(m, before, nxt):
            return status, self._from_period(before, self.text[sent.start : sent.end], sent, period)
        return status, period

    def _from_period(self, before: str, sentence: str, sent: Sentence, period: int | None) -> int | None:
        """Period of X in 从X提高到Y: the year written with it, else the year before the change."""
        written = _YEAR_BEFORE.search(before)
        if written and (year := year_value(written.group(1))):
            return year
        span = _SPAN_YEARS.match(sentence)
        if span and (year := year_value(span.group(1))):
            return year  # 2020年到2025年，...从17.9%提升到35.5%
        if sent.status == "actual" and sent.span_start:
            return sent.span_start - 1  # five-year review: the year before the span
        return period - 1 if period else None
