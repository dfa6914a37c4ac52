"""Stage: assemble. A language pack decides each mention's kind, metric, status and period
sentence by sentence; this module walks the mentions by sentence and holds the state one
sentence's earlier claims leave for the next."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..explain import note
from ..model import Mention
from ..normalise import NormalisedText
from ..segment import Sentence

__all__ = ["SentenceState", "by_sentence"]


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
    list_qualifier: str = "exact"


def by_sentence(norm: NormalisedText, mentions: list[Mention], sentences: list[Sentence]
                ) -> Iterator[tuple[Mention, Sentence, str, SentenceState, Mention | None]]:
    """Each claimable mention that stands in a sentence, in text order, with its sentence, the
    sentence's original text, the state its earlier claims leave (one per sentence) and the
    mention after it."""
    idx = 0
    for sent in sentences:
        prev = SentenceState()
        s_start, s_end = norm.to_original(sent.start, sent.end)
        sentence_text = norm.original[s_start:s_end].strip()
        while idx < len(mentions) and mentions[idx].start < sent.end:
            m = mentions[idx]
            idx += 1
            if m.start >= sent.start and m.claimable:
                yield m, sent, sentence_text, prev, mentions[idx] if idx < len(mentions) else None
            else:
                note(m.start, m.end, "assemble", m.rule, "dropped",
                     "not a claim on its own (no unit, a lone numeral or a duration)" if not m.claimable
                     else "outside every sentence")
