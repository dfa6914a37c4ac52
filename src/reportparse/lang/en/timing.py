"""Status (actual or target) and period of an English claim, from the sentence's context
(its heading or opening year) and the cue words before the number. One named rule decides per
context; it is noted as ``en.timing.<name>``."""

from __future__ import annotations

from ... import explain
from ...assemble import SentenceState
from ...mention import Mention
from ...model import Status
from ...segment import Sentence
from .cues import Cues
from .meta import YEAR_EN

Timing = tuple[Status, int | None, str]


class TimingRules:
    """The status and period rules of one document."""

    def __init__(self, text: str, cues: Cues, report_year: int | None) -> None:
        self.text = text
        self.cues = cues
        self.report_year = report_year

    def _future_years(self, sentence_before: str) -> list[int]:
        """Years of 'by 2025' before the number, not before the report year."""
        years = [int(y) for y in self.cues.by_year.findall(sentence_before)]
        return [y for y in years if self.report_year is None or y >= self.report_year]

    def _about_last_year(self, since: str, prev: SentenceState) -> bool:
        """A plan sentence that speaks of last year (last year, retail sales grew by 7.2 percent)."""
        c = self.cues
        last = list(c.last_year.finditer(since))
        this = list(c.this_year.finditer(since))
        return (bool(last) and (not this or this[-1].start() < last[-1].start())) \
            or (prev.last_year and not this and not c.target.search(since))

    def _in_plan(self, sent: Sentence, window: str, future: list[int], prev: SentenceState) -> Timing:
        """A sentence under a plan heading: a target, unless it speaks of last year."""
        about_last = self._about_last_year(window, prev)
        prev.last_year = about_last
        if about_last and self.report_year:
            return "actual", self.report_year - 1, "plan_last_year"
        if self.report_year and self._past_review(sent):
            return "actual", self.report_year - 1, "plan_past_tense"
        return "target", future[-1] if future else sent.period or self.report_year, "plan"

    def _past_review(self, sent: Sentence) -> bool:
        """A sentence in the past tense with no target cue and no 'this year' (under a target
        headline: the economy grew 3 percent; 12.06 million urban jobs were created)."""
        c = self.cues
        sentence = c.comparison.sub("", self.text[sent.start : sent.end])
        return bool(c.past_tense.search(sentence)) and not c.target.search(sentence) \
            and not c.this_year.search(sentence)

    def _in_review(self, sent: Sentence, window: str, future: list[int]) -> Timing:
        """A sentence under a review heading: an actual, unless a target cue in the number's own
        clause governs it (a plan named in an earlier clause does not: we rolled out an action
        plan ..., while the share of urban residents climbed to 67 percent)."""
        c, report = self.cues, self.report_year
        clauses = list(c.after_clause_end.finditer(window))
        window = window[clauses[-1].end():] if clauses else window
        if c.target.search(window):
            if c.review_target.search(window):
                return "target", sent.period, "review_target"
            return "target", future[-1] if future else report, "review_target_cue"
        lead = c.lead_year.match(self.text[sent.start : sent.end])
        if lead and (report is None or int(lead.group(1)) < report):
            return "actual", int(lead.group(1)), "review_lead_year"
        return "actual", sent.period, "review"

    def _unknown(self, m: Mention, sent: Sentence, window: str) -> Timing:
        """A sentence before any heading (see :meth:`_own_words`), read clause by clause: a list
        line without a cue or year of its own takes the decision of the line that leads the list;
        a headline in the future is a target; a target cue in the number's clause makes a target;
        a year before the report's (or 'last year') right after the number dates an actual; a
        past-tense clause is an actual even when a target is named later in the sentence."""
        c, sentence = self.cues, self.text[sent.start : sent.end]
        lead = self._list_lead(sent.start) if c.list_line.match(sentence) else None
        if lead is not None and not c.target.search(sentence) and not YEAR_EN.search(sentence):
            status, period, _ = self._own_words(lead)
            return status, period, "list_line"
        if not self.text[: sent.start].strip() and c.headline_target.search(sentence) and self.report_year:
            return "target", self.report_year, "headline"  # China to keep 2020 deficit ratio at over 3.6 pct
        clause = self._last_clause(window)
        dated = self._dated_after(m, sent)
        if c.target.search(clause):
            return self._target_clause(clause, sentence, dated)
        if dated is not None and self.report_year is not None and dated < self.report_year:
            return "actual", dated, "dated_after"  # 12.44 million new urban jobs last year, exceeding the target
        if c.past_tense.search(clause):
            status, period, rule = self._own_words(c.target.sub("", sentence))
            return status, period, f"past_before_{rule}"  # grew 6.1 percent in 2019, within the target range
        return self._own_words(sentence)

    def _last_clause(self, window: str) -> str:
        clauses = list(self.cues.after_clause_end.finditer(window))
        return window[clauses[-1].end():] if clauses else window

    def _target_clause(self, clause: str, sentence: str, dated: int | None) -> Timing:
        """A target cue in the number's clause: the target of a year the sentence reviews when the
        clause names one the review met or beat (exceeding the target of 12 million, in a sentence
        about last year), else a target of the year its clause names, the year after it, or the report's."""
        c, report = self.cues, self.report_year
        if report is not None and c.review_target.search(clause):
            past = [int(y) for y in c.by_year.findall(sentence) if int(y) < report]
            past += [report - 1] if c.last_year.search(sentence) else []
            if past:
                return "target", max(past), "reviewed_target"  # grew 6.1 percent in 2019, within the target range
        years = [int(y) for y in c.by_year.findall(clause)] + ([dated] if dated is not None else [])
        years = [y for y in years if report is None or y >= report]
        return "target", years[0] if years else report, "target_clause"

    def _list_lead(self, start: int) -> str | None:
        """The last line before ``start`` that is not a list line: the one that leads the list."""
        lines = self.text[:start].splitlines()
        return next((line for line in reversed(lines) if line.strip() and not self.cues.list_line.match(line)), None)

    def _own_words(self, sentence: str) -> Timing:
        """A target when the sentence has a target cue or names a year not before the report's,
        else an actual of the year it names or of the year before the report."""
        c, report = self.cues, self.report_year
        if c.target.search(c.comparison.sub("", sentence)) or c.this_year.search(sentence):
            years = [int(y) for y in c.by_year.findall(sentence)]
            return "target", years[-1] if years else report, "target_cue"
        lead = c.lead_year.match(sentence) or c.by_year.search(sentence)
        if lead and report is not None and int(lead.group(1)) >= report:
            return "target", int(lead.group(1)), "dated_plan_year"  # a year not over when the report is given
        if lead:
            return "actual", int(lead.group(1)), "dated"
        return "actual", report - 1 if report else None, "last_year"

    def _dated_after(self, m: Mention, sent: Sentence) -> int | None:
        """The year right after a number, in its clause: one written (in 2023, of 2022), or the
        year before the report for 'last year'."""
        after = self.cues.after_clause_end.split(self.text[m.end : min(sent.end, m.end + 40)], maxsplit=1)[0]
        after = self.cues.comparison.sub("", after)  # 0.2 percentage points higher than last year: a change
        if dated := self.cues.by_year.search(after) or self.cues.of_year.search(after):
            return int(dated.group(1))
        return self.report_year - 1 if self.report_year and self.cues.last_year.search(after) else None

    def status_period(self, m: Mention, sent: Sentence, before: str, prev: SentenceState) -> tuple[Status, int | None]:
        """Status and period of a mention; ``before`` is the sentence text before it since the
        previous claim."""
        window = self.cues.comparison.sub("", before)
        future = self._future_years(self.text[sent.start : m.start])
        if sent.status == "target":
            status, period, rule = self._in_plan(sent, window, future, prev)
        elif sent.status == "actual":
            status, period, rule = self._in_review(sent, window, future)
        else:
            status, period, rule = self._unknown(m, sent, window)
        earlier = self._dated_after(m, sent) if status == "actual" and self.report_year else None
        if earlier is not None and self.report_year is not None and earlier < self.report_year - 1:
            period, rule = earlier, f"{rule}+year_after"  # faster than the 3 percent growth of 2022
        explain.note(m.start, m.end, "assemble", f"en.timing.{rule}", "status", f"{status} {period}")
        return status, period
