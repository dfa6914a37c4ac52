"""Command line: ``reportparse parse FILE [FILE ...] [--format json|jsonl|csv] [-o DIR] [--lang zh|auto]``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Sequence

from . import __version__
from .errors import InputError, ReportParseError, SchemaValidationError
from .export import FORMATS, render
from .model import Document
from .outputs import write_atomic as _write_atomic
from .pipeline import parse_file
from .readers import EXTENSIONS
from .readers.limits import add_limit_arguments, limits_from_args
from .review_page import add_show_command
from .validate import validate_document

EXIT_INPUT_ERROR = 1
EXIT_BUG = 3


def _inputs(paths: Sequence[str]) -> list[Path]:
    """The files to parse: files as given, folders expanded to their report files (sorted)."""
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        found = (q for q in p.rglob("*") if q.suffix.lower() in EXTENSIONS and q.is_file())
        out.extend(sorted(found) if p.is_dir() else [p])
    return out


def _output_path(out_dir: Path, source: Path, fmt: str, used: set[Path]) -> Path:
    target = out_dir / f"{source.stem}.{fmt}"
    n = 2
    while target in used:
        target = out_dir / f"{source.stem}-{n}.{fmt}"
        n += 1
    used.add(target)
    return target


def _keep_source_text(doc: Document, target: Path, inputs: list[Path]) -> None:
    """Write the text that claim spans point into beside the output (``<stem>.txt``), unless the
    input file is that text already (UTF-8 plain text) or the name is taken by an input."""
    source = doc.source
    if source is None or source.is_plain_utf8:
        return
    beside = target.with_suffix(".txt")
    if beside.resolve() in {p.resolve() for p in inputs}:
        print(f"reportparse: warning: {beside}: is an input; extracted text not written", file=sys.stderr)
        return
    _write_atomic(beside, source.text)


def _cmd_parse(args: argparse.Namespace) -> int:
    files = _inputs(args.files)
    if not files:
        print(f"reportparse: error: no input files (folders are searched for {' '.join(EXTENSIONS)})", file=sys.stderr)
        return EXIT_INPUT_ERROR
    to_stdout = args.output is None and len(args.files) == 1 and Path(args.files[0]).is_file()
    out_dir = None if to_stdout else Path(args.output or ".")
    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True)
    failed = 0
    used: set[Path] = set()
    for path in files:
        try:
            doc = parse_file(path, lang=args.lang, limits=limits_from_args(args))
        except InputError as exc:
            print(f"reportparse: error: {exc}", file=sys.stderr)
            failed += 1
            continue
        data = doc.to_dict()
        validate_document(data)
        text = render(data, args.format)
        if out_dir is None:
            sys.stdout.write(text)
        else:
            target = _output_path(out_dir, path, args.format, used)
            _write_atomic(target, text)
            _keep_source_text(doc, target, files)
            if not args.quiet:
                print(f"{path} -> {target} ({len(data['claims'])} claims)", file=sys.stderr)
    return EXIT_INPUT_ERROR if failed else 0


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
        "current folder. Folders are searched for report files (.txt .text .html .htm .docx .pdf), "
        "recursively. For an input that is not UTF-8 plain text, the extracted text that claim spans "
        "point into is written beside the output as <stem>.txt. An unreadable file is "
        "reported on stderr and the others are still parsed; the exit code is then 1.",
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="report files (text in any Chinese encoding, HTML, .docx, PDF) or folders")
    p.add_argument("--format", choices=FORMATS, default="json",
                   help="json: the document with its claims (default); jsonl: one claim a line; csv: one claim a row")
    p.add_argument("-o", "--output", metavar="DIR", help="write one output file per input into DIR")
    p.add_argument("--lang", choices=("zh", "auto"), default="zh",
                   help="language of the reports (default zh; auto is zh until English support lands)")
    p.add_argument("-q", "--quiet", action="store_true", help="do not list the files written")
    add_limit_arguments(p)
    p.set_defaults(func=_cmd_parse)
    add_show_command(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``reportparse`` console script; returns the exit code."""
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except SchemaValidationError as exc:
        print(f"reportparse: internal error (please report): {exc}", file=sys.stderr)
        return EXIT_BUG
    except ReportParseError as exc:
        print(f"reportparse: error: {exc}", file=sys.stderr)
        return EXIT_INPUT_ERROR
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
