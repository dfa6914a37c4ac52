"""Warnings for metadata a report's text does not tell: never a silent null.

A document whose region or report year the parser cannot read (and no manifest or flag gives)
carries a ``metadata_warnings`` entry naming the field, and ``reportparse parse`` says so on stderr.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from typing import Any

_FIELDS = {
    "region": "the text names no region it can be told by; give it with --region or a --manifest",
    "report_year": "the text gives no report year; give it with --year or a --manifest",
}


def metadata_warnings(meta: Mapping[str, Any]) -> list[str]:
    """One line for each of region and report year the metadata lacks.

    >>> metadata_warnings({"region": None, "report_year": 2024})
    ['region: the text names no region it can be told by; give it with --region or a --manifest']
    """
    return [f"{field}: {why}" for field, why in _FIELDS.items() if meta.get(field) in (None, "")]


def warn(path: str | None, warnings: list[str]) -> None:
    """Each warning on stderr, one line naming the file."""
    for line in warnings:
        print(f"reportparse: warning: {path or '<text>'}: {line}", file=sys.stderr)
