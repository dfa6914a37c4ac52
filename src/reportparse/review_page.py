"""``reportparse show FILE -o report.html``: one self-contained page to review a report's claims.

The report text with every claim marked (``<mark class="claim kind-... status-...">``: the
colour tells the kind, the outline the status), its value, unit, qualifier, metric and period
shown on hover, and a sortable table of the claims beside the text. The page loads nothing
from the network: its style and script are inline, and its Content-Security-Policy forbids
any other source.
"""

from __future__ import annotations

import argparse
import html
import sys
from pathlib import Path
from typing import Any

from .lang import languages
from .model import Document
from .outputs import emit, file_output
from .read.limits import add_limit_arguments, limits_from_args
from .validate import validate_document

_COLUMNS = ("#", "claim", "kind", "value", "unit", "qualifier", "status", "period", "metric")

_STYLE = """
:root { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif; }
body { margin: 0; color: #1f2328; background: #fff; }
header { padding: 8px 16px; border-bottom: 1px solid #d0d7de; background: #f6f8fa; }
header h1 { font-size: 18px; margin: 0 0 4px; }
.legend mark { margin-right: 6px; }
main { display: grid; grid-template-columns: minmax(0, 5fr) minmax(0, 4fr); height: calc(100vh - 74px); }
#text { white-space: pre-wrap; line-height: 1.9; padding: 12px 16px; overflow: auto; font-size: 15px; }
#claims { overflow: auto; border-left: 1px solid #d0d7de; font-size: 12px; }
table { border-collapse: collapse; width: 100%; }
th { position: sticky; top: 0; background: #eaeef2; cursor: pointer; user-select: none; text-align: left; }
th, td { padding: 3px 6px; border-bottom: 1px solid #eaeef2; vertical-align: top; }
th[aria-sort="ascending"]::after { content: " \\25B2"; }
th[aria-sort="descending"]::after { content: " \\25BC"; }
tbody tr { cursor: pointer; }
tbody tr:hover { background: #fff8c5; }
mark.claim { position: relative; border-radius: 3px; padding: 0 1px; color: inherit; }
mark.kind-level { background: #fde68a; }
mark.kind-growth { background: #bbf7d0; }
mark.kind-ratio { background: #bfdbfe; }
mark.kind-ranking { background: #f5d0fe; }
mark.status-actual { outline: 2px solid #57606a; }
mark.status-target { outline: 2px dashed #cf222e; }
mark.claim:hover::after, mark.claim.focus::after {
  content: attr(data-tip); position: absolute; left: 0; top: 1.6em; z-index: 10; white-space: pre;
  background: #24292f; color: #fff; font-size: 12px; line-height: 1.5; padding: 6px 8px; border-radius: 4px;
}
mark.claim.focus { box-shadow: 0 0 0 4px #fb8500; }
"""

_SCRIPT = """
(function () {
  var marks = document.querySelectorAll('mark.claim');
  document.body.setAttribute('data-highlighted', String(marks.length));
  var table = document.querySelector('#claims table');
  var body = table.tBodies[0];
  table.querySelectorAll('th').forEach(function (th, col) {
    th.addEventListener('click', function () {
      var asc = th.getAttribute('aria-sort') !== 'ascending';
      table.querySelectorAll('th').forEach(function (h) { h.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = a.cells[col].getAttribute('data-sort'), y = b.cells[col].getAttribute('data-sort');
        var nx = parseFloat(x), ny = parseFloat(y), r;
        if (!isNaN(nx) && !isNaN(ny)) { r = nx - ny; } else { r = x.localeCompare(y, document.documentElement.lang); }
        return asc ? r : -r;
      });
      rows.forEach(function (row) { body.appendChild(row); });
    });
  });
  function focus(mark) {
    document.querySelectorAll('mark.focus').forEach(function (m) { m.classList.remove('focus'); });
    mark.classList.add('focus');
    mark.scrollIntoView({block: 'center'});
  }
  body.addEventListener('click', function (event) {
    var row = event.target.closest('tr');
    var mark = row && document.getElementById(row.getAttribute('data-target'));
    if (mark) { focus(mark); }
  });
  // report.html#claim-12 opens the page at claim 12 with its details shown
  var linked = location.hash && document.getElementById(location.hash.slice(1));
  if (linked && linked.classList.contains('claim')) { focus(linked); }
})();
"""


def add_show_command(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register ``reportparse show`` on the subcommands of the main parser."""
    p = sub.add_parser(
        "show",
        help="write an HTML page to review the claims of one report",
        description="Parse one report and write a self-contained HTML page (no network resources): "
        "the text with every claim highlighted (colour: kind; outline: solid actual, dashed target; "
        "details on hover) and a sortable table of the claims.",
    )
    p.add_argument("file", metavar="FILE", help="a report file (text, HTML, .docx or PDF)")
    p.add_argument("-o", "--output", metavar="HTML", required=True, help="the page to write; - : stdout")
    p.add_argument("--lang", choices=(*languages(), "auto"), default="auto",
                   help="language of the report (default auto: detected)")
    add_limit_arguments(p)
    p.set_defaults(func=_cmd_show)


def _cmd_show(args: argparse.Namespace) -> int:
    from .pipeline import parse_file

    target = file_output(args.output, example=f"{Path(args.file).stem}.html")
    doc = parse_file(args.file, lang=args.lang, limits=limits_from_args(args))
    emit(review_page(doc), target)
    print(f"{args.file} -> {target or 'stdout'} ({len(doc.claims)} claims)", file=sys.stderr)
    return 0


def review_page(doc: Document) -> str:
    """The review page of a parsed document, as one HTML string.

    ``doc.source`` (set by :func:`reportparse.parse_file`) gives the text the spans point into.
    """
    if doc.source is None:
        raise ValueError("review_page needs a document from parse_file (with its source text)")
    data = doc.to_dict()
    validate_document(data)
    meta = data["document"]
    claims = sorted(data["claims"], key=lambda c: (c["span"][0], c["span"][1]))
    title = meta.get("title") or Path(meta.get("path") or "report").name
    counts = {kind: sum(c["kind"] == kind for c in claims) for kind in ("level", "growth", "ratio", "ranking")}
    legend = " ".join(
        f'<mark class="kind-{kind}">{kind} {n}</mark>' for kind, n in counts.items()
    )
    return (
        f"<!DOCTYPE html>\n<html lang=\"{_e(meta['lang'])}\"><head><meta charset=\"utf-8\">"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        "style-src 'unsafe-inline'; script-src 'unsafe-inline'\">"
        f"<title>{_e(title)}: {len(claims)} claims</title><style>{_STYLE}</style></head><body>"
        f"<header><h1>{_e(title)}</h1><div class=\"legend\">{_e(meta.get('region') or '')} "
        f"{_e(meta.get('report_year') or '')} · {len(claims)} claims: {legend} "
        "<span>solid outline: actual · dashed: target · hover a claim for details · "
        "click a column to sort, a row to find the claim</span></div></header>"
        f"<main><div id=\"text\">{_marked_text(doc.source.text, claims)}</div>"
        f"<div id=\"claims\">{_table(claims)}</div></main>"
        f"<script>{_SCRIPT}</script></body></html>\n"
    )


def _e(value: Any) -> str:
    return html.escape(str(value), quote=True)


def _value(claim: dict[str, Any]) -> str:
    if claim["low"] is not None and claim["high"] is not None:
        return f"{claim['low']:,}–{claim['high']:,}"
    return "" if claim["value"] is None else f"{claim['value']:,}"


def _tip(claim: dict[str, Any]) -> str:
    metric = claim["metric"] or {}
    lines = [
        f"{claim['kind']} · {claim['status']} · {claim['period'] or 'period unknown'}",
        f"value: {_value(claim) or '—'} {claim['unit'] or ''} ({claim['unit_text'] or 'no unit written'})",
        f"qualifier: {claim['qualifier']}",
        f"metric: {metric.get('text') or '—'}" + (f" [{metric['id']}]" if metric.get("id") else ""),
    ]
    if claim["rank"]:
        rank = claim["rank"]
        lines.append(f"rank: {rank['position']} of {rank['of'] or '?'} ({rank['scope'] or ''})")
    return "\n".join(lines)


def _marked_text(text: str, claims: list[dict[str, Any]]) -> str:
    """The text, escaped, with a ``<mark>`` around every claim's span (spans do not overlap)."""
    parts: list[str] = []
    pos = 0
    for i, claim in enumerate(claims):
        start, end = claim["span"]
        start = max(start, pos)
        parts.append(_e(text[pos:start]))
        parts.append(
            f'<mark class="claim kind-{claim["kind"]} status-{claim["status"]}" id="claim-{i}" '
            f'data-tip="{_e(_tip(claim))}">{_e(text[start:end])}</mark>'
        )
        pos = max(pos, end)
    parts.append(_e(text[pos:]))
    return "".join(parts)


def _table(claims: list[dict[str, Any]]) -> str:
    head = "".join(f"<th>{_e(c)}</th>" for c in _COLUMNS)
    rows = []
    for i, claim in enumerate(claims):
        metric = claim["metric"] or {}
        sort_value = claim["value"] if claim["value"] is not None else ""
        cells = [
            (i, i + 1), (claim["text"], claim["text"]), (claim["kind"], claim["kind"]),
            (sort_value, _value(claim)), (claim["unit"] or "", claim["unit"] or ""),
            (claim["qualifier"], claim["qualifier"]), (claim["status"], claim["status"]),
            (claim["period"] or "", claim["period"] or ""), (metric.get("text") or "", metric.get("text") or ""),
        ]
        tds = "".join(f'<td data-sort="{_e(key)}">{_e(shown)}</td>' for key, shown in cells)
        rows.append(f'<tr data-target="claim-{i}">{tds}</tr>')
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"

