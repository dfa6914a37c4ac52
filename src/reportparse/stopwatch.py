"""Stage timing for benchmarks: seconds spent in each pipeline stage, recorded only on request.

The pipeline wraps each stage in :func:`stage`; outside :func:`timing` that costs one
context-variable look-up per stage and document.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

__all__ = ["stage", "timing"]

_TIMES: ContextVar[dict[str, float] | None] = ContextVar("reportparse_stage_times", default=None)


@contextmanager
def stage(name: str) -> Iterator[None]:
    """Add the time spent in the block to stage ``name`` when timing is on."""
    times = _TIMES.get()
    if times is None:
        yield
        return
    start = time.perf_counter()
    try:
        yield
    finally:
        times[name] = times.get(name, 0.0) + time.perf_counter() - start


@contextmanager
def timing() -> Iterator[dict[str, float]]:
    """Seconds per stage of everything parsed inside the block, in the dict it yields."""
    times: dict[str, float] = {}
    token = _TIMES.set(times)
    try:
        yield times
    finally:
        _TIMES.reset(token)
