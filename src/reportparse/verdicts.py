"""Was a target met? Verdicts an economist can cite.

A target is read as a **floor** (增长5%以上, a bare 增长7%), a **ceiling** (控制在3%左右, 5%以内, CPI,
unemployment, the deficit ratio) or a **point** (5%左右, a range 5%—5.5%), and the good direction is
that of the indicator (``data/indicators.json``: higher is better unless the indicator is a
``lower`` one such as energy intensity or PM2.5, or the target itself is a decline, 下降2.5%以上).

* ``met``: within the tolerance of a point target, or on the right side of a floor or ceiling;
* ``exceeded``: beyond a floor or point target in the good direction by more than the tolerance
  (a ceiling kept is met, never exceeded: inflation under its cap is not an achievement beyond it);
* ``missed``: short of it, on the wrong side (beyond the tolerance for a point or an approximate cap);
* ``unclear``: the two figures cannot be compared (units of different families, no single number).

``strict`` applies the plain textbook rule of the written qualifier instead: a floor or ceiling
compared exactly, a point within the tolerance, a range inclusive; only met or missed.

The gap is signed in the good direction (positive: better than the target), in the normalised
unit and in the unit the target is written in (亿元, 个百分点).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import regex

from .conversions import comparable, family, in_unit
from .indicators import clause, indicators, wording

Claim = dict[str, Any]
VERDICTS = ("met", "exceeded", "missed", "not_reported", "unclear")
_NUMBER = regex.compile(r"\d[\d,]*(?:\.\d+)?")


@dataclass(frozen=True)
class Tolerance:
    """How far a point (左右) target may miss: percentage points for rates, a fraction for levels."""

    rate_points: float = 0.5
    level_relative: float = 0.02


@dataclass(frozen=True)
class Verdict:
    """A judgement of one target against one actual."""

    verdict: str
    gap: float | None
    gap_written: float | None
    gap_unit: str | None
    direction: str
    rule: str


def _fmt(x: float) -> str:
    return f"{x:.12g}"


def target_shape(target: Claim, lang: str) -> tuple[str, int]:
    """How a target binds (``floor``, ``ceiling``, ``point`` or ``range``) and its good direction
    (+1 higher is better, -1 lower is better), from its qualifier, its wording and its indicator."""
    facts = indicators()
    qualifier, value = target["qualifier"], target.get("value")
    way = facts.direction_of((target.get("metric") or {}).get("id"))
    good = -1 if way in ("lower", "ceiling") or (value is not None and value < 0) else 1
    if qualifier in ("at_most", "less_than"):
        return "ceiling", -1
    if qualifier in ("at_least", "more_than"):
        return "floor", good
    found = clause(target, lang)
    before = found[0][: found[1]] if found else ""
    words = wording(lang)
    if any(w in before for w in words.ceiling):
        return "ceiling", -1
    if any(w in before for w in words.floor):
        return "floor", good
    if way == "ceiling":
        return "ceiling", -1
    if qualifier == "range":
        return "range", good
    return ("point" if qualifier == "approx" else "floor"), good


def _written_scale(target: Claim) -> float | None:
    """Normalised units per written unit of the target (亿元: 1e8), from the number it shows."""
    found = _NUMBER.search(target["text"])
    value = target.get("value") if target.get("value") is not None else target.get("low")
    if not found or value is None:
        return None
    written = float(found.group().replace(",", ""))
    return abs(value / written) if written and value else None


def _gap_written(target: Claim, gap: float | None, lang: str) -> tuple[float | None, str | None]:
    if gap is None:
        return None, None
    unit = wording(lang).gap_units.get(target["unit"])
    if unit:
        return gap, unit
    scale = _written_scale(target)
    return (round(in_unit(target["unit"], gap) / scale, 10), target.get("unit_text")) if scale else (None, None)


def allowance(target: Claim, t: float, tolerance: Tolerance) -> float:
    """How far a point target ``t`` (in the target's unit) may miss: points for a rate, else a fraction of it."""
    if target["unit"] in indicators().rate_units:
        return tolerance.rate_points
    return abs(t) * tolerance.level_relative


def _strict(shape: str, good: int, a: float, t: float, low: float, high: float,
            qualifier: str, allowed: float) -> tuple[bool, str]:
    """The textbook rule: (met, the comparison in words)."""
    if qualifier == "range":
        return low <= a <= high, f"{_fmt(low)} <= {_fmt(a)} <= {_fmt(high)}"
    if qualifier == "approx" and shape != "ceiling":
        return abs(a - t) <= allowed + 1e-9, f"|{_fmt(a)} - {_fmt(t)}| <= {_fmt(allowed)}"
    strictly = qualifier in ("more_than", "less_than")
    a_s, t_s = a * good, t * good
    op = ">" if strictly else ">="
    return (a_s > t_s if strictly else a_s >= t_s), f"{_fmt(a_s)} {op} {_fmt(t_s)}"


@dataclass(frozen=True)
class _Values:
    """The actual, the target and its bounds in one base unit (a point target has low == high == t)."""

    a: float
    t: float
    low: float
    high: float


def _values(target: Claim, actual: Claim) -> _Values | str:
    """The figures to compare, or why they cannot be compared."""
    if family(target["unit"]) != family(actual["unit"]):
        return f"units differ ({target['unit']} vs {actual['unit']})"
    if actual.get("value") is None or actual["qualifier"] == "range":
        return "the actual is not a single number"
    bounds = [target.get(k) for k in ("value", "low", "high")]
    if (target["qualifier"] == "range" and None in bounds[1:]) or bounds[0] is None:
        return "the target has no value"
    a, t = comparable(actual)[1], comparable(target)[1]
    low = comparable({**target, "value": target["low"]})[1] if target.get("low") is not None else t
    high = comparable({**target, "value": target["high"]})[1] if target.get("high") is not None else t
    if a is None or t is None or low is None or high is None:
        return "the target has no value"
    return _Values(a, t, low, high)


def _signed_gap(v: _Values, qualifier: str, good: int) -> float:
    """The gap, positive on the good side: past the good end of a range, short of the bad end."""
    if qualifier != "range":
        return round((v.a - v.t) * good, 10)
    good_end, bad_end = (v.high, v.low) if good > 0 else (v.low, v.high)
    beyond, short = (v.a - good_end) * good, (v.a - bad_end) * good
    return round(beyond if beyond > 0 else min(short, 0.0), 10)


def _ceiling(v: _Values, qualifier: str, slack: float) -> tuple[str, str]:
    """A cap: kept (met, never exceeded) or broken."""
    ceiling = v.high if qualifier == "range" else v.t
    over = round(v.a - ceiling, 10)
    met = over < 0 if qualifier == "less_than" else over <= slack + 1e-9
    tolerated = f" (+{_fmt(slack)})" if slack else ""
    return "met" if met else "missed", f"ceiling {_fmt(ceiling)}{tolerated}: actual {_fmt(v.a)}"


def _floor_or_point(v: _Values, shape: str, good: int, gap: float, allowed: float, slack: float,
                    strictly: bool, qualifier: str) -> tuple[str, str]:
    """A floor, a point or a range: missed short of it, exceeded beyond the tolerance, else met."""
    if (strictly and gap <= 0) or gap < -slack - 1e-9:
        verdict = "missed"
    elif gap > allowed + 1e-9:
        verdict = "exceeded"
    else:
        verdict = "met"
    what = {"floor": "floor", "point": "about", "range": "range"}[shape]
    side = "higher" if good > 0 else "lower"
    shown = f"{_fmt(v.low)}..{_fmt(v.high)}" if qualifier == "range" else _fmt(v.t)
    return verdict, f"{what} {shown}, {side} is better, tolerance {_fmt(allowed)}: actual {_fmt(v.a)}"


def judge(target: Claim, actual: Claim, tolerance: Tolerance = Tolerance(), strict: bool = False, *,
          lang: str) -> Verdict:
    """Judge one target against the actual reported for its year (see the module's rules)."""
    shape, good = target_shape(target, lang)
    direction = "ceiling" if shape == "ceiling" else ("lower" if good < 0 else "higher")
    v = _values(target, actual)
    if isinstance(v, str):
        return Verdict("unclear", None, None, None, direction, v)
    allowed = allowance(target, v.t, tolerance)
    qualifier = target["qualifier"]
    gap = _signed_gap(v, qualifier, good)
    written, unit = _gap_written(target, gap, lang)
    if strict:
        met, words = _strict(shape, good, v.a, v.t, v.low, v.high, qualifier, allowed)
        return Verdict("met" if met else "missed", gap, written, unit, direction,
                       f"strict {qualifier}: {words}" + ("" if met else " fails"))
    slack = allowed if qualifier == "approx" else 0.0
    if shape == "ceiling":
        verdict, rule = _ceiling(v, qualifier, slack)
    else:
        strictly = qualifier == "more_than" and actual["qualifier"] not in ("more_than", "at_least")
        verdict, rule = _floor_or_point(v, shape, good, gap, allowed, slack, strictly, qualifier)
    return Verdict(verdict, gap, written, unit, direction, rule)
