"""Stage 4 for English: claim assembly. For each mention of a sentence: the kind and direction
(:mod:`.kind`: grew by / a drop of / reached / accounted for), the metric (:mod:`.metric`: a
name of the bilingual lexicon in the clause, else the counted noun or the clause's subject or
object), status and period (:mod:`.timing`: the sentence's context, target cues such as will /
projected / is set at, last year), and the shared claim record of
:func:`reportparse.resolve.claim_record`.
"""

from __future__ import annotations

import regex

from ... import explain
from ...assemble import ClaimAssembler, SentenceState
from ...lexicon import Lexicon, Metric
from ...mention import Mention
from ...model import Claim, Kind
from ...normalise import NormalisedText
from ...resolve import ClaimFields, claim_record
from ...segment import Sentence
from .cues import compile_cues, metric_key
from .kind import KindContext, kind_and_sign
from .metric import MetricContext, Phrases, find_metric
from .timing import TimingRules

_CLAUSE_END = regex.compile(r"(?r)[;:()]|,(?!\d{3})")  # not the comma of 10,000


class ClaimBuilder(ClaimAssembler):
    """Builds the claims of one English document from its mentions and sentences."""

    def __init__(self, norm: NormalisedText, lex: Lexicon, doc_id: str, report_year: int | None) -> None:
        super().__init__(norm, lex, doc_id, report_year)
        self.cues = compile_cues(lex)
        self.phrases = Phrases(self.text, self.cues)
        self.timing = TimingRules(self.text, self.cues, report_year)
        # what each number with a named metric stated: (value, unit, status) -> its metric and kind
        self.stated: dict[tuple[object, str | None, str], tuple[str | None, Metric, Kind, int]] = {}

    def _reduction_level(self, m: Mention, metric: Metric | None, kind: tuple[Kind, int]) -> tuple[Kind, int]:
        """Cut taxes and fees by 2.2 trillion yuan: an amount of a reduction indicator is its level."""
        if kind[0] == "growth" and m.unit_kind != "rate" and metric and metric.id in self.cues.reduction_metrics:
            explain.note(m.start, m.end, "assemble", "en.kind.reduction_metric", "kind", "level")
            return "level", 1
        return kind

    def _share_of_gdp(self, m: Mention, found: tuple[str | None, Metric | None], earlier: str
                      ) -> tuple[str | None, Metric | None]:
        """R&D spending reached (or was equal to) 2.8 percent of GDP: a percent of GDP of an
        amount indicator is its share-of-GDP indicator (rd_expenditure -> rd_intensity); the
        amount may be named earlier in the sentence (R&D expenditure was 2.17 trillion yuan,
        accounting for 2.19 percent of GDP)."""
        metric_text, metric = found
        if m.unit != "percent" or not self.cues.of_gdp.match(self.text, m.end):
            return found
        named = metric or self.cues.metric_by_name.get(metric_key(metric_text or ""))
        if named is None and (before := self.phrases.lexicon_metric(earlier)) is not None:
            metric_text, named = before
        share_id = self.cues.gdp_share_metrics.get(named.id) if named else None
        if share_id is None:
            return found
        explain.note(m.start, m.end, "assemble", "en.metric.share_of_gdp", "metric", share_id)
        return metric_text, self.lex.metric_by_id(share_id) or metric

    def _growth_of_economy(self, m: Mention, metric: Metric | None, kind: tuple[Kind, int]) -> tuple[Kind, int]:
        """The growth rate at around 5 percent: a percent of the economy (not 'percent of GDP') is its growth."""
        if kind[0] == "ratio" and m.unit == "percent" and metric is not None \
                and metric.id == self.cues.bare_growth_metric and not self.cues.of_gdp.match(self.text, m.end):
            explain.note(m.start, m.end, "assemble", "en.kind.growth_of_economy", "kind", "growth")
            return "growth", 1
        return kind

    def _restated(self, m: Mention, before: str, status: str, found: tuple[str | None, Metric | None, Kind, int]
                  ) -> tuple[str | None, Metric | None, Kind, int]:
        """A target of around 5 percent: a number after a generic noun only (target, goal) restates
        the claim of the same value, unit and status, and takes its metric and kind; a number
        with a named metric is remembered for that."""
        key = (m.value, m.unit, status)
        if found[1] is not None:
            self.stated[key] = (found[0], found[1], found[2], found[3])
        elif self.phrases.clean(before).lower() in self.cues.generic_nouns and key in self.stated:
            explain.note(m.start, m.end, "assemble", "en.metric.restated", "metric", self.stated[key][1].id)
            return self.stated[key]
        return found

    def claim(self, m: Mention, sent: Sentence, sentence_text: str, prev: SentenceState,
              nxt: Mention | None) -> Claim:
        """Kind, metric, status and period of one mention, then its claim."""
        floor = max(sent.start, prev.end)
        cut = _CLAUSE_END.search(self.text, floor, m.start)
        before = self.text[cut.end() if cut else floor : m.start]
        kind, sign = kind_and_sign(KindContext(m, before, prev, self.cues, self.text, self.phrases.after_phrase))
        metric_text, metric = find_metric(MetricContext(m, kind, before, sent, prev, self.phrases, self.lex))
        kind, sign = self._reduction_level(m, metric, self._growth_of_economy(m, metric, (kind, sign)))
        metric_text, metric = self._share_of_gdp(m, (metric_text, metric), self.text[sent.start : m.start])
        status, period = self.timing.status_period(m, sent, self.text[floor : m.start], prev)
        metric_text, metric, kind, sign = self._restated(m, before, status, (metric_text, metric, kind, sign))
        if self.cues.from_end.search(before) and period is not None:
            period -= 1  # rule 4: X of 'from X to Y' is the year before the change
            explain.note(m.start, m.end, "assemble", "en.period.from_value", "period", str(period))
        if kind == "ranking":
            prev.metric, prev.end = metric_text or "", m.end
        else:
            prev.metric, prev.metric_id, prev.kind, prev.sign, prev.unit, prev.end = (
                metric_text or "", metric.id if metric else None, kind, sign, m.unit, m.end)
        return claim_record(self.spans, self.doc_id, m, ClaimFields(
            kind, sign, m.qualifier, status, period, metric_text, None if kind == "ranking" else metric,
            sentence_text, sent.section))


def build_claims(norm: NormalisedText, lex: Lexicon, doc_id: str, report_year: int | None,
                 mentions: list[Mention], sentences: list[Sentence]) -> list[Claim]:
    """The claims of an English document (see :class:`ClaimBuilder`)."""
    return ClaimBuilder(norm, lex, doc_id, report_year).build(mentions, sentences)
