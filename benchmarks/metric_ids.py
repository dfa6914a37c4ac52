"""Metric-id coverage check (a script, not a test): the share of claims that carry a metric id, by
level, over ``../shared/reports`` and ``../shared/corpus``, and on the main-targets paragraphs.

A main-targets list runs from a main-target cue of the pack's ``cues.json`` (主要预期目标是,
主要目标是, 奋斗目标是 ...) to the end of its paragraph (a line of the file); its target claims are
the ones analysts read first, and nearly all of them should name a standard indicator. Rankings
carry no metric id by contract and are not counted. ``--every N`` parses every Nth report of each
collection (all by default); ``--show-missing N`` lists the N metric texts of main-targets claims
left without an id most often (what the lexicon may grow by).

usage: python benchmarks/metric_ids.py [COLLECTION_DIR ...] [--every N] [--jobs N] [--show-missing N]
"""

from __future__ import annotations

import csv
import json
import sys
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from markdown_reports import collections_parser, lacking_manifest


def _main_target_lines(text: str, cues: list[str]) -> list[tuple[int, int]]:
    """The [start, end) offsets of the main-targets lists of ``text``: from a main-target cue to the
    end of its paragraph (line)."""
    out, start = [], 0
    for line in text.splitlines(keepends=True):
        found = [i for i in (line.find(cue) for cue in cues) if i >= 0]
        if found:
            out.append((start + min(found), start + len(line)))
        start += len(line)
    return out


def check(item: tuple[str, str]) -> dict[str, Any]:
    """One report's counts: claims and claims with an id, overall and in main-targets paragraphs,
    and the metric texts of main-targets claims without an id."""
    from reportparse import parse_file
    from reportparse.lexicon import load_lexicon

    level, path = item
    doc = parse_file(path)
    text = doc.source.text if doc.source else ""
    cues = list(load_lexicon(doc.document["lang"]).raw["cues"].get("main_target_cues", []))
    targets = _main_target_lines(text, cues)
    claims = [c for c in doc.claims if c["kind"] != "ranking"]
    main = [c for c in claims if c["status"] == "target"
            and any(s <= c["span"][0] < e for s, e in targets)]
    return {"level": level, "claims": len(claims), "with_id": sum(1 for c in claims if c["metric"]["id"]),
            "main": len(main), "main_with_id": sum(1 for c in main if c["metric"]["id"]),
            "missing": [c["metric"]["text"] or "" for c in main if not c["metric"]["id"]]}


def _items(collections: list[Path], every: int) -> list[tuple[str, str]]:
    items = []
    for folder in collections:
        with (folder / "MANIFEST.tsv").open(encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh, delimiter="\t"))
        items += [(row["level"], str(folder / row["file"])) for row in rows[::every]]
    return items


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def summary(results: list[dict[str, Any]]) -> dict[str, Any]:
    """Shares by level and overall, for all claims and for main-targets claims."""
    out: dict[str, Any] = {}
    for level in sorted({r["level"] for r in results}) + ["all"]:
        rs = [r for r in results if level in ("all", r["level"])]
        claims, with_id = sum(r["claims"] for r in rs), sum(r["with_id"] for r in rs)
        main, main_with_id = sum(r["main"] for r in rs), sum(r["main_with_id"] for r in rs)
        out[level] = {"reports": len(rs), "claims": claims, "with_id": _share(with_id, claims),
                      "main_target_claims": main, "main_with_id": _share(main_with_id, main)}
    return out


def main() -> int:
    ap = collections_parser(__doc__.split("\n\n")[0])
    ap.add_argument("--every", type=int, default=1, help="parse every Nth report of each collection")
    ap.add_argument("--show-missing", type=int, default=0, metavar="N")
    args = ap.parse_args()
    if lacking_manifest(args.collections):
        return 2
    start = time.perf_counter()
    with ProcessPoolExecutor(args.jobs) as pool:
        results = list(pool.map(check, _items(args.collections, args.every), chunksize=8))
    print(json.dumps({"seconds": round(time.perf_counter() - start, 1), "every": args.every,
                      "by_level": summary(results)}, ensure_ascii=False, indent=1))
    if args.show_missing:
        counts = Counter(t for r in results for t in r["missing"])
        for text, n in counts.most_common(args.show_missing):
            print(f"{n}\t{text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
