"""Markdown collection check (a script, not a test): parse every report of ``../shared/reports``.

Reads the collection's MANIFEST.tsv, parses each listed file with :func:`reportparse.parse_file`
(in parallel), checks that every claim's span indexes the file as read (``text[start:end]``
equals the claim's text) and compares the document's region, level and report year with the
manifest (which takes them from folder and file names; the README warns that a few files hold
another report). Prints a JSON summary (files, claims, failures, seconds, agreement) and one line
per failure; exits 1 when a file fails to parse or a span is wrong.

usage: python benchmarks/markdown_reports.py [REPORTS_DIR] [--jobs N] [--show-disagreements]
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DEFAULT = HERE.parent.parent / "shared" / "reports"
FIELDS = ("region", "level", "report_year")


def check(item: tuple[str, dict[str, str]]) -> dict[str, Any]:
    """Parse one file: its claim count, span errors, metadata disagreements, or the error raised."""
    from reportparse import parse_file

    path, row = item
    try:
        doc = parse_file(path)
    except Exception as exc:  # one bad file is reported, never lost in the others' work
        return {"path": path, "error": f"{type(exc).__name__}: {exc}"}
    text = doc.source.text if doc.source else ""
    bad = [c["id"] for c in doc.claims if text[c["span"][0]:c["span"][1]] != c["text"]]
    expected = {"region": row["region"], "level": row["level"], "report_year": int(row["year"])}
    differs = {k: [doc.document.get(k), expected[k]] for k in FIELDS if doc.document.get(k) != expected[k]}
    return {"path": path, "claims": len(doc.claims), "bad_spans": bad, "differs": differs,
            "title": doc.document.get("title")}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("reports", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--show-disagreements", action="store_true", help="list metadata that differs from the manifest")
    args = ap.parse_args()
    manifest = args.reports / "MANIFEST.tsv"
    if not manifest.is_file():
        print(f"no manifest: {manifest}", file=sys.stderr)
        return 2
    with manifest.open(encoding="utf-8") as fh:
        items = [(str(args.reports / row["file"]), row) for row in csv.DictReader(fh, delimiter="\t")]
    start = time.perf_counter()
    with ProcessPoolExecutor(args.jobs) as pool:
        results = list(pool.map(check, items, chunksize=8))
    seconds = time.perf_counter() - start
    failures = [r for r in results if "error" in r or r["bad_spans"]]
    parsed = [r for r in results if "error" not in r]
    summary = {
        "files": len(results), "parsed": len(parsed), "failures": len(failures),
        "claims": sum(r["claims"] for r in parsed),
        "seconds": round(seconds, 1), "jobs": args.jobs,
        "untitled": sum(1 for r in parsed if not r["title"]),
        "agree_with_manifest": {k: sum(1 for r in parsed if k not in r["differs"]) for k in FIELDS},
    }
    print(json.dumps(summary, ensure_ascii=False, indent=1))
    for r in failures:
        print(f"FAILED {r['path']}: {r.get('error') or 'spans do not index the file: ' + ', '.join(r['bad_spans'])}")
    if args.show_disagreements:
        for r in parsed:
            if r["differs"]:
                print(f"differs {r['path']}: {json.dumps(r['differs'], ensure_ascii=False)}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
