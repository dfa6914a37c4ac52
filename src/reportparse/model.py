"""Data types shared by the pipeline stages: quantities, claims, documents (a mention, the
recognisers' output, is in :mod:`mention`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal, TypedDict, cast, get_args

if TYPE_CHECKING:
    from .read import Source


Kind = Literal["level", "growth", "ratio", "ranking"]
Status = Literal["actual", "target"]
Qualifier = Literal["exact", "approx", "at_least", "more_than", "at_most", "less_than", "range"]
Unit = Literal[
    "CNY", "USD", "EUR", "HKD", "JPY", "percent", "percentage_point", "permille", "times", "m2", "km2", "mu",
    "hectare", "km", "m", "ton", "kg", "jin", "kw", "kwh", "m3", "tce", "ug_m3", "day", "month", "year", "hour",
    "minute", "person", "person_time", "household", "count", "rank",
    "GBP", "TWD", "RUB", "CHF", "KRW", "AUD", "CAD", "cm", "mm", "g", "liter", "teu", "kcal", "byte", "hz", "liang",
    "li", "permyriad", "per_100k", "ppm", "km_h",
    "SGD", "THB", "INR", "NZD", "MOP", "w", "cal", "celsius", "mg", "ml", "mile", "ft", "inch", "nmi", "m_s",
    "acre", "ft2", "week", "m3_s",
]
UnitFamily = Literal["money", "rate", "points", "count", "people", "measure", "time", "rank"]
_QUALIFIERS = frozenset(get_args(Qualifier))  # read once: as_qualifier runs for every qualified number
Number = int | float


def as_qualifier(word: str) -> Qualifier:
    """A qualifier as the data files write it, checked against the contract's.

    >>> as_qualifier("approx")
    'approx'
    """
    if word not in _QUALIFIERS:
        raise ValueError(f"not a qualifier of the contract: {word!r}")
    return cast(Qualifier, word)


def as_unit_family(word: str) -> UnitFamily:
    """A unit family as the data files write it, checked against the known ones."""
    if word not in get_args(UnitFamily):
        raise ValueError(f"not a unit family: {word!r}")
    return cast(UnitFamily, word)


class ClaimMetric(TypedDict):
    """What a claim measures: the phrase as written, its standard indicator id and English name."""

    text: str | None
    id: str | None
    en: str | None


class ClaimRank(TypedDict):
    """The position of a ranking, the size of its field and its scope (全省54个市辖区第一)."""

    position: Number | None
    of: int | None
    scope: str | None


class _ClaimFields(TypedDict):
    """The fields every claim has."""

    id: str
    span: list[int]
    text: str
    kind: Kind
    value: Number | None
    low: Number | None
    high: Number | None
    unit: Unit
    unit_text: str
    qualifier: Qualifier
    status: Status
    period: int | None
    metric: ClaimMetric
    rank: ClaimRank | None
    sentence: str
    section: str | None
    rule: str


class Claim(_ClaimFields, total=False):
    """One claim, field for field as ``schemas/claim.schema.json`` has it (a test keeps them equal);
    ``sentence_span`` only when ``sentence`` is a window of a longer sentence."""

    sentence_span: list[int]


@dataclass(frozen=True)
class Quantity:
    """A number expression of a text, in the original text's coordinates.

    What :func:`reportparse.find_quantities` returns: every number expression, claim
    or not, with its span, value, unit (None when it has none), unit as written,
    qualifier and range bounds.
    """

    span: tuple[int, int]
    text: str
    value: int | float | None
    unit: str | None
    unit_text: str
    qualifier: str
    low: int | float | None
    high: int | float | None

    def to_dict(self) -> dict[str, Any]:
        """The quantity as a plain dict (span as a list)."""
        return {
            "span": list(self.span), "text": self.text, "value": self.value, "unit": self.unit,
            "unit_text": self.unit_text, "qualifier": self.qualifier, "low": self.low, "high": self.high,
        }


@dataclass
class Document:
    """A parsed report: metadata and claims, ready to serialise.

    ``source`` is set by :func:`reportparse.parse_file`: the text read from the file (what
    claim spans point into) and how it was read; it is not part of the serialised document.
    """

    document: dict[str, Any]
    claims: list[Claim] = field(default_factory=list)
    schema_version: str = "1.0"
    source: Source | None = field(default=None, repr=False, compare=False)

    def to_dict(self) -> dict[str, Any]:
        """The document in the shape of ``schemas/document.schema.json``."""
        return {"schema_version": self.schema_version, "document": self.document, "claims": self.claims}
