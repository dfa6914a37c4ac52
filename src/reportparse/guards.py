"""Guard rails of the command line: values that cannot be meant, and diffs that compare the wrong
reports, refused with one line that says what is wrong (exit 64) before anything is done."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any

from .errors import UsageError
from .regions import canonical_region


def positive_int(raw: str) -> int:
    """An argparse type: a whole number of at least 1 (``--jobs``)."""
    try:
        value = int(raw)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{raw!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value} is less than 1")
    return value


def _number(raw: str) -> float:
    try:
        value = float(raw)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{raw!r} is not a number") from None
    if value != value or value in (float("inf"), float("-inf")):
        raise argparse.ArgumentTypeError(f"{raw!r} is not a finite number")
    return value


def non_negative_float(raw: str) -> float:
    """An argparse type: a number of at least 0 (tolerances)."""
    value = _number(raw)
    if value < 0:
        raise argparse.ArgumentTypeError(f"{raw} is negative (give 0 or more)")
    return value


def positive_float(raw: str) -> float:
    """An argparse type: a number above 0 (size limits)."""
    value = _number(raw)
    if value <= 0:
        raise argparse.ArgumentTypeError(f"{raw} is not above 0")
    return value


def fraction(raw: str) -> float:
    """An argparse type: a number from 0 to 1 (a confidence)."""
    value = _number(raw)
    if not 0 <= value <= 1:
        raise argparse.ArgumentTypeError(f"{raw} is not between 0 and 1")
    return value


def check_years(years: Sequence[int]) -> None:
    """``--years OLD NEW``: OLD must come before NEW."""
    old, new = years
    if new == old:
        raise UsageError(f"--years {old} {new}: two reports of one year; OLD must be earlier "
                         f"(e.g. --years {old} {old + 1})")
    if new < old:
        raise UsageError(f"--years {old} {new}: OLD must be earlier than NEW (did you mean --years {new} {old}?)")


def check_store_diff(reports: Sequence[str], db: str | None, region: str | None, years: Sequence[int] | None,
                     every: bool) -> None:
    """The arguments of a diff from the store (``--db`` with ``--region R --years OLD NEW`` or ``--all``)."""
    if reports:
        raise UsageError(f"{'--all' if every else '--region'} reads the store: give no report files "
                         f"(got {' '.join(reports)})")
    if every and region:
        raise UsageError("give --all or --region, not both")
    if not db:
        raise UsageError("--all and --region read the store: give --db PATH")
    if region and not years:
        raise UsageError("--region needs --years OLD NEW")
    if years:
        check_years(years)


def check_pair(old: dict[str, Any], new: dict[str, Any], force: bool) -> None:
    """Refuse (unless ``force``) a diff of two governments' reports or of reports in the wrong
    year order; warn when the years are not consecutive."""
    o, n = old["document"], new["document"]
    problems = []
    if o.get("region") and n.get("region") and canonical_region(o["region"]) != canonical_region(n["region"]):
        problems.append(f"OLD is a report of {o['region']}, NEW of {n['region']}")
    oy, ny = o.get("report_year"), n.get("report_year")
    if oy is not None and ny is not None and ny <= oy:
        problems.append(f"OLD is the {oy} report and NEW the {ny} one (NEW must be later)")
    if problems and not force:
        raise UsageError("; ".join(problems) + ": diff compares one government's reports of consecutive years "
                         "(--force to diff anyway)")
    if oy is not None and ny is not None and ny - oy > 1:
        print(f"reportparse: warning: OLD is the {oy} report and NEW the {ny} one: NEW reviews {ny - 1}, "
              f"not the year OLD's targets are for ({oy})", file=sys.stderr)
