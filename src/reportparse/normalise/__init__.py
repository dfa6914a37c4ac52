"""Stage 1: normalise a report into a copy with an offset map back to the original.

The copy has traditional characters made simplified (one for one, see :mod:`reportparse.hant`),
full-width ASCII turned half-width (and a middle dot between digits read as a
decimal point), Markdown marks (:mod:`.markdown`: front matter, headings, bold, lists, zero-width
characters) and web-clutter lines removed, and line breaks inside a sentence (page-break artefacts) joined. Every
character of the copy remembers the original offset it came from, so any span found
in the copy maps back to the text as read: ``original[start:end]`` is the source.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from ..lang import get_pack
from ..lexicon import Lexicon
from .markdown import mark_kinds, markdown_cuts, visible

_FULLWIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_FULLWIDTH[0x3000] = 0x20  # ideographic space
_MIDDLE_DOTS = "·•∙・"  # between digits, a decimal point in older texts: 19·5％
_LINE = re.compile(r"[^\n]+")


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
        starts, origins = self.starts, self.origins  # offset() twice, inline: this runs several times a claim
        first, last = bisect.bisect_right(starts, start) - 1, bisect.bisect_right(starts, end - 1) - 1
        return origins[first] + (start - starts[first]), origins[last] + (end - 1 - starts[last]) + 1

    def original_text(self, spans: tuple[tuple[int, int], ...]) -> str:
        """The original text under spans of the copy, joined ("" for none)."""
        return "".join(self.original[slice(*self.to_original(*span))] for span in spans)


def _deletions(text: str, lex: Lexicon) -> list[tuple[int, int]]:
    """Spans of the original (already width-normalised) text that the copy leaves out: Markdown
    marks, clutter lines and the line breaks inside a sentence."""
    kinds = mark_kinds(text)
    cuts = markdown_cuts(text, kinds)
    marked = any(kinds)  # else every line is seen as it is
    lines = [_Line(m.start(), m.end(), seen, lex.is_clutter_line(seen)) for m in _LINE.finditer(text)
             if (seen := visible(m.group()) if marked else m.group().strip())]
    cuts += [(line.start, line.end) for line in lines if line.clutter]
    ends = lex.segment.line_terminators  # they end most lines: tested here, not in a call of _joins
    cuts += [_gap(text, prev, nxt) for prev, nxt in zip(lines, lines[1:])
             if prev.seen[-1] not in ends and _joins(prev, nxt, lex)]
    return cuts


class _Line(NamedTuple):
    """A line of the text that shows words: its span, what a reader sees of it and whether that is
    clutter (one per line)."""

    start: int
    end: int
    seen: str
    clutter: bool


def _joins(prev_line: _Line, next_line: _Line, lex: Lexicon) -> bool:
    """True when the line break between two lines a reader sees is inside a sentence."""
    seg, prev, nxt = lex.segment, prev_line.seen, next_line.seen
    if prev[-1] in seg.line_terminators or prev_line.clutter or next_line.clutter:
        return False  # the terminator first: it ends most lines
    if lex.starts_heading(nxt) or lex.starts_heading(prev):
        return False
    if seg.is_short_heading(nxt) and nxt[0] not in seg.continuation_starts:
        return False
    continues = nxt[0] in seg.continuation_starts or prev[-1] in seg.openers
    return continues or (len(prev) >= seg.body_line_min_chars and any(ch in prev for ch in seg.body_line_marks))


def _gap(text: str, prev: _Line, nxt: _Line) -> tuple[int, int]:
    """The break between two lines: from the end of the first's words to the start of the next's."""
    first, second = text[prev.start:prev.end], text[nxt.start:nxt.end]
    return prev.start + len(first.rstrip()), nxt.start + len(second) - len(second.lstrip())


@cache
def _widths(kept: str) -> tuple[re.Pattern[str], dict[str, str]]:
    """The full-width characters made half-width, but for the language's ``kept`` punctuation,
    and the middle dots between digits made decimal points: a pattern and a map (``str.translate``
    with the map is much slower on Chinese text). One pattern scans the text once for both: a
    width change keeps what is a digit (１ and 1 are both ``\\d``), so the dots read the same."""
    table = {chr(code): chr(half) for code, half in _FULLWIDTH.items() if chr(code) not in kept}
    wide = "".join(re.escape(ch) for ch in table)
    pattern = re.compile(f"[{wide}{_MIDDLE_DOTS}](?:(?<=[{wide}])|(?<=\\d.)(?=\\d))")  # the set first: a fast scan
    return pattern, table | dict.fromkeys(_MIDDLE_DOTS, ".")


def normalise(original: str, lex: Lexicon) -> NormalisedText:
    """Return the normalised copy of ``original`` with its offset map."""
    wide, table = _widths(lex.segment.fullwidth_kept)
    widened = wide.sub(lambda m: table[m.group()], get_pack(lex.lang).prepare(original))
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
