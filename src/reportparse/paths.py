"""File names as text: what a document, an error line or a message records of a path.

On Linux a file name is bytes; Python shows bytes that are not UTF-8 as lone surrogates, which
no UTF-8 output (JSON, the store, a web page) can hold. Here they become U+FFFD.
"""

from __future__ import annotations

import os


def printable_path(path: str | os.PathLike[str]) -> str:
    """``path`` as valid Unicode text: each byte of the name that is not UTF-8 shown as U+FFFD."""
    name = os.fspath(path)
    try:
        raw = name.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a lone surrogate that does not stand for a byte
        raw = name.encode("utf-8", "replace")
    return raw.decode("utf-8", "replace")
