"""Spreadsheet safety: text cells that a spreadsheet would evaluate as a formula are neutralised.

The OWASP rule for CSV injection: a cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return is written with a single quote before it, so Excel, LibreOffice and Google
Sheets show it as text instead of running it (``=HYPERLINK(...)`` in a sentence would otherwise
become a live link). Numbers are never touched; only text is.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> Any:
    """``value`` with a single quote before it when it is text a spreadsheet would evaluate."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def neutralised(row: Mapping[str, Any]) -> dict[str, Any]:
    """A row with every text cell passed through :func:`neutralise`."""
    return {key: neutralise(value) for key, value in row.items()}
