"""``reportparse metrics`` (the codebook of indicator ids) and ``reportparse summary --db PATH``."""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from collections import Counter
from typing import Any

from .indicators import indicators
from .store import Store
from .validate import package_text

CODEBOOK_COLUMNS = ["id", "en", "zh", "direction"]


def codebook() -> list[dict[str, str]]:
    """One row per standard indicator: id, English name, Chinese names (``;``-joined) and which way is good."""
    facts = indicators()
    return [{"id": m["id"], "en": m["en"], "zh": ";".join(m["zh"]), "direction": facts.direction_of(m["id"])}
            for m in json.loads(package_text("data/metrics.json"))["metrics"]]


def _cmd_metrics(args: argparse.Namespace) -> int:
    rows = codebook()
    if args.format == "csv":
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=CODEBOOK_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        sys.stdout.write(out.getvalue())
    else:
        for row in rows:
            print(f"{row['id']:<36} {row['direction']:<8} {row['en']} ({row['zh'].split(';')[0]})")
    return 0


def summary(store: Store) -> dict[str, Any]:
    """What a store holds: documents, region-years (with those held twice), claims per document and
    the documents whose metadata is incomplete (no region or report year)."""
    docs = store.documents()
    held = Counter((d["region"], d["report_year"]) for d in docs if d["region"] and d["report_year"] is not None)
    return {
        "documents": len(docs), "claims": store.claim_count(), "region_years": len(held),
        "duplicates": [{"region": r, "year": y, "reports": n} for (r, y), n in sorted(held.items()) if n > 1],
        "missing_metadata": [d["path"] for d in docs if not d["region"] or d["report_year"] is None],
        "per_document": [{"path": d["path"], "region": d["region"], "report_year": d["report_year"],
                          "claims": d["claim_count"]} for d in docs],
    }


def _cmd_summary(args: argparse.Namespace) -> int:
    with Store(args.db, create=False) as store:
        found = summary(store)
    if args.format == "json":
        print(json.dumps(found, ensure_ascii=False, indent=1))
        return 0
    print(f"{found['documents']} documents, {found['claims']} claims, {found['region_years']} region-years")
    for d in found["duplicates"]:
        print(f"duplicate: {d['region']} {d['year']} has {d['reports']} reports")
    for path in found["missing_metadata"]:
        print(f"metadata warning: {path} has no region or report year")
    for d in found["per_document"]:
        print(f"{d['claims']:>6}  {d['region'] or '?'} {d['report_year'] or '?'}  {d['path']}")
    return 0


def add_codebook_commands(sub: Any) -> None:
    """Register ``reportparse metrics [--format text|csv]`` and ``reportparse summary --db PATH``."""
    m = sub.add_parser("metrics", help="the codebook of standard indicator ids",
                       description="List the standard indicators: id, which way is good (higher, lower, "
                       "ceiling), English and Chinese names.")
    m.add_argument("--format", choices=("text", "csv"), default="text", help="text (default) or csv")
    m.set_defaults(func=_cmd_metrics)
    s = sub.add_parser("summary", help="what a store holds",
                       description="Documents and claims in a store, region-years held twice, documents "
                       "without a region or report year, and the claims of each document.")
    s.add_argument("--db", required=True, metavar="PATH", help="the SQLite store written by parse")
    s.add_argument("--format", choices=("text", "json"), default="text", help="text (default) or json")
    s.set_defaults(func=_cmd_summary)
