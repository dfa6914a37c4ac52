"""Mentions kept in text order while later readings are placed among them (a pattern builder
for the packs' recognisers)."""

from __future__ import annotations

import bisect
from operator import attrgetter

from ..mention import Mention

__all__ = ["InOrder"]


class InOrder:
    """Mentions in text order, where a special word's mention goes in unless a claimable number
    overlaps it (the numbers it overlaps give way). Overlaps are looked up by start (bisect), not
    by comparing with every mention: linear in the text."""

    def __init__(self, found: list[Mention]) -> None:
        self.found = sorted(found, key=attrgetter("start"))  # stable: ties stay as found
        self.starts = [f.start for f in self.found]
        self.reach = max((f.end - f.start for f in self.found), default=0)

    def place(self, mention: Mention) -> None:
        """Add a special word's mention where no claimable number stands."""
        lo = bisect.bisect_left(self.starts, mention.start - self.reach)
        hi = bisect.bisect_left(self.starts, mention.end)
        hits = [i for i in range(lo, hi) if mention.start < self.found[i].end]
        if any(self.found[i].claimable for i in hits):
            return
        for i in reversed(hits):
            del self.found[i], self.starts[i]
        at = bisect.bisect_right(self.starts, mention.start)
        self.found.insert(at, mention)
        self.starts.insert(at, mention.start)
        self.reach = max(self.reach, mention.end - mention.start)
