"""Stage: recognise. The language pack's recognisers find number expressions (:class:`Mention`)
in the normalised copy; this stage keeps one reading where they overlap."""

from __future__ import annotations

from ..explain import note
from ..mention import Mention

__all__ = ["resolve_overlaps"]


def resolve_overlaps(mentions: list[Mention]) -> list[Mention]:
    """Drop mentions that lie inside a longer one (54个 inside 全省54个市辖区第一); a longer
    ranking replaces the number it starts with."""
    ordered = sorted(mentions, key=lambda x: (x.start, -(x.end - x.start)))
    kept: list[Mention] = []
    for m in ordered:
        if kept and m.start < kept[-1].end:
            if m.end - m.start > kept[-1].end - kept[-1].start and m.rule.endswith(".ranking"):
                note(kept[-1].start, kept[-1].end, "overlap", kept[-1].rule, "dropped", f"inside the longer {m.rule}")
                kept[-1] = m
            else:
                note(m.start, m.end, "overlap", m.rule, "dropped", f"inside the longer {kept[-1].rule}")
            continue
        kept.append(m)
    return kept
