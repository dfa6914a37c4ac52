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

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .indicators import clause, indicators, wording
from .pairing import MIN_CONFIDENCE, confidence, match_by_words
from .verdicts import Tolerance, judge

Claim = dict[str, Any]
Key = tuple[str, str, str, str]
"""How a claim is paired: (how, indicator id or metric text, kind, unit)."""


def spans_years(claim: Claim, lang: str) -> bool:
    """Whether the clause a claim stands in marks it as spanning several years (年均增长10.6%,
    比2002年增长65.5%): such a figure is not the year's actual or target."""
    found = clause(claim, lang)
    return found is not None and wording(lang).multi_year.search(found[0]) is not None


def metric_key(claim: Claim) -> Key | None:
    """How a claim is paired across reports: ("id", metric id, kind, unit) or ("text", metric text,
    kind, unit). The unit is part of it: a growth in percent and a doubling (times) or a rise in
    points of one indicator are different figures, never a target and its actual."""
    metric = claim.get("metric") or {}
    unit = str(claim.get("unit"))
    if metric.get("id"):
        return ("id", metric["id"], claim["kind"], unit)
    if metric.get("text"):
        return ("text", metric["text"], claim["kind"], unit)
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


@dataclass(frozen=True)
class DiffOptions:
    """How targets are judged and paired: the tolerance of point targets, the textbook rule
    (``strict``), and the least confidence a pair by the words of the metric needs."""

    tolerance: Tolerance = Tolerance()
    strict: bool = False
    min_confidence: float = MIN_CONFIDENCE


def _pair(old: dict[Key, Claim], new: dict[Key, Claim]) -> tuple[list[tuple[Key, Key]], list[Key], list[Key]]:
    """Keys paired across two sides (the same key, or an old id and its successor's id), then the
    keys left on each side."""
    successors = indicators().successors
    pairs: list[tuple[Key, Key]] = []
    used: set[Key] = set()
    for key in old:
        if key in new:
            pairs.append((key, key))
            used.add(key)
    for key in old:
        if key in used:
            continue
        successor = (key[0], successors.get(key[1], ""), key[2], key[3])
        if key[0] == "id" and successor in new and successor not in used and successor not in old:
            pairs.append((key, successor))
            used.add(key)
            used.add(successor)
    return pairs, [k for k in old if k not in used], [k for k in new if k not in used]


def _meta(data: dict[str, Any]) -> dict[str, Any]:
    doc = data["document"]
    return {k: doc.get(k) for k in ("path", "sha256", "title", "region", "level", "report_year")}


def _lang(data: dict[str, Any]) -> str:
    return str(data["document"]["lang"])


def _claims(data: dict[str, Any] | None, status: str, period: int | None) -> list[Claim]:
    """The claims of one status about one year, without figures that span several years."""
    if data is None or period is None:
        return []
    lang = _lang(data)
    return [c for c in data["claims"] if c["status"] == status and c["period"] == period
            and not spans_years(c, lang)]


def year_targets(data: dict[str, Any] | None, year: int | None) -> dict[Key, Claim]:
    """The targets a report sets for ``year``, the first statement of each indicator and kind."""
    return _first_by_key(_claims(data, "target", year))


def _pairs_found(targets: dict[Key, Claim], actuals: dict[Key, Claim], lang: str,
                 options: DiffOptions) -> tuple[list[tuple[Key, Key, str, float]], list[Key], list[Key]]:
    """Pairs by indicator id or metric text (kept when confident enough), then by the words of the
    metric; with the targets and actuals left alone."""
    matched, lone_targets, lone_actuals = _pair(targets, actuals)
    found = []
    for t_key, a_key in matched:
        score = 1.0 if t_key[0] == "id" else confidence(targets[t_key], actuals[a_key], lang)
        if score >= options.min_confidence:
            found.append((t_key, a_key, "successor" if t_key != a_key else t_key[0], score))
        else:  # one metric text, but too generic (项目, 企业) or too far apart to be one thing
            lone_targets.append(t_key)
            lone_actuals.append(a_key)
    for t_key, a_key, score in match_by_words(
            [(k, targets[k]) for k in lone_targets], [(k, actuals[k]) for k in lone_actuals],
            lang, options.min_confidence):
        found.append((t_key, a_key, "words", score))
        lone_targets.remove(t_key)
        lone_actuals.remove(a_key)
    return found, lone_targets, lone_actuals


def _judged(target: Claim, actual: Claim, t_key: Key, a_key: Key, how: str, lang: str,
            options: DiffOptions) -> dict[str, Any]:
    """The verdict fields of one pair (a replaced indicator is not comparable)."""
    if how == "successor":
        return {"verdict": "unclear", "gap": None, "gap_written": None, "gap_unit": None,
                "direction": None, "rule": f"indicator replaced: {t_key[1]} -> {a_key[1]}"}
    return vars(judge(target, actual, options.tolerance, options.strict, lang=lang))


def judge_year(target_doc: dict[str, Any] | None, actual_doc: dict[str, Any] | None, year: int | None,
               options: DiffOptions = DiffOptions()) -> dict[str, Any]:
    """The targets ``target_doc`` sets for ``year`` against the actuals ``actual_doc`` states for
    it, paired by indicator id, metric text and kind, then by the words of the metric: the one
    rule that ``diff`` and the panel both follow. Either document may be None (no report)."""
    targets = year_targets(target_doc, year)
    actuals = _first_by_key(_claims(actual_doc, "actual", year))
    either = target_doc if target_doc is not None else actual_doc
    if either is None:
        return {"year": year, "pairs": [], "unmatched_targets": [], "unmatched_actuals": []}
    lang = _lang(either)
    found, lone_targets, lone_actuals = _pairs_found(targets, actuals, lang, options)
    pairs = [{"metric": _metric(targets[t]), "kind": targets[t]["kind"], "target": targets[t], "actual": actuals[a],
              "match": how, "confidence": round(score, 3),
              **_judged(targets[t], actuals[a], t, a, how, lang, options)} for t, a, how, score in found]
    no_report = actual_doc is None
    return {
        "year": year, "pairs": pairs,
        "unmatched_targets": [
            {"metric": _metric(targets[k]), "kind": k[2], "target": targets[k],
             "verdict": None if no_report else "not_reported",
             "rule": "no report of the next year" if no_report else "no actual reported"}
            for k in lone_targets],
        "unmatched_actuals": [{"metric": _metric(actuals[k]), "kind": k[2], "actual": actuals[k]}
                              for k in lone_actuals if k[0] == "id"],
    }


def diff_documents(old: dict[str, Any], new: dict[str, Any], options: DiffOptions = DiffOptions()) -> dict[str, Any]:
    """Compare two parsed documents (``{"document", "claims"}``): OLD's targets for its report year
    against NEW's actuals for that year (:func:`judge_year`), and OLD's targets against NEW's own
    targets."""
    old_year = old["document"]["report_year"]
    new_year = new["document"]["report_year"]
    year = old_year if old_year is not None else (new_year - 1 if new_year is not None else None)
    judged = judge_year(old, new, year, options)
    targets = year_targets(old, year)
    new_targets = year_targets(new, new_year)
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
        "old": _meta(old), "new": _meta(new), **judged,
        "target_changes": changes,
        "dropped_targets": [{"metric": _metric(targets[k]), "kind": k[2], "target": targets[k]} for k in dropped],
        "new_targets": [{"metric": _metric(new_targets[k]), "kind": k[2], "target": new_targets[k]} for k in added],
    }
