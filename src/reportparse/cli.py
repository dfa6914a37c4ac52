"""Command line: ``reportparse parse``, ``export``, ``diff`` and ``align``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from . import __version__
from .align import add_align_command
from .batch import Batch, discover, options_key, parse_to_output, progress_bar
from .chart import add_chart_command
from .codebook import add_codebook_commands
from .diff_report import DIFF_FORMATS
from .errors import InputError, ReportParseError, SchemaValidationError, UsageError
from .exits import EXIT_BUG, EXIT_CODES, EXIT_FILES_FAILED, EXIT_NOTHING_DONE, EXIT_USAGE, ArgumentParser
from .explain_command import add_explain_command
from .export import FORMATS
from .fingerprint import parser_fingerprint
from .guards import check_pair, check_store_diff, fraction, non_negative_float, positive_int
from .lang import languages
from .manifest import LEVELS, Manifest, checked_overrides, merged_overrides
from .outputs import DEFAULT_DB, emit, emit_file, file_output, format_of, parse_destinations, store_to_read
from .pairing import MIN_CONFIDENCE
from .read import EXTENSIONS
from .read.limits import add_limit_arguments, limits_from_args
from .review_page import add_show_command
from .store import Store


def _overrides(args: argparse.Namespace) -> Callable[[Path], dict[str, Any]]:
    """Per-input metadata overrides: the manifest's row for the file, then the flags."""
    flags = checked_overrides(args.region, args.level, args.year)
    manifest = Manifest(args.manifest) if args.manifest else None
    return lambda path: merged_overrides(path, manifest, flags)


def _parse_to_stdout(path: Path, args: argparse.Namespace, db: Path | None) -> int:
    """One file, no output folder: its document on stdout (and in the store ``db`` when given)."""
    overrides = _overrides(args)(path)
    try:
        parsed = parse_to_output(str(path), args.lang, overrides, args.format, limits_from_args(args))
    except InputError as exc:
        print(f"reportparse: error: {exc}", file=sys.stderr)
        return EXIT_FILES_FAILED
    if db:
        with Store(db) as store:
            store.put(parsed.data, parser_fingerprint(), options_key(args.lang, overrides), parsed.record)
    sys.stdout.write(parsed.rendered)
    return 0


def _inputs(args: argparse.Namespace) -> list[Path]:
    """The files to parse; none (after one error line each) when no input exists."""
    files = discover(args.files)
    if not files:
        print(f"reportparse: error: no input files (folders are searched for {' '.join(EXTENSIONS)})", file=sys.stderr)
    elif not any(path.exists() for path in files):
        for path in files:
            print(f"reportparse: error: {path}: no such file", file=sys.stderr)
        return []
    return files


def _cmd_parse(args: argparse.Namespace) -> int:
    out_dir, db = parse_destinations(args.files, args.output, args.db)
    files = _inputs(args)
    if not files:
        return EXIT_NOTHING_DONE  # and nothing is created
    if out_dir is None:
        return _parse_to_stdout(files[0], args, db)
    overrides_for = _overrides(args)
    with Store(db or out_dir / DEFAULT_DB) as store:
        batch = Batch(out_dir, args.format, store, lang=args.lang, jobs=args.jobs, overrides_for=overrides_for,
                      limits=limits_from_args(args))
        bar = progress_bar(len(files), enabled=not args.quiet)
        try:
            result = batch.run(files, progress=bar.update if bar else lambda _n: None)
        finally:
            if bar:
                bar.close()
    for failure in result.failed:
        print(f"reportparse: error: {failure.path}: {failure.reason}", file=sys.stderr)
    if not args.quiet:
        print(f"reportparse: {_summary(result.parsed, result.unchanged, result.rerendered, len(result.failed))}; "
              f"{result.claims} claims in {result.parsed + result.rerendered} files written to {out_dir}/ "
              f"(store {store.path})", file=sys.stderr)
    return EXIT_FILES_FAILED if result.failed else 0


def _summary(parsed: int, unchanged: int, rerendered: int, failed: int) -> str:
    """What a batch did, in words: ``3 parsed, 2 unchanged (2 written again from the store), 0 failed``."""
    again = f" ({rerendered} written again from the store)" if rerendered else ""
    return f"{parsed} parsed, {unchanged} unchanged{again}, {failed} failed"


def _cmd_diff(args: argparse.Namespace) -> int:
    from .diff import DiffOptions, diff_documents
    from .diff_report import render_diff, render_many
    from .documents import diff_all, load_document, stored_document
    from .verdicts import Tolerance

    options = DiffOptions(Tolerance(args.tolerance_points, args.tolerance_relative), args.strict,
                          args.min_confidence)
    target = file_output(args.output, example=f"diff.{args.format}")
    if args.all or args.region:
        check_store_diff(args.reports, args.db, args.region, args.years, args.all)
        with Store(store_to_read(args.db), create=False) as store:
            if args.all:
                emit(render_many(diff_all(store, options), args.format), target)
                return 0
            old, new = (stored_document(store, args.region, y) for y in args.years)
    elif len(args.reports) == 2:
        if args.years:
            raise UsageError("--years goes with --db and --region; OLD and NEW files carry their own years")
        old, new = (load_document(p, args.lang) for p in args.reports)
        check_pair(old, new, args.force)
    else:
        raise UsageError("give OLD and NEW, or --db PATH with --region R --years OLD NEW, or --db PATH --all")
    emit(render_diff(diff_documents(old, new, options), args.format), target)
    return 0


def _cmd_export(args: argparse.Namespace) -> int:
    from .panel import cell_rows, duplicate_region_years
    from .store import ClaimFilter
    from .tables import TABLE_FORMATS, cells_table, long_table, wide_table, write_table

    target = file_output(args.output, example="claims.csv")
    fmt = format_of(target, args.format)
    if fmt not in TABLE_FORMATS:
        raise UsageError(f"say --format ({', '.join(TABLE_FORMATS)}); {args.output!r} does not tell")
    with Store(store_to_read(args.db), create=False) as store:
        if args.wide or args.cells:
            cells = cell_rows(store)
            for region, year, paths in duplicate_region_years(store):
                print(f"reportparse: warning: {region} {year} has {len(paths)} reports; the panel uses {paths[0]} "
                      f"(others: {', '.join(paths[1:])})", file=sys.stderr)
            cells = [c for c in cells if (args.region is None or c["region"] == args.region)
                     and (args.year is None or c["year"] == args.year)
                     and (args.metric is None or args.metric in (c["metric_id"], c["metric_text"]))
                     and (args.kind is None or c["kind"] == args.kind)]
            table, labels = wide_table(cells) if args.wide else (cells_table(cells), {})
        else:
            rows = store.long_rows(ClaimFilter(args.region, args.year, args.metric, args.status, args.kind))
            table, labels = long_table(rows), {}
    emit_file(lambda path: write_table(table, path, fmt, labels=labels, bom=args.bom), target, f".{fmt}")
    if not args.quiet:
        what = f"{len(table)} region-years" if args.wide else f"{len(table)} {'cells' if args.cells else 'claims'}"
        print(f"reportparse: {what} written to {target or 'stdout'}", file=sys.stderr)
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``reportparse`` command."""
    parser = ArgumentParser(
        prog="reportparse",
        description="Turn government work reports (政府工作报告) into validated numeric claims.",
        epilog=EXIT_CODES,
    )
    parser.add_argument("--version", action="version", version=f"reportparse {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    p = sub.add_parser(
        "parse",
        help="extract the claims of one or more reports",
        description="Extract the numeric claims of reports. One FILE without -o writes its document to "
        "stdout; otherwise one <stem>.<format> per input is written into DIR (-o), or into the "
        "current folder, and every document is kept in a SQLite store (DIR/reportparse.sqlite, or "
        "--db). Files already in the store, unchanged and parsed by this parser with the same "
        "options, are not parsed again. Folders are searched for report files (.txt .text .html .htm "
        ".docx .pdf), recursively; files are parsed in parallel. For an input that is not UTF-8 plain "
        "text, the extracted text that claim spans point into is written beside the output as <stem>.txt. A file that cannot be read or parsed is reported on stderr and in "
        "DIR/errors.jsonl, the others are still parsed, and the exit code is then 2.",
    )
    p.add_argument("files", nargs="+", metavar="FILE",
                   help="report files (text in any Chinese encoding, HTML, .docx, PDF) or folders")
    p.add_argument("--format", choices=FORMATS, default="json",
                   help="json: the document with its claims (default); jsonl: one claim a line; csv: one claim a row")
    p.add_argument("-o", "--output", metavar="DIR",
                   help="write one output file per input into DIR (created if missing); - : one FILE to stdout")
    p.add_argument("--lang", choices=(*languages(), "auto"), default="auto",
                   help="language of the reports (default auto: detected per document)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary line")
    p.add_argument("-j", "--jobs", type=positive_int, metavar="N", help="worker processes (default: all cores)")
    p.add_argument("--db", metavar="PATH", help=f"the SQLite store (default DIR/{DEFAULT_DB})")
    meta = p.add_argument_group("metadata overrides (flags apply to every input and win over --manifest)")
    meta.add_argument("--region", help="region name, e.g. 北京市 (北京 and beijing are stored as 北京市)")
    meta.add_argument("--level", choices=LEVELS, help="administrative level")
    meta.add_argument("--year", help="report year (the year the report was delivered)")
    meta.add_argument("--manifest", metavar="CSV",
                      help="sidecar CSV/TSV with a header: file, region, level, year (empty cells: detect)")
    add_limit_arguments(p)
    p.set_defaults(func=_cmd_parse)
    add_show_command(sub)
    add_explain_command(sub)

    d = sub.add_parser(
        "diff",
        help="last year's targets against this year's report: met, exceeded, missed, not_reported or unclear",
        description="Pair the targets an OLD report sets for its year with the actuals a NEW report states "
        "for that year (by metric id, else metric text, and kind, else by the words of the metric with a "
        "confidence) and judge each by its qualifier, its wording (控制在, 以内, 以上) and which way is good "
        "for its indicator (a cap such as CPI; lower is better for energy intensity); also "
        "compare the two reports' targets. OLD and NEW are report files (parsed now) or parsed .json "
        "documents; or read them from a store with --db and --region/--years; --all diffs every region "
        "with reports of consecutive years in the store into one table of verdicts.",
    )
    d.add_argument("reports", nargs="*", metavar="OLD NEW", help="two reports or parsed .json documents")
    d.add_argument("--format", choices=DIFF_FORMATS, default="json",
                   help="json: pairs, unmatched and target changes (default); csv: one verdict a row; md: tables")
    d.add_argument("-o", "--output", metavar="FILE", help="write to FILE (default, or -: stdout)")
    d.add_argument("--db", metavar="PATH", help="the SQLite store written by parse")
    d.add_argument("--region", help="with --db: the region, by any of its names (北京市, 北京, beijing)")
    d.add_argument("--years", nargs=2, type=int, metavar=("OLD", "NEW"), help="with --region: two report years")
    d.add_argument("--all", action="store_true", help="with --db: every region with consecutive report years")
    d.add_argument("--tolerance-points", type=non_negative_float, default=0.5, metavar="PP",
                   help="how far an approx (左右) rate target may miss, in percentage points (default 0.5)")
    d.add_argument("--tolerance-relative", type=non_negative_float, default=0.02, metavar="F",
                   help="how far an approx level target may miss, as a fraction of it (default 0.02)")
    d.add_argument("--force", action="store_true",
                   help="diff even two regions' reports, or a NEW report not later than OLD (refused otherwise)")
    d.add_argument("--strict", action="store_true",
                   help="the plain textbook rule of the written qualifier: met or missed only, no tolerance "
                   "beside 左右 and no 'exceeded'")
    d.add_argument("--min-confidence", type=fraction, default=MIN_CONFIDENCE, metavar="C",
                   help="the least confidence (0..1) of a pair by the words of the metric, for targets and "
                   f"actuals without a common indicator id (default {MIN_CONFIDENCE})")
    d.add_argument("--lang", choices=(*languages(), "auto"), default="auto",
                   help="language of report files (default auto: detected)")
    d.set_defaults(func=_cmd_diff)

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
    e.add_argument("-q", "--quiet", action="store_true", help="no summary line")
    e.set_defaults(func=_cmd_export)

    add_align_command(sub)
    add_codebook_commands(sub)
    add_chart_command(sub)
    for command in sub.choices.values():
        command.epilog = EXIT_CODES
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``reportparse`` console script; returns the exit code."""
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except SchemaValidationError as exc:
        print(f"reportparse: internal error (please report): {exc}", file=sys.stderr)
        return EXIT_BUG
    except UsageError as exc:
        print(f"reportparse: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except ReportParseError as exc:
        print(f"reportparse: error: {exc}", file=sys.stderr)
        return EXIT_NOTHING_DONE
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        print("reportparse: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug: one line for the user instead of a traceback
        detail = " ".join(str(exc).split())
        print(f"reportparse: internal error (please report): {type(exc).__name__}: {detail}", file=sys.stderr)
        return EXIT_BUG


if __name__ == "__main__":
    sys.exit(main())
