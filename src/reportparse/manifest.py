"""Metadata overrides: region, level and report year from flags or from a sidecar manifest.

A manifest is a CSV or TSV file (the delimiter is sniffed) with a header row naming a ``file``
column and any of ``region``, ``level`` and ``year`` (``report_year`` is accepted too). A row
applies to the input whose path, relative to the manifest's folder, or whose file name is the
``file`` cell; empty cells leave the detected value alone. Flags apply to every input and win
over the manifest.
"""

from __future__ import annotations

import csv
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .errors import InputError
from .regions import canonical_region

LEVELS = ("national", "province", "city", "county")
_FILE_COLUMNS = ("file", "path")
_YEAR_COLUMNS = ("year", "report_year")


def checked_overrides(region: str | None, level: str | None, year: str | int | None,
                      where: str = "flags") -> dict[str, Any]:
    """The overrides given, checked: level one of :data:`LEVELS`, year an integer 1900-2200; the
    region's canonical name (beijing, 北京 or ``beijing (北京)`` -> 北京市, China -> 全国).

    Raises :class:`InputError` naming ``where`` for a bad value.
    """
    out: dict[str, Any] = {}
    if region is not None and str(region).strip():
        out["region"] = canonical_region(str(region))
    if level is not None and str(level).strip():
        if str(level).strip() not in LEVELS:
            raise InputError(where, f"level {level!r} is not one of {', '.join(LEVELS)}")
        out["level"] = str(level).strip()
    if year is not None and str(year).strip():
        try:
            value = int(str(year).strip())
        except ValueError:
            raise InputError(where, f"year {year!r} is not a whole number") from None
        if not 1900 <= value <= 2200:
            raise InputError(where, f"year {value} is outside 1900-2200")
        out["report_year"] = value
    return out


class Manifest:
    """The rows of a sidecar manifest, looked up by input file."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._by_key: dict[str, dict[str, Any]] = {}
        self._read()

    def _read(self) -> None:
        try:
            raw = self.path.read_text("utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(str(self.path), f"manifest cannot be read ({exc})") from None
        delimiter = "\t" if self.path.suffix.lower() == ".tsv" or "\t" in raw.partition("\n")[0] else ","
        rows = csv.DictReader(raw.splitlines(), delimiter=delimiter)
        fields = {f.strip().lower(): f for f in rows.fieldnames or []}
        file_col = next((fields[c] for c in _FILE_COLUMNS if c in fields), None)
        if file_col is None:
            raise InputError(str(self.path), "manifest has no 'file' column in its header")
        year_col = next((fields[c] for c in _YEAR_COLUMNS if c in fields), None)
        for line, row in enumerate(rows, start=2):
            name = (row.get(file_col) or "").strip()
            if not name:
                continue
            self._by_key[name] = checked_overrides(
                row.get(fields.get("region", ""), None), row.get(fields.get("level", ""), None),
                row.get(year_col, None) if year_col else None, where=f"{self.path}:{line}",
            )

    def __len__(self) -> int:
        return len(self._by_key)

    def for_file(self, path: str | Path) -> dict[str, Any]:
        """The overrides of one input: its row by relative path, else by file name; ``{}`` if none."""
        p = Path(path)
        try:
            relative = p.resolve().relative_to(self.path.resolve().parent).as_posix()
        except ValueError:
            relative = None
        if relative is not None and relative in self._by_key:
            return dict(self._by_key[relative])
        return dict(self._by_key.get(p.name, {}))


def merged_overrides(path: str | Path, manifest: Manifest | None, flags: Mapping[str, Any]) -> dict[str, Any]:
    """What overrides one input gets: its manifest row, then the flags on top."""
    return {**(manifest.for_file(path) if manifest else {}), **flags}
