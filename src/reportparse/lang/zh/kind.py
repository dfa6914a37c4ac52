"""Claim kind (level, growth, ratio, ranking) and direction from the nearest cue word."""

from __future__ import annotations

import regex

from ...assemble import SentenceState
from ...model import Mention
from .cues import Cues


def _last_cue(before: str, cues: Cues) -> regex.Match[str] | None:
    """The cue that ends closest to the number; on a tie the longest (提高到 beats 提高)."""
    last = None
    masked = cues.new_item.sub(lambda m: " " * len(m.group()), before)  # 新增 is not a growth cue
    for hit in cues.kind_cue.finditer(masked, overlapped=True):
        if last is None or (hit.end(), len(hit.group())) > (last.end(), len(last.group())):
            last = hit
    return last


def kind_and_sign(m: Mention, before: str, prev: SentenceState, cues: Cues) -> tuple[str, int]:
    """The kind of a claim and its direction (-1 for a decline) from the text before it."""
    if m.unit == "rank":
        return "ranking", 1
    if m.rule == "zh.doubling":
        return "growth", 1
    last = _last_cue(before, cues)
    word = last.group() if last else None
    sign = -1 if word in cues.growth_down else 1
    if m.unit == "percentage_point":
        return "growth", sign
    if m.unit_kind == "rate" or m.rule == "zh.fraction":
        return _rate_kind(before, last, sign, prev, m, cues)
    if word in cues.to_verbs or word in cues.copulas:
        return "level", 1  # 减少到2820万人: the level reached
    tail = before.rstrip(cues.tail_noise)
    if cues.level_change_end.search(tail):
        return "growth", sign
    if m.unit_kind != "count" and cues.down_start.search(before.lstrip()):
        return "growth", -1  # 压减地下水开采量1.57亿立方米
    return "level", 1


def _rate_kind(before: str, last: regex.Match[str] | None, sign: int, prev: SentenceState, m: Mention,
               cues: Cues) -> tuple[str, int]:
    word = last.group() if last else None
    ratio_hits = [r.start() for r in cues.ratio_word.finditer(before)]
    if word in cues.to_verbs:
        return "ratio", 1  # 降到6.45‰, 提高到66.2%: the rate reached
    if last is not None and (word in cues.growth_up or word in cues.growth_down):
        if not any(pos >= last.end() for pos in ratio_hits):
            return "growth", sign
        return "ratio", 1
    if word in cues.copulas and not ratio_hits and last is not None:
        named = before[: last.start()]
        if any(w in named for w in cues.growth_up if len(w) > 1):
            return "growth", 1  # 经济增长预期目标为5%左右, 涨幅控制在2%左右
    if word is not None or ratio_hits:
        return "ratio", 1
    if prev.kind in ("growth", "ratio") and prev.unit == m.unit:
        return prev.kind, prev.sign
    return "ratio", 1
