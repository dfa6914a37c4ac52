"""Stage 3 for English: the number recogniser.

A mention is an optional qualifier (around, more than, at least, within, below), an optional
currency sign ($, RMB), a number (digits or words, with a scale: 1.2 trillion), an optional
range (6 to 6.5 percent, 6-6.5 percent, between 6 and 6.5 percent), a unit (percent,
percentage points, yuan, metric tons) and an optional suffix qualifier (or so, or more). A
number without a unit word takes its unit from the counted noun after it (12 million new urban
jobs -> person, 1,500 projects -> count). Fraction words (a third, half) and doubling words
(doubled) are percent values. Years, dates, ordinals and names with numbers (the 14th Five-Year
Plan, 5G, PM2.5, COVID-19) are not quantities (:mod:`.filters`); rankings are in :mod:`.ranking`.

A match becomes a mention in named steps: filters, values, range, written unit, implied unit,
suffix, qualifier, claimable policy, span.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

import regex

from ... import explain
from ...lexicon import Lexicon, Unit
from ...mention import Mention
from ...model import Qualifier, as_qualifier
from . import ranges
from .filters import dropped
from .implied import clause_before, counted_unit, unit_of_label, unit_of_subject
from .patterns import Patterns, compile_patterns
from .ranking import recognise_rankings


@dataclass
class _Candidate:
    """The state of one match while the steps turn it into a mention."""

    m: regex.Match[str]
    value: Decimal
    value2: Decimal | None
    end: int
    unit_word: str | None
    unit: Unit | None = None
    spans: list[tuple[int, int]] = field(default_factory=list)
    suffix: str | None = None

    @property
    def number_group(self) -> str:
        """The group of the number the unit follows: the second of a range."""
        return "num2" if self.value2 is not None else "num"


class _Recogniser:
    """Runs the English number patterns over one text."""

    def __init__(self, text: str, lex: Lexicon) -> None:
        self.text = text
        self.lex = lex
        self.pats: Patterns = compile_patterns(lex)

    def qualifier(self, pre: str | None, suf: str | None, is_range: bool) -> Qualifier:
        """The contract qualifier of a mention from its prefix and suffix words."""
        if is_range:
            return "range"
        if suf and self.pats.suffix.get(suf.lower(), "exact") != "exact":
            return as_qualifier(self.pats.suffix[suf.lower()])
        if pre:
            return as_qualifier(self.pats.prefix.get(pre.lower(), "exact"))
        return "exact"

    # ----- the steps -----
    def _values(self, m: regex.Match[str]) -> _Candidate | None:
        """Parse the number (and the second number of a range); None when one is not a number."""
        try:
            value = self.pats.numbers.parse(m.group("num"))
            value2 = self.pats.numbers.parse(m.group("num2")) if m.group("num2") else None
        except ValueError:
            explain.note(m.start(), m.end(), "recognise", "en.filter.not_a_number", "dropped", "not a number")
            return None
        return _Candidate(m, value, value2, m.end(), m.group("unit") or m.group("unit1"))

    def _range(self, c: _Candidate) -> None:
        """Keep a range only when it is one (6 to 6.5 percent); else keep its first number, and
        the scan goes on after it (from 5 percent to 6 percent is two numbers)."""
        m = c.m
        if c.value2 is None:
            return
        reason = ranges.rejected(m, c.value, c.value2, self.pats, self.text)
        if reason is not None:
            explain.note(m.start(), m.end(), "recognise", "en.range.split", "range", reason)
            c.unit_word, c.value2 = m.group("unit1"), None
            c.end = m.end("unit1") if m.group("unit1") else m.end("num")

    def _written_unit(self, c: _Candidate) -> None:
        """The unit written with the number, and its span with the scale (million metric tons;
        $ or RMB as written; 12 million of 12 million jobs)."""
        m, units = c.m, self.pats.units
        c.unit = units.get(c.unit_word.lower()) if c.unit_word else None
        if m.group("cur"):
            cur = m.group("cur")
            c.unit = c.unit or units.get(self.pats.prefixed.get(cur, cur).lower())
            c.spans.append(m.span("cur"))
            return
        grp = c.number_group
        scale = regex.search(r"[A-Za-z]+$", m.group(grp))
        first = m.end(grp) - len(scale.group()) if scale and scale.group().lower() in self.pats.numbers.scales else None
        if c.unit_word and c.unit is not None:
            ugrp = "unit" if m.group("unit") and (c.value2 is not None or not m.group("unit1")) else "unit1"
            c.spans.append((first if first is not None else m.start(ugrp), m.end(ugrp)))
        elif first is not None:
            c.spans.append((first, m.end(grp)))

    def _times(self, c: _Candidate) -> None:
        """'times' is a multiple only before a comparison (3 times that of); else a count of
        events (cut the RRR two times)."""
        if c.unit is not None and c.unit.code == "times" and not self.pats.times_followers.match(self.text, c.end):
            c.unit = Unit(c.unit.surface, "count", "count")

    def _implied_unit(self, c: _Candidate) -> None:
        """A unitless number takes its unit from the counted noun after it or from its clause."""
        if c.unit is None:
            c.unit = counted_unit(self.text, c.end, self.pats, self.lex)
        if c.unit is None:
            clause = clause_before(self.text, c.m.start())
            c.unit = unit_of_subject(clause, c.m.group(c.number_group), self.pats, self.lex)
        if c.unit is None and not clause.strip() and self.text[: c.m.start()].rstrip().endswith(":"):
            colon = self.text.rindex(":", 0, c.m.start())
            c.unit = unit_of_label(clause_before(self.text, colon), c.m.group(c.number_group), self.pats, self.lex)

    def _suffix(self, c: _Candidate) -> None:
        """A suffix qualifier (or so) belongs to a mention with a unit; without one it is left out
        of the span."""
        m = c.m
        if not m.group("suf") or c.end != m.end():
            return
        if c.unit is not None:
            c.suffix = m.group("suf")
            return
        end = m.start("suf") - 1
        while end > 0 and self.text[end - 1] == " ":
            end -= 1
        c.end = max(end, m.end("num"))

    def _unclaimable(self, c: _Candidate) -> str | None:
        """Why a mention is never a claim on its own, or None: no unit, a lone 'one' of a count,
        a duration in whole years (not a level measured in years: life expectancy of 80 years)."""
        unit = c.unit
        if unit is None:
            return "no_unit"
        if c.m.group("num").lower() in self.pats.lone_counts and unit.kind in ("count", "people", "time"):
            return "lone_one"
        if unit.kind == "time" and unit.code == "year" and c.value == c.value.to_integral_value() \
                and not self.pats.year_level.search(clause_before(self.text, c.m.start())):
            return "years"
        return None

    @staticmethod
    def _start(c: _Candidate) -> int:
        """Where the mention starts: 'between' of a range, else the qualifier, currency, sign or number."""
        m = c.m
        if m.group("between") and c.value2 is not None:
            return m.start("between")
        for group in ("pre", "cur", "neg"):
            if m.group(group) and not (group == "neg" and m.group("between")):
                return m.start(group)
        return m.start("num")

    def _mention(self, c: _Candidate) -> Mention:
        m, unit = c.m, c.unit
        value = -c.value if m.group("neg") else c.value
        unclaimable = self._unclaimable(c)
        factor = Decimal(unit.factor if unit else 1)
        low = value * factor if c.value2 is not None else None
        high = c.value2 * factor if c.value2 is not None else None
        rule = "en.digits" if any(ch.isdigit() for ch in m.group("num")) else "en.words"
        start = self._start(c)
        explain.note(start, c.end, "recognise", rule, "found", f"unit {unit.code}" if unit else "no unit")
        if unclaimable is not None:
            explain.note(start, c.end, "recognise", f"en.claimable.{unclaimable}", "not claimable",
                         unclaimable.replace("_", " "))
        return Mention(start, c.end, m.start("num"), value * factor, low, high, unit.code if unit else None,
                       unit.kind if unit else None, tuple(c.spans), self.qualifier(m.group("pre"), c.suffix,
                       c.value2 is not None), rule, claimable=unclaimable is None)

    def _from_match(self, m: regex.Match[str]) -> tuple[Mention | None, int]:
        """The mention of a match, and where the scan goes on (after the first number of a
        rejected range: from 5 percent to 6 percent is two numbers)."""
        if dropped(self.text, m, self.pats) or (c := self._values(m)) is None:
            return None, m.end()
        for step in (self._range, self._written_unit, self._times, self._implied_unit, self._suffix):
            step(c)
        return self._mention(c), c.end

    def numbers(self) -> list[Mention]:
        """Every number expression of the text."""
        found: list[Mention] = []
        pos = 0
        while (m := self.pats.mention.search(self.text, pos)) is not None:
            mention, nxt = self._from_match(m)
            if mention is not None:
                found.append(mention)
            pos = max(nxt, m.start() + 1)
        return found

    def _half_of_period(self, m: regex.Match[str], word: str) -> bool:
        """'half' is a fraction only before 'of' and not after first/second/the (the first half of the year)."""
        before = self.text[max(0, m.start("word") - 8):m.start("word")].lower()
        return word.endswith(self.pats.half_words) and (
            not self.text.startswith(self.pats.half_followers, m.end()) or bool(self.pats.half_before.search(before)))

    def specials(self) -> list[Mention]:
        """Fraction words (a third, half of) and doubling words (doubled)."""
        out = []
        for m in self.pats.special.finditer(self.text):
            word = m.group("word").lower()
            if word in self.pats.fractions:
                if self._half_of_period(m, word):
                    explain.note(m.start(), m.end(), "recognise", "en.filter.half_of_period", "dropped",
                                 "a half of a period, not a fraction")
                    continue
                value, rule = Decimal(str(self.pats.fractions[word])), "en.fraction"
            else:
                value, rule = Decimal(str(self.pats.doubling[word])), "en.doubling"
            explain.note(m.start(), m.end(), "recognise", rule, "found", "a percent value")
            qualifier = self.qualifier(m.group("pre"), None, False)
            out.append(Mention(m.start(), m.end(), m.start("word"), value, None, None, "percent", "rate",
                               (m.span("word"),), qualifier, rule))
        return out


def recognise_quantities(text: str, lex: Lexicon) -> list[Mention]:
    """Every English number expression and ranking of a text, in text order (overlaps not yet resolved)."""
    rec = _Recogniser(text, lex)
    numbers = rec.numbers()
    specials = [s for s in rec.specials() if not any(n.start < s.end and s.start < n.end for n in numbers)]
    return sorted(numbers + specials + recognise_rankings(text, lex), key=lambda x: x.start)
