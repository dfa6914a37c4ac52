"""Markdown marks the normalised copy leaves out, and the YAML front matter a Markdown file opens with.

The marks are those that sit between a reader and the words: a YAML front matter block, ``#``
heading marks and ``>`` quote marks at a line start, ``-``/``*``/``+`` bullet marks, ``**``/``__``
bold marks, comments (``<!-- ... -->``), image references, the brackets and address of a link (its
words stay), footnote references (``[^1]``), backslash escapes and zero-width characters (which
break numbers: ``74.4\\u200b万亿元``). Numbered list marks (``1. ``) stay: the packs read them as
heading numbers.
A single ``*`` is not emphasis in these reports (it masks a character: ``*人计划``) and stays too.
Nothing here names a language.
"""

from __future__ import annotations

from typing import NamedTuple

import regex

from ..textfind import places

_BOLD_MARKS = "*_"  # a run of two or more of one of them is a bold mark (found by str.find: many times
# as fast as the pattern \*{2,}|_{2,})
_MARKS = regex.compile(
    r"^[ \t]{0,3}\#{1,6}[ \t]+"          # heading mark
    r"|^[ \t]{0,3}>[ \t]?"               # quote mark
    r"|^[ \t]*[-*+][ \t]+(?=\S)"         # bullet mark
    r"|!\[[^\]\n]*\]\([^)\n]*\)"         # image
    r"|<!--[\s\S]*?-->"                  # comment (a photo's caption, a date)
    r"|\[\^[^\]\s]+\](?!:)"              # footnote reference
    r"|\\(?=[\\`*_{}\[\]()#+\-.!|>])"    # backslash escape
    r"|[\u200b\u200c\u200d\u2060\ufeff]",  # zero-width characters
    regex.MULTILINE,
)
_LINK = regex.compile(r"(\[)[^\]\n]*(\]\([^)\s]*\))")
# Strings every mark of _MARKS holds one of (a heading's ``#``, a bullet's mark and the blank after
# it, ...): a text without any has no such mark, and the pattern need not scan it (most reports hold
# no Markdown). They are looked for in the text's ASCII characters (a text that holds "- " holds it
# there too; ``in`` is slow on Chinese text for a string of two characters), the zero-width
# characters in the text itself.
_MARK_KEYS = ("#", ">", "- ", "-\t", "* ", "*\t", "+ ", "+\t", "![", "<!--", "[^", "\\")
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
_BOLD_KEYS = ("**", "__")
_LINK_KEY = "]("  # every link of _LINK holds it
# A front matter block: ``---`` on the first line, ``key: value`` lines, ``---`` (or more dashes: a
# collection closes one with ``----``) or ``...`` closing it.
_FRONT_MATTER = regex.compile(r"\A\ufeff?---[ \t]*\r?\n((?:[^\n]*\n){1,60}?)(?:-{3,}|\.\.\.)[ \t]*(?:\r?\n|\Z)")
_FIELD = regex.compile(r"([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]+(.*?))?[ \t]*")
_INDENTED = regex.compile(r"[ \t]+\S.*|-[ \t].*|#.*|")


def front_matter(text: str) -> tuple[int, dict[str, str]]:
    """The end of the YAML front matter ``text`` opens with (0 when it has none) and its top-level
    ``key: value`` fields (quotes removed; nested or list values are skipped).

    >>> front_matter("---\\ntitle: 'A report'\\nsource: x\\n---\\nText")
    (36, {'title': 'A report', 'source': 'x'})
    >>> front_matter("--- not front matter\\n")
    (0, {})
    """
    m = _FRONT_MATTER.match(text) if text.startswith(("---", "\ufeff---")) else None
    if not m:
        return 0, {}
    fields: dict[str, str] = {}
    for line in m.group(1).splitlines():
        if field := _FIELD.fullmatch(line):
            fields[field.group(1)] = _scalar(field.group(2) or "")
        elif not _INDENTED.fullmatch(line):
            return 0, {}  # not YAML: a text that opens with a rule
    return (m.end(), fields) if fields else (0, {})


def _scalar(value: str) -> str:
    """A plain or quoted YAML scalar as a string."""
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1]
    return value


class MarkKinds(NamedTuple):
    """The kinds of Markdown marks a text may hold (False or no keys: it holds none of that kind)."""

    bold: bool
    marks: tuple[str, ...]  # the keys of _MARKS the text holds (none: it holds no such mark)
    links: bool


def mark_kinds(text: str) -> MarkKinds:
    """The kinds of Markdown marks ``text`` may hold, by the strings each kind must hold."""
    ascii_text = _ascii(text)
    marks = tuple(key for key in _MARK_KEYS if key in ascii_text) + tuple(ch for ch in _ZERO_WIDTH if ch in text)
    return MarkKinds(any(key in ascii_text for key in _BOLD_KEYS), marks, _LINK_KEY in ascii_text)


def markdown_cuts(text: str, kinds: MarkKinds) -> list[tuple[int, int]]:
    """Spans of ``text`` that are Markdown marks, not words (front matter included); ``kinds``: its
    :func:`mark_kinds`."""
    end, _ = front_matter(text)
    cuts = [(0, end)] if end else []
    if kinds.bold:
        cuts += _bold_marks(text)
    if kinds.marks:
        cuts += _mark_spans(text, kinds.marks)
    if kinds.links:
        for m in _LINK.finditer(text):
            cuts += [m.span(1), m.span(2)]
    return cuts


def visible(line: str) -> str:
    """A line without its Markdown marks, stripped: what a reader sees of it."""
    if bold := _bold_marks(line):
        line = _without(line, bold)
    if mark_kinds(line).marks:
        line = _MARKS.sub("", line)
    if _LINK_KEY in line:
        line = _LINK.sub(_link_words, line)
    return line.strip()


def _ascii(text: str) -> str:
    """The ASCII characters of ``text`` (a str, not bytes: ``in`` on bytes is slow to call)."""
    return text.encode("ascii", "ignore").decode("ascii")


def _mark_spans(text: str, keys: tuple[str, ...]) -> list[tuple[int, int]]:
    """The spans of the marks of _MARKS in ``text``, which holds ``keys`` (its :func:`mark_kinds`).
    Every mark but a comment lies inside one line and holds one of the keys there: a text without
    comments has only the lines holding a key scanned."""
    if "<!--" in keys:
        return [m.span() for m in _MARKS.finditer(text)]
    starts = sorted({text.rfind("\n", 0, i) + 1 for key in keys for i in places(text, key)})
    spans = []
    for start in starts:
        end = text.find("\n", start)
        spans += [m.span() for m in _MARKS.finditer(text, start, end if end >= 0 else len(text))]
    return spans


def _bold_marks(text: str) -> list[tuple[int, int]]:
    """The spans of the bold marks of ``text`` in text order: runs of two or more ``*`` or ``_``."""
    return sorted(span for mark in _BOLD_MARKS for span in _runs(text, mark))


def _runs(text: str, mark: str) -> list[tuple[int, int]]:
    """The spans of the runs of two or more ``mark`` in ``text``."""
    spans = []
    start = text.find(mark)
    while start >= 0:
        end = start + 1
        while end < len(text) and text[end] == mark:
            end += 1
        if end - start > 1:
            spans.append((start, end))
        start = text.find(mark, end)
    return spans


def _without(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` without the (disjoint, sorted) ``spans``."""
    kept, pos = [], 0
    for start, end in spans:
        kept.append(text[pos:start])
        pos = end
    return "".join(kept) + text[pos:]


def _link_words(link: regex.Match[str]) -> str:
    """The words of a link, without its brackets and address."""
    return link.string[link.end(1):link.start(2)]
