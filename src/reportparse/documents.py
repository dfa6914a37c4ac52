"""Parsed documents from anywhere: a report file (parsed now), a parsed JSON document, or the store."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .diff import DiffOptions, diff_documents
from .errors import InputError, SchemaValidationError
from .store import Store
from .validate import validate_document


def load_document(path: str | Path, lang: str = "auto") -> dict[str, Any]:
    """A document from a parsed JSON document (``{"document", "claims"}``) or a report to parse now."""
    p = Path(path)
    if p.suffix.lower() == ".json":
        try:
            data = json.loads(p.read_text("utf-8-sig"))
        except FileNotFoundError:
            raise InputError(str(p), "no such file") from None
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise InputError(str(p), f"not a readable JSON document ({exc})") from None
        if not (isinstance(data, dict) and isinstance(data.get("document"), dict) and isinstance(data.get("claims"), list)):
            raise InputError(str(p), "not a reportparse document (needs 'document' and 'claims')")
        try:
            validate_document(data)
        except SchemaValidationError as exc:
            raise InputError(str(p), str(exc)) from None
        return data
    from .pipeline import parse_file

    return parse_file(p, lang=lang).to_dict()


def stored_document(store: Store, region: str, year: int) -> dict[str, Any]:
    """The stored document of one region and report year (the latest parsed if several)."""
    found = store.find(region, year)
    if not found:
        raise InputError(str(store.path), f"no document of region {region!r} and report year {year}")
    return store.document(found[0])


def consecutive_pairs(store: Store) -> list[tuple[str, str]]:
    """(old sha256, new sha256) for every region with reports of consecutive years in the store."""
    years = {(d["region"], d["report_year"]) for d in store.documents()
             if d["region"] and d["report_year"] is not None}
    return [(store.find(region, year)[0], store.find(region, year + 1)[0])
            for region, year in sorted(years) if (region, year + 1) in years]


def diff_all(store: Store, options: DiffOptions = DiffOptions()) -> list[dict[str, Any]]:
    """The diff of every pair of consecutive reports of a region in the store (``diff --all``)."""
    return [diff_documents(store.document(old), store.document(new), options) for old, new in consecutive_pairs(store)]
