"""Five-year plan spans named in a text (“十四五”时期, 第六个五年计划): their last years, those still
ahead of a report, and the first year of the span a review covers."""

from __future__ import annotations

from ...lexicon import Lexicon
from .cues import compile_cues
from .views import cue_words


class PlanSpans:
    """The plan spans of one report (``report_year`` None when it is not known)."""

    def __init__(self, lex: Lexicon, report_year: int | None) -> None:
        cues = cue_words(lex)
        self.years = cues.plan_spans
        self.review_cues = cues.five_year_review_cues
        self.chars = set.intersection(*(set(name) for name in self.years)) or set("".join(self.years))
        self.pattern = compile_cues(lex).plan_span
        self.report_year = report_year
        self.review_year = report_year - 1 if report_year else None

    def ends(self, text: str) -> list[int]:
        """The last year of every plan span ``text`` names."""
        if not any(ch in text for ch in self.chars):  # a cheap test before the regex
            return []
        return [self.years[m.group()] for m in self.pattern.finditer(text)]

    def future_end(self, text: str) -> int | None:
        """The last year of the latest span ``text`` names that ends after the report year."""
        ends = [e for e in self.ends(text) if self.report_year is None or e > self.report_year]
        return max(ends) if ends else None

    def reviewed_start(self, heading: str) -> int | None:
        """First year of a five-year span that a review heading covers (“十四五”时期, 过去五年)."""
        past = [e for e in self.ends(heading) if self.review_year is None or e <= self.review_year]
        if past:
            return max(past) - 4
        if self.review_year and any(c in heading for c in self.review_cues):
            return self.review_year - 4
        return None
