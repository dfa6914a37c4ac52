"""reportparse: numeric claims out of government work reports (政府工作报告).

Public API::

    parse_text(text, lang="zh") -> Document
    parse_file(path, lang="zh", limits=Limits()) -> Document   (text, HTML, .docx, PDF)
    find_quantities(text, lang="zh") -> list[Quantity]
"""

from __future__ import annotations

__version__ = "0.1.0"

from .errors import InputError, LexiconError, ReportParseError, SchemaValidationError, UnsupportedLanguageError
from .model import Document, Quantity
from .pipeline import find_quantities, parse_file, parse_text
from .readers import Limits

__all__ = [
    "Document", "InputError", "LexiconError", "Limits", "Quantity", "ReportParseError", "SchemaValidationError",
    "UnsupportedLanguageError", "__version__", "find_quantities", "parse_file", "parse_text",
]
