"""Stage 4: claim assembly. Turns the mentions of a sentence into claim dicts.

For each mention: the metric (:mod:`metric`), kind and direction (:mod:`kind`), status
and period (:mod:`timing`), and the span mapped back to the original text.
"""

from __future__ import annotations

from ...assemble import ClaimAssembler, SentenceState
from ...explain import note
from ...lexicon import Lexicon
from ...mention import Mention
from ...model import Claim, Qualifier
from ...normalise import NormalisedText
from ...resolve import ClaimFields, claim_record
from ...segment import Sentence
from .cues import compile_cues
from .kind import kind_and_sign
from .metric import MetricFinder
from .timing import Timing
from .views import cue_words


class ClaimBuilder(ClaimAssembler):
    """Builds the claims of one Chinese document from its mentions and sentences; a heading's
    numbers count too (a short line such as 地区生产总值增长5% reads as a heading)."""

    def __init__(self, norm: NormalisedText, lex: Lexicon, doc_id: str, report_year: int | None) -> None:
        super().__init__(norm, lex, doc_id, report_year)
        cues = compile_cues(lex)
        self.cues = cues
        self.metrics = MetricFinder(norm.text, lex, cues)
        self.timing = Timing(norm.text, cues, cue_words(lex).plan_spans, report_year, lex)

    def _clause_start(self, pos: int, floor: int) -> int:
        m = self.cues.clause_end.search(self.text, floor, pos)
        return m.end() if m else floor

    def _list_qualifier(self, m: Mention, before: str, prev: SentenceState) -> Qualifier:
        """A qualifier written once before a 分别 list holds for every number of it
        (分别超过8万元、4.5万元: both more than)."""
        if prev.item_index == 0:
            prev.list_qualifier = m.qualifier if m.qualifier != "range" else "exact"
        elif prev.item_index > 0 and m.qualifier == "exact" \
                and not self.metrics.item_separators.sub("", before).strip():
            note(m.start, m.end, "assemble", "zh.qualifier.list", "qualifier", prev.list_qualifier)
            return prev.list_qualifier
        return m.qualifier

    def claim(self, m: Mention, sent: Sentence, sentence_text: str, prev: SentenceState,
              nxt: Mention | None) -> Claim:
        """Kind, metric, qualifier, status and period of one mention, then its claim."""
        clause = self._clause_start(m.start, max(sent.start, prev.end))
        before = self.text[clause : m.start]
        kind, sign = kind_and_sign(m, before, prev, self.cues)
        metric_text, metric_id = self.metrics.find(m, before, (sent.start, sent.end), prev)
        qualifier = self._list_qualifier(m, before, prev)
        status, period = self.timing.status_period(m, sent, before, prev, nxt)
        metric_obj = self.lex.metric_by_id(metric_id) if metric_id else None
        if kind == "ranking":  # the next number keeps the metric id before it, or the one ranked
            ranked = self.metrics.metric_id(metric_text)  # 经济总量位居全国城市前十，达到15616.1亿元
            prev.metric, prev.metric_id, prev.end = metric_text, ranked.id if ranked else prev.metric_id, m.end
        else:
            prev.metric, prev.metric_id, prev.kind, prev.sign, prev.unit, prev.end = (
                metric_text, metric_id, kind, sign, m.unit, m.end)
        fields = ClaimFields(kind, sign, qualifier, status, period, metric_text, metric_obj, sentence_text,
                             sent.section)
        return claim_record(self.spans, self.doc_id, m, fields)


def build_claims(norm: NormalisedText, lex: Lexicon, doc_id: str, report_year: int | None,
                 mentions: list[Mention], sentences: list[Sentence]) -> list[Claim]:
    """The claims of a Chinese document (see :class:`ClaimBuilder`)."""
    return ClaimBuilder(norm, lex, doc_id, report_year).build(mentions, sentences)
