"""Stage: resolve. What assembly decided about a mention becomes a claim in the original
text's coordinates: the span mapped back, the id, the value signed, numbers as JSON numbers."""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple, cast

from ..explain import active, note
from ..lexicon import Metric
from ..model import Claim, Kind, Mention, Qualifier, Status, Unit
from ..normalise import NormalisedText

__all__ = ["ClaimFields", "claim_record", "to_json_number", "to_number"]


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


def _unit_text(norm: NormalisedText, spans: tuple[tuple[int, int], ...]) -> str:
    """The unit as written in the original text (most units are one span: mapped directly)."""
    if len(spans) != 1:
        return norm.original_text(spans)
    start, end = norm.to_original(*spans[0])
    return norm.original[start:end]


def claim_record(norm: NormalisedText, doc_id: str, m: Mention, f: ClaimFields) -> Claim:
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
        "unit_text": _unit_text(norm, m.unit_spans),
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
