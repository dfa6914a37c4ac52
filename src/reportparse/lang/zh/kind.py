"""Claim kind (level, growth, ratio, ranking) and direction from the nearest cue word.

Each decision comes from a named rule (``zh.kind.<name>`` in an explain trace): the unit
decides first (a rank, a doubling, percentage points), then the cue word closest before the
number, then the rules of rates and of levels.
"""

from __future__ import annotations

from typing import get_args

import regex

from ...assemble import SentenceState
from ...explain import active, note
from ...mention import Mention
from ...model import Kind
from .cues import Cues, ends_with_word, holds_any

_Decision = tuple[Kind, int, str]  # kind, sign, the rule that decided
_KINDS: dict[str | None, Kind] = {k: k for k in get_args(Kind)}
# What a raise verb changes by an amount: money, and years of age or life (提高1岁); not an area
# upgraded (改造提升43万亩) nor a design attribute (提升15分钟生活圈).
_AMOUNT_KINDS, _AMOUNT_UNITS = frozenset({"money"}), frozenset({"year"})


def _last_cue(before: str, cues: Cues) -> regex.Match[str] | None:
    """The cue that ends closest to the number; on a tie the longest (提高到 beats 提高)."""
    if holds_any(before, cues.new_item_starts):  # 新增 is not a growth cue
        before = cues.new_item.sub(lambda m: " " * len(m.group()), before)
    return cues.kind_cue.search(before)  # a backward search: its first hit is that cue


def kind_and_sign(m: Mention, before: str, prev: SentenceState, cues: Cues) -> tuple[Kind, int]:
    """The kind of a claim and its direction (-1 for a decline) from the text before it."""
    kind, sign, rule = _decide(m, before, prev, cues)
    if active():
        note(m.start, m.end, "assemble", f"zh.kind.{rule}", "kind", f"{kind} {sign:+d}")
    return kind, sign


def _decide(m: Mention, before: str, prev: SentenceState, cues: Cues) -> _Decision:
    if m.unit == "rank":
        return "ranking", 1, "rank"
    if m.rule == "zh.doubling":
        return "growth", 1, "doubling"
    if m.rule == "zh.discount":
        return "ratio", 1, "discount"  # 八折: the share of the price paid, not a change
    last = _last_cue(before, cues)
    sign = -1 if last and last.group() in cues.growth_down else 1
    if m.unit == "percentage_point":
        return "growth", sign, "percentage_point"
    if m.unit_kind == "rate" or m.rule == "zh.fraction":
        return _rate_by_cue(before, last, sign, cues) or _rate_by_context(before, last, prev, m, cues)
    return _level(m, before, last, sign, cues)


def _level(m: Mention, before: str, last: regex.Match[str] | None, sign: int, cues: Cues) -> _Decision:
    """A number that is not a rate: a level, unless a change verb ends the text before it."""
    word = last.group() if last else None
    if word in cues.to_verbs or word in cues.copulas:
        return "level", 1, "level_reached"  # 减少到2820万人: the level reached
    trimmed = before.rstrip(cues.tail_noise)
    if ends_with_word(trimmed, cues.level_change_verbs):
        return "growth", sign, "level_change"
    if (m.unit_kind in _AMOUNT_KINDS or m.unit in _AMOUNT_UNITS) and word in cues.growth_up and trimmed.endswith(word):
        return "growth", sign, "amount_change"  # 最低标准提高20元: an increase by an amount (提升100所学校 is a count)
    if m.unit_kind != "count" and before.lstrip().startswith(cues.down_start_verbs):
        return "growth", -1, "down_verb"  # 压减地下水开采量1.57亿立方米
    return "level", 1, "level"


def _rate_by_cue(before: str, last: regex.Match[str] | None, sign: int, cues: Cues) -> _Decision | None:
    """A rate after a to-verb is the rate reached; after a growth verb it is the growth,
    unless a ratio word stands between them."""
    word = last.group() if last else None
    if word in cues.to_verbs:
        return "ratio", 1, "rate_reached"  # 降到6.45‰, 提高到66.2%: the rate reached
    if last is not None and (word in cues.growth_up or word in cues.growth_down):
        if any(r.start() >= last.end() for r in cues.ratio_word.finditer(before)):
            return "ratio", 1, "ratio_word_after_cue"
        return "growth", sign, "rate_change"
    return None


def _rate_by_context(before: str, last: regex.Match[str] | None, prev: SentenceState, m: Mention,
                     cues: Cues) -> _Decision:
    """A rate without a change verb: a growth named before a copula (增长预期目标为5%左右), a
    ratio after a cue or ratio word, else the kind of the number before it in the sentence."""
    word = last.group() if last else None
    ratio_word = cues.ratio_word.search(before) is not None
    if word in cues.copulas and not ratio_word and last is not None:
        named = before[: last.start()]
        if any(w in named for w in cues.growth_up if len(w) > 1):
            return "growth", 1, "named_growth"  # 经济增长预期目标为5%左右, 涨幅控制在2%左右
    if word is not None or ratio_word:
        return "ratio", 1, "ratio_cue"
    if prev.kind in ("growth", "ratio") and prev.unit == m.unit:
        return _KINDS[prev.kind], prev.sign, "previous_number"
    return "ratio", 1, "rate"
