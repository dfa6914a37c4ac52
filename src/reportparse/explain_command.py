"""``reportparse explain FILE``: every candidate number of a report and what the parser decided.

For each number expression: which rule found it, which filter dropped it and why, or the claim it
became (kind, status, period, metric): the tool to debug an accuracy problem rule by rule.
"""

from __future__ import annotations

import argparse
import json
import sys

from .lang import languages
from .read.limits import add_limit_arguments, limits_from_args


def add_explain_command(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register ``reportparse explain`` on the subcommands of the main parser."""
    p = sub.add_parser(
        "explain",
        help="show, for every number of one report, the rule that found it and why it is or is not a claim",
        description="Parse one report and print the parser's decisions about each number expression, in "
        "text order: the rule that found it, the filter that dropped it and why, or the claim it became.",
    )
    p.add_argument("file", metavar="FILE", help="a report file (text, HTML, .docx or PDF)")
    p.add_argument("--format", choices=("tsv", "jsonl"), default="tsv",
                   help="tsv: start, end, text, stage, rule, outcome, reason (default); jsonl: one decision a line")
    p.add_argument("--lang", choices=(*languages(), "auto"), default="auto",
                   help="language of the report (default auto: detected)")
    add_limit_arguments(p)
    p.set_defaults(func=_cmd_explain)


def _cmd_explain(args: argparse.Namespace) -> int:
    from .pipeline import explain_text, read_text

    text, _sha = read_text(args.file, limits_from_args(args))
    for d in explain_text(text, args.lang):
        if args.format == "jsonl":
            sys.stdout.write(json.dumps(d, ensure_ascii=False) + "\n")
        else:
            cells = [*map(str, d["span"]), d["text"], d["stage"], d["rule"], d["outcome"], d["reason"]]
            sys.stdout.write("\t".join(" ".join(c.split()) for c in cells) + "\n")
    return 0
