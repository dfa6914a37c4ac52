"""Stage 2: split the normalised copy into sections and sentences, and give each
sentence its reading context: the heading it stands under, whether it reviews the
past (claims are actuals) or plans ahead (claims are targets), the year it is about,
and, inside a five-year review, the first year of the reviewed span.

The context follows the report's own structure: headings (一、2023年工作回顾,
三、2024年政府工作任务), paragraphs that open with a year (2022年，...), the main-targets
sentence (主要预期目标是...) and plan spans (“十五五”时期 ... 目标).
"""

from __future__ import annotations

import math
import re
from typing import NamedTuple

from ...lexicon import Lexicon
from ...segment import Sentence
from .segment_patterns import bare_number, segment_patterns, sentence_spans
from .spans import PlanSpans
from .views import cue_words
from .years import YEAR_CHARS, YEAR_IN_TEXT, YEAR_SUFFIX, year_value

_LINE = re.compile(r"[^\n]+")  # the stdlib re: a faster finditer


class _Context(NamedTuple):
    status: str
    period: int | None
    section: str | None = None
    span_start: int | None = None


class _Segmenter:
    def __init__(self, text: str, lex: Lexicon, report_year: int | None, number_starts: list[int]) -> None:
        self.text = text
        self.number_starts = number_starts
        self.numbers_passed = 0  # how many of number_starts lie before the reading
        self.lex = lex
        self.cues = cue_words(lex)
        self.report_year = report_year
        self.review_year = report_year - 1 if report_year else None
        self.ctx = _Context("actual", self.review_year)
        self.section_span_end: int | None = None
        self.seen_review = False
        self.review_parts: str | None = None  # the first number of an unnumbered review's parts
        self.ahead = False  # the plan context's period was set by 今后五年
        self.review_paragraph: _Context | None = None  # a plan part's paragraph opening with 过去一年
        self.opening = False  # the next paragraph opens the report's first part, headed as a plan
        self.spans = PlanSpans(lex, report_year)
        self.pats = pats = segment_patterns(lex)
        self.follow_cue, self.leading_year, self.by_year = pats.follow_cue, pats.leading_year, pats.by_year
        self.terminators = lex.segment.sentence_terminators

    def heading_length(self, line: str) -> int:
        """Length of the heading that opens ``line`` (0 when it is a paragraph).

        A numbered line is a heading up to its first sentence terminator (national
        reports run a sub-heading and its paragraph together); an unnumbered line is a
        heading when it is short and has no sentence punctuation.
        """
        seg = self.lex.segment
        body = line.rstrip()
        if self.lex.starts_heading(body):
            cut = [i for i in (body.find(ch) for ch in seg.sentence_terminators) if i >= 0]
            return min(cut) + 1 if cut else len(body)
        return len(body) if seg.is_short_heading(body) else 0

    def on_heading(self, heading: str) -> None:
        """A heading: a sub-heading moves the context only by an explicit year; a top heading
        starts a review or a plan by its year, its cue words or its plan span."""
        years = [y for y in (year_value(m) for m in YEAR_IN_TEXT.findall(heading)) if y]
        year = years[0] if years else None
        marker = self.lex.heading_re.match(heading)
        section = heading[marker.end():].strip() if marker else heading.strip()
        if marker and not self.lex.is_top_heading(heading):
            self.on_year(year)  # sub-headings (（一）, 1.) move the context only by an explicit year
        else:
            self.back_to_this_year()
            number = marker.group().strip() if marker else None
            if self._on_top_heading(heading, year, number):
                self.seen_review = True
                self.review_parts = None if number else ""  # an unnumbered review: 一、二、 are its parts
        self.ctx = self.ctx._replace(section=section)

    def _heading_cues(self, heading: str) -> tuple[bool, bool]:
        """Whether a heading has a review cue (回顾) and a plan cue (任务)."""
        return (any(c in heading for c in self.cues.review_heading_cues),
                any(c in heading for c in self.cues.plan_heading_cues))

    def _review_part(self, number: str) -> bool:
        """True for a numbered part of an unnumbered review (一、二、 under **2020年工作回顾**), until
        the numbering starts again."""
        if self.review_parts == "":
            self.review_parts = number
        elif self.review_parts == number:
            self.review_parts = None
        return self.review_parts is not None

    def _on_top_heading(self, heading: str, year: int | None, number: str | None) -> bool:
        """The context a top heading starts; True when the heading reviews the past (``number``:
        the heading's number, None when it has none)."""
        self.section_span_end = self.spans.future_end(heading)
        review, plan = self._heading_cues(heading)
        if year is not None and self.report_year is not None:
            self.on_year(year)
            review = year < self.report_year
            if review:
                self.ctx = self.ctx._replace(span_start=self.spans.reviewed_start(heading))
        elif review and (self.section_span_end or not plan):
            self.ctx = _Context("actual", self.review_year, span_start=self.spans.reviewed_start(heading))
        elif plan or self.section_span_end:
            self.ctx = _Context("target", self.section_span_end or self.report_year)
            self.opening = not self.seen_review and not self.section_span_end
        elif number and self.seen_review and self.ctx.status == "actual" and not self._review_part(number):
            self.ctx = _Context("target", self.report_year)  # the first unlabelled part after the review
        return review

    def open_part(self, paragraph: str) -> None:
        """The first paragraph of the report's first part when its heading reads as a plan (中心任务,
        攻坚): opening with a review cue (刚刚过去的一年), it makes the part last year's review."""
        if self.opening and paragraph.lstrip().startswith(self.cues.review_openers):
            self.ctx = _Context("actual", self.review_year, self.ctx.section)
            self.seen_review = True
        self.opening = False

    def on_year(self, year: int | None) -> None:
        """A heading or paragraph that opens with a year: the past is reviewed, this year planned."""
        if year is None or self.report_year is None:
            return
        if year < self.report_year:
            self.ctx = _Context("actual", year, self.ctx.section)
        elif year == self.report_year:
            self.ctx = _Context("target", year, self.ctx.section)

    def follow_plan_span(self, sentence: str) -> None:
        """Inside a section that reviews one plan and sets the next (“十四五”成就和“十五五”目标),
        the sentence that announces the next plan's targets switches the context to them (not a plan
        already under way: “十二五”顺利起步 in the review of its first year)."""
        span_end = self.spans.future_end(sentence)
        started = self.report_year is not None and span_end is not None and span_end - 4 < self.report_year
        if span_end and not started and span_end == self.section_span_end and self.ctx.status == "actual":
            if any(c in sentence for c in self.cues.plan_span_target_cues):
                self.ctx = _Context("target", span_end, self.ctx.section)

    def follow_review(self, sentence: str) -> None:
        """Inside a plan part, a sentence that opens with a review cue (过去一年, 五年来) turns the
        rest of its paragraph to last year's actuals (of the five years to it after 五年来), until
        a sentence turns to this year or the years ahead (今年, 今后)."""
        if self.ctx.status != "target":
            return
        opener = next((w for w in self.cues.review_openers if sentence.lstrip().startswith(w)), None)
        if opener:
            self.review_paragraph = _Context("actual", self.review_year, self.ctx.section,
                                             self.spans.reviewed_start(opener))
        elif self.review_paragraph and any(w in sentence for w in self.cues.review_closers):
            self.review_paragraph = None

    def follow_years_ahead(self, sentence: str) -> None:
        """Inside a plan part, 今后五年 makes the targets that follow the span's (its last year),
        until a sentence turns back to this year (今年)."""
        if self.ctx.status != "target" or self.report_year is None:
            return
        ahead = [n for cue, n in self.cues.years_ahead_cues.items() if cue in sentence]
        if not ahead and not self.ahead:
            return  # the common case: nothing to start or end
        this_year = self._speaks_of_this_year(sentence, bool(ahead))
        if ahead and not this_year:
            self.ahead = True
            self.ctx = self.ctx._replace(period=self.report_year + max(ahead))
        elif this_year:
            self.back_to_this_year()

    def _speaks_of_this_year(self, sentence: str, ahead: bool) -> bool:
        """True when a sentence names this year (今年, the report year) or, without 今后五年, sets
        the main targets."""
        return (self.pats.this_year.search(sentence) is not None
                or any(year_value(y) == self.report_year for y in YEAR_IN_TEXT.findall(sentence))
                or (not ahead and self.pats.main_target.search(sentence) is not None))

    def back_to_this_year(self) -> None:
        """End the span that 今后五年 opened: targets are this year's again."""
        if self.ahead:
            self.ahead = False
            self.ctx = self.ctx._replace(period=self.report_year)

    def follow(self, sentence: str, cued: bool) -> None:
        """The context a sentence sets for itself and those after it (``cued``: it holds a word the
        steps read, or the caller reads it anyway)."""
        if not cued and not self.ahead:
            return  # none of the words the steps below read, and no 今后五年 in force: the context stays
        self.follow_plan_span(sentence)
        self.follow_review(sentence)
        self.follow_years_ahead(sentence)

    def sentence_context(self, sentence: str, cued: bool) -> _Context:
        """The context of a sentence holding a number: the section's, made precise by the
        sentence itself (a main-targets sentence, a five-year review, a year it opens or targets;
        ``cued``: it holds a word that may move the context)."""
        self.follow(sentence, cued)
        if self.review_paragraph and self.ctx.status == "target":
            return self.review_paragraph._replace(section=self.ctx.section)
        if self.ctx.status == "actual":
            return self._review_sentence(self.ctx, sentence)
        by = self.by_year.search(sentence)
        if self.ctx.status == "target" and by and (year := year_value(by.group(1))):
            if self.report_year is None or year > self.report_year:
                return self.ctx._replace(period=year)
        if self.ctx.period != self.report_year and self._this_years_targets(sentence):
            return self.ctx._replace(period=self.report_year)  # 今年...主要预期目标是 under a plan's heading
        return self.ctx

    def _this_years_targets(self, sentence: str) -> bool:
        """True for the main-targets sentence of this year (今年...主要预期目标是)."""
        return (self.pats.main_target.search(sentence) is not None
                and self.pats.this_year.search(sentence) is not None)

    def _review_sentence(self, ctx: _Context, sentence: str) -> _Context:
        """The context of a sentence inside a review."""
        if self.pats.main_target.search(sentence) is not None:
            return ctx._replace(status="target", period=self.report_year, span_start=None)
        if ctx.span_start is None and (start := self.spans.reviewed_start(sentence)):
            ctx = ctx._replace(span_start=start)  # 过去五年，... / “十四五”时期，... inside a yearly review
        if year := self.opening_year(sentence):
            if self.report_year is None or year < self.report_year:
                return ctx._replace(period=year)
        return ctx

    def opening_year(self, text: str) -> int | None:
        """The year ``text`` opens with as the year it is about (2022年，...), or None. A year is
        YEAR_CHARS characters with its suffix after them, blanks before: most texts, which open with
        neither, are answered without the pattern."""
        if text[YEAR_CHARS:YEAR_CHARS + 1] != YEAR_SUFFIX and not text[:1].isspace():
            return None
        m = self.leading_year.match(text)
        return year_value(m.group(1)) if m else None

    def run(self) -> list[Sentence]:
        out: list[Sentence] = []
        for line in _LINE.finditer(self.text):
            body = line.group()
            self.review_paragraph = None
            if body.isspace() or bare_number(body):
                continue  # blank, or a bare list number before a heading
            head = self.heading_length(body)
            if head:
                self.on_heading(body[:head])
                c = self.ctx
                out.append(Sentence(line.start(), line.start() + head, c.section, c.status, c.period))
            else:
                self.open_part(body)
                if (year := self.opening_year(body)) and (self.ctx.status == "target" or year == self.report_year):
                    self.on_year(year)  # 2022年，... after a plan part, 2023年，... after a review
            self.read_sentences(body, line.start(), head, out)
        return out

    def next_number(self, pos: int) -> float:
        """Where the first number expression at or after ``pos`` starts (infinity: none). The
        reading only moves on (``pos`` never falls), so the numbers it has passed are counted, not
        searched for each time."""
        starts, i = self.number_starts, self.numbers_passed
        while i < len(starts) and starts[i] < pos:
            i += 1
        self.numbers_passed = i
        return starts[i] if i < len(starts) else math.inf

    def read_sentences(self, body: str, offset: int, head: int, out: list[Sentence]) -> None:
        """The sentences of a paragraph (``offset``: where it starts) after its heading: one holding a
        number is returned with its context, another keeps the context (when it has a cue word)."""
        after = self.next_number(offset + head)  # a number's start, and none between the sentence and it
        cues = [m.start() for m in self.follow_cue.finditer(body, head)]  # one scan: a cue word holds no
        # terminator, so each lies inside one sentence
        if not self.ahead and after >= offset + len(body) and not cues:
            return  # a paragraph with no number and no word that moves the context
        for first, last in sentence_spans(body, head, self.terminators):
            start, end = offset + first, offset + last
            cued = any(first <= cue < last for cue in cues)
            if after < start:
                after = self.next_number(start)  # only after a sentence with a number
            if after < end:
                c = self.sentence_context(body[first:last], cued)
                out.append(Sentence(start, end, c.section, c.status, c.period, c.span_start))
            elif self.ahead or cued:
                self.follow(body[first:last], cued=True)  # keep the context; no claim can stand here


def segment(text: str, lex: Lexicon, report_year: int | None, number_starts: list[int]) -> list[Sentence]:
    """Headings and the sentences holding a number (``number_starts``: sorted offsets of the
    number expressions found) of a normalised text, each with its reading context. Other
    sentences are read for the context they set but not returned: no claim stands in them."""
    return _Segmenter(text, lex, report_year, number_starts).run()
