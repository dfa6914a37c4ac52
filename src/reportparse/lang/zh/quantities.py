"""Stage 3a: the number recogniser. Finds every number expression of a normalised text.

A mention is an optional prefix qualifier (超过, 近, 约, 不少于), a number (Arabic with
separators and decimals, Chinese or mixed numerals, a scale 万/亿/万亿), an optional
range (5%—6%, 3至5个), an optional inner qualifier (500余家), a unit or measure word
and an optional suffix qualifier (左右, 以上, 以内). Things that only look like numbers
(years, dates, names, codes, meeting ordinals, slogans) are dropped by the named filters
of :mod:`filters`; a match that passes them is read in named steps: value, unit, range,
qualifier, span and the claimable policy.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from ...explain import active, note
from ...lexicon import Lexicon, Unit
from ...mention import Mention
from ...model import Qualifier, as_qualifier
from ...recognise.ordered import InOrder
from .bounds import join_bounds
from .compounds import HALF, digit_pair, discount_digits, shared_scale, subunit_value
from .filters import Candidate, TextNoise, first_drop
from .named import named_currency
from .numerals import BIG_UNITS, FILLERS, ONE, parse_numeral
from .patterns import MentionGroups
from .policy import Reading, not_claimable
from .prepared import recogniser_words, unit_factor
from .spaced import read_spaced
from .views import unit_words

_SCALE = re.compile(f"[{re.escape(''.join(BIG_UNITS))}]")
_NO_FILLERS = str.maketrans("", "", FILLERS)
_ZERO = Decimal(0)
_ONE = Decimal(1)


def _scale_text(num: str) -> str:
    """The scale written at the end of an Arabic number (亿 of 785.6亿, 万亿 of 1.2万亿): what follows
    its last digit (str.isdecimal: the digits of the mention pattern), "" when it has none."""
    after = len(num)
    while after and not num[after - 1].isdecimal():
        after -= 1
    return num[after:].translate(_NO_FILLERS) if 0 < after < len(num) else ""


def unit_spans(m: re.Match[str], g: MentionGroups) -> tuple[tuple[int, int], ...]:
    """The unit as written with the scale of the number before it: 亿元 of 785.6亿元,
    万 and 人 of 1.2万余人, 百分之 of 百分之五."""
    if g.upre and not (g.unit or g.unit1):
        return (m.span("upre"),)
    last, number = ("num2", g.num2) if g.num2 else ("num", g.num)
    unit, word = ("unit1", g.unit1) if last == "num" and g.unit1 else ("unit", g.unit)
    written = (m.span(unit),) if word else ()
    scale = len(_scale_text(number or ""))
    return ((m.end(last) - scale, m.end(last)), *written) if scale else written


def _end(m: re.Match[str], g: MentionGroups, has_unit: bool) -> int:
    """Where a mention ends: after its unit and suffix, else after its suffix (一千以下), inner
    qualifier (三十余), range end or number."""
    if has_unit or g.suf:
        return m.end()
    return m.end("inner") if g.inner else m.end("num2") if g.num2 else m.end("num")


class _Recogniser:
    """Runs the patterns over one text and applies the noise filters."""

    def __init__(self, text: str, lex: Lexicon) -> None:
        self.text = text
        self.lex = lex
        self.noise = TextNoise(text, lex)
        self.pats = self.noise.pats
        self.words = recogniser_words(lex)
        self.quals, self.units = self.words.quals, self.words.units
        self.second_ends: list[Mention] = []  # the second numbers of ranges that are none
        self.traced = active()  # whether an explain trace records this text (asked once: a context variable)

    def mentions(self) -> list[Mention]:
        """Every number expression: ordinary numbers, then special words where no claimable
        number stands (一半, 翻番), in text order."""
        ordered = InOrder([mention for m in self.pats.mention.finditer(self.text) if (mention := self._from_match(m))])
        for second in self.second_ends:
            ordered.place(second)
        for m in self.pats.special.finditer(self.text) if self.pats.special_word.search(self.text) else ():
            mention = self._from_special(m)
            if mention is not None:
                ordered.place(mention)
        return named_currency(self.text, join_bounds(self.text, self._share_units(ordered.found), self.quals.bounds),
                              self.lex)

    def _share_units(self, found: list[Mention]) -> list[Mention]:
        """Give a unitless number the unit of the next one in a list: 4.2和0.7个百分点."""
        out = list(found)
        for i in range(len(out) - 2, -1, -1):
            m, nxt = out[i], out[i + 1]
            if m.unit is None and nxt.unit is not None and nxt.num_start - m.end == 1 \
                    and self.text[m.end] in self.words.list_joiners and m.rule == nxt.rule:
                out[i] = replace(m, unit=nxt.unit, unit_kind=nxt.unit_kind, unit_spans=nxt.unit_spans,
                                 claimable=nxt.claimable)
        return out

    # ----- special words: 一半, 翻番 -----
    def _from_special(self, m: re.Match[str]) -> Mention | None:
        word = m.group("word")
        if self.noise.in_noise_phrase(m.start("word"), m.end("word")):
            note(m.start(), m.end(), "recognise", "zh.filter.noise_phrase", "dropped", "inside a fixed term")
            return None
        fraction = word in self.units.fractions
        value = Decimal(str((self.units.fractions if fraction else self.units.doubling)[word]))
        qualifier = self._qualifier(m.group("pre"), word[-1] if not fraction and word[-1] in self.quals.inner else None,
                                    m.group("suf"))  # 翻了一番多: more than double
        rule = "zh.fraction" if fraction else "zh.doubling"
        note(m.start(), m.end(), "recognise", rule, "found", f"{word}: value {value}")
        return Mention(m.start(), m.end(), m.start("word"), value, None, None,
                       "percent", "rate", (m.span("word"),), qualifier, rule)

    # ----- ordinary numbers -----
    def _dropped(self, m: re.Match[str], rule: str, reason: str) -> None:
        if self.traced:
            note(m.start(), m.end(), "recognise", f"zh.filter.{rule}", "dropped", reason)

    def _from_match(self, m: re.Match[str]) -> Mention | None:
        """The mention of a match, read in named steps, or None when a filter or step drops it."""
        c = Candidate(m, MentionGroups(m), self.noise)
        if dropped := first_drop(c):
            self._dropped(m, dropped[0], dropped[1])  # not *dropped: a native call in the compiled build
            return None
        values = self._values(c)
        if values is None:
            return None
        unit_word = self._unit_word(c)
        if unit_word is None:
            return None
        unit = self.lex.units.get(unit_word) or self._implied_unit(c.nstart, c.end, c.num)
        value, value2 = values
        if c.g.num2 and not self._good_range(c.g, value, value2, unit):
            self._dropped(m, "range", "not a rising range of one unit: two numbers (or a date such as 2026-02)")
            return self._two_numbers(m)
        return self._mention(c, value, value2, unit)

    def _two_numbers(self, m: re.Match[str]) -> Mention | None:
        """A range that is none read as its two numbers (百分之十到千分之二十); a date (2026-02) is dropped."""
        if m.group("sep") == "-" and (m.group("num2") or "").startswith("0"):
            return None
        second = self.pats.mention.match(self.text, m.end("sep"))
        if second is not None and (mention := self._from_match(second)) is not None:
            self.second_ends.append(mention)
        first = self.pats.mention.match(self.text, m.start(), m.start("sep"))
        return self._from_match(first) if first is not None else None

    def _per_n(self, g: MentionGroups, value2: Decimal | None) -> Decimal | None:
        """The upper end of a range across two per-N units in the unit of its first end
        (千分之五到百分之一: 10 per mille)."""
        per_n = self.units.per_n
        if value2 is None or g.upre2 in (None, g.upre) or g.upre not in per_n or g.upre2 not in per_n:
            return value2
        return value2 * Decimal(per_n[g.upre or ""]) / Decimal(per_n[g.upre2 or ""])

    def _values(self, c: Candidate) -> tuple[Decimal, Decimal | None] | None:
        """Step: the value of the number (signed) and of the range's upper end."""
        g = c.g
        try:  # 八五折: two digits side by side before a discount word are 8.5 tenths
            digits = discount_digits(c.num) if g.unit in self.words.discounts else None
            value = parse_numeral(c.num) if digits is None else digits
            value2 = parse_numeral(g.num2) if g.num2 else None
            if value2 is None and (pair := digit_pair(c.num)) is not None:
                value, value2 = pair  # 一两千: 1000..2000
            extra = self._extra(c) if g.half or g.halfin or g.sub else _ZERO
        except ValueError as exc:
            self._dropped(c.m, "not_a_numeral", str(exc))
            return None
        if value2 is not None:
            value2 += extra
            value = shared_scale(value, c.num, value2, g.num2 or "")
            value2 = self._per_n(g, value2)
        elif extra:
            value += extra
        return (-value if g.neg or g.negpre else value), value2

    def _extra(self, c: Candidate) -> Decimal:
        """What is written after the unit: 半 (两吨半) or smaller money units (12元3角4分)."""
        half = HALF if c.g.half or c.g.halfin else _ZERO
        return half + (subunit_value(self.lex, c.g.unit or "", c.g.sub) if c.g.sub else _ZERO)

    def _unit_word(self, c: Candidate) -> str | None:
        """Step: the unit word written after the number or before it (百分之), "" when none is
        written; None when two different ones are written before and after (百分之五个; not ￥1,000元)."""
        unit_word = c.g.unit or c.g.unit1 or ""
        if c.g.halfin:  # 一个半小时: 个半小时 is 个小时 and a half
            unit_word = self.units.half["inside"].get(unit_word, unit_word)
        if c.g.sub:  # 八块五毛: 块 is money
            unit_word = self.units.subunits["as_money"].get(unit_word, unit_word)
        if not c.g.upre:
            return unit_word
        before = self.units.prefixed[c.g.upre]
        if unit_word and not self._same_unit(before, unit_word):
            self._dropped(c.m, "two_units", "a unit word both before and after the number")
            return None
        return unit_word or before

    def _same_unit(self, before: str, after: str) -> bool:
        """Whether a unit before the number and one after it are one unit (￥1,000元, $100美元)."""
        units = self.lex.units
        return before in units and after in units and units[before].code == units[after].code

    def _mention(self, c: Candidate, value: Decimal, value2: Decimal | None, unit: Unit | None) -> Mention:
        """Steps: scale by the unit's factor, qualifier, span and the claimable policy."""
        m, g, num = c.m, c.g, c.num
        factor = (self.words.factors.get(unit.surface) or unit_factor(unit, self.units)) if unit else _ONE
        low = value * factor if value2 is not None else None
        high = value2 * factor if value2 is not None else None
        qualifier = self._qualifier_of(c, value2 is not None)
        end = _end(m, g, unit is not None)
        rule = "zh.discount" if g.unit in self.words.discounts else \
            "zh.arabic" if c.has_digit else "zh.chinese_numeral"
        if self.traced:
            note(m.start(), end, "recognise", rule, "found", f"unit {unit.code}" if unit else "no unit")
        claimable = unit is not None and ((num != ONE and unit.surface not in self.words.watched) or self._claimable(
            Reading(num, unit, value, qualifier, self.text[end : end + 1], self.words.grammar), m.start(), end))
        return Mention(m.start(), end, c.nstart, value * factor, low, high,
                       unit.code if unit else None, unit.kind if unit else None,
                       unit_spans(m, g) if unit else (), qualifier, rule, claimable=claimable)

    @staticmethod
    def _claimable(reading: Reading, start: int, end: int) -> bool:
        """Step: the claimable policy (a number without a unit is never a claim on its own)."""
        if (refused := not_claimable(reading)) is None:
            return True
        note(start, end, "recognise", f"zh.policy.{refused[0]}", "not_claimable", refused[1])
        return False

    def _good_range(self, g: MentionGroups, low: Decimal, high: Decimal | None, unit: Unit | None) -> bool:
        if high is None or high <= low:
            return False
        if g.upre2 not in (None, g.upre) and g.upre2 not in self.units.per_n:
            return False  # ¥3到$5: two units
        if g.sep == "-" and (g.num2 or "").startswith("0"):
            return False  # a date like 2026-02
        unit1 = g.unit1
        return unit1 is None or (unit is not None and self.lex.units[unit1].code == unit.code)

    def _implied_unit(self, nstart: int, end: int, num: str) -> Unit | None:
        """Unit of a scaled number written without one (6600多万纳税人, 破亿 travellers)."""
        if not _SCALE.search(num):
            return None
        following = self.words.item_split.split(self.text[end : end + 6])[0]
        preceding = self.words.clause_split.split(self.text[max(0, nstart - 200) : nstart])[-1]
        for window in (following, preceding):
            for code, cues in self.units.implied.items():
                if code.startswith("_"):
                    continue
                if any(c in window for c in cues):
                    return Unit("", code, self.lex.unit_kind(code))
        return None

    def _qualifier_of(self, c: Candidate, is_range: bool) -> Qualifier:
        """Step: the qualifier of a number (prefix 超过, inner 500余家, suffix 5个以上 or 一千以下)."""
        if is_range:
            return "range"
        inner = c.g.inner or ((found := self.words.inner.search(c.num)) and found.group())
        return self._qualifier(c.g.pre, inner, c.g.suf)

    def _qualifier(self, pre: str | None, inner: str | None, suf: str | None) -> Qualifier:
        """The qualifier the words around a number say (a range's is decided before)."""
        if not (pre or inner or suf):
            return "exact"
        for word, table in ((suf, self.quals.suffix), (pre, self.quals.prefix), (inner, self.quals.inner)):
            if word and table.get(word, "exact") != "exact":
                return as_qualifier(table[word])
        return "exact"


def recognise_quantities(text: str, lex: Lexicon) -> list[Mention]:
    """Every number expression of a normalised text, noise removed, in text order (a number
    typeset with spaces inside, 1 9 9 7 年, read as one: see :mod:`spaced`)."""
    return read_spaced(text, lambda t: _Recogniser(t, lex).mentions(), "".join(unit_words(lex).subunits["bare"]))
