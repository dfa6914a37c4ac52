"""``reportparse diff``: last year's targets against this year's report."""

from __future__ import annotations

import argparse

from .diff_report import DIFF_FORMATS
from .errors import UsageError
from .guards import check_pair, check_store_diff, fraction, non_negative_float
from .lang import languages
from .outputs import emit, file_output, store_to_read
from .pairing import MIN_CONFIDENCE
from .store import Store


def add_diff_command(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register ``reportparse diff`` on the subcommands of the main parser."""
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
    d.add_argument("--lang", choices=(*languages(), "auto"), default="auto",
                   help="language of report files (default auto: detected)")
    _add_judging_options(d)
    d.set_defaults(func=_cmd_diff)


def _add_judging_options(d: argparse.ArgumentParser) -> None:
    """How targets and actuals are paired and judged."""
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
            old_year, new_year = args.years
            old = stored_document(store, args.region, old_year, ("target", old_year))
            new = stored_document(store, args.region, new_year, ("actual", old_year))
    elif len(args.reports) == 2:
        if args.years:
            raise UsageError("--years goes with --db and --region; OLD and NEW files carry their own years")
        old, new = (load_document(p, args.lang) for p in args.reports)
        check_pair(old, new, args.force)
    else:
        raise UsageError("give OLD and NEW, or --db PATH with --region R --years OLD NEW, or --db PATH --all")
    emit(render_diff(diff_documents(old, new, options), args.format), target)
    return 0
