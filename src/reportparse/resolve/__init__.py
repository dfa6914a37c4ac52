"""Stage: resolve. What assembly decided about a mention becomes a claim in the original
text's coordinates: the span mapped back, the id, the value signed, numbers as JSON numbers."""

from __future__ import annotations

import bisect
from decimal import Decimal
from typing import NamedTuple, Protocol, cast

from ..explain import active, note
from ..lexicon import Metric
from ..mention import Mention
from ..model import Claim, Kind, Qualifier, Status, Unit
from ..normalise import NormalisedText

__all__ = ["ClaimFields", "OrderedSpans", "SpanMap", "claim_record", "to_json_number", "to_number"]


class SpanMap(Protocol):
    """What maps spans of the normalised copy back to the original text: a
    :class:`~reportparse.normalise.NormalisedText` or a document's :class:`OrderedSpans`."""

    @property
    def original(self) -> str: ...

    def to_original(self, start: int, end: int) -> tuple[int, int]: ...

    def original_text(self, spans: tuple[tuple[int, int], ...]) -> str: ...


class OrderedSpans:
    """The span map of one document for spans asked in text order (its sentences, claims and
    units): it keeps the stretch of the copy the last span lay in, and a span inside that stretch
    (almost every one: deletions are few and far between) maps by one shift, without the two
    searches of :meth:`NormalisedText.to_original`, which answers every other span."""

    def __init__(self, norm: NormalisedText) -> None:
        self.norm = norm
        self.original = norm.original
        self.lo, self.hi, self.shift = 0, -1, 0  # no stretch yet: the first span searches
        if norm.starts:  # an empty copy has none
            self._at(0)

    def _at(self, k: int) -> None:
        """Keep stretch ``k``: the copy's offsets ``[lo, hi)`` and the shift to the original."""
        starts = self.norm.starts
        self.lo, self.shift = starts[k], self.norm.origins[k] - starts[k]
        self.hi = starts[k + 1] if k + 1 < len(starts) else len(self.norm.text)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a half-open span of the copy to a half-open span of the original."""
        if not self.lo <= start < end <= self.hi:
            k = bisect.bisect_right(self.norm.starts, start) - 1
            if start >= end or k < 0:
                return self.norm.to_original(start, end)
            self._at(k)
            if end > self.hi:  # the span crosses a deletion
                return self.norm.to_original(start, end)
        return start + self.shift, end + self.shift

    def original_text(self, spans: tuple[tuple[int, int], ...]) -> str:
        """The original text under spans of the copy, joined ("" for none)."""
        return "".join(self.original[slice(*self.to_original(*span))] for span in spans)


class ClaimFields(NamedTuple):
    """What claim assembly decided about one mention, in any language (a named tuple: one is made
    per claim, and a tuple is made faster than a frozen dataclass)."""

    kind: Kind
    sign: int
    qualifier: Qualifier
    status: Status
    period: int | None
    metric_text: str | None
    metric: Metric | None
    sentence: str
    section: str | None


def to_number(value: Decimal) -> int | float:
    """A Decimal as a JSON number: int when whole, else float.

    >>> to_number(Decimal("785.60")), to_number(Decimal("12"))
    (785.6, 12)
    """
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def to_json_number(value: Decimal | None) -> int | float | None:
    """Like :func:`to_number`, passing None through."""
    return None if value is None else to_number(value)


def _note_claim(m: Mention, f: ClaimFields) -> None:
    """Tell the trace what the mention became."""
    note(m.start, m.end, "resolve", m.rule, "claim",
         f"{f.kind} {f.status} {f.period} metric={f.metric.id if f.metric else f.metric_text}")


def claim_record(norm: SpanMap, doc_id: str, m: Mention, f: ClaimFields) -> Claim:
    """The claim dict of a mention (the shape of ``schemas/claim.schema.json``): the span mapped
    back to the original text, the value signed (a decline is negative; a declining range swaps
    its bounds), the rank of a ranking."""
    if active():  # the reason is built only for a trace (this runs once per claim)
        _note_claim(m, f)
    start, end = norm.to_original(m.start, m.end)
    value, low, high = m.value, m.low, m.high
    if f.sign < 0:
        value = -value if value is not None else None
        low, high = (-high if high is not None else None), (-low if low is not None else None)
        if low is not None:
            value = low
    metric = f.metric
    record: Claim = {
        "id": f"{doc_id}:{start}-{end}",
        "span": [start, end],
        "text": norm.original[start:end],
        "kind": f.kind,
        "value": None if value is None else to_number(value),
        "low": None if low is None else to_number(low),  # most claims have no range: no call
        "high": None if high is None else to_number(high),
        "unit": cast(Unit, m.unit),
        "unit_text": norm.original_text(m.unit_spans),
        "qualifier": f.qualifier,
        "status": f.status,
        "period": f.period,
        "metric": {"text": f.metric_text or None, "id": metric.id, "en": metric.en} if metric
        else {"text": f.metric_text or None, "id": None, "en": None},
        "rank": {"position": to_json_number(m.value), "of": m.rank_of, "scope": m.rank_scope}
        if f.kind == "ranking" else None,
        "sentence": str(f.sentence),
        "section": f.section,
        "rule": m.rule,
    }
    span = getattr(f.sentence, "span", None)  # an assemble.Excerpt: a window of a long sentence
    if span is not None:
        record["sentence_span"] = list(span)
    return record
