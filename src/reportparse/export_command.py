"""``reportparse export``: every stored claim, or the panel, in one table."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from .errors import UsageError
from .outputs import emit_file, file_output, format_of, store_to_read
from .store import Store


def add_export_command(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register ``reportparse export`` on the subcommands of the main parser."""
    e = sub.add_parser(
        "export",
        help="every stored claim in one table for pandas, Excel or Stata",
        description="Write the claims of a store as one table: long form (one row per claim: doc, region, level, "
        "report_year, period, metric, kind, status, value, low, high, unit, qualifier, rank, span, section, "
        "sentence) or, with --wide, a region x year panel with each standard indicator's target, target "
        "qualifier and reported actual. Needs the export extra (pandas; parquet: pyarrow).",
    )
    e.add_argument("--db", required=True, metavar="PATH", help="the SQLite store written by parse")
    e.add_argument("--format", choices=("csv", "jsonl", "parquet", "dta", "xlsx"),
                   help="table format (default: from the FILE's extension); dta is Stata 14+ (version 118)")
    e.add_argument("-o", "--output", required=True, metavar="FILE",
                   help="the table to write; - : stdout (csv unless --format)")
    shape = e.add_mutually_exclusive_group()
    shape.add_argument("--wide", action="store_true",
                       help="a region x year panel of targets, actuals and verdicts, paired and judged as diff does")
    shape.add_argument("--cells", action="store_true",
                       help="the panel's cells in long form, with the claim ids and report files of each target "
                       "and actual, and the verdict")
    pick = e.add_argument_group("filters (each given must match)")
    pick.add_argument("--region", help="region as stored, e.g. 北京市")
    pick.add_argument("--year", type=int, help="report year (--wide/--cells: the year of the panel)")
    pick.add_argument("--metric", help="standard indicator id (gdp) or the metric as written")
    pick.add_argument("--status", choices=("actual", "target"), help="claims of this status (long form only)")
    pick.add_argument("--kind", choices=("level", "growth", "ratio", "ranking"), help="claims of this kind")
    e.add_argument("--bom", action="store_true", help="csv: start with the byte-order mark Excel wants")
    e.add_argument("--raw-cells", action="store_true",
                   help="csv, xlsx: write text cells that start with = + - @ as they are (by default a ' is put "
                   "before them, so a spreadsheet shows them instead of evaluating them as formulas)")
    e.add_argument("-q", "--quiet", action="store_true", help="no summary line")
    e.set_defaults(func=_cmd_export)


def _panel_table(store: Store, args: argparse.Namespace) -> tuple[Any, dict[str, str]]:
    """The panel (``--wide``) or its cells (``--cells``) of a store, filtered."""
    from .panel import cell_rows, duplicate_region_years
    from .tables import cells_table, wide_table

    for region, year, paths in duplicate_region_years(store):
        print(f"reportparse: warning: {region} {year} has {len(paths)} reports; the panel uses {paths[0]} "
              f"(others: {', '.join(paths[1:])})", file=sys.stderr)
    wanted = {"region": args.region, "year": args.year, "kind": args.kind}
    cells = [c for c in cell_rows(store) if all(v is None or c[k] == v for k, v in wanted.items())
             and (args.metric is None or args.metric in (c["metric_id"], c["metric_text"]))]
    return wide_table(cells) if args.wide else (cells_table(cells), {})


def _cmd_export(args: argparse.Namespace) -> int:
    from .store import ClaimFilter
    from .tables import TABLE_FORMATS, long_table, write_table

    target = file_output(args.output, example="claims.csv")
    fmt = format_of(target, args.format)
    if fmt not in TABLE_FORMATS:
        raise UsageError(f"say --format ({', '.join(TABLE_FORMATS)}); {args.output!r} does not tell")
    with Store(store_to_read(args.db), create=False) as store:
        if args.wide or args.cells:
            table, labels = _panel_table(store, args)
        else:
            rows = store.long_rows(ClaimFilter(args.region, args.year, args.metric, args.status, args.kind))
            table, labels = long_table(rows), {}

    def write(path: Any) -> None:
        write_table(table, path, fmt, labels=labels, bom=args.bom, raw_cells=args.raw_cells)

    emit_file(write, target, f".{fmt}")
    if not args.quiet:
        what = f"{len(table)} region-years" if args.wide else f"{len(table)} {'cells' if args.cells else 'claims'}"
        print(f"reportparse: {what} written to {target or 'stdout'}", file=sys.stderr)
    return 0
