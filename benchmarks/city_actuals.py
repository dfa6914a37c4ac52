"""City GDP growth actuals against a hand-read sample (a script, not a test).

``city_gdp_actuals.tsv`` holds 50 city-years Y drawn by :func:`sample` (``--sample`` prints the
draw) from the files ``../shared/reports/city/<city>/<Y>.md`` whose city also has ``<Y+1>.md``,
and, for each, the GDP growth of Y that the review section of the Y+1 report states, read by a
person (``none`` where it states none; ``a~b`` a range; a decline negative) with the sentence.

The script parses the Y and Y+1 reports of the sample with ``reportparse parse`` (the metadata as
the text gives it), builds the panel's cells and compares each city-year's GDP growth actual with
the table. Prints the counts (right, wrong, missing, none_and_none) as JSON, then one line per miss:
city, year, the panel's actual as written, the table's value, the Y+1 report's metadata and the
table's sentence.

usage: python benchmarks/city_actuals.py [--table TSV] [--reports DIR] [--out DIR] [--jobs N] [--sample]
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import sys
import tempfile
from collections import defaultdict
from decimal import Decimal
from pathlib import Path
from typing import Any

from citypanel import HERE, SHARED, Cells, gdp_growth_cells, parse_into_store, stored_documents

SEED = 10
SIZE = 50
FLOOR = 5
"""Each decade gets at least this many city-years (or all it has); the rest go by its share."""


def candidates(reports: Path) -> dict[int, list[tuple[str, int]]]:
    """(city, Y) with a report of Y and one of Y+1, by decade."""
    found: dict[int, list[tuple[str, int]]] = defaultdict(list)
    for path in sorted(reports.glob("*/*.md")):
        if re.fullmatch(r"\d{4}", path.stem) and (path.parent / f"{int(path.stem) + 1}.md").is_file():
            found[int(path.stem) // 10 * 10].append((path.parent.name, int(path.stem)))
    return found


def quotas(sizes: dict[int, int], total: int) -> dict[int, int]:
    """A floor per decade, the rest by each decade's share of what remains (largest remainders)."""
    base = {d: min(n, FLOOR) for d, n in sizes.items()}
    rest, left = total - sum(base.values()), {d: n - base[d] for d, n in sizes.items()}
    shares = {d: Decimal(rest * n) / sum(left.values()) for d, n in left.items()}
    extra = {d: int(s) for d, s in shares.items()}
    for d in sorted(shares, key=lambda d: extra[d] - shares[d])[:rest - sum(extra.values())]:
        extra[d] += 1
    return {d: base[d] + extra[d] for d in sizes}


def spread(pool: list[tuple[str, int]], rng: random.Random) -> list[tuple[str, int]]:
    """``pool`` shuffled, then reordered so each city comes once before any comes twice."""
    rng.shuffle(pool)
    rank: dict[str, int] = defaultdict(int)
    order = []
    for i, (city, year) in enumerate(pool):
        order.append((rank[city], i, (city, year)))
        rank[city] += 1
    return [item for _, _, item in sorted(order)]


def sample(reports: Path, size: int = SIZE, seed: int = SEED) -> list[tuple[str, int]]:
    """The reproducible draw: per decade its quota, spread over cities, in (city, year) order."""
    rng = random.Random(seed)
    pools = candidates(reports)
    share = quotas({d: len(p) for d, p in pools.items()}, size)
    return sorted(item for d in sorted(pools) for item in spread(pools[d], rng)[:share[d]])


def read_table(table: Path) -> list[dict[str, str]]:
    """The hand-read rows (the ``#`` comment line skipped)."""
    with table.open(encoding="utf-8") as fh:
        return list(csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t"))


def expected(actual: str) -> tuple[Decimal, Decimal] | None:
    """The table's value as (low, high): one figure, a range ``a~b``, or None for ``none``."""
    if actual == "none":
        return None
    low, _, high = actual.partition("~")
    return Decimal(low), Decimal(high or low)


def verdict(want: tuple[Decimal, Decimal] | None, cell: dict[str, Any] | None) -> str:
    """right, wrong, missing or none_and_none."""
    if cell is None:
        return "none_and_none" if want is None else "missing"
    got = Decimal(str(cell["actual_value"]))
    return "right" if want is not None and want[0] <= got <= want[1] else "wrong"


def region_of(city: str, cells: Cells, year: int) -> str:
    """The panel's region for a folder's city: the folder's name, or a longer name it starts."""
    return next((r for r, y in cells if y == year and (r == city or r.startswith(city))), city)


def compare(rows: list[dict[str, str]], cells: Cells,
            meta: dict[str, str]) -> tuple[dict[str, int], list[str]]:
    """Counts of each verdict and one line per row that is neither right nor none_and_none."""
    counts = dict.fromkeys(("right", "wrong", "missing", "none_and_none"), 0)
    lines = []
    for row in rows:
        year = int(row["year"])
        cell = cells.get((region_of(row["city"], cells, year), year))
        result = verdict(expected(row["actual"]), cell)
        counts[result] += 1
        if result in ("wrong", "missing"):
            got = cell["actual_text"] if cell else "none"
            lines.append(f"{result}\t{row['city']}\t{year}\t{got}\t{row['actual']}\t"
                         f"{meta.get(row['file'], '?')}\t{row['sentence']}")
    return counts, lines


def metadata(store_path: Path, reports: Path) -> dict[str, str]:
    """Each parsed report's region, level and year as the parser read them, by its table file name."""
    return {str(Path(d["path"]).resolve().relative_to(reports.resolve())):
            f"{d['region']}/{d['level']}/{d['report_year']}" for d in stored_documents(store_path)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--table", type=Path, default=HERE / "city_gdp_actuals.tsv")
    ap.add_argument("--reports", type=Path, default=SHARED / "reports" / "city")
    ap.add_argument("--out", type=Path, help="where the store goes (default: a temporary folder)")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--sample", action="store_true", help="print the draw (city, year, file) and stop")
    args = ap.parse_args()
    if args.sample:
        print("\n".join(f"{c}\t{y}\t{c}/{y + 1}.md" for c, y in sample(args.reports)))
        return 0
    rows = read_table(args.table)
    files = sorted({args.reports / r["city"] / f"{int(r['year']) + k}.md" for r in rows for k in (0, 1)})
    with tempfile.TemporaryDirectory() as tmp:
        store_path = parse_into_store(files, args.out or Path(tmp), args.jobs)
        cells = gdp_growth_cells(store_path, "actual")
        meta = metadata(store_path, args.reports)
    counts, lines = compare(rows, cells, meta)
    print(json.dumps(counts))
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
