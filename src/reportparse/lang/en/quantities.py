"""Stage 3 for English: the number and ranking recognisers.

A mention is an optional qualifier (around, more than, at least, within, below), an optional
currency sign ($, RMB), a number (digits or words, with a scale: 1.2 trillion), an optional
range (6 to 6.5 percent, 6-6.5 percent, between 6 and 6.5 percent), a unit (percent,
percentage points, yuan, metric tons) and an optional suffix qualifier (or so, or more). A
number without a unit word takes its unit from the counted noun after it (12 million new urban
jobs -> person, 1,500 projects -> count). Fraction words (a third, half) and doubling words
(doubled) are percent values. Years, dates, ordinals and names with numbers (the 14th Five-Year
Plan, 5G, PM2.5, COVID-19) are not quantities.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cache

import regex

from ...lexicon import Lexicon, Unit
from ...model import Mention
from ...recognise.patterns import alternation
from .numbers import NumberWords, number_words

_WORD = regex.compile(r"[A-Za-z][\w'-]*")
_BARE_YEAR = regex.compile(r"(?:19|20)\d\d")
_CLAUSE_END = regex.compile(r"[;:!?()\n]|,(?!\d{3})|\.(?!\d)")


@dataclass(frozen=True)
class _Patterns:
    mention: regex.Pattern[str]
    special: regex.Pattern[str]
    ranking: regex.Pattern[str]
    name_followers: regex.Pattern[str]
    times_followers: regex.Pattern[str]
    month_before: regex.Pattern[str]
    implied: dict[str, str]
    not_counted: frozenset[str]
    units: dict[str, Unit]
    numbers: NumberWords


def _ci(words: list[str] | set[str]) -> str:
    return alternation(list(words))


@cache
def _patterns(lex: Lexicon) -> _Patterns:
    q = lex.raw["qualifiers"]
    u = lex.raw["units"]
    nums = lex.raw["numbers"]
    words = number_words(lex)
    number = words.pattern
    units = {s.lower(): unit for s, unit in lex.units.items()}
    unit_alt = rf"(?:{_ci(list(lex.units))})(?![A-Za-z])"
    cur = rf"(?:{_ci(list(u['prefixed']))})"
    pre = _ci(list(q["prefix"]))
    suf = _ci(list(q["suffix"]))
    mention = (
        rf"(?<![\w.$¥€-])"
        rf"(?:(?P<between>between)\s+)?"
        rf"(?:(?P<pre>{pre})\s+)?"
        rf"(?:(?P<cur>{cur})\s?)?"
        rf"(?P<neg>-|minus\s+)?"
        rf"(?P<num>{number})"
        rf"(?:\s*(?P<unit1>{unit_alt}))?"
        rf"(?:(?P<sep>(?(between)\s+and\s+|(?:\s*[-–—]\s*|\s+to\s+)))(?P<cur2>{cur}\s?)?(?P<num2>{number}))?"
        rf"(?:\s*(?P<unit>{unit_alt}))?"
        rf"(?:\s+(?P<suf>{suf})(?![A-Za-z]))?"
    )
    specials = list(u["fractions"]) + list(u["doubling"])
    special = rf"(?<![\w-])(?:(?P<pre>{pre})\s+)?(?P<word>{_ci(specials)})(?![\w-])"
    r = lex.raw["ranking"]
    ordinal = rf"(?:{_ci(list(r['ordinals']))}|\d+(?:st|nd|rd|th))"
    tail = (rf"(?:\s+(?P<sup>{_ci(r['superlatives'])}))?(?:\s+(?P<place>{_ci(r['place_words'])}))?"
            rf"(?:\s+(?P<scope>{_ci(r['scopes'])}))?")
    ranking = (
        rf"(?<![\w-])(?:"
        rf"(?<=\b(?:{_ci(r['verbs'])})\s+)(?P<ord>{ordinal}){tail}"
        rf"|(?P<ord2>{ordinal})(?=\s+(?:{_ci(r['superlatives'] + r['place_words'] + r['scopes'])})\b){tail}"
        rf"|(?P<top>{_ci(r['top_words'])})\s+(?P<n>\d+|{_ci(list(nums['ones']))})(?![\w-])(?:\s+(?P<scope2>{_ci(r['scopes'])}))?"
        rf")(?![\w-])"
    )
    implied = {noun.lower(): code for code, nouns in u["implied"].items() if not code.startswith("_") for noun in nouns}
    return _Patterns(
        regex.compile(mention, regex.I),
        regex.compile(special, regex.I),
        regex.compile(ranking, regex.I),
        regex.compile(rf"\s*(?:{_ci(nums['name_followers'])})", regex.I),
        regex.compile(rf"\s+(?:{_ci(nums['times_followers'])})", regex.I),
        regex.compile(rf"\b(?:{_ci(nums['months'])})\s*$", regex.I),
        implied,
        frozenset(w.lower() for w in nums["not_counted_before"]),
        units,
        words,
    )


class _Recogniser:
    """Runs the English patterns over one text and applies the noise filters."""

    def __init__(self, text: str, lex: Lexicon) -> None:
        self.text = text
        self.lex = lex
        self.pats = _patterns(lex)
        self.quals = {k: {w.lower(): v for w, v in table.items()} for k, table in lex.raw["qualifiers"].items()
                      if isinstance(table, dict)}

    # ----- helpers -----
    def _clause_before(self, pos: int) -> str:
        start = pos
        while start > 0 and not _CLAUSE_END.match(self.text, start - 1) and pos - start < 200:
            start -= 1
        return self.text[start:pos]

    def _qualifier(self, pre: str | None, suf: str | None, is_range: bool) -> str:
        if is_range:
            return "range"
        if suf and self.quals["suffix"].get(suf.lower(), "exact") != "exact":
            return self.quals["suffix"][suf.lower()]
        if pre:
            return self.quals["prefix"].get(pre.lower(), "exact")
        return "exact"

    def _counted_unit(self, end: int) -> Unit | None:
        """The unit a counted noun after a unitless number gives (jobs -> person, projects -> count)."""
        rest = self.text[end:end + 80]
        if not rest.startswith(" "):
            return None
        words = []
        for w in _WORD.finditer(rest):
            if w.start() > 0 and rest[w.start() - 1] not in " ":
                break
            if w.group().lower() in self.pats.not_counted and words:
                break
            words.append(w)
            if len(words) == 5 or rest[w.end():w.end() + 1] not in (" ",):
                break
        if not words or words[0].group().lower() in self.pats.not_counted:
            return None
        phrase = " ".join(w.group().lower() for w in words)
        for noun, code in self.pats.implied.items():
            if regex.search(rf"\b{regex.escape(noun)}\b", phrase):
                return Unit("", code, self.lex.unit_kind(code))
        return Unit("", "count", "count")

    def _unit_of_subject(self, clause: str, num: str) -> Unit | None:
        """The unit of a number with neither a unit word nor a counted noun: a count when the clause
        counts (the number of people -> person, the total, the number of enterprises -> count) or
        the number has a scale and a subject before it (output surpassed 13 million)."""
        counted = regex.search(r"\b(?:number of|the total)\b(?P<noun>[^,;.]{0,40})", clause, regex.I)
        if counted:
            noun = counted.group("noun").lower()
            for word, code in self.pats.implied.items():
                if regex.search(rf"\b{regex.escape(word)}\b", noun):
                    return Unit("", code, self.lex.unit_kind(code))
            if regex.search(r"\bpeople\b|\bpersons\b", noun):
                return Unit("", "person", "people")
            return Unit("", "count", "count")
        if regex.search(r"[A-Za-z]{3}", clause) and num.split()[-1].lower() in self.pats.numbers.scales:
            return Unit("", "count", "count")  # a subject stands before it
        return None

    # ----- numbers -----
    def _skip(self, m: regex.Match[str]) -> bool:
        """Years, dates, ordinals, codes and names that contain a number."""
        text, start, end = self.text, m.start("num"), m.end()
        num = m.group("num")
        after = text[m.end("num"):m.end("num") + 3]
        if regex.match(r"(?:st|nd|rd|th)\b", after, regex.I):
            return True  # 14th, 75th
        if self.pats.month_before.search(text, max(0, start - 12), start):
            return True  # March 5
        if self.pats.name_followers.match(text, m.end("num")) and not m.group("unit"):
            return True  # the 14th Five-Year Plan, three-year, 5G
        if text[end:end + 1] == "-" and text[end + 1:end + 2].isalpha():
            return True
        if regex.search(r"\bper\s+$", text[max(0, m.start() - 5):m.start()], regex.I):
            return True  # per 10,000 yuan of GRP: a denominator
        unitless = not (m.group("unit") or m.group("unit1") or m.group("cur"))
        return unitless and _BARE_YEAR.fullmatch(num) is not None

    def _from_match(self, m: regex.Match[str]) -> tuple[Mention | None, int]:
        """The mention of a match, and where the scan goes on (after the first number of a
        rejected range: from 5 percent to 6 percent is two numbers)."""
        if self._skip(m):
            return None, m.end()
        g = m.groupdict()
        try:
            value = self.pats.numbers.parse(g["num"])
            value2 = self.pats.numbers.parse(g["num2"]) if g["num2"] else None
        except ValueError:
            return None, m.end()
        end = m.end()
        unit_word = g["unit"] or g["unit1"]
        if value2 is not None and not self._good_range(m, value, value2):
            unit_word = g["unit1"]
            value2 = None
            end = m.end("unit1") if g["unit1"] else m.end("num")
        if g["neg"]:
            value = -value
        unit = self.pats.units.get(unit_word.lower()) if unit_word else None
        spans: list[tuple[int, int]] = []
        if g["cur"]:
            unit = unit or self.pats.units.get(self.lex.raw["units"]["prefixed"].get(g["cur"], g["cur"]).lower())
            spans.append(m.span("cur"))  # unit as written: the sign ($, RMB)
        else:
            grp = "num2" if value2 is not None else "num"
            scale = regex.search(r"[A-Za-z]+$", g[grp])
            first = m.end(grp) - len(scale.group()) if scale and scale.group().lower() in self.pats.numbers.scales else None
            if unit_word and unit is not None:
                ugrp = "unit" if g["unit"] and (value2 is not None or not g["unit1"]) else "unit1"
                spans.append((first if first is not None else m.start(ugrp), m.end(ugrp)))  # million metric tons
            elif first is not None:
                spans.append((first, m.end(grp)))  # 12 million (jobs)
        if unit is not None and unit.code == "times" and not self.pats.times_followers.match(self.text, end):
            unit = Unit(unit.surface, "count", "count")  # cut the RRR two times: a count of events
        if unit is None:
            unit = self._counted_unit(end)
            if unit is None:
                unit = self._unit_of_subject(self._clause_before(m.start()), g[grp])
        suf = g["suf"] if unit is not None and end == m.end() else None
        if suf is None and g["suf"] and end == m.end():
            end = m.start("suf") - 1  # a suffix qualifier belongs to a unit
            while end > 0 and self.text[end - 1] == " ":
                end -= 1
            end = max(end, m.end("num"))
        qualifier = self._qualifier(g["pre"], suf, value2 is not None)
        claimable = unit is not None and not (
            (g["num"].lower() in ("one", "a") and unit.kind in ("count", "people", "time"))
            or (unit.kind == "time" and unit.code == "year" and value == value.to_integral_value()))
        factor = Decimal(unit.factor if unit else 1)
        start = m.start("between") if g["between"] and value2 is not None else \
            m.start("pre") if g["pre"] else m.start("cur") if g["cur"] else m.start("neg") if g["neg"] else m.start("num")
        if g["between"] and value2 is None:
            start = m.start("pre") if g["pre"] else m.start("cur") if g["cur"] else m.start("num")
        low = value * factor if value2 is not None else None
        high = value2 * factor if value2 is not None else None
        rule = "en.digits" if any(ch.isdigit() for ch in g["num"]) else "en.words"
        mention = Mention(start, end, m.start("num"), value * factor, low, high,
                          unit.code if unit else None, unit.kind if unit else None, tuple(spans), qualifier, rule,
                          claimable=claimable)
        return mention, end

    def _good_range(self, m: regex.Match[str], low: Decimal, high: Decimal) -> bool:
        g = m.groupdict()
        if high <= low or (not g["unit"] and not (g["cur"] and g["cur2"])) or (g["unit1"] and not g["unit"]):
            return False  # 6 to 6.5 percent, $1 billion to $2 billion; not 0.6 percent to $3.38 trillion
        if bool(g["cur"]) != bool(g["cur2"]) and (g["cur"] or g["cur2"]):
            return False
        if g["unit1"] and g["unit"] and self.pats.units[g["unit1"].lower()].code != self.pats.units[g["unit"].lower()].code:
            return False
        sep = (g["sep"] or "").strip().lower()
        if sep == "to" and regex.search(r"\bfrom\b", self._clause_before(m.start()), regex.I):
            return False  # from 5 percent to 6 percent: two values
        return not (sep in "-–—" and _BARE_YEAR.fullmatch(g["num"]) and _BARE_YEAR.fullmatch(g["num2"]))

    def numbers(self) -> list[Mention]:
        found: list[Mention] = []
        pos = 0
        while (m := self.pats.mention.search(self.text, pos)) is not None:
            mention, nxt = self._from_match(m)
            if mention is not None:
                found.append(mention)
            pos = max(nxt, m.start() + 1)
        return found

    def specials(self) -> list[Mention]:
        """Fraction words (a third, half of) and doubling words (doubled)."""
        u = self.lex.raw["units"]
        fractions = {k.lower(): v for k, v in u["fractions"].items()}
        doubling = {k.lower(): v for k, v in u["doubling"].items()}
        out = []
        for m in self.pats.special.finditer(self.text):
            word = m.group("word").lower()
            before = self.text[max(0, m.start("word") - 8):m.start("word")].lower()
            if word in fractions:
                if word.endswith("half") and (not self.text.startswith(" of", m.end()) or regex.search(r"(?:first|second|latter|the)\s$", before)):
                    continue  # the first half of the year
                value, rule = Decimal(str(fractions[word])), "en.fraction"
            else:
                value, rule = Decimal(str(doubling[word])), "en.doubling"
            qualifier = self._qualifier(m.group("pre"), None, False)
            out.append(Mention(m.start(), m.end(), m.start("word"), value, None, None, "percent", "rate",
                               (m.span("word"),), qualifier, rule))
        return out

    def rankings(self) -> list[Mention]:
        """Rankings: ranked first, second largest in the world, first place nationwide, top three."""
        r = self.lex.raw["ranking"]
        ordinals = {k.lower(): v for k, v in r["ordinals"].items()}
        stops = tuple(w.lower() for w in r["not_ranking_after"])
        out = []
        for m in self.pats.ranking.finditer(self.text):
            if m.group("top"):
                written = m.group("n").lower()
                value = Decimal(written) if written.isdigit() else Decimal(self.lex.raw["numbers"]["ones"].get(written, 0))
                scope, qualifier = m.group("scope2"), "at_most"
            else:
                written = (m.group("ord") or m.group("ord2")).lower()
                value = Decimal(ordinals[written]) if written in ordinals else Decimal(regex.sub(r"\D", "", written))
                scope, qualifier = m.group("scope"), "exact"
                if self.text[m.end():m.end() + 12].lower().lstrip().startswith(stops) and not (m.group("sup") or m.group("scope")):
                    continue
            if value <= 0:
                continue
            ord_group = "top" if m.group("top") else "ord" if m.group("ord") else "ord2"
            out.append(Mention(m.start(), m.end(), m.start(ord_group), value, None, None, "rank", "rank",
                               (m.span(ord_group),), qualifier, "en.ranking", rank_of=None, rank_scope=scope))
        return out


def recognise_quantities(text: str, lex: Lexicon) -> list[Mention]:
    """Every English number expression and ranking of a text, in text order (overlaps not yet resolved)."""
    rec = _Recogniser(text, lex)
    numbers = rec.numbers()
    specials = [s for s in rec.specials() if not any(n.start < s.end and s.start < n.end for n in numbers)]
    return sorted(numbers + specials + rec.rankings(), key=lambda x: x.start)
