"""City GDP targets against an independent table (a script, not a test).

Parses the city reports of ``../shared/reports/city`` into a store with ``reportparse parse`` (the
metadata as the text gives it, as a user would), builds the panel's cells (:func:`reportparse.panel.
cell_rows`) and compares each city-year's GDP growth target with the hand-coded table
``../shared/reference/city_gdp_targets_thesis.csv`` (not gold: where they differ, the sentence
printed beside the row settles it). A row agrees when the table's value is the target's value or
lies in its range (the table codes a range by its midpoint).

Prints the counts (table rows with a report, agreeing, differing, no target in the panel) as JSON
and then one line per disagreement: city, year, panel value, table value and the sentence.

usage: python benchmarks/city_targets.py [--reports DIR] [--reference CSV] [--out DIR] [--jobs N]
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared"


def parse_into_store(reports: Path, out: Path, jobs: int) -> Path:
    """Run ``reportparse parse`` over ``reports`` and return the store it wrote."""
    subprocess.run([sys.executable, "-m", "reportparse", "parse", str(reports), "-o", str(out),
                    "--jobs", str(jobs), "-q"], check=False)
    return out / "reportparse.sqlite"


def gdp_targets(store_path: Path) -> dict[tuple[str, int], dict[str, Any]]:
    """The panel's GDP growth target cells by (region, year), with the sentence each came from."""
    from reportparse.panel import cell_rows
    from reportparse.store import Store

    with Store(store_path, create=False) as store:
        sha_of = {d["path"]: d["sha256"] for d in store.documents()}
        found = {}
        for cell in cell_rows(store):
            if cell["metric_id"] == "gdp" and cell["kind"] == "growth" and cell["target_value"] is not None:
                doc = store.document(sha_of[cell["target_doc"]])
                claim = next(c for c in doc["claims"] if c["id"] == cell["target_id"])
                found[(cell["region"], cell["year"])] = {**cell, "sentence": claim.get("sentence")}
    return found


def compare(reference: Path, cells: dict[tuple[str, int], dict[str, Any]],
            covered: set[tuple[str, int]]) -> tuple[dict[str, int], list[str]]:
    """Counts of agreement and one line per disagreement or missing target."""
    counts = {"rows_with_report": 0, "agree": 0, "differ": 0, "no_target": 0}
    lines = []
    with reference.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            year = int(row["year"])
            region = next((r for r, y in covered if y == year and r.startswith(row["city"])), None)
            if region is None or not row["target"]:
                continue
            counts["rows_with_report"] += 1
            cell = cells.get((region, year))
            want = Decimal(row["target"])
            if cell is None:
                counts["no_target"] += 1
                lines.append(f"{region}\t{year}\tnone\t{want}\t")
                continue
            low = Decimal(str(cell["target_value"]))
            high = Decimal(str(cell["target_high"])) if cell["target_high"] is not None else low
            if low <= want <= high:  # a range's midpoint, as the table codes ranges, agrees
                counts["agree"] += 1
            else:
                counts["differ"] += 1
                lines.append(f"{region}\t{year}\t{cell['target_text']}\t{want}\t{cell['sentence']}")
    return counts, lines


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--reports", type=Path, default=SHARED / "reports" / "city")
    ap.add_argument("--reference", type=Path, default=SHARED / "reference" / "city_gdp_targets_thesis.csv")
    ap.add_argument("--out", type=Path, help="where the store goes (default: a temporary folder)")
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    if not args.reports.is_dir() or not args.reference.is_file():
        print(f"missing {args.reports} or {args.reference}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        store_path = parse_into_store(args.reports, args.out or Path(tmp), args.jobs)
        cells = gdp_targets(store_path)
        from reportparse.store import Store

        with Store(store_path, create=False) as store:
            covered = {(d["region"], d["report_year"]) for d in store.documents() if d["region"]}
    counts, lines = compare(args.reference, cells, covered)
    print(json.dumps(counts))
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
