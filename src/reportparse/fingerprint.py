"""The parser's fingerprint: a hash of the package's code, language data and schemas.

Stored beside every parsed document so that a store re-parses everything after any change to
the parser, even one made without bumping the version number.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_PATTERNS = ("**/*.py", "**/*.json")


@cache
def parser_fingerprint() -> str:
    """The first 16 hex digits of a SHA-256 over the package's sources, data and schemas."""
    digest = hashlib.sha256()
    files = sorted({p for pattern in _PATTERNS for p in _PACKAGE.glob(pattern) if p.is_file()})
    for path in files:
        digest.update(path.relative_to(_PACKAGE).as_posix().encode("utf-8") + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]
