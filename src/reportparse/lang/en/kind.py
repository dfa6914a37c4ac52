"""Claim kind (level, growth, ratio, ranking) and direction of an English mention, by named
rules tried in order (:data:`RULES`); the first that decides is noted as ``en.kind.<name>``.

The cue is the kind word nearest the number in its clause (grew by, accounted for, rose to);
an amount is a level unless a growth word governs it (an increase of 180 billion yuan); a
rate without a cue keeps the kind of the claim before it with the same unit.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import get_args

import regex

from ... import explain
from ...assemble import SentenceState
from ...mention import Mention
from ...model import Kind
from .cues import Cues

Decision = tuple[Kind, int]
_KINDS: dict[str | None, Kind] = {k: k for k in get_args(Kind)}


@dataclass
class KindContext:
    """What the rules read: the mention, the clause before it, the claim before it."""

    m: Mention
    before: str
    prev: SentenceState
    cues: Cues
    text: str
    after_phrase: Callable[[Mention], str]

    @cached_property
    def hits(self) -> list[regex.Match[str]]:
        """Every kind cue of the clause before the number, overlapping ones too."""
        return list(self.cues.kind.finditer(self.before, overlapped=True))

    @cached_property
    def word(self) -> str | None:
        """The cue that ends closest to the number (on a tie the longest), in lower case."""
        last = None
        for hit in self.hits:
            if last is None or (hit.end(), len(hit.group())) > (last.end(), len(last.group())):
                last = hit
        return last.group().lower() if last else None

    def is_growth(self, hit: regex.Match[str]) -> bool:
        """A growth word, up or down."""
        return hit.group().lower() in self.cues.growth_up | self.cues.growth_down

    @cached_property
    def growth(self) -> regex.Match[str] | None:
        """The last growth word before the number."""
        growth_hits = [h for h in self.hits if self.is_growth(h)]
        return growth_hits[-1] if growth_hits else None

    @cached_property
    def sign(self) -> int:
        """-1 when the last growth word is a decline."""
        g = self.growth
        return -1 if g is not None and g.group().lower() in self.cues.growth_down else 1

    @cached_property
    def uncued(self) -> bool:
        """No cue, or only a weak copula (is, was) with no growth or ratio word in the clause."""
        ratio_named = any(h.group().lower() in self.cues.ratio_words for h in self.hits)
        return self.word is None or (self.word in self.cues.weak_copulas and self.growth is None and not ratio_named)


def _ranking(c: KindContext) -> Decision | None:
    return ("ranking", 1) if c.m.unit == "rank" else None


def _doubling(c: KindContext) -> Decision | None:
    return ("growth", 1) if c.m.rule == "en.doubling" else None


def _post_growth(c: KindContext) -> Decision | None:
    """A 4 percent increase: a growth word right after the number (a comparison base right after
    it, as 'over the previous year', makes a change whose direction the word before gives)."""
    post = c.cues.post_growth.match(c.text, c.m.end)
    if post is None:
        return None
    if c.cues.comparison.fullmatch(post.group().strip()):
        return "growth", c.sign  # dropped by 2.7 percent over the previous year: the verb gives the direction
    return "growth", -1 if post.group().strip().lower() in c.cues.post_down else 1


def _from_value(c: KindContext) -> Decision | None:
    """X of 'rose from X to Y': a level (or a ratio of a rate)."""
    if c.cues.from_end.search(c.before):
        return ("ratio" if c.m.unit_kind == "rate" else "level"), 1
    return None


def _points(c: KindContext) -> Decision | None:
    return ("growth", c.sign) if c.m.unit == "percentage_point" else None


def _amount_change(c: KindContext) -> Decision | None:
    """An increase of 180 billion yuan, up 100 billion yuan; not built 2 million units."""
    g = c.growth
    if c.m.unit_kind == "rate" or g is None:
        return None
    word, cues = regex.escape(g.group().lower()), c.cues
    tail = rf"(?:{word}(?:\s.*)?\s+(?:{cues.growth_by})|{word}\s+(?:{cues.growth_of})|\b(?:{cues.growth_adverbs}))$"
    return ("growth", c.sign) if regex.search(tail, c.before.rstrip().lower()) else None


def _amount_level(c: KindContext) -> Decision | None:
    return ("level", 1) if c.m.unit_kind != "rate" else None


def _previous(c: KindContext) -> Decision | None:
    """Exceeding the target of around 5 percent: the kind of the claim before, same unit."""
    if c.uncued and c.prev.kind in ("growth", "ratio") and c.prev.unit == c.m.unit:
        return _KINDS[c.prev.kind], c.prev.sign
    return None


def _growth_after(c: KindContext) -> Decision | None:
    """Around 5 percent is the target for GDP growth: a growth word in the phrase after."""
    if c.uncued and c.word is None and (after := c.after_phrase(c.m)):
        if any(c.is_growth(h) for h in c.cues.kind.finditer(after)):
            return "growth", 1
    return None


def _uncued_ratio(c: KindContext) -> Decision | None:
    return ("ratio", 1) if c.uncued else None


def _growth_cue(c: KindContext) -> Decision | None:
    return ("growth", c.sign) if c.word in c.cues.growth_up or c.word in c.cues.growth_down else None


def _ratio_cue(c: KindContext) -> Decision | None:
    """Accounted for 15.7 percent; rose to 15.7 percent (the rate reached)."""
    return ("ratio", 1) if c.word in c.cues.ratio_words or c.word in c.cues.to_words else None


def _growth_before(c: KindContext) -> Decision | None:
    """GDP growth of around 5 percent, the growth target is set at 6 percent."""
    g = c.growth
    if g is None:
        return None
    ratio_after_growth = any(h.group().lower() in c.cues.ratio_words and h.start() >= g.end() for h in c.hits)
    return None if ratio_after_growth else ("growth", c.sign)


RULES: tuple[tuple[str, Callable[[KindContext], Decision | None]], ...] = (
    ("ranking", _ranking), ("doubling", _doubling), ("post_growth", _post_growth), ("from_value", _from_value),
    ("points", _points), ("amount_change", _amount_change), ("amount_level", _amount_level),
    ("previous", _previous), ("growth_after", _growth_after), ("uncued_ratio", _uncued_ratio),
    ("growth_cue", _growth_cue), ("ratio_cue", _ratio_cue), ("growth_before", _growth_before),
)
DEFAULT: tuple[str, Decision] = ("ratio", ("ratio", 1))


def kind_and_sign(context: KindContext) -> Decision:
    """The kind of a claim and its direction (-1 for a decline): the first rule that decides,
    else :data:`DEFAULT` (a ratio)."""
    name, decision = next(((name, d) for name, rule in RULES if (d := rule(context)) is not None), DEFAULT)
    explain.note(context.m.start, context.m.end, "assemble", f"en.kind.{name}", "kind", decision[0])
    return decision
