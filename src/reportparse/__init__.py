"""reportparse: numeric claims out of government work reports (政府工作报告).

Public API::

    parse_text(text, lang="zh") -> Document
    parse_file(path, lang="zh") -> Document
    find_quantities(text, lang="zh") -> list[Quantity]
"""

from __future__ import annotations

__version__ = "0.1.0"

from .errors import InputError, LexiconError, ReportParseError, SchemaValidationError, UnsupportedLanguageError
from .model import Document, Quantity
from .pipeline import find_quantities, parse_file, parse_text

__all__ = [
    "Document", "InputError", "LexiconError", "Quantity", "ReportParseError", "SchemaValidationError",
    "UnsupportedLanguageError", "__version__", "find_quantities", "parse_file", "parse_text",
]
