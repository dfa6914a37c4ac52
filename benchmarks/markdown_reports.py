"""Shared collection check (a script, not a test): parse every report of ``../shared/reports``
and ``../shared/corpus``.

Reads each collection's MANIFEST.tsv, parses each listed file with :func:`reportparse.parse_file`
(in parallel), checks that every claim's span indexes the file as read (``text[start:end]``
equals the claim's text) and compares the document's region, level and report year with the
manifest (which takes them from folder and file names; the README warns that a few files hold
another report). Files whose text proves the manifest wrong are listed in
``manifest_text_wins.tsv`` with the line of the text that proves it: agreement is counted both
with the manifest as it is and with those corrections (a correction whose line the file lacks is
a failure). The five-year plans (level ``plan``, no region) are not government work reports:
they are parsed and span-checked but not counted in the agreement. Prints a JSON summary (files,
claims, failures, seconds, agreement) and one line per failure; exits 1 when a file fails to
parse, a span is wrong or a correction is stale.

usage: python benchmarks/markdown_reports.py [COLLECTION_DIR ...] [--jobs N] [--show-disagreements]
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
SHARED = HERE.parent.parent / "shared"
DEFAULT = (SHARED / "reports", SHARED / "corpus")
TEXT_WINS = HERE / "manifest_text_wins.tsv"
FIELDS = ("region", "level", "report_year")
PLAN = "plan"


def text_wins(path: Path = TEXT_WINS) -> dict[str, tuple[str, Any, str]]:
    """``collection/file`` -> (field, value the text gives, the line of the text that proves it)."""
    with path.open(encoding="utf-8") as fh:
        rows = csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t")
        return {r["file"]: (r["field"], int(r["value"]) if r["field"] == "report_year" else r["value"], r["line"])
                for r in rows}


def check(item: tuple[str, str, dict[str, str], tuple[str, Any, str] | None]) -> dict[str, Any]:
    """Parse one file: its claim count, span errors, metadata disagreements (with the manifest,
    and with the manifest corrected where the text wins), or the error raised."""
    from reportparse import parse_file
    from reportparse.regions import canonical_region

    name, path, row, wins = item
    try:
        doc = parse_file(path)
    except Exception as exc:  # one bad file is reported, never lost in the others' work
        return {"path": name, "error": f"{type(exc).__name__}: {exc}"}
    text = doc.source.text if doc.source else ""
    bad = [c["id"] for c in doc.claims if text[c["span"][0]:c["span"][1]] != c["text"]]
    expected = {"region": canonical_region(row["region"]), "level": row["level"], "report_year": int(row["year"])}
    differs = {k: [doc.document.get(k), expected[k]] for k in FIELDS if doc.document.get(k) != expected[k]}
    corrected = dict(differs)
    if wins:
        field, value, line = wins
        if line not in text:
            return {"path": name, "error": f"stale correction: the file lacks {line!r}"}
        corrected.pop(field, None)
        if doc.document.get(field) != value:
            corrected[field] = [doc.document.get(field), value]
    return {"path": name, "claims": len(doc.claims), "bad_spans": bad, "differs": differs,
            "corrected": corrected, "plan": row["level"] == PLAN, "title": doc.document.get("title")}


def _items(collections: list[Path]) -> list[tuple[str, str, dict[str, str], tuple[str, Any, str] | None]]:
    wins = text_wins()
    items = []
    for folder in collections:
        with (folder / "MANIFEST.tsv").open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                name = f"{folder.name}/{row['file']}"
                items.append((name, str(folder / row["file"]), row, wins.get(name)))
    return items


def _summary(results: list[dict[str, Any]], seconds: float, jobs: int) -> dict[str, Any]:
    parsed = [r for r in results if "error" not in r]
    reports = [r for r in parsed if not r["plan"]]
    return {
        "files": len(results), "parsed": len(parsed),
        "failures": sum(1 for r in results if "error" in r or r["bad_spans"]),
        "claims": sum(r["claims"] for r in parsed),
        "seconds": round(seconds, 1), "jobs": jobs,
        "untitled": sum(1 for r in parsed if not r["title"]),
        "plans_not_counted": len(parsed) - len(reports), "reports": len(reports),
        "agree_with_manifest": {k: sum(1 for r in reports if k not in r["differs"]) for k in FIELDS},
        "agree_where_text_wins": {k: sum(1 for r in reports if k not in r["corrected"]) for k in FIELDS},
        "all_three_agree_where_text_wins": sum(1 for r in reports if not r["corrected"]),
        "text_wins_applied": sum(1 for r in reports if r["corrected"] != r["differs"]),
    }


def collections_parser(description: str) -> argparse.ArgumentParser:
    """The arguments of a script over the shared collections: their folders and ``--jobs``."""
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("collections", nargs="*", type=Path, default=list(DEFAULT))
    ap.add_argument("--jobs", type=int, default=2)
    return ap


def lacking_manifest(collections: list[Path]) -> bool:
    """True (and said on stderr) when a collection folder holds no MANIFEST.tsv."""
    missing = [str(f) for f in collections if not (f / "MANIFEST.tsv").is_file()]
    if missing:
        print(f"no manifest in: {', '.join(missing)}", file=sys.stderr)
    return bool(missing)


def main() -> int:
    ap = collections_parser(__doc__.split("\n\n")[0])
    ap.add_argument("--show-disagreements", action="store_true",
                    help="list metadata that differs from the manifest (corrected where the text wins)")
    args = ap.parse_args()
    if lacking_manifest(args.collections):
        return 2
    start = time.perf_counter()
    with ProcessPoolExecutor(args.jobs) as pool:
        results = list(pool.map(check, _items(args.collections), chunksize=8))
    print(json.dumps(_summary(results, time.perf_counter() - start, args.jobs), ensure_ascii=False, indent=1))
    failures = [r for r in results if "error" in r or r["bad_spans"]]
    for r in failures:
        print(f"FAILED {r['path']}: {r.get('error') or 'spans do not index the file: ' + ', '.join(r['bad_spans'])}")
    if args.show_disagreements:
        for r in results:
            if "error" not in r and not r["plan"] and r["corrected"]:
                print(f"differs {r['path']}: {json.dumps(r['corrected'], ensure_ascii=False)}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
