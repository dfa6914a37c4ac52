"""Word .docx files: the paragraphs of the main document part, as plain text.

Read with :mod:`zipfile` and defusedxml, not a full Word library: the archive's unpacked size
is checked against the limit before anything is inflated (and again while reading, as member
headers can lie), and the XML is parsed as a stream with DTDs and entities refused. Headers, footers and
page numbers live in other parts of the archive and are left out by construction.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from ..errors import InputError
from .extras import require
from .limits import Limits

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MAIN = "word/document.xml"
_P = f"{_W}p"
_PARAGRAPH_TAGS = (b"<w:p>", b"<w:p/>", b"<w:p ")  # as Word writes them (a tag cut between chunks is missed)
_CHUNK = 1 << 20


def docx_to_text(data: bytes, path: str, limits: Limits) -> str:
    """The text of a .docx file, one line per paragraph (table cells included).

    The XML is read as a stream: each paragraph is turned into text and dropped as it ends, and
    the text is counted as it grows, so a small archive of millions of empty paragraphs is
    refused at ``limits.max_chars`` instead of being built into a tree many times its size.
    """
    etree = require("defusedxml.ElementTree", "docx", path, ".docx files")
    defused = require("defusedxml", "docx", path, ".docx files")
    lines: list[str] = []
    chars = -1  # the lines are joined with one newline fewer than there are
    try:
        with _main_part(data, path, limits) as xml:
            for line in _paragraphs(etree.iterparse(xml, events=("start", "end"), forbid_dtd=True)):
                chars += len(line) + 1
                if chars > limits.max_chars:
                    raise InputError(path, f"refused: text of more than {limits.max_chars:,} characters "
                                     "(--max-chars)")
                lines.append(line)
    except defused.DefusedXmlException:
        raise InputError(path, "refused: the document XML declares a DTD or entities") from None
    except etree.ParseError as exc:
        raise InputError(path, f"damaged .docx: {_MAIN} is not well-formed XML ({exc})") from None
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise InputError(path, f"damaged .docx archive ({exc})") from None
    return "\n".join(lines)


def _paragraphs(events: Iterator[tuple[str, Any]]) -> Iterator[str]:
    """The text of each paragraph in document order (a paragraph nested in another, as in a text
    box, right after it), each outermost paragraph removed from the tree once it is read."""
    stack: list[Any] = []
    depth = 0  # paragraphs open around the current element
    for event, elem in events:
        if event == "start":
            stack.append(elem)
            depth += elem.tag == _P
            continue
        stack.pop()
        if elem.tag != _P:
            continue
        depth -= 1
        if depth == 0:
            yield from (_paragraph_text(p) for p in elem.iter(_P))
            if stack:
                stack[-1].remove(elem)


@contextmanager
def _main_part(data: bytes, path: str, limits: Limits) -> Iterator[Any]:
    """The main document part as a stream, once :func:`_scan` has found it within the limits."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise InputError(path, "not a .docx file (not a zip archive)") from None
    with archive:
        unpacked = sum(info.file_size for info in archive.infolist())
        if unpacked > limits.max_unpacked_bytes:
            raise InputError(path, f"refused: unpacks to {unpacked:,} bytes, over the limit of "
                             f"{limits.max_unpacked_bytes:,} (--max-unpacked-mb)")
        if _MAIN not in archive.namelist():
            raise InputError(path, f"not a Word document (no {_MAIN} in the archive)")
        with archive.open(_MAIN) as member:
            _scan(member, path, limits)
        with archive.open(_MAIN) as member:
            yield member


def _scan(member: Any, path: str, limits: Limits) -> None:
    """Read the main part once without parsing it, refusing it past the unpacked limit (member
    headers can lie about sizes) or when it holds more ``<w:p>`` tags than the text may have
    characters: each paragraph is a line, so this lower bound on the text refuses a flood of
    empty paragraphs at the speed of inflating, before the XML parser spends minutes on it."""
    size = paragraphs = 0
    while chunk := member.read(_CHUNK):
        size += len(chunk)
        if size > limits.max_unpacked_bytes:
            raise InputError(path, f"refused: {_MAIN} unpacks to more than {limits.max_unpacked_bytes:,} bytes "
                             "(--max-unpacked-mb)")
        paragraphs += sum(chunk.count(tag) for tag in _PARAGRAPH_TAGS)
        if paragraphs - 1 > limits.max_chars:
            raise InputError(path, f"refused: text of more than {limits.max_chars:,} characters (--max-chars)")


def _paragraph_text(paragraph: object) -> str:
    parts = []
    for node in paragraph.iter():  # type: ignore[attr-defined]
        if node.tag == f"{_W}t" and node.text:
            parts.append(node.text)
        elif node.tag == f"{_W}tab":
            parts.append("\t")
        elif node.tag in (f"{_W}br", f"{_W}cr"):
            parts.append("\n")
    return "".join(parts)
