"""Stage 2 for English: headings and sentences with their reading context.

Headings are numbered lines (I. Review of Our Work in 2023, 1. Expanding domestic demand.)
or short lines without sentence punctuation. A heading dated before the report year, or
naming a review, makes its sentences actuals of that year; one dated in the report year,
or naming tasks or targets, makes them targets. A paragraph that opens with a year
(In 2023, ...) moves the context the same way. Sentences end at . ! ? before a space and a
capital (a decimal point or U.S. does not end one).
"""

from __future__ import annotations

import bisect
from functools import cache

import regex

from ...lexicon import Lexicon
from ...recognise.patterns import alternation
from ...segment import Sentence
from .cues import compile_cues
from .meta import YEAR_EN
from .views import english_data

_LINE = regex.compile(r"[^\n]+")
_CONTINUATION = regex.compile(r"\n[ \t]*[a-z0-9(]")  # the next line goes on with the sentence
_SENTENCE_END = regex.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])")
_BLOCK = regex.compile(r"[\s\S]+")


def _line_end(text: str, pos: int) -> int:
    """Where the line that goes on at ``pos`` ends."""
    line = _LINE.match(text, pos)
    return line.end() if line else pos


@cache
def _cue(words: tuple[str, ...]) -> regex.Pattern[str]:
    return regex.compile(rf"\b(?:{alternation(list(words))})\b")


class _Segmenter:
    def __init__(self, text: str, lex: Lexicon, report_year: int | None, number_starts: list[int]) -> None:
        self.text = text
        self.lex = lex
        self.report_year = report_year
        self.number_starts = number_starts
        cues = english_data(lex).cues
        self.review = _cue(cues.review_heading_cues)
        self.plan = _cue(cues.plan_heading_cues)
        self.leading_year = compile_cues(lex).lead_year
        self.plan_spans = cues.plan_spans
        self.status: str | None = None  # None: no heading has set it yet, each sentence decides
        self.period: int | None = None
        self.section: str | None = None

    def heading_length(self, line: str) -> int:
        """Length of the heading that opens ``line`` (0 for a paragraph): a numbered line up to
        its first sentence end, or a whole short line without sentence punctuation."""
        body = line.rstrip()
        marker = self.lex.heading_re.match(body)
        if marker:
            end = _SENTENCE_END.search(body, marker.end() + 1)
            return end.start() if end else len(body)
        return len(body) if self.lex.segment.is_short_heading(body) else 0

    def heading_year(self, heading: str) -> int | None:
        """The first year a heading names, else the last year of the five-year plan it names."""
        years = [int(y) for y in YEAR_EN.findall(heading)]
        years = years or [end for plan, end in self.plan_spans.items() if plan.lower() in heading.lower()]
        return years[0] if years else None

    def on_heading(self, heading: str) -> None:
        marker = self.lex.heading_re.match(heading)
        self.section = (heading[marker.end():] if marker else heading).strip().rstrip(".") or None
        year = self.heading_year(heading)
        top = marker is None or self.lex.is_top_heading(heading)
        if year is not None and self.report_year is not None:
            if year < self.report_year:
                self.status, self.period = "actual", year
            else:
                self.status, self.period = "target", year
        elif not top:
            return
        elif self.review.search(heading):
            self.status, self.period = "actual", self.report_year - 1 if self.report_year else None
        elif self.plan.search(heading):
            self.status, self.period = "target", self.report_year

    def on_paragraph(self, body: str) -> None:
        m = self.leading_year.match(body)
        if m and self.report_year is not None and self.status is not None:
            year = int(m.group(1))
            self.status, self.period = ("actual", year) if year < self.report_year else ("target", year)

    def has_number(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.number_starts, start)
        return i < len(self.number_starts) and self.number_starts[i] < end

    def paragraphs(self) -> list[regex.Match[str]]:
        """The lines of the text, a line broken inside a sentence joined with the next (a line
        that ends without a terminator, before a line that starts in lower case)."""
        out: list[regex.Match[str]] = []
        pos = 0
        while (line := _LINE.search(self.text, pos)) is not None:
            end = line.end()
            while (nxt := _CONTINUATION.match(self.text, end)) is not None and not self.heading_length(
                    self.text[line.start():end]) and self.text[end - 1] not in self.lex.segment.line_terminators:
                end = _line_end(self.text, nxt.end() - 1)
            joined = line if end == line.end() else _BLOCK.match(self.text, line.start(), end)
            if joined is not None:
                out.append(joined)
            pos = end
        return out

    def run(self) -> list[Sentence]:
        out: list[Sentence] = []
        for line in self.paragraphs():
            body = line.group()
            if not body.strip():
                continue
            head = self.heading_length(body)
            if head:
                self.on_heading(body[:head])
                out.append(self._sentence(line.start(), line.start() + head))
            else:
                self.on_paragraph(body)
            pos = head
            while pos < len(body):
                end = _SENTENCE_END.search(body, pos)
                stop = end.start() if end else len(body)
                lead = len(body[pos:stop]) - len(body[pos:stop].lstrip())
                start = line.start() + pos + lead
                if stop > pos + lead and self.has_number(start, line.start() + stop):
                    out.append(self._sentence(start, line.start() + stop))
                pos = end.end() if end else len(body)
        return out

    def _sentence(self, start: int, end: int) -> Sentence:
        status = self.status or "unknown"
        return Sentence(start, end, self.section, status, self.period)


def segment(text: str, lex: Lexicon, report_year: int | None, number_starts: list[int]) -> list[Sentence]:
    """Headings and the sentences holding a number of an English text, with their context.

    A sentence's ``status`` is ``unknown`` when no heading has set the context yet: the claim
    builder then decides from the sentence's own words.
    """
    return _Segmenter(text, lex, report_year, number_starts).run()
