"""Stage: assemble. A language pack decides each mention's kind, metric, status and period
sentence by sentence; this module walks the mentions by sentence and holds the state one
sentence's earlier claims leave for the next."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..explain import note
from ..lexicon import Lexicon
from ..mention import Mention
from ..model import Claim, Qualifier
from ..normalise import NormalisedText
from ..resolve import OrderedSpans, SpanMap
from ..segment import Sentence
from .excerpt import SENTENCE_MAX, Excerpt, sentence_excerpt

__all__ = ["SENTENCE_MAX", "ClaimAssembler", "Excerpt", "SentenceState", "by_sentence", "sentence_excerpt"]


@dataclass
class SentenceState:
    """What the claims read so far in a sentence leave for the next one: its metric (for 、增长5.4% after
    a level), kind, whether it spoke of last year, and the items of a 分别 list being walked."""

    metric: str = ""
    metric_id: str | None = None
    kind: str | None = None
    sign: int = 1
    unit: str | None = None
    end: int = -1
    last_year: bool = False
    items: tuple[str, ...] = ()
    item_index: int = -1
    list_qualifier: Qualifier = "exact"


def _trimmed_span(norm: SpanMap, sent: Sentence) -> tuple[int, int]:
    """The span of a sentence in the original text, without the white space around it."""
    s_start, s_end = norm.to_original(sent.start, sent.end)
    original = norm.original
    if s_start < s_end and not original[s_start].isspace() and not original[s_end - 1].isspace():
        return s_start, s_end  # most sentences have no white space around them: nothing to copy
    raw = original[s_start:s_end]
    s_end -= len(raw) - len(raw.rstrip())
    s_start += len(raw) - len(raw.lstrip())
    return s_start, max(s_start, s_end)


def by_sentence(norm: SpanMap, mentions: list[Mention], sentences: list[Sentence]
                ) -> Iterator[tuple[Mention, Sentence, str, SentenceState, Mention | None]]:
    """Each claimable mention that stands in a sentence, in text order, with its sentence, the
    sentence's original text (an :class:`Excerpt`: a window of it when it is long), the state
    its earlier claims leave (one per sentence) and the mention after it. A sentence no mention
    starts in costs one comparison (most sentences have none)."""
    idx, count = 0, len(mentions)
    for sent in sentences:
        if idx == count or mentions[idx].start >= sent.end:
            continue
        prev = SentenceState()
        s_start, s_end = _trimmed_span(norm, sent)
        whole = Excerpt(norm.original[s_start:s_end]) if s_end - s_start <= SENTENCE_MAX else None
        while idx < count and mentions[idx].start < sent.end:
            m = mentions[idx]
            idx += 1
            if m.start >= sent.start and m.claimable:
                sentence_text = whole if whole is not None else \
                    sentence_excerpt(norm.original, s_start, s_end, norm.to_original(m.start, m.end))
                yield m, sent, sentence_text, prev, mentions[idx] if idx < count else None
            else:
                note(m.start, m.end, "assemble", m.rule, "dropped",
                     "not a claim on its own (no unit, a lone numeral or a duration)" if not m.claimable
                     else "outside every sentence")


class ClaimAssembler:
    """The walk every language's assembly shares: each claimable mention of each sentence, in text
    order, with the state the sentence's earlier claims leave; a pack's subclass decides a claim
    in :meth:`claim`."""

    def __init__(self, norm: NormalisedText, lex: Lexicon, doc_id: str, report_year: int | None) -> None:
        self.norm = norm
        self.spans = OrderedSpans(norm)  # the walk asks for spans in text order
        self.text = norm.text
        self.lex = lex
        self.doc_id = doc_id
        self.report_year = report_year

    def build(self, mentions: list[Mention], sentences: list[Sentence]) -> list[Claim]:
        """Claims of every claimable mention that stands in a sentence, in text order."""
        return [self.claim(m, sent, text, prev, nxt)
                for m, sent, text, prev, nxt in by_sentence(self.spans, mentions, sentences)]

    def claim(self, m: Mention, sent: Sentence, sentence_text: str, prev: SentenceState,
              nxt: Mention | None) -> Claim:
        """The claim of one mention (its sentence, the sentence's text as written, the state of the
        sentence so far, the next mention)."""
        raise NotImplementedError
