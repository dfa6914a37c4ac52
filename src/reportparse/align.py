"""Line up the claims of a Chinese report and of its English version.

Claims pair by metric id, kind and status; their values are compared after converting units
that a translation changes (1.3万亿斤 = 650 million metric tons: jin and tons are both masses;
亿元 and billion yuan, 万人 and million people, 个百分点 and percentage points are already the
same normalised value and unit). A pair with equal values is a match; a pair of the same
metric with different values is a mismatch (a possible translation error); the rest are
claims found on one side only. Claims without a metric id pair only when kind, status and
value all agree.
"""

from __future__ import annotations

import argparse
import json
import math
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .conversions import comparable
from .errors import UsageError
from .outputs import emit, file_output

_REL_TOL = 1e-4  # a translation writes the same number; only float noise is forgiven


@dataclass(frozen=True)
class Alignment:
    """The result of :func:`align_claims`."""

    pairs: list[dict[str, Any]]
    zh_only: list[dict[str, Any]]
    en_only: list[dict[str, Any]]

    def summary(self) -> dict[str, Any]:
        """Counts of the pair: claims on each side, matches, value mismatches, pairs whose kinds
        differ (a level and a change of one amount), claims found on one side only, and the share
        of Chinese claims with a matching English claim."""
        zh_claims = len(self.pairs) + len(self.zh_only)
        matches = sum(bool(p["match"]) for p in self.pairs)
        kinds = sum(p.get("differs") == "kind" for p in self.pairs)
        return {"zh_claims": zh_claims, "en_claims": len(self.pairs) + len(self.en_only), "matches": matches,
                "mismatches": len(self.pairs) - matches - kinds, "kind_differs": kinds,
                "zh_only": len(self.zh_only), "en_only": len(self.en_only),
                "zh_matched_share": round(matches / zh_claims, 3) if zh_claims else None}

    def mismatches(self) -> list[dict[str, Any]]:
        """The pairs of the same metric whose values differ (value mismatches), each with its two sentences."""
        return [{"metric": _metric(p["zh"]), "zh": p["zh"]["text"], "en": p["en"]["text"],
                 "zh_sentence": p["zh"].get("sentence"), "en_sentence": p["en"].get("sentence")}
                for p in self.pairs if p.get("differs") == "value"]

    def to_dict(self) -> dict[str, Any]:
        """``{"summary", "pairs": [{"zh", "en", "match"}], "mismatches", "zh_only": [...], "en_only": [...]}``."""
        return {"summary": self.summary(), "pairs": self.pairs, "mismatches": self.mismatches(),
                "zh_only": self.zh_only, "en_only": self.en_only}


def same_value(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """True when two claims state the same number in the same (converted) unit, range bounds included."""
    (ua, va), (ub, vb) = comparable(a), comparable(b)
    if ua != ub or va is None or vb is None:
        return False
    if not math.isclose(va, vb, rel_tol=_REL_TOL, abs_tol=1e-9):
        return False
    if (a.get("high") is None) != (b.get("high") is None):
        return False
    if a.get("high") is not None:
        ha, hb = comparable({**a, "value": a["high"]})[1], comparable({**b, "value": b["high"]})[1]
        return ha is not None and hb is not None and math.isclose(ha, hb, rel_tol=_REL_TOL, abs_tol=1e-9)
    return True


def _id(claim: dict[str, Any]) -> str | None:
    return (claim.get("metric") or {}).get("id")


def _key(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Same metric id, kind and status."""
    return (_id(a), a.get("kind"), a.get("status")) == (_id(b), b.get("kind"), b.get("status"))


def _key_without_id(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Same kind and status, and one side has no metric id (its parser did not name the indicator)."""
    return (_id(a) is None or _id(b) is None) and (a.get("kind"), a.get("status")) == (b.get("kind"), b.get("status"))


def _same_metric_and_value(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Same named metric, kind, status and value (two claims without an id wait for the next pass,
    where every claim without an id competes by its place)."""
    return _id(a) is not None and _key(a, b) and same_value(a, b)


def _same_value_one_without_id(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return _key_without_id(a, b) and same_value(a, b)


def _same_value_other_kind(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """The same amount told as new items on one side and as a change on the other (可再生能源新增装机
    3.7亿千瓦, a level; renewable energy capacity grew by 370 million kilowatts, a growth)."""
    ids_agree = _id(a) is None or _id(b) is None or _id(a) == _id(b)
    return (ids_agree and a.get("status") == b.get("status") and a.get("kind") != b.get("kind")
            and {a.get("kind"), b.get("kind")} <= {"level", "growth"} and same_value(a, b))


def _same_named_metric(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return _id(a) is not None and _key(a, b)


# The passes of align_claims in order: what pairs two claims, and what differs in the pair
# (None: a match; "kind": the same number told as a level on one side, a change on the other;
# "value": the same metric with another value).
_PASSES: tuple[tuple[Callable[[dict[str, Any], dict[str, Any]], bool], str | None], ...] = (
    (_same_metric_and_value, None), (_same_value_one_without_id, None), (_same_value_other_kind, "kind"),
    (_same_named_metric, "value"))


def _positions(claims: list[dict[str, Any]]) -> list[float]:
    """Where each claim stands in its document, from 0 (the first claim's start) to 1 (the last's)."""
    starts = [float((c.get("span") or [0])[0]) for c in claims]
    low, high = (min(starts), max(starts)) if starts else (0.0, 0.0)
    return [(s - low) / (high - low) if high > low else 0.0 for s in starts]


def _nearest_first(zh: list[dict[str, Any]], en: list[dict[str, Any]], free: tuple[list[int], list[int]],
                   accept: Callable[[dict[str, Any], dict[str, Any]], bool], at: tuple[list[float], list[float]]
                   ) -> list[tuple[int, int]]:
    """The unpaired (zh, en) index pairs that ``accept`` takes, nearest relative places first."""
    found = sorted((abs(at[1][j] - at[0][i]), i, j) for i in free[0] for j in free[1] if accept(zh[i], en[j]))
    return [(i, j) for _, i, j in found]


def align_claims(zh: list[dict[str, Any]], en: list[dict[str, Any]]) -> Alignment:
    """Pair the claims of a Chinese report with those of its English version.

    First every claim is paired with an unpaired claim of the other side that has the same
    metric id, kind, status and value (a match); then with one of the same kind, status and
    value where one side has no metric id (a match: one parser did not name the indicator);
    then claims with a metric id left over pair with one of the same metric id, kind and
    status (a mismatch). Claims without a metric id only ever match, or pair as the same amount
    told as a level on one side and a change on the other (``differs: "kind"``). Within a pass,
    the pairs it accepts are taken nearest first (by the distance of their relative places in
    the two documents): a translation keeps the order of the report, so the second 'over 30
    million' pairs with the second 3000万, and a Chinese 两次 whose sentence the English leaves
    out does not take the 'two' of a later sentence from its own 两批.
    """
    zh_at, en_at = _positions(zh), _positions(en)
    used_en: set[int] = set()
    pair_of: dict[int, tuple[int, str | None]] = {}
    for accept, differs in _PASSES:
        free_zh = [i for i in range(len(zh)) if i not in pair_of]
        free_en = [j for j in range(len(en)) if j not in used_en]
        for i, j in _nearest_first(zh, en, (free_zh, free_en), accept, (zh_at, en_at)):
            if i not in pair_of and j not in used_en:
                pair_of[i] = (j, differs)
                used_en.add(j)
    pairs = [{"zh": zh[i], "en": en[j], "match": differs is None, **({"differs": differs} if differs else {})}
             for i, (j, differs) in sorted(pair_of.items())]
    return Alignment(pairs, [z for i, z in enumerate(zh) if i not in pair_of],
                     [e for j, e in enumerate(en) if j not in used_en])


def _cell(claim: dict[str, Any] | None) -> str:
    if claim is None:
        return ""
    return str(claim["text"]).replace("|", "\\|").replace("\n", " ")


def _metric(claim: dict[str, Any]) -> str:
    m = claim.get("metric") or {}
    return str(m.get("id") or m.get("text") or "").replace("|", "\\|")


_RESULT = {None: "match", "kind": "kind differs", "value": "**mismatch**"}


def render_markdown(alignment: Alignment) -> str:
    """A side-by-side table: one row per pair, then the claims found on one side only."""
    rows = ["| metric | kind | status | zh | en | result |", "| --- | --- | --- | --- | --- | --- |"]
    for p in alignment.pairs:
        z = p["zh"]
        rows.append(f"| {_metric(z)} | {z['kind']} | {z['status']} | {_cell(z)} | {_cell(p['en'])} | "
                    f"{_RESULT[p.get('differs')]} |")
    for z in alignment.zh_only:
        rows.append(f"| {_metric(z)} | {z['kind']} | {z['status']} | {_cell(z)} |  | zh only |")
    for e in alignment.en_only:
        rows.append(f"| {_metric(e)} | {e['kind']} | {e['status']} |  | {_cell(e)} | en only |")
    s = alignment.summary()
    share = "n/a" if s["zh_matched_share"] is None else f"{s['zh_matched_share']:.1%}"
    summary = (f"{s['matches']} match(es), {s['mismatches']} mismatch(es), {s['kind_differs']} kind(s) differ, "
               f"{s['zh_only']} zh only, "
               f"{s['en_only']} en only; {share} of the {s['zh_claims']} Chinese claims have a matching English claim")
    sentences = [f"- **{x['metric']}**: {x['zh']} / {x['en']}\n  - zh: {x['zh_sentence']}\n  - en: {x['en_sentence']}"
                 for x in alignment.mismatches()]
    tail = "\n\nValue mismatches:\n\n" + "\n".join(sentences) if sentences else ""
    return "\n".join(rows) + tail + f"\n\n{summary}\n"


def align_files(zh_path: str | Path, en_path: str | Path) -> Alignment:
    """Parse a Chinese report and its English version and align their claims.

    Raises :class:`UsageError` when the first file is not Chinese or the second not English
    (as :func:`reportparse.langdetect.detect_language` tells from their text).
    """
    from .pipeline import parse_file

    zh, en = parse_file(zh_path, "auto").to_dict(), parse_file(en_path, "auto").to_dict()
    langs = (zh["document"]["lang"], en["document"]["lang"])
    if langs == ("en", "zh"):
        raise UsageError(f"{zh_path} is English and {en_path} Chinese: give the Chinese report first "
                         "(reportparse align ZH EN)")
    for path, lang, wanted in ((zh_path, langs[0], "zh"), (en_path, langs[1], "en")):
        if lang != wanted:
            raise UsageError(f"{path}: reads as {_LANG_NAMES[lang]}, but align wants {_LANG_NAMES[wanted]} "
                             f"{'first' if wanted == 'zh' else 'second'} (reportparse align ZH EN)")
    return align_claims(zh["claims"], en["claims"])


_LANG_NAMES = {"zh": "Chinese", "en": "English"}


def _cmd_align(args: argparse.Namespace) -> int:
    target = file_output(args.output, example=f"align.{args.format}")
    alignment = align_files(args.zh, args.en)
    if args.format == "md":
        emit(render_markdown(alignment), target)
    else:
        emit(json.dumps(alignment.to_dict(), ensure_ascii=False, indent=1) + "\n", target)
    return 0


def add_align_command(sub: Any) -> None:
    """Register ``reportparse align ZH EN [--format json|md]`` on the CLI's subparsers."""
    p = sub.add_parser(
        "align",
        help="pair the claims of a Chinese report and its English version",
        description="Parse a Chinese report and its English version and pair their claims by metric id, "
        "kind, status and value (units converted where a translation changes them: 斤 -> metric tons). "
        "Lists matches, mismatches (same metric, different value) and claims found on one side only.",
    )
    p.add_argument("zh", metavar="ZH", help="the Chinese report (any input format)")
    p.add_argument("en", metavar="EN", help="its English version (any input format)")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE (default, or -: stdout)")
    p.add_argument("--format", choices=("json", "md"), default="json",
                   help='json: {"summary", "pairs": [{"zh", "en", "match"}], "mismatches", "zh_only", "en_only"} '
                   '(default); md: a side-by-side table')
    p.set_defaults(func=_cmd_align)
