"""reportparse: numeric claims out of government work reports (政府工作报告).

Public API::

    parse_text(text, lang="auto") -> Document
    parse_file(path, lang="auto", limits=Limits()) -> Document  (text, HTML, .docx, PDF)
    find_quantities(text, lang="auto") -> list[Quantity]
    open_store(path) -> StoreFrames   (.claims(), .panel(), .cells(), .verdicts() as DataFrames; needs pandas)
"""

from __future__ import annotations

__version__ = "0.1.0"

from typing import TYPE_CHECKING, Any

from .errors import InputError, LexiconError, ReportParseError, SchemaValidationError, UnsupportedLanguageError

if TYPE_CHECKING:
    from .frames import StoreFrames, open_store
    from .model import Document, Quantity
    from .pipeline import explain_text, find_quantities, parse_file, parse_text
    from .read import Limits

_LAZY = {"Document": "model", "Quantity": "model", "explain_text": "pipeline", "find_quantities": "pipeline",
         "parse_file": "pipeline", "parse_text": "pipeline", "Limits": "read", "open_store": "frames",
         "StoreFrames": "frames"}


def __getattr__(name: str) -> Any:
    """The parser's entry points, imported on first use: commands that only read the store
    or skip unchanged files then start without loading the tokenizer and patterns."""
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

__all__ = [
    "Document", "InputError", "LexiconError", "Limits", "Quantity", "ReportParseError", "SchemaValidationError",
    "StoreFrames", "UnsupportedLanguageError", "__version__", "explain_text", "find_quantities", "open_store",
    "parse_file", "parse_text",
]
