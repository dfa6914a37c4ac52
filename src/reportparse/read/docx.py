"""Word .docx files: the paragraphs of the main document part, as plain text.

Read with :mod:`zipfile` and defusedxml, not a full Word library: the archive's unpacked size
is checked against the limit before anything is inflated (and again while reading, as member
headers can lie), and the XML is parsed with DTDs and entities refused. Headers, footers and
page numbers live in other parts of the archive and are left out by construction.
"""

from __future__ import annotations

import io
import zipfile

from ..errors import InputError
from .extras import require
from .limits import Limits

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MAIN = "word/document.xml"
_CHUNK = 1 << 20


def docx_to_text(data: bytes, path: str, limits: Limits) -> str:
    """The text of a .docx file, one line per paragraph (table cells included)."""
    etree = require("defusedxml.ElementTree", "docx", path, ".docx files")
    defused = require("defusedxml", "docx", path, ".docx files")
    xml = _main_part(data, path, limits)
    try:
        root = etree.fromstring(xml, forbid_dtd=True)
    except defused.DefusedXmlException:
        raise InputError(path, "refused: the document XML declares a DTD or entities") from None
    except etree.ParseError as exc:
        raise InputError(path, f"damaged .docx: {_MAIN} is not well-formed XML ({exc})") from None
    return "\n".join(_paragraph_text(p) for p in root.iter(f"{_W}p"))


def _main_part(data: bytes, path: str, limits: Limits) -> bytes:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise InputError(path, "not a .docx file (not a zip archive)") from None
    with archive:
        unpacked = sum(info.file_size for info in archive.infolist())
        if unpacked > limits.max_unpacked_bytes:
            raise InputError(path, f"refused: unpacks to {unpacked:,} bytes, over the limit of "
                             f"{limits.max_unpacked_bytes:,} (--max-unpacked-mb)")
        try:
            member = archive.open(_MAIN)
        except KeyError:
            raise InputError(path, f"not a Word document (no {_MAIN} in the archive)") from None
        try:
            with member:
                return _read_capped(member, path, limits.max_unpacked_bytes)
        except (zipfile.BadZipFile, OSError, EOFError) as exc:
            raise InputError(path, f"damaged .docx archive ({exc})") from None


def _read_capped(member: io.BufferedIOBase, path: str, cap: int) -> bytes:
    """Read a member in chunks, refusing it as soon as it grows over ``cap``."""
    chunks: list[bytes] = []
    size = 0
    while chunk := member.read(_CHUNK):
        size += len(chunk)
        if size > cap:
            raise InputError(path, f"refused: {_MAIN} unpacks to more than {cap:,} bytes (--max-unpacked-mb)")
        chunks.append(chunk)
    return b"".join(chunks)


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
