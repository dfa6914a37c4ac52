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
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

from citypanel import SHARED, Cells, gdp_growth_cells, parse_into_store, stored_documents


def compare(reference: Path, cells: Cells,
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
        store_path = parse_into_store([args.reports], args.out or Path(tmp), args.jobs)
        cells = gdp_growth_cells(store_path, "target")
        covered = {(d["region"], d["report_year"]) for d in stored_documents(store_path) if d["region"]}
    counts, lines = compare(args.reference, cells, covered)
    print(json.dumps(counts))
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
