"""Stage 4: claim assembly. Turns the mentions of a sentence into claim dicts.

For each mention: the metric (:mod:`metric`), kind and direction (:mod:`kind`), status
and period (:mod:`timing`), and the span mapped back to the original text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator

from .cues import compile_cues
from .kind import kind_and_sign
from .lexicon import Lexicon, Metric
from .metric import MetricFinder
from .model import Mention, SentenceState
from .normalise import NormalisedText
from .numerals import to_json_number
from .segment import Sentence
from .timing import Timing

SENTENCE_MAX = 1000
"""The longest ``sentence`` a claim carries, in characters: a longer sentence (a line without
punctuation) is cut to a window of this many characters around the claim, so output grows
with the text, not with the square of a line's length."""


class Excerpt(str):
    """A claim's sentence as it is written in the claim: the whole sentence, or a window of it
    whose ``span`` (offsets into the original text) is set when the sentence was cut."""

    span: tuple[int, int] | None = None


def sentence_excerpt(original: str, start: int, end: int, claim: tuple[int, int]) -> Excerpt:
    """The sentence ``original[start:end]`` for the claim at ``claim``: whole when it is at most
    :data:`SENTENCE_MAX` characters, else the window of that many characters centred on the claim
    (shifted to stay inside the sentence; just the claim when it is longer itself)."""
    if end - start <= SENTENCE_MAX:
        return Excerpt(original[start:end])
    room = max(0, SENTENCE_MAX - (claim[1] - claim[0]))
    lo = max(start, claim[0] - room // 2)
    hi = min(end, max(claim[1], lo + SENTENCE_MAX))
    lo = max(start, min(lo, hi - SENTENCE_MAX))
    excerpt = Excerpt(original[lo:hi])
    excerpt.span = (lo, hi)
    return excerpt


class ClaimBuilder:
    """Builds the claim dicts of one document from its mentions and sentences."""

    def __init__(self, norm: NormalisedText, lex: Lexicon, doc_id: str, report_year: int | None) -> None:
        self.text = norm.text
        self.lex = lex
        self.norm = norm
        self.doc_id = doc_id
        cues = compile_cues(lex)
        self.cues = cues
        self.metrics = MetricFinder(norm.text, lex, cues)
        self.timing = Timing(norm.text, cues, lex.raw["cues"]["plan_spans"], report_year)

    def build(self, mentions: list[Mention], sentences: list[Sentence]) -> list[dict[str, Any]]:
        """Claims of every claimable mention, in text order; a heading's numbers count too (a short
        line such as 地区生产总值增长5% reads as a heading)."""
        return [self._claim(m, sent, text, prev, nxt) for m, sent, text, prev, nxt in by_sentence(self.norm, mentions, sentences)]

    def _clause_start(self, pos: int, floor: int) -> int:
        m = self.cues.clause_end.search(self.text, floor, pos)
        return m.end() if m else floor

    def _list_qualifier(self, m: Mention, before: str, prev: SentenceState) -> str:
        """A qualifier written once before a 分别 list holds for every number of it
        (分别超过8万元、4.5万元: both more than)."""
        if prev.item_index == 0:
            prev.list_qualifier = m.qualifier if m.qualifier != "range" else "exact"
        elif prev.item_index > 0 and m.qualifier == "exact" and not self.metrics.item_separators.sub("", before).strip():
            return prev.list_qualifier
        return m.qualifier

    def _claim(self, m: Mention, sent: Sentence, sentence_text: str, prev: SentenceState,
               nxt: Mention | None) -> dict[str, Any]:
        clause = self._clause_start(m.start, max(sent.start, prev.end))
        before = self.text[clause : m.start]
        kind, sign = kind_and_sign(m, before, prev, self.cues)
        metric_text, metric_id = self.metrics.find(m, before, (sent.start, sent.end), prev)
        qualifier = self._list_qualifier(m, before, prev)
        status, period = self.timing.status_period(m, sent, before, prev, nxt)
        metric_obj = self.lex.metric_by_id(metric_id) if metric_id else None
        if kind == "ranking":
            prev.metric, prev.end = metric_text, m.end  # the next number keeps the metric id before it
        else:
            prev.metric, prev.metric_id, prev.kind, prev.sign, prev.unit, prev.end = (
                metric_text, metric_id, kind, sign, m.unit, m.end)
        return claim_record(self.norm, self.doc_id, m, ClaimFields(kind, sign, qualifier, status, period, metric_text,
                                                                    metric_obj, sentence_text, sent.section))


@dataclass(frozen=True)
class ClaimFields:
    """What claim assembly decided about one mention, in any language."""

    kind: str
    sign: int
    qualifier: str
    status: str
    period: int | None
    metric_text: str | None
    metric: Metric | None
    sentence: str
    section: str | None


def claim_record(norm: NormalisedText, doc_id: str, m: Mention, f: ClaimFields) -> dict[str, Any]:
    """The claim dict of a mention (the shape of ``schemas/claim.schema.json``): the span mapped
    back to the original text, the value signed (a decline is negative; a declining range swaps
    its bounds), the rank of a ranking."""
    start, end = norm.to_original(m.start, m.end)
    value, low, high = m.value, m.low, m.high
    if f.sign < 0:
        value = -value if value is not None else None
        low, high = (-high if high is not None else None), (-low if low is not None else None)
        if low is not None:
            value = low
    record = {
        "id": f"{doc_id}:{start}-{end}",
        "span": [start, end],
        "text": norm.original[start:end],
        "kind": f.kind,
        "value": to_json_number(value),
        "low": to_json_number(low),
        "high": to_json_number(high),
        "unit": m.unit,
        "unit_text": norm.original_text(m.unit_spans),
        "qualifier": f.qualifier,
        "status": f.status,
        "period": f.period,
        "metric": {"text": f.metric_text or None, "id": f.metric.id if f.metric else None,
                   "en": f.metric.en if f.metric else None},
        "rank": {"position": to_json_number(m.value), "of": m.rank_of, "scope": m.rank_scope} if f.kind == "ranking" else None,
        "sentence": str(f.sentence),
        "section": f.section,
        "rule": m.rule,
    }
    span = getattr(f.sentence, "span", None)
    if span is not None:
        record["sentence_span"] = list(span)
    return record


def by_sentence(norm: NormalisedText, mentions: list[Mention], sentences: list[Sentence]
                ) -> Iterator[tuple[Mention, Sentence, str, SentenceState, Mention | None]]:
    """Each claimable mention that stands in a sentence, in text order, with its sentence, the
    sentence's original text (an :class:`Excerpt`: a window of it when it is long), the state
    its earlier claims leave (one per sentence) and the mention after it."""
    idx = 0
    for sent in sentences:
        prev = SentenceState()
        s_start, s_end = norm.to_original(sent.start, sent.end)
        raw = norm.original[s_start:s_end]
        s_end -= len(raw) - len(raw.rstrip())
        s_start += len(raw) - len(raw.lstrip())
        while idx < len(mentions) and mentions[idx].start < sent.end:
            m = mentions[idx]
            idx += 1
            if m.start >= sent.start and m.claimable:
                sentence_text = sentence_excerpt(norm.original, s_start, max(s_start, s_end),
                                                 norm.to_original(m.start, m.end))
                yield m, sent, sentence_text, prev, mentions[idx] if idx < len(mentions) else None


def resolve_overlaps(mentions: list[Mention]) -> list[Mention]:
    """Drop mentions that lie inside a longer one (54个 inside 全省54个市辖区第一)."""
    ordered = sorted(mentions, key=lambda x: (x.start, -(x.end - x.start)))
    kept: list[Mention] = []
    for m in ordered:
        if kept and m.start < kept[-1].end:
            if m.end - m.start > kept[-1].end - kept[-1].start and m.rule.endswith(".ranking"):
                kept[-1] = m
            continue
        kept.append(m)
    return kept

