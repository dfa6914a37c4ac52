"""Year over year: was last year's target met, and what changed between two reports.

The OLD report (delivered in year N) sets targets for N; the NEW report reviews N. Targets and
actuals of year N are paired by indicator (metric id, else metric text) and kind, the first
statement of each in text order, and judged by the target's qualifier:

* ``at_least``: actual >= target; ``more_than``: actual > target;
* ``at_most``: actual <= target; ``less_than``: actual < target;
* ``approx``: |actual - target| <= tolerance (percentage points for rates, relative for levels);
* ``range``: low <= actual <= high;
* ``exact``: a bare target (增长7%) is a floor the actual must reach.

Figures whose clause marks them as spanning several years (年均增长10.6%, 比2002年增长65.5%;
patterns in ``data/indicators.json``) are neither a year's actual nor its target and are left out.

A target stated as a decline (下降2.5%以上, value -2.5) turns the comparisons round: a larger
decline meets it. A verdict is ``unclear`` when the units differ, a value is missing, the actual is
itself a range, or the indicator was replaced by another one (registered -> surveyed
unemployment, from ``data/indicators.json``). The two reports' targets (for N and for N+1) are
compared too: kept, changed, replaced, dropped or new.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

import regex

from .validate import package_text

Claim = dict[str, Any]
Key = tuple[str, str, str]


@dataclass(frozen=True)
class Tolerance:
    """How far an ``approx`` target may miss: percentage points for rates, a fraction for levels."""

    rate_points: float = 0.5
    level_relative: float = 0.02


@dataclass(frozen=True)
class _Indicators:
    successors: dict[str, str]
    rate_units: frozenset[str]
    multi_year: dict[str, regex.Pattern[str]]
    clause_end: dict[str, regex.Pattern[str]]


@cache
def _indicators() -> _Indicators:
    raw = json.loads(package_text("data/indicators.json"))
    successors = {k: v for k, v in raw["successors"].items() if k != "about"}
    langs = [k for k in raw["multi_year_cues"] if k != "about"]
    return _Indicators(
        successors, frozenset(raw["rate_units"]),
        {lang: regex.compile("|".join(raw["multi_year_cues"][lang])) for lang in langs},
        {lang: regex.compile(raw["clause_separators"][lang]) for lang in langs},
    )


def spans_years(claim: Claim, lang: str) -> bool:
    """Whether the clause a claim stands in marks it as spanning several years (年均增长10.6%,
    比2002年增长65.5%): such a figure is not the year's actual or target."""
    facts = _indicators()
    if lang not in facts.multi_year:
        return False
    sentence, text = claim.get("sentence") or "", claim["text"]
    at = sentence.find(text)
    if at < 0:
        return False
    ends = [m.span() for m in facts.clause_end[lang].finditer(sentence)]
    start = max((e for s, e in ends if e <= at), default=0)
    end = min((s for s, e in ends if s >= at + len(text)), default=len(sentence))
    return facts.multi_year[lang].search(sentence, start, end) is not None


def metric_key(claim: Claim) -> Key | None:
    """How a claim is paired across reports: ("id", metric id, kind) or ("text", metric text, kind)."""
    metric = claim.get("metric") or {}
    if metric.get("id"):
        return ("id", metric["id"], claim["kind"])
    if metric.get("text"):
        return ("text", metric["text"], claim["kind"])
    return None


def _first_by_key(claims: Iterable[Claim]) -> dict[Key, Claim]:
    out: dict[Key, Claim] = {}
    for claim in claims:
        key = metric_key(claim)
        if key is not None and key not in out:
            out[key] = claim
    return out


def _metric(claim: Claim) -> dict[str, Any]:
    metric = claim.get("metric") or {}
    return {"id": metric.get("id"), "text": metric.get("text")}


def _fmt(x: float) -> str:
    return f"{x:.12g}"


def judge(target: Claim, actual: Claim, tolerance: Tolerance = Tolerance()) -> tuple[str, float | None, str]:
    """The verdict (met, missed, unclear), the gap (actual minus target; for a range, the distance
    outside it, 0 inside) and the rule applied, in words."""
    if target["unit"] != actual["unit"]:
        return "unclear", None, f"units differ ({target['unit']} vs {actual['unit']})"
    a = actual["value"]
    if a is None or actual["qualifier"] == "range":
        return "unclear", None, "the actual is not a single number"
    qualifier = target["qualifier"]
    if qualifier == "range":
        low, high = target["low"], target["high"]
        gap = 0.0 if low <= a <= high else round(a - low if a < low else a - high, 10)
        return ("met" if gap == 0 else "missed"), gap, f"range: {_fmt(low)} <= {_fmt(a)} <= {_fmt(high)}"
    t = target["value"]
    if t is None:
        return "unclear", None, "the target has no value"
    gap = round(a - t, 10)
    if qualifier == "approx":
        is_rate = target["unit"] in _indicators().rate_units
        allowed = tolerance.rate_points if is_rate else abs(t) * tolerance.level_relative
        met = abs(gap) <= allowed + 1e-9
        return ("met" if met else "missed"), gap, f"approx: |{_fmt(a)} - {_fmt(t)}| {'<=' if met else '>'} {_fmt(allowed)}"
    sign = -1 if t < 0 else 1  # a decline target: a larger decline meets it
    a_s, t_s = a * sign, t * sign
    tests = {
        "at_least": (a_s >= t_s, ">="), "exact": (a_s >= t_s, ">="), "more_than": (a_s > t_s, ">"),
        "at_most": (a_s <= t_s, "<="), "less_than": (a_s < t_s, "<"),
    }
    met, op = tests[qualifier]
    where = " (a decline)" if sign < 0 else ""
    return ("met" if met else "missed"), gap, f"{qualifier}{where}: {_fmt(a_s)} {op} {_fmt(t_s)}" + ("" if met else " fails")


def _pair(old: dict[Key, Claim], new: dict[Key, Claim]) -> tuple[list[tuple[Key, Key]], list[Key], list[Key]]:
    """Keys paired across two sides (the same key, or an old id and its successor's id), then the
    keys left on each side."""
    successors = _indicators().successors
    pairs: list[tuple[Key, Key]] = []
    used: set[Key] = set()
    for key in old:
        if key in new:
            pairs.append((key, key))
            used.add(key)
    for key in old:
        if key in used:
            continue
        successor = (key[0], successors.get(key[1], ""), key[2])
        if key[0] == "id" and successor in new and successor not in used and successor not in old:
            pairs.append((key, successor))
            used.add(key)
            used.add(successor)
    return pairs, [k for k in old if k not in used], [k for k in new if k not in used]


def _meta(data: dict[str, Any]) -> dict[str, Any]:
    doc = data["document"]
    return {k: doc.get(k) for k in ("path", "sha256", "title", "region", "level", "report_year")}


def _claims(data: dict[str, Any], status: str, period: int | None) -> list[Claim]:
    """The claims of one status about one year, without figures that span several years."""
    lang = data["document"].get("lang") or "zh"
    return [c for c in data["claims"] if c["status"] == status and period is not None and c["period"] == period
            and not spans_years(c, lang)]


def diff_documents(old: dict[str, Any], new: dict[str, Any], tolerance: Tolerance = Tolerance()) -> dict[str, Any]:
    """Compare two parsed documents (``{"document", "claims"}``): OLD's targets for its report year
    against NEW's actuals for that year, and OLD's targets against NEW's own targets."""
    old_year = old["document"]["report_year"]
    new_year = new["document"]["report_year"]
    year = old_year if old_year is not None else (new_year - 1 if new_year is not None else None)
    targets = _first_by_key(_claims(old, "target", year))
    actuals = _first_by_key(_claims(new, "actual", year))
    matched, lone_targets, lone_actuals = _pair(targets, actuals)
    pairs = []
    for t_key, a_key in matched:
        target, actual = targets[t_key], actuals[a_key]
        if t_key == a_key:
            verdict, gap, rule = judge(target, actual, tolerance)
        else:
            verdict, gap, rule = "unclear", None, f"indicator replaced: {t_key[1]} -> {a_key[1]}"
        pairs.append({"metric": _metric(target), "kind": target["kind"], "target": target, "actual": actual,
                      "verdict": verdict, "gap": gap, "rule": rule})
    new_targets = _first_by_key(_claims(new, "target", new_year))
    kept, dropped, added = _pair(targets, new_targets)
    changes = []
    for o_key, n_key in kept:
        before, after = targets[o_key], new_targets[n_key]
        same = (before["value"], before["low"], before["high"], before["qualifier"], before["unit"]) == \
            (after["value"], after["low"], after["high"], after["qualifier"], after["unit"])
        change = "replaced" if o_key != n_key else ("kept" if same else "changed")
        delta = after["value"] - before["value"] if change == "changed" and before["unit"] == after["unit"] \
            and None not in (before["value"], after["value"]) else None
        changes.append({"metric": _metric(before), "kind": before["kind"], "old": before, "new": after,
                        "change": change, "delta": delta})
    return {
        "old": _meta(old), "new": _meta(new), "year": year, "pairs": pairs,
        "unmatched_targets": [{"metric": _metric(targets[k]), "kind": k[2], "target": targets[k],
                               "verdict": "unclear", "rule": "no actual reported"} for k in lone_targets],
        "unmatched_actuals": [{"metric": _metric(actuals[k]), "kind": k[2], "actual": actuals[k]}
                              for k in lone_actuals if k[0] == "id"],
        "target_changes": changes,
        "dropped_targets": [{"metric": _metric(targets[k]), "kind": k[2], "target": targets[k]} for k in dropped],
        "new_targets": [{"metric": _metric(new_targets[k]), "kind": k[2], "target": new_targets[k]} for k in added],
    }
