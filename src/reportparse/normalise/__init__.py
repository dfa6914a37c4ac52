"""Stage 1: normalise a report into a copy with an offset map back to the original.

The copy has traditional characters made simplified (one for one, see :mod:`reportparse.hant`),
full-width ASCII turned half-width (and a middle dot between digits read as a
decimal point), markdown bold marks and web-clutter
lines removed, and line breaks inside a sentence (page-break artefacts) joined. Every
character of the copy remembers the original offset it came from, so any span found
in the copy maps back to the text as read: ``original[start:end]`` is the source.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import cache

import regex

from ..lang import get_pack
from ..lexicon import Lexicon

_FULLWIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_FULLWIDTH[0x3000] = 0x20  # ideographic space
_MIDDLE_DOT = regex.compile(r"(?<=\d)[·•∙・](?=\d)")  # 19·5％: a decimal point in older texts
_MARKDOWN = regex.compile(r"\*{2,}|_{2,}")
_LINE = regex.compile(r"[^\n]*")


@dataclass(frozen=True)
class NormalisedText:
    """A normalised copy of a text and the map from its offsets back to the original.

    The copy is the original with some stretches left out; ``starts[k]`` is where the k-th
    kept stretch begins in the copy and ``origins[k]`` where it begins in the original.
    Within a stretch characters correspond one to one (width changes keep lengths).
    """

    original: str
    text: str
    starts: tuple[int, ...]
    origins: tuple[int, ...]

    def offset(self, i: int) -> int:
        """The original offset of character ``i`` of the copy."""
        k = bisect.bisect_right(self.starts, i) - 1
        return self.origins[k] + (i - self.starts[k])

    @property
    def offsets(self) -> tuple[int, ...]:
        """The original offset of every character of the copy (for checks and debugging)."""
        return tuple(self.offset(i) for i in range(len(self.text)))

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a half-open span of the copy to a half-open span of the original."""
        if end <= start:
            pos = self.offset(start) if start < len(self.text) else len(self.original)
            return pos, pos
        return self.offset(start), self.offset(end - 1) + 1

    def original_text(self, spans: tuple[tuple[int, int], ...]) -> str:
        """The original text under spans of the copy, joined ("" for none)."""
        parts = []
        for span in spans:
            start, end = self.to_original(*span)
            parts.append(self.original[start:end])
        return "".join(parts)


def _deletions(text: str, lex: Lexicon) -> list[tuple[int, int]]:
    """Spans of the original (already width-normalised) text that the copy leaves out."""
    cuts = [(m.start(), m.end()) for m in _MARKDOWN.finditer(text)]
    seg = lex.segment
    content = [m.span() for m in _LINE.finditer(text) if m.group().strip()]
    for s, e in content:
        if lex.is_clutter_line(text[s:e].strip()):
            cuts.append((s, e))
    for (s1, e1), (s2, e2) in zip(content, content[1:]):
        prev = _MARKDOWN.sub("", text[s1:e1]).strip()
        nxt = _MARKDOWN.sub("", text[s2:e2]).strip()
        if not prev or not nxt or lex.is_clutter_line(prev) or lex.is_clutter_line(nxt):
            continue
        if prev[-1] in seg.line_terminators or lex.starts_heading(nxt) or lex.starts_heading(prev):
            continue
        if seg.is_short_heading(nxt) and nxt[0] not in seg.continuation_starts:
            continue
        continues = nxt[0] in seg.continuation_starts or prev[-1] in seg.openers
        body = len(prev) >= seg.body_line_min_chars and any(ch in prev for ch in seg.body_line_marks)
        if continues or body:
            gap_start = s1 + len(text[s1:e1].rstrip())
            gap_end = s2 + (len(text[s2:e2]) - len(text[s2:e2].lstrip()))
            cuts.append((gap_start, gap_end))
    return cuts


@cache
def _widths(kept: str) -> tuple[regex.Pattern[str], dict[int, int]]:
    """The full-width characters made half-width, but for the language's ``kept`` punctuation."""
    table = {code: half for code, half in _FULLWIDTH.items() if chr(code) not in kept}
    return regex.compile("[" + "".join(regex.escape(chr(c)) for c in table) + "]"), table


def normalise(original: str, lex: Lexicon) -> NormalisedText:
    """Return the normalised copy of ``original`` with its offset map."""
    wide, table = _widths(lex.segment.fullwidth_kept)
    widened = wide.sub(lambda m: chr(table[ord(m.group())]), get_pack(lex.lang).prepare(original))
    widened = _MIDDLE_DOT.sub(".", widened)
    cuts = sorted(_deletions(widened, lex))
    pieces: list[str] = []
    starts: list[int] = []
    origins: list[int] = []
    pos = copied = 0
    for start, end in cuts + [(len(widened), len(widened))]:
        if end <= pos:
            continue
        start = max(start, pos)
        starts.append(copied)
        origins.append(pos)
        pieces.append(widened[pos:start])
        copied += start - pos
        pos = end
    return NormalisedText(original, "".join(pieces), tuple(starts), tuple(origins))
