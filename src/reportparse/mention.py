"""The recognisers' output: one number expression of a normalised text (its own module, so that the
compiled build makes it a native class; :mod:`model`'s TypedDicts stay pure Python)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .model import Qualifier, UnitFamily


@dataclass(slots=True)
class Mention:
    """A number expression found in the normalised copy (copy coordinates). Treated as a value:
    nothing assigns to a mention, a changed one is a copy (``dataclasses.replace``). It is not a
    frozen dataclass because recognisers build tens of thousands per report and a frozen
    dataclass's ``__init__`` costs five times as much (issue 14).

    ``start``/``end`` cover the qualifier, number, unit and suffix; ``unit_spans`` cover the
    unit as written with its scale (亿元 of 785.6亿元; 万 and 人 of 1.2万余人), none when implied; ``value`` is the
    normalised number (scale and unit factor applied, not yet signed for declines).
    ``claimable`` is False for number expressions that are never claims on their own:
    numbers without a unit, a lone 一, durations in years.
    """

    start: int
    end: int
    num_start: int
    value: Decimal | None
    low: Decimal | None
    high: Decimal | None
    unit: str | None
    unit_kind: UnitFamily | None
    unit_spans: tuple[tuple[int, int], ...]
    qualifier: Qualifier
    rule: str
    rank_of: int | None = None
    rank_scope: str | None = None
    claimable: bool = True

    def __init__(self, start: int, end: int, num_start: int, value: Decimal | None, low: Decimal | None,
                 high: Decimal | None, unit: str | None, unit_kind: UnitFamily | None,
                 unit_spans: tuple[tuple[int, int], ...], qualifier: Qualifier, rule: str,
                 rank_of: int | None = None, rank_scope: str | None = None, claimable: bool = True) -> None:
        """Written out (the dataclass keeps it): the compiled build makes it native code, where the
        generated one is interpreted Python and costs twenty times as much (issue 14)."""
        self.start, self.end, self.num_start = start, end, num_start
        self.value, self.low, self.high = value, low, high
        self.unit, self.unit_kind, self.unit_spans = unit, unit_kind, unit_spans
        self.qualifier, self.rule = qualifier, rule
        self.rank_of, self.rank_scope, self.claimable = rank_of, rank_scope, claimable
