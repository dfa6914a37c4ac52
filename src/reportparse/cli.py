"""Command line: the ``reportparse`` program, its ``parse`` verb and the exit codes; each other verb
registers itself from its own module (``add_<verb>_command``)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from . import __version__
from .align import add_align_command
from .batch import Batch, options_key, parse_to_output, progress_bar
from .batch_files import discover
from .build_info import build_summary
from .chart import add_chart_command
from .codebook import add_codebook_commands
from .diff_command import add_diff_command
from .errors import EnvironmentProblem, InputError, ReportParseError, SchemaValidationError, UsageError
from .exits import (
    EXIT_BUG,
    EXIT_CODES,
    EXIT_ENVIRONMENT,
    EXIT_FILES_FAILED,
    EXIT_NOTHING_DONE,
    EXIT_USAGE,
    ArgumentParser,
)
from .explain_command import add_explain_command
from .export import FORMATS
from .export_command import add_export_command
from .fingerprint import parser_fingerprint
from .guards import positive_int
from .lang import languages
from .manifest import LEVELS, Manifest, checked_overrides, merged_overrides
from .outputs import DEFAULT_DB, parse_destinations
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


def _add_parse_command(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register ``reportparse parse``."""
    p = sub.add_parser(
        "parse",
        help="extract the claims of one or more reports",
        description="Extract the numeric claims of reports. One FILE without -o writes its document to "
        "stdout; otherwise one <stem>.<format> per input is written into DIR (-o), or into the "
        "current folder, and every document is kept in a SQLite store (DIR/reportparse.sqlite, or "
        "--db). Files already in the store, unchanged and parsed by this parser with the same "
        "options, are not parsed again. Folders are searched for report files (.txt .text .html .htm "
        ".docx .pdf), recursively; files are parsed in parallel. For an input that is not UTF-8 plain "
        "text, the extracted text that claim spans point into is written beside the output as <stem>.txt. "
        "A file that cannot be read or parsed is reported on stderr and in "
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


class _Version(argparse.Action):
    """``--version``: the version and how this installation was built (looked up only when asked)."""

    def __init__(self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS,
                         help="show the version and whether the parser runs compiled, then exit")

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace, values: Any,
                 option_string: str | None = None) -> None:
        print(f"reportparse {__version__} ({build_summary()})")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``reportparse`` command."""
    parser = ArgumentParser(
        prog="reportparse",
        description="Turn government work reports (政府工作报告) into validated numeric claims.",
        epilog=EXIT_CODES,
    )
    parser.add_argument("--version", action=_Version)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _add_parse_command(sub)
    add_show_command(sub)
    add_explain_command(sub)

    add_diff_command(sub)
    add_export_command(sub)
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
    except EnvironmentProblem as exc:
        print(f"reportparse: error: {exc}", file=sys.stderr)
        return EXIT_ENVIRONMENT
    except UsageError as exc:
        print(f"reportparse: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except ReportParseError as exc:
        print(f"reportparse: error: {exc}", file=sys.stderr)
        return EXIT_NOTHING_DONE
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
