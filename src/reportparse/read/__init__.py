"""Readers: the plain text of a report file, whatever its format, chosen by content sniffing.

A PDF or a zip archive (.docx) is known by its first bytes; anything else is decoded as text
(:mod:`.text`) and read as HTML when it looks like markup. Markdown (a ``.md`` or ``.markdown``
name, or a text opening with a YAML front matter) is text as it is: its marks are left out of
what the parser reads by :mod:`reportparse.normalise`, never rewritten here. The extracted text
is what claim spans point into, so it is returned with the file's SHA-256 and how it was read.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..lang import detect, get_pack, languages
from ..lexicon import Lexicon, load_lexicon
from ..normalise.markdown import front_matter
from .docx import docx_to_text
from .extras import require
from .html import html_to_text
from .limits import Limits
from .pdf import pdf_to_text
from .text import decode

__all__ = ["COLLECTION_NOTES", "EXTENSIONS", "Limits", "Source", "read_source"]

# What a folder is searched for.
EXTENSIONS = (".txt", ".text", ".md", ".markdown", ".html", ".htm", ".docx", ".pdf")
# A collection's own notes, never a report: left out of a folder search (a file named alone is read).
COLLECTION_NOTES = frozenset({"readme", "sources", "changelog", "license", "manifest"})
_MARKDOWN = (".md", ".markdown")
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_MARKUP = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta)\b",
                     re.IGNORECASE | re.DOTALL)
_TAGS = re.compile(r"<(?:p|div|br|span|table)\b", re.IGNORECASE)
_UTF8 = ("utf-8", "utf-8-sig")


@dataclass(frozen=True)
class Source:
    """The text read from a file: what claim spans point into.

    ``format`` is ``text``, ``markdown``, ``html``, ``docx`` or ``pdf``; ``encoding`` how text or HTML bytes
    were decoded (None for .docx and PDF); ``sha256`` is of the file's bytes.
    """

    text: str
    sha256: str
    format: str
    encoding: str | None = None

    @property
    def is_plain_utf8(self) -> bool:
        """True when the file itself is the text (UTF-8 plain text or Markdown), so no copy is needed."""
        return self.format in ("text", "markdown") and self.encoding in _UTF8


def read_source(path: str | Path, limits: Limits | None = None) -> Source:
    """Read a report file of any supported format.

    Raises :class:`InputError` naming the file when it cannot be read, is over a limit, or
    needs an optional library that is not installed (the message names the pip extra).
    """
    limits = limits or Limits()
    name = str(path)
    data = read_bytes(Path(path), limits)
    fmt, text, encoding = _extract(data, name, Path(path).suffix.lower(), limits)
    if len(text) > limits.max_chars:
        raise InputError(name, f"refused: text of {len(text):,} characters, over the limit of "
                         f"{limits.max_chars:,} (--max-chars)")
    if missing := get_pack(detect(text)).missing_extra(text):
        module, extra, what = missing
        require(module, extra, name, what)
    return Source(text, hashlib.sha256(data).hexdigest(), fmt, encoding)


def read_bytes(p: Path, limits: Limits) -> bytes:
    """The bytes of a file within the size limit; :class:`InputError` naming the file otherwise."""
    name = str(p)
    try:
        size = p.stat().st_size
        if p.is_dir():
            raise InputError(name, "is a directory")
        if size > limits.max_file_bytes:
            raise InputError(name, f"refused: {size:,} bytes, over the limit of {limits.max_file_bytes:,} "
                             "(--max-file-mb)")
        with p.open("rb") as fh:
            data = fh.read(limits.max_file_bytes + 1)
    except FileNotFoundError:
        raise InputError(name, "no such file") from None
    except IsADirectoryError:
        raise InputError(name, "is a directory") from None
    except OSError as exc:
        raise InputError(name, exc.strerror or "cannot be read") from None
    if len(data) > limits.max_file_bytes:  # a file that grew, or a device with no size
        raise InputError(name, f"refused: over the limit of {limits.max_file_bytes:,} bytes (--max-file-mb)")
    return data


def _extract(data: bytes, name: str, suffix: str, limits: Limits) -> tuple[str, str, str | None]:
    """The format, text and encoding of a file's bytes."""
    if b"%PDF-" in data[:1024]:
        return "pdf", pdf_to_text(data, name, limits, _rules_of), None
    if data.startswith(b"PK\x03\x04"):
        return "docx", docx_to_text(data, name, limits), None
    if data.startswith(_OLE):
        raise InputError(name, "an old binary Word/Office file: save it as .docx")
    if suffix == ".docx":
        raise InputError(name, "not a .docx file (not a zip archive)")
    if suffix == ".pdf":
        raise InputError(name, "not a PDF file (no %PDF- header)")
    text, encoding = decode(data, name)
    if _MARKUP.match(text[:4096]) or (suffix in (".html", ".htm") and _TAGS.search(text)):
        return "html", html_to_text(text, name, [load_lexicon(lang) for lang in languages()]), encoding
    if suffix in _MARKDOWN or front_matter(text)[0]:
        return "markdown", text, encoding
    return "text", text, encoding


def _rules_of(sample: str) -> Lexicon:
    """The language data of the language a sample of text is written in."""
    return load_lexicon(detect(sample))
