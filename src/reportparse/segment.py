"""Stage 2: split the normalised copy into sections and sentences, and give each
sentence its reading context: the heading it stands under, whether it reviews the
past (claims are actuals) or plans ahead (claims are targets), and the year it is about.

The context follows the report's own structure: headings (一、2023年工作回顾,
三、2024年政府工作任务), paragraphs that open with a year (2022年，...), the main-targets
sentence (主要预期目标是...) and plan spans (“十五五”时期 ... 目标).
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from .lexicon import Lexicon, alternation

_LINE = regex.compile(r"[^\n]+")
_YEAR = regex.compile(r"((?:19|20)\d\d)年")
_LEADING_YEAR = regex.compile(r"^\s*((?:19|20)\d\d)年(?:[，,是以来]|[^\d月])")
_BY_YEAR = regex.compile(r"到((?:19|20)\d\d)年")


@dataclass(frozen=True)
class Sentence:
    """A sentence of the copy with its reading context."""

    start: int
    end: int
    section: str | None
    status: str
    period: int | None
    is_heading: bool


@dataclass
class _Context:
    status: str
    period: int | None
    section: str | None = None


class _Segmenter:
    def __init__(self, text: str, lex: Lexicon, report_year: int | None) -> None:
        self.text = text
        self.lex = lex
        self.cues = lex.raw["cues"]
        self.report_year = report_year
        self.review_year = report_year - 1 if report_year else None
        self.ctx = _Context("actual", self.review_year)
        self.section_span_end: int | None = None
        seg = lex.segment
        self.sentence_re = regex.compile(rf"[^{regex.escape(seg.sentence_terminators)}]+[{regex.escape(seg.sentence_terminators)}]*")
        spans = self.cues["plan_spans"]
        self.span_re = regex.compile(rf"(?<![一二三四五六七八九十])(?:{alternation(list(spans))})(?![一二三四五六七八九十])")

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
        stripped = body.strip()
        if len(stripped) > seg.heading_max_chars or stripped[-1] in seg.line_terminators:
            return 0
        return 0 if any(ch in stripped for ch in seg.sentence_terminators + "，,") else len(body)

    def _plan_span_end(self, sentence: str) -> int | None:
        ends = [self.cues["plan_spans"][m.group()] for m in self.span_re.finditer(sentence)]
        ends = [e for e in ends if self.report_year is None or e > self.report_year]
        return max(ends) if ends else None

    def on_heading(self, heading: str) -> None:
        years = [int(y) for y in _YEAR.findall(heading)]
        year = years[0] if years else None
        marker = self.lex.heading_re.match(heading)
        self.section_span_end = self._plan_span_end(heading)
        section = heading[marker.end():].strip() if marker else heading.strip()
        if marker and not self.lex.is_top_heading(heading):
            self.on_year(year)  # sub-headings (（一）, 1.) only move the context by an explicit year
            self.ctx.section = section
            return
        review = any(c in heading for c in self.cues["review_heading_cues"])
        plan = any(c in heading for c in self.cues["plan_heading_cues"])
        if review:
            period = year if year and (self.report_year is None or year < self.report_year) else self.review_year
            self.ctx = _Context("actual", period)
        elif self.section_span_end:
            self.ctx = _Context("target", self.section_span_end)
        elif plan:
            self.ctx = _Context("target", year or self.report_year)
        else:
            self.on_year(year)
        self.ctx.section = section

    def on_year(self, year: int | None) -> None:
        """A heading or paragraph that opens with a year: the past is reviewed, this year planned."""
        if year is None or self.report_year is None:
            return
        if year < self.report_year:
            self.ctx = _Context("actual", year, self.ctx.section)
        elif year == self.report_year:
            self.ctx = _Context("target", year, self.ctx.section)

    def sentence_context(self, sentence: str) -> tuple[str, int | None]:
        span_end = self._plan_span_end(sentence)
        if span_end and span_end == self.section_span_end and self.ctx.status == "actual":
            if any(c in sentence for c in self.cues["plan_span_target_cues"]):
                self.ctx = _Context("target", span_end, self.ctx.section)
        status, period = self.ctx.status, self.ctx.period
        if status == "actual" and any(c in sentence for c in self.cues["main_target_cues"]):
            status, period = "target", self.report_year
        by = _BY_YEAR.search(sentence)
        if status == "target" and by and (self.report_year is None or int(by.group(1)) > self.report_year):
            period = int(by.group(1))
        return status, period

    def run(self) -> list[Sentence]:
        out: list[Sentence] = []
        for line in _LINE.finditer(self.text):
            body = line.group()
            if not body.strip() or regex.fullmatch(r"\s*\d+\s*", body):
                continue  # blank, or a bare list number before a heading
            head = self.heading_length(body)
            if head:
                self.on_heading(body[:head])
                out.append(Sentence(line.start(), line.start() + head, self.ctx.section, self.ctx.status,
                                    self.ctx.period, True))
            elif m := _LEADING_YEAR.match(body):
                self.on_year(int(m.group(1)))
            for s in self.sentence_re.finditer(body, head):
                status, period = self.sentence_context(s.group())
                out.append(Sentence(line.start() + s.start(), line.start() + s.end(), self.ctx.section, status,
                                    period, False))
        return out


def segment(text: str, lex: Lexicon, report_year: int | None) -> list[Sentence]:
    """Sentences (and heading lines) of a normalised text with their reading context."""
    return _Segmenter(text, lex, report_year).run()
