"""Explain: why each candidate number became a claim or did not.

Recognisers, filters and assembly steps report their decisions through :func:`note`; nothing is
recorded (and a call costs one context-variable look-up) unless a trace is active, as inside
:func:`reportparse.explain_text` and ``reportparse parse --explain``. Positions are in the
normalised copy's coordinates; the pipeline maps them back to the original text.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

__all__ = ["Decision", "active", "note", "tracing"]


@dataclass(frozen=True)
class Decision:
    """One decision about the number expression at ``[start, end)`` of the copy.

    ``stage`` is the pipeline stage (recognise, overlap, segment, assemble); ``rule`` the named
    rule or filter that decided (``zh.arabic``, ``zh.filter.year``); ``outcome`` is ``found``,
    ``dropped`` or ``claim`` (or the field an assembly step set, such as ``kind``); ``reason``
    says why in words.
    """

    start: int
    end: int
    stage: str
    rule: str
    outcome: str
    reason: str = ""


_TRACE: ContextVar[list[Decision] | None] = ContextVar("reportparse_trace", default=None)


def active() -> bool:
    """True while a trace is being recorded (callers may skip building a costly reason)."""
    return _TRACE.get() is not None


def note(start: int, end: int, stage: str, rule: str, outcome: str, reason: str = "") -> None:
    """Record a decision when a trace is active; otherwise do nothing."""
    trace = _TRACE.get()
    if trace is not None:
        trace.append(Decision(start, end, stage, rule, outcome, reason))


@contextmanager
def tracing() -> Iterator[list[Decision]]:
    """Record every decision made inside the block into the list it yields."""
    trace: list[Decision] = []
    token = _TRACE.set(trace)
    try:
        yield trace
    finally:
        _TRACE.reset(token)
