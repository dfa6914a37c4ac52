"""Command line: ``reportparse parse``, ``export``, ``diff`` and ``align``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from . import __version__
from .align import add_align_command
from .atomic import write_atomic
from .batch import Batch, discover, options_key, parse_to_output, progress_bar
from .diff_report import DIFF_FORMATS
from .errors import EnvironmentProblem, InputError, ReportParseError, SchemaValidationError
from .export import FORMATS
from .fingerprint import parser_fingerprint
from .manifest import LEVELS, Manifest, checked_overrides, merged_overrides
from .readers import EXTENSIONS
from .readers.limits import add_limit_arguments, limits_from_args
from .review_page import add_show_command
from .store import Store

EXIT_USAGE = 1
EXIT_FILES_FAILED = 2
EXIT_BUG = 3
EXIT_ENVIRONMENT = 4  # the machine stopped the work: disk full, permission, read-only, lock, damaged store
DEFAULT_DB = "reportparse.sqlite"
LANGS = ("zh", "en", "auto")


def _overrides(args: argparse.Namespace) -> Callable[[Path], dict[str, Any]]:
    """Per-input metadata overrides: the manifest's row for the file, then the flags."""
    flags = checked_overrides(args.region, args.level, args.year)
    manifest = Manifest(args.manifest) if args.manifest else None
    return lambda path: merged_overrides(path, manifest, flags)


def _parse_to_stdout(path: Path, args: argparse.Namespace) -> int:
    """One file, no output folder: its document on stdout (and in ``--db`` when given)."""
    overrides = _overrides(args)(path)
    try:
        parsed = parse_to_output(str(path), args.lang, overrides, args.format, limits_from_args(args))
    except InputError as exc:
        print(f"reportparse: error: {exc}", file=sys.stderr)
        return EXIT_FILES_FAILED
    if args.db:
        with Store(args.db) as store:
            store.put(parsed.data, parser_fingerprint(), options_key(args.lang, overrides), parsed.record)
    sys.stdout.write(parsed.rendered)
    return 0


def _cmd_parse(args: argparse.Namespace) -> int:
    files = discover(args.files)
    if not files:
        print(f"reportparse: error: no input files (folders are searched for {' '.join(EXTENSIONS)})", file=sys.stderr)
        return EXIT_USAGE
    if args.output is None and len(args.files) == 1 and not Path(args.files[0]).is_dir():
        return _parse_to_stdout(files[0], args)
    out_dir = Path(args.output or ".")
    overrides_for = _overrides(args)
    with Store(args.db or out_dir / DEFAULT_DB) as store:
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
        print(f"reportparse: {result.parsed} parsed, {result.unchanged} unchanged, {len(result.failed)} failed; "
              f"{result.claims} claims written to {out_dir}/ (store {store.path})", file=sys.stderr)
    return EXIT_FILES_FAILED if result.failed else 0


def _emit(text: str, output: str | None) -> None:
    """Write a command's result to ``output`` (atomically) or to stdout."""
    if output:
        write_atomic(Path(output), text)
    else:
        sys.stdout.write(text)


def _cmd_diff(args: argparse.Namespace) -> int:
    from .diff import Tolerance, diff_documents
    from .diff_report import render_diff, render_many
    from .documents import consecutive_pairs, load_document, stored_document

    tolerance = Tolerance(args.tolerance_points, args.tolerance_relative)
    if args.all or args.region:
        if not args.db:
            print("reportparse: error: --all and --region read the store: give --db PATH", file=sys.stderr)
            return EXIT_USAGE
        with Store(args.db, create=False) as store:
            if args.all:
                results = [diff_documents(store.document(old), store.document(new), tolerance)
                           for old, new in consecutive_pairs(store)]
                _emit(render_many(results, args.format), args.output)
                return 0
            if not args.years or len(args.years) != 2:
                print("reportparse: error: --region needs --years OLD NEW", file=sys.stderr)
                return EXIT_USAGE
            old, new = (stored_document(store, args.region, y) for y in args.years)
    elif len(args.reports) == 2:
        old, new = (load_document(p, args.lang) for p in args.reports)
    else:
        print("reportparse: error: give OLD and NEW, or --db PATH with --region R --years OLD NEW, or --db PATH --all",
              file=sys.stderr)
        return EXIT_USAGE
    _emit(render_diff(diff_documents(old, new, tolerance), args.format), args.output)
    return 0


def _cmd_export(args: argparse.Namespace) -> int:
    from .tables import TABLE_FORMATS, long_table, wide_table, write_table

    target = Path(args.output)
    fmt = args.format or target.suffix.lstrip(".").lower()
    if fmt not in TABLE_FORMATS:
        print(f"reportparse: error: say --format ({', '.join(TABLE_FORMATS)}); {target.name!r} does not tell",
              file=sys.stderr)
        return EXIT_USAGE
    with Store(args.db, create=False) as store:
        rows = list(store.long_rows())
    if args.wide:
        table, labels = wide_table(rows)
    else:
        table, labels = long_table(rows), {}
    write_table(table, target, fmt, labels=labels, bom=args.bom, raw_cells=args.raw_cells)
    if not args.quiet:
        what = f"{len(table)} region-years" if args.wide else f"{len(table)} claims"
        print(f"reportparse: {what} written to {target}", file=sys.stderr)
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``reportparse`` command."""
    parser = argparse.ArgumentParser(
        prog="reportparse",
        description="Turn government work reports (政府工作报告) into validated numeric claims.",
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
    p.add_argument("-o", "--output", metavar="DIR", help="write one output file per input into DIR")
    p.add_argument("--lang", choices=LANGS, default="auto",
                   help="language of the reports (default auto: detected per document)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary line")
    p.add_argument("-j", "--jobs", type=int, metavar="N", help="worker processes (default: all cores)")
    p.add_argument("--db", metavar="PATH", help=f"the SQLite store (default DIR/{DEFAULT_DB})")
    meta = p.add_argument_group("metadata overrides (flags apply to every input and win over --manifest)")
    meta.add_argument("--region", help="region name, e.g. 北京市")
    meta.add_argument("--level", choices=LEVELS, help="administrative level")
    meta.add_argument("--year", help="report year (the year the report was delivered)")
    meta.add_argument("--manifest", metavar="CSV",
                      help="sidecar CSV/TSV with a header: file, region, level, year (empty cells: detect)")
    add_limit_arguments(p)
    p.set_defaults(func=_cmd_parse)
    add_show_command(sub)

    d = sub.add_parser(
        "diff",
        help="last year's targets against this year's report: met, missed or unclear",
        description="Pair the targets an OLD report sets for its year with the actuals a NEW report states "
        "for that year (by metric id, else metric text, and kind) and judge each by its qualifier; also "
        "compare the two reports' targets. OLD and NEW are report files (parsed now) or parsed .json "
        "documents; or read them from a store with --db and --region/--years; --all diffs every region "
        "with reports of consecutive years in the store into one table of verdicts.",
    )
    d.add_argument("reports", nargs="*", metavar="OLD NEW", help="two reports or parsed .json documents")
    d.add_argument("--format", choices=DIFF_FORMATS, default="json",
                   help="json: pairs, unmatched and target changes (default); csv: one verdict a row; md: tables")
    d.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    d.add_argument("--db", metavar="PATH", help="the SQLite store written by parse")
    d.add_argument("--region", help="with --db: the region (as stored, e.g. 北京市)")
    d.add_argument("--years", nargs=2, type=int, metavar=("OLD", "NEW"), help="with --region: two report years")
    d.add_argument("--all", action="store_true", help="with --db: every region with consecutive report years")
    d.add_argument("--tolerance-points", type=float, default=0.5, metavar="PP",
                   help="how far an approx (左右) rate target may miss, in percentage points (default 0.5)")
    d.add_argument("--tolerance-relative", type=float, default=0.02, metavar="F",
                   help="how far an approx level target may miss, as a fraction of it (default 0.02)")
    d.add_argument("--lang", choices=LANGS, default="auto", help="language of report files (default auto: detected)")
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
    e.add_argument("-o", "--output", required=True, metavar="FILE", help="the table to write")
    e.add_argument("--wide", action="store_true", help="a region x year panel of targets and actuals")
    e.add_argument("--bom", action="store_true", help="csv: start with the byte-order mark Excel wants")
    e.add_argument("--raw-cells", action="store_true",
                   help="csv, xlsx: write text cells that start with = + - @ as they are (by default a ' is put "
                   "before them, so a spreadsheet shows them instead of evaluating them as formulas)")
    e.add_argument("-q", "--quiet", action="store_true", help="no summary line")
    e.set_defaults(func=_cmd_export)

    add_align_command(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``reportparse`` console script; returns the exit code."""
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except SchemaValidationError as exc:
        print(f"reportparse: internal error (please report): {exc}", file=sys.stderr)
        return EXIT_BUG
    except EnvironmentProblem as exc:
        print(f"reportparse: error: {exc}", file=sys.stderr)
        return EXIT_ENVIRONMENT
    except ReportParseError as exc:
        print(f"reportparse: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        return 0
    except OSError as exc:  # writing an output: disk full, permission denied, read-only, a file where a folder goes
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"reportparse: error: {where}{exc.strerror or exc}", file=sys.stderr)
        return EXIT_ENVIRONMENT
    except KeyboardInterrupt:
        print("reportparse: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug: one line for the user instead of a traceback
        detail = " ".join(str(exc).split())
        print(f"reportparse: internal error (please report): {type(exc).__name__}: {detail}", file=sys.stderr)
        return EXIT_BUG


if __name__ == "__main__":
    sys.exit(main())
