"""Parsed documents from anywhere: a report file (parsed now), a parsed JSON document, or the store."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .diff import DiffOptions, diff_documents
from .errors import InputError, SchemaValidationError
from .regions import match_region
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
        if not isinstance(data, dict) or not isinstance(data.get("document"), dict) \
                or not isinstance(data.get("claims"), list):
            raise InputError(str(p), "not a reportparse document (needs 'document' and 'claims')")
        try:
            validate_document(data)
        except SchemaValidationError as exc:
            raise InputError(str(p), str(exc)) from None
        return data
    from .pipeline import parse_file

    return parse_file(p, lang=lang).to_dict()


def _warn(message: str) -> None:
    print(f"reportparse: warning: {message}", file=sys.stderr)


Role = tuple[str, int]
"""What a report is used for in a pairing: its targets for a year ("target", Y) or its actuals of a
year ("actual", Y)."""


def by_role(store: Store, shas: list[str], role: Role) -> list[str]:
    """The stored reports of one region-year (latest parsed first), the one that plays ``role`` best
    first: the report with the most claims of that status and year, so that a new-term or mid-year
    report that sets no targets for the year (or reviews it in part) is not the one paired; ties
    keep the latest parsed."""
    if len(shas) < 2:
        return shas
    counts = {sha: store.count_claims(sha, *role) for sha in shas}
    return sorted(shas, key=lambda sha: -counts[sha])


def _chosen(store: Store, region: str, year: int, warn: Callable[[str], None], role: Role) -> str:
    """The SHA-256 of the document used for one region-year in ``role``, warning when the store
    holds several."""
    found = by_role(store, store.find(region, year), role)
    if len(found) > 1:
        paths = [store.document(sha)["document"]["path"] or sha[:12] for sha in found]
        warn(f"{store.path}: {len(found)} reports of {region} {year} ({', '.join(paths)}); "
             f"using {paths[0]} (the one with the most {role[0]}s of {role[1]}, else the latest parsed)")
    return found[0]


def stored_document(store: Store, region: str, year: int, role: Role,
                    warn: Callable[[str], None] = _warn) -> dict[str, Any]:
    """The stored document of one region and report year (if several, the one that plays ``role``
    best, with a warning: :func:`by_role`). ``region`` may be any form of the name (北京, beijing for 北京市).

    Raises :class:`InputError` naming the stored regions (or the region's years) when none matches.
    """
    docs = store.documents()
    regions = sorted({d["region"] for d in docs if d["region"]})
    found = match_region(region, regions)
    if found is None:
        listed = ", ".join(regions) or "none"
        raise InputError(str(store.path), f"no region {region!r} in the store; stored regions: {listed}")
    years = sorted({d["report_year"] for d in docs if d["region"] == found and d["report_year"] is not None})
    if year not in years:
        raise InputError(str(store.path), f"no {found} report of {year} in the store; "
                         f"its report years: {', '.join(map(str, years)) or 'none'}")
    return store.document(_chosen(store, found, year, warn, role))


def consecutive_pairs(store: Store, warn: Callable[[str], None] = _warn) -> list[tuple[str, str]]:
    """(old sha256, new sha256) for every region with reports of consecutive years in the store
    (if a region-year has several, the one that plays its part best, with a warning: :func:`by_role`)."""
    years = {(d["region"], d["report_year"]) for d in store.documents()
             if d["region"] and d["report_year"] is not None}
    pairs = [(region, year) for region, year in sorted(years) if (region, year + 1) in years]
    return [(_chosen(store, region, year, warn, ("target", year)),
             _chosen(store, region, year + 1, warn, ("actual", year))) for region, year in pairs]


def diff_all(store: Store, options: DiffOptions = DiffOptions()) -> list[dict[str, Any]]:
    """The diff of every pair of consecutive reports of a region in the store (``diff --all``)."""
    return [diff_documents(store.document(old), store.document(new), options) for old, new in consecutive_pairs(store)]
