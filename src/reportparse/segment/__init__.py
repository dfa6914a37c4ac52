"""Stage: segment. A language pack splits the normalised copy into sentences, each with its
reading context; this module holds the record they share."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Sentence"]


@dataclass(slots=True)
class Sentence:
    """A sentence of the copy with its reading context: the heading it stands under, whether it
    reviews the past (``actual``) or plans ahead (``target``), the year it is about, and inside a
    multi-year review the first year of the span. Treated as a value (nothing assigns to one), but
    not a frozen dataclass: a segmenter builds one per sentence with a number, and a frozen
    dataclass's ``__init__`` costs five times as much (issue 14)."""

    start: int
    end: int
    section: str | None
    status: str
    period: int | None
    span_start: int | None = None
