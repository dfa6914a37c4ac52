"""Pairing beyond the lexicon: a target and an actual without a shared indicator id pair by what
they measure.

Two claims are candidates when they are of one kind and their units of one family (万吨 and 公斤
are masses; see :mod:`conversions`) and they do not name two different standard indicators. Their
confidence is the overlap of the words of their metric phrases (jieba words, stop words of
``data/indicators.json`` left out, each word weighted by its length; a Dice coefficient); sections
with words in common lift it a little (a review and a plan are rarely under one heading, so
different sections do not lower it), and levels more than four times apart halve it. Candidates at or above the
threshold
pair greedily, best first; each target pairs with at most one actual and the other way round.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from functools import lru_cache
from typing import Any, TypeVar

from .conversions import comparable, family
from .indicators import wording
from .lang import get_pack

MIN_CONFIDENCE = 0.6
"""The least confidence of a pair by words (0..1); below it the target stays without an actual."""

_METRIC_WEIGHT = 0.85
_SECTION_WEIGHT = 0.15
_SHORT = 3  # fewer shared characters than this: the overlap is a generic word (企业, 项目)
_SHORT_PENALTY = 0.5
_MAGNITUDE = 4.0  # levels further apart than this factor are rarely one thing counted twice
_MAGNITUDE_PENALTY = 0.5

K = TypeVar("K", bound=Hashable)


@lru_cache(maxsize=1 << 16)
def words(text: str | None, lang: str) -> frozenset[str]:
    """The content words of a metric phrase or heading (the language pack's words), without the
    language's stop words, digits and punctuation (remembered: a panel asks for the same phrases
    thousands of times)."""
    if not text:
        return frozenset()
    cut = get_pack(lang).words(text)
    stop = wording(lang).stop_words
    return frozenset(w for w in (t.strip() for t in cut) if w and w not in stop and any(ch.isalpha() for ch in w))


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Dice coefficient of two word sets, words weighted by their length; generic overlaps
    (fewer than three shared characters) count less."""
    if not a or not b:
        return 0.0
    shared = sum(len(w) for w in a & b)
    score = 2 * shared / (sum(len(w) for w in a) + sum(len(w) for w in b))
    return score * (_SHORT_PENALTY if shared < _SHORT else 1.0)


def confidence(target: dict[str, Any], actual: dict[str, Any], lang: str) -> float:
    """How sure it is that ``actual`` reports what ``target`` aimed at (0 when they cannot pair)."""
    if target["kind"] != actual["kind"] or family(target["unit"]) != family(actual["unit"]):
        return 0.0
    t_metric, a_metric = target.get("metric") or {}, actual.get("metric") or {}
    if t_metric.get("id") and a_metric.get("id") and t_metric["id"] != a_metric["id"]:
        return 0.0
    metric = overlap(words(t_metric.get("text"), lang), words(a_metric.get("text"), lang))
    if metric == 0.0:
        return 0.0
    section = overlap(words(target.get("section"), lang), words(actual.get("section"), lang))
    score = _METRIC_WEIGHT * metric + _SECTION_WEIGHT * max(section, metric)
    return score * (_MAGNITUDE_PENALTY if _far_apart(target, actual) else 1.0)


def _far_apart(target: dict[str, Any], actual: dict[str, Any]) -> bool:
    """Two levels of one family whose values differ by more than a factor of four."""
    t, a = comparable(target)[1], comparable(actual)[1]
    if target["kind"] != "level" or not t or not a:
        return False
    ratio = abs(t / a)
    return ratio > _MAGNITUDE or ratio < 1 / _MAGNITUDE


def match_by_words(targets: Sequence[tuple[K, dict[str, Any]]], actuals: Sequence[tuple[K, dict[str, Any]]],
                   lang: str, threshold: float = MIN_CONFIDENCE) -> list[tuple[K, K, float]]:
    """One-to-one pairs (target key, actual key, confidence) at or above ``threshold``, best first."""
    candidates = sorted(
        ((score, i, j) for i, (_, t) in enumerate(targets) for j, (_, a) in enumerate(actuals)
         if (score := confidence(t, a, lang)) >= threshold),
        key=lambda c: (-c[0], c[1], c[2]),
    )
    used_t: set[int] = set()
    used_a: set[int] = set()
    pairs = []
    for score, i, j in candidates:
        if i not in used_t and j not in used_a:
            used_t.add(i)
            used_a.add(j)
            pairs.append((targets[i][0], actuals[j][0], score))
    return pairs
