"""PDF files: the text layer as paragraphs, without running heads, footers and page numbers.

pdfminer.six gives the text lines of each page with their positions. A line that repeats at the
top or bottom of most pages (digits aside) is a running head or footer; a first or last line made
only of digits and page-number marks (``— 3 —``, ``第3页``) is a page number. The remaining lines
are joined into paragraphs: a new paragraph starts at an indented line, after a larger vertical
gap, or after a short line that ends a sentence; otherwise the line break came from the layout.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from ..errors import InputError
from ..lexicon import Lexicon
from .extras import require
from .limits import Limits

_DIGITS = re.compile(r"\d+")
_LATIN_END = re.compile(r"[A-Za-z]$")
_LATIN_START = re.compile(r"^[A-Za-z]")
_INDENT = 0.5        # in line heights: a line starting this far right of the margin is indented
_GAP = 1.8           # in line heights: a vertical step this large separates paragraphs
_SHORT = 3.0         # in line heights: a line ending this far left of the right edge is short
_HEAD_SHARE = 0.5    # a running head or footer repeats on at least this share of the pages
_SAMPLE_LINES = 40   # lines of each page that tell the language
_MARGIN_LINES = 3    # lines that must share a left or right edge for it to count as the margin


@dataclass(frozen=True)
class _Line:
    text: str
    x0: float
    x1: float
    top: float
    height: float


def pdf_to_text(data: bytes, path: str, limits: Limits, rules: Callable[[str], Lexicon]) -> str:
    """The text of a PDF, one line per paragraph. ``rules`` gives the language data (line ends,
    how lines join) for a sample of the PDF's text: the lines are joined by its language's rules."""
    pages = _pages(data, path, limits)
    lex = rules(" ".join(ln.text for lines in pages for ln in lines[:_SAMPLE_LINES]))
    pages = _drop_running_lines(pages, lex)
    return _paragraphs(pages, lex)


def _pages(data: bytes, path: str, limits: Limits) -> list[list[_Line]]:
    high_level = require("pdfminer.high_level", "pdf", path, "PDF files")
    layout = require("pdfminer.layout", "pdf", path, "PDF files")
    params = layout.LAParams(char_margin=100.0, line_margin=0.2)
    pages: list[list[_Line]] = []
    chars = 0
    try:
        for page in high_level.extract_pages(io.BytesIO(data), laparams=params, maxpages=limits.max_pages + 1):
            if len(pages) == limits.max_pages:
                raise InputError(path, f"refused: more than {limits.max_pages:,} pages (--max-pages)")
            lines = [
                _Line(text, line.x0, line.x1, line.y1, line.y1 - line.y0)
                for box in page if isinstance(box, layout.LTTextContainer)
                for line in box if isinstance(line, layout.LTTextLine)
                if (text := line.get_text().strip())
            ]
            lines.sort(key=lambda ln: (-round(ln.top), ln.x0))
            chars += sum(len(ln.text) for ln in lines)
            if chars > limits.max_chars:
                raise InputError(path, f"refused: text longer than {limits.max_chars:,} characters (--max-chars)")
            pages.append(lines)
    except InputError:
        raise
    except Exception as exc:  # pdfminer raises many types on damaged or encrypted files
        detail = " ".join(f"{type(exc).__name__}: {exc}".split()).rstrip(": ")
        raise InputError(path, f"not a readable PDF ({detail})") from None
    return pages


def _is_page_number(text: str, marks: set[str]) -> bool:
    rest = _DIGITS.sub("", text)
    return rest != text and all(ch in marks for ch in rest)


def _drop_running_lines(pages: list[list[_Line]], lex: Lexicon) -> list[list[_Line]]:
    """Pages without running heads, footers and page numbers (looked for among each page's
    first two and last two lines)."""
    marks = set("".join(lex.words("layout", "page_number_marks")))
    edges: Counter[str] = Counter()
    for lines in pages:
        edges.update({_DIGITS.sub("#", ln.text) for ln in lines[:2] + lines[-2:]})
    need = max(2, _HEAD_SHARE * len(pages))
    running = {text for text, n in edges.items() if n >= need}

    def furniture(line: _Line) -> bool:
        return _DIGITS.sub("#", line.text) in running or _is_page_number(line.text, marks)

    out = []
    for lines in pages:
        head = 0
        while head < min(2, len(lines)) and furniture(lines[head]):
            head += 1
        tail = len(lines)
        while tail > max(head, len(lines) - 2) and furniture(lines[tail - 1]):
            tail -= 1
        out.append(lines[head:tail])
    return out


def _paragraphs(pages: list[list[_Line]], lex: Lexicon) -> str:
    """Join the lines that the layout broke; keep a line break between paragraphs."""
    every = [ln for lines in pages for ln in lines]
    if not every:
        return ""
    left, right = _margins(every)
    out: list[str] = []
    prev: _Line | None = None
    for lines in pages:
        for i, line in enumerate(lines):
            if prev is not None:
                out.append(_joint(prev, line, lines[i - 1] if i else None, (left, right), lex))
            out.append(line.text)
            prev = line
    return "".join(out)


def _joint(prev: _Line, line: _Line, above: _Line | None, margins: tuple[float, float], lex: Lexicon) -> str:
    """What goes between two lines: a paragraph break (an indent, a wide gap, or a short line that
    ends a sentence), else the language's joiner (a space between two Latin words at least)."""
    h = line.height or 1.0
    left, right = margins
    ends = lex.segment.line_terminators + lex.segment.sentence_terminators
    indented = line.x0 > left + _INDENT * h
    gap = above is not None and above.top - line.top > _GAP * h
    short = prev.x1 < right - _SHORT * h and prev.text[-1] in ends
    if indented or gap or short:
        return "\n"
    if lex.segment.line_joiner:
        return lex.segment.line_joiner
    return " " if _LATIN_END.search(prev.text) and _LATIN_START.search(line.text) else ""


def _margins(lines: list[_Line]) -> tuple[float, float]:
    """The left and right edges of the body text: the leftmost start and the rightmost end that
    several lines share (a single stray line does not move them)."""
    starts = Counter(round(ln.x0) for ln in lines)
    ends = Counter(round(ln.x1) for ln in lines)
    need = min(_MARGIN_LINES, len(lines))
    left = min(x for x, n in starts.items() if n >= need) if max(starts.values()) >= need else min(starts)
    shared_ends = sorted(ends.elements())
    right = shared_ends[max(0, len(shared_ends) - need)]
    return left, right
