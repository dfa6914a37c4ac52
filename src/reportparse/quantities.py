"""Stage 3a: the number recogniser. Finds every number expression of a normalised text.

A mention is an optional prefix qualifier (超过, 近, 约, 不少于), a number (Arabic with
separators and decimals, Chinese or mixed numerals, a scale 万/亿/万亿), an optional
range (5%—6%, 3至5个), an optional inner qualifier (500余家), a unit or measure word
and an optional suffix qualifier (左右, 以上, 以内). Things that only look like numbers
(years, dates, names, codes, meeting ordinals, slogans) are rejected here.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import cache

import regex

from .lexicon import Lexicon, Unit, alternation
from .model import Mention
from .numerals import BIG_UNITS, DIGITS, FILLERS, FINANCIAL, NUMERAL_CHARS, parse_numeral
from .years import year_value

_ARABIC = r"\d+(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_CN = f"[{NUMERAL_CHARS}]"
_CN_DIGITS = "".join(DIGITS)
_DECIMAL_DIGITS = "零〇一二三四五六七八九"
_NONZERO = regex.escape("".join(ch for ch, value in DIGITS.items() if value))
_ADJACENT_DIGITS = regex.compile(f"[{_NONZERO}][{_NONZERO}]")  # 两两, 一二: not one numeral
_HAS_DIGIT = regex.compile(r"\d")


def _number_pattern(numeral_units: str, measure_chars: str) -> str:
    """A number: Arabic or Chinese numerals, mixed (1.2万亿, 5万4千), with 多/余/几 inside.

    A numeral character does not continue the number when it starts a unit (1亿千瓦)
    or is a lone digit after 万/亿 that a measure word follows (9万亿三个).
    """
    guard = rf"(?!{numeral_units})" if numeral_units else ""
    cn = rf"(?:{guard}(?!(?<=[万亿萬億])[{_CN_DIGITS}][{measure_chars}]){_CN})"
    return rf"(?:{_ARABIC}|{cn})(?:[{FILLERS}]?(?:{_ARABIC}|{cn}))*(?:[点點][{_DECIMAL_DIGITS}]+)?"


_SCALE_CHARS = "".join(BIG_UNITS)


@dataclass(frozen=True)
class QuantityPatterns:
    """The compiled recogniser of one language."""

    mention: regex.Pattern[str]
    special: regex.Pattern[str]
    noise_phrases: regex.Pattern[str] | None
    time_or_list: regex.Pattern[str]
    abstract_noun: regex.Pattern[str]
    name_follower: regex.Pattern[str]
    quote: regex.Pattern[str]


@cache
def _patterns(lex: Lexicon) -> QuantityPatterns:
    q = lex.raw["qualifiers"]
    units = alternation(list(lex.units))
    numeral_units = alternation([u for u in lex.units if u[0] in NUMERAL_CHARS])
    measure_chars = regex.escape("".join(sorted({u for u in lex.units if len(u) == 1})))
    number = _number_pattern(numeral_units, measure_chars)
    # A lone Chinese digit that neither a numeral, a unit nor a qualifier follows is a word
    # (一些, 统一, 四川): skip it here, before any Python runs for it.
    follow = regex.escape("".join(sorted({u[0] for u in lex.units} | set(NUMERAL_CHARS) | set(FILLERS) | set("点點-—–~～至到"))))
    lone = rf"(?![{_CN_DIGITS}](?![\d{follow}]))"
    starts = set(NUMERAL_CHARS) | set("0123456789-负負") | {w[0] for w in q["prefix"]} \
        | {w[0] for w in lex.raw["units"]["prefixed"]}
    pattern = (
        rf"(?=[{regex.escape(''.join(sorted(starts)))}])"
        rf"(?P<pre>{alternation(list(q['prefix']))})?"
        rf"(?P<upre>{alternation(list(lex.raw['units']['prefixed']))})?"
        rf"(?P<neg>(?<![\d%A-Za-z])-|(?<![\p{{Han}}])(?:负|負)|(?<=[为是长达至到])(?:负|負))?"
        rf"(?(pre)|(?(upre)|{lone}))"
        rf"(?P<num>{number})"
        rf"(?:(?P<unit1>{units})?(?P<sep>[-—–~～至到])(?P<num2>{number}))?"
        rf"(?P<inner>[{''.join(q['inner'])}])?"
        rf"(?P<unit>{units})?"
        rf"(?P<suf>{alternation(list(q['suffix']))})?"
    )
    specials = list(lex.raw["units"]["fractions"]) + list(lex.raw["units"]["doubling"])
    special_starts = regex.escape("".join(sorted({w[0] for w in specials} | {w[0] for w in q["prefix"]})))
    scopes = alternation(lex.raw["ranking"]["scope_heads"])
    special = (rf"(?=[{special_starts}])(?:(?P<pre>{alternation(list(q['prefix']))})(?:{scopes})?)?"
               rf"(?P<word>{alternation(specials)})(?P<suf>{alternation(list(q['suffix']))})?")  # 超过全球一半
    noise = lex.raw["noise"]
    phrases = noise["phrases"]
    return QuantityPatterns(
        regex.compile(pattern), regex.compile(special), regex.compile(alternation(phrases)) if phrases else None,
        regex.compile(alternation(noise["time_followers"] + noise["list_markers"])),
        regex.compile(alternation(noise["abstract_nouns"])),
        regex.compile(alternation(noise["name_followers"])),
        regex.compile(alternation(list(noise["quote_chars"]) + list(noise["quote_chars"].values()))),
    )


def _scale_text(num: str) -> str:
    """The scale written at the end of an Arabic number (亿 of 785.6亿, 万亿 of 1.2万亿)."""
    if not any(ch.isdigit() for ch in num):
        return ""
    tail = len(num)
    while tail > 0 and not num[tail - 1].isdigit():
        tail -= 1
    return "".join(ch for ch in num[tail:] if ch not in FILLERS)


def _quoted(text: str, start: int, end: int, lex: Lexicon) -> bool:
    """True when [start, end) sits inside a short quotation (“三个一批”, "125")."""
    noise = lex.raw["noise"]
    limit = noise["quote_max_chars"]
    line_start = text.rfind("\n", 0, start) + 1
    for open_q, close_q in noise["quote_chars"].items():
        left = text.rfind(open_q, max(0, start - limit), start)
        if left < 0 or (open_q != close_q and text.find(close_q, left + 1, start) >= 0):
            continue
        if open_q == close_q and text.count(open_q, line_start, start) % 2 == 0:
            continue  # "十四五"期间GDP增长5%: the quote before closes an earlier one
        right = text.find(close_q, end, end + limit)
        if right >= 0 and right - left - 1 <= limit:
            return True
    return False


def _is_cjk(ch: str) -> bool:
    return bool(ch) and "\u4e00" <= ch <= "\u9fff"


def _slogan(text: str, start: int, end: int) -> bool:
    """True for numerals inside a slogan like 一廊两园 or 三个一批 (numeral, word, numeral)."""
    after = text[end : end + 2]
    before = text[max(0, start - 2) : start]
    if after[:1] and after[0] in _CN_DIGITS:
        return True
    if len(after) == 2 and _is_cjk(after[0]) and after[1] in _CN_DIGITS:
        return True
    return len(before) == 2 and before[0] in _CN_DIGITS and _is_cjk(before[1]) and before[1] not in _CN_DIGITS


class _Recogniser:
    """Runs the patterns over one text and applies the noise filters."""

    def __init__(self, text: str, lex: Lexicon) -> None:
        self.text = text
        self.lex = lex
        self.pats = _patterns(lex)
        self.noise = lex.raw["noise"]
        self.quals = lex.raw["qualifiers"]
        self.phrase_reach = max((len(p) for p in self.noise["phrases"]), default=0)
        self.quote_positions = [q.start() for q in self.pats.quote.finditer(text)]
        cues = lex.raw["cues"]
        self.list_joiners = frozenset(cues["list_separators"] + cues["conjunctions"])
        self.clause_split = regex.compile(f"[{regex.escape(lex.segment.clause_ends)}]")
        self.item_split = regex.compile(f"[{regex.escape(lex.segment.clause_ends + '、')}]")

    def in_noise_phrase(self, start: int, end: int) -> bool:
        """True when [start, end) overlaps a fixed term (一带一路, 进一步) that is not inside it
        (万一 inside 一万一千 is part of the number)."""
        if self.pats.noise_phrases is None:
            return False
        lo = max(0, start - self.phrase_reach + 1)
        for m in self.pats.noise_phrases.finditer(self.text, lo, end + self.phrase_reach - 1, overlapped=True):
            if m.start() < end and start < m.end() and not (start <= m.start() and m.end() <= end):
                return True
        return False

    def near_quote(self, start: int, end: int) -> bool:
        """True when a quotation mark stands within reach of [start, end)."""
        limit = self.noise["quote_max_chars"]
        i = bisect.bisect_left(self.quote_positions, start - limit)
        return i < len(self.quote_positions) and self.quote_positions[i] < end + limit

    def mentions(self) -> list[Mention]:
        found: list[Mention] = []
        for m in self.pats.mention.finditer(self.text):
            mention = self._from_match(m)
            if mention is not None:
                found.append(mention)
        # kept in text order (ties as found), so the mentions a special word overlaps are looked up
        # by their start, not by comparing it with every mention (linear in the text, not quadratic)
        found.sort(key=lambda x: x.start)
        starts = [f.start for f in found]
        reach = max((f.end - f.start for f in found), default=0)
        for m in self.pats.special.finditer(self.text):
            mention = self._from_special(m)
            if mention is None:
                continue
            lo = bisect.bisect_left(starts, mention.start - reach)
            hi = bisect.bisect_left(starts, mention.end)
            hits = [i for i in range(lo, hi) if mention.start < found[i].end]
            if any(found[i].claimable for i in hits):
                continue
            for i in reversed(hits):
                del found[i], starts[i]
            at = bisect.bisect_right(starts, mention.start)
            found.insert(at, mention)
            starts.insert(at, mention.start)
            reach = max(reach, mention.end - mention.start)
        return self._share_units(found)

    def _share_units(self, found: list[Mention]) -> list[Mention]:
        """Give a unitless number the unit of the next one in a list: 4.2和0.7个百分点."""
        out = list(found)
        for i in range(len(out) - 2, -1, -1):
            m, nxt = out[i], out[i + 1]
            if m.unit is None and nxt.unit is not None and nxt.num_start - m.end == 1 \
                    and self.text[m.end] in self.list_joiners and m.rule == nxt.rule:
                out[i] = replace(m, unit=nxt.unit, unit_kind=nxt.unit_kind, unit_spans=nxt.unit_spans,
                                 claimable=nxt.claimable)
        return out

    # ----- special words: 一半, 翻番 -----
    def _from_special(self, m: regex.Match[str]) -> Mention | None:
        word = m.group("word")
        if self.in_noise_phrase(m.start("word"), m.end("word")):
            return None
        units = self.lex.raw["units"]
        table = units["fractions"] if word in units["fractions"] else units["doubling"]
        value = Decimal(str(table[word]))
        qualifier = self._qualifier(m.group("pre"), word[-1] if word[-1] in self.quals["inner"] else None,
                                    m.group("suf"), False)  # 翻了一番多: more than double
        rule = "zh.fraction" if word in units["fractions"] else "zh.doubling"
        return Mention(m.start(), m.end(), m.start("word"), value, None, None,
                       "percent", "rate", (m.span("word"),), qualifier, rule)

    # ----- ordinary numbers -----
    def _not_a_number(self, m: regex.Match[str], g: dict[str, str | None]) -> bool:
        """True when the match only looks like a number expression (see the two checks)."""
        num = g["num"] or ""
        unitless = not (g["unit"] or g["unit1"] or g["upre"])
        has_digit = _HAS_DIGIT.search(num) is not None
        if not has_digit and self._numeral_in_word(m, g, num, unitless):
            return True
        return self._code_time_or_name(m, num, unitless, has_digit)

    def _numeral_in_word(self, m: regex.Match[str], g: dict[str, str | None], num: str, unitless: bool) -> bool:
        """Chinese numeral characters that are part of a word, idiom or slogan: 一切, 四川,
        万象城, 零部件, 登陆, 两两, 两个大局, 五项原则, 一廊两园."""
        if g["pre"] is None:
            if unitless and len(num) == 1 and num != "两":
                return True
            counted = g["inner"] and g["unit"]  # 百余家, 千余人
            if not num.startswith("十") and not any(ch in _CN_DIGITS for ch in num) and not counted:
                return True  # a bare 百/千/万 (万象城, 千家万户)
        if num in ("零", "〇", "○") or num in FINANCIAL or _ADJACENT_DIGITS.search(num):
            return True
        end, start = m.end(), m.start("num")
        if self.text[max(0, start - 2) : start].endswith(tuple(self.noise["demonstratives"])):
            return True  # 这两个指标: refers back, not a count
        return bool(self.pats.abstract_noun.match(self.text, end)) or _slogan(self.text, start, end)

    def _code_time_or_name(self, m: regex.Match[str], num: str, unitless: bool, has_digit: bool) -> bool:
        """A year, a date, a code glued to Latin letters (5G, PM2.5, 18+3+1), an ordinal
        (第十七届), a heading or list number (一、 （三） 一是), a fixed term (一带一路, 进一步),
        a quoted name (“三个一批”) or a meeting (二次会议)."""
        text = self.text
        nstart, nend, end = m.start("num"), m.end("num"), m.end()
        before = text[nstart - 1] if nstart > 0 else ""
        after = text[end] if end < len(text) else ""
        if has_digit and len(num) > 1 and num[0] == "0" and num[1].isdigit():
            return True  # 02 of 2026-02-02: part of a date or a code
        if before in "-/" and before and text[nstart - 2 : nstart - 1].isdigit():
            return True
        if before == "第" or before and before.isascii() and (before.isalpha() or before in "+.") \
                or after and after.isascii() and (after.isalpha() or after == "+"):
            return True
        if text.startswith("年", nend) and year_value(num):
            return True
        if unitless and self.pats.time_or_list.match(text, nend):
            return True
        if unitless and (text.startswith("、", nend) and not text[text.rfind("\n", 0, nstart) + 1 : nstart].strip()
                         or before and before in "（(" and text.startswith(("）", ")"), nend)):
            return True
        if self.in_noise_phrase(nstart, nend) or self.near_quote(nstart, end) and _quoted(text, m.start(), end, self.lex):
            return True
        return bool(self.pats.name_follower.match(text, end))

    def _from_match(self, m: regex.Match[str]) -> Mention | None:
        g = m.groupdict()
        if self._not_a_number(m, g):
            return None
        num = g["num"] or ""
        try:
            value = parse_numeral(num)
            value2 = parse_numeral(g["num2"]) if g["num2"] else None
        except ValueError:
            return None
        if g["neg"]:
            value = -value
        unit_word = g["unit"] or g["unit1"] or ""
        if g["upre"]:
            if unit_word:
                return None  # 百分之五个: not a number expression we understand
            unit_word = self.lex.raw["units"]["prefixed"][g["upre"]]
        unit = self.lex.units.get(unit_word) or self._implied_unit(m.start("num"), m.end(), num)
        if g["num2"] and not self._good_range(g, value, value2, unit):
            return None
        factor = Decimal(unit.factor if unit else 1)
        low = value * factor if value2 is not None else None
        high = value2 * factor if value2 is not None else None
        inner = g["inner"] or next((ch for ch in num if ch in self.quals["inner"]), None)
        qualifier = self._qualifier(g["pre"], inner, g["suf"] if unit else None, value2 is not None)
        end = m.end() if unit else m.end("inner") if g["inner"] else m.end("num")
        claimable = unit is not None and not (
            num == "一" and unit.kind in ("count", "people", "time")  # 一个, 一批, 一年: "a", not a count
            or unit.surface == "年" and value == value.to_integral_value()  # durations: 三年行动, 过去五年
            or unit.surface == "岁" and qualifier != "exact" and _is_cjk(self.text[end:end + 1]))  # 3岁以下婴幼儿
        rule = "zh.arabic" if _HAS_DIGIT.search(num) else "zh.chinese_numeral"
        return Mention(m.start(), end, m.start("num"), value * factor, low, high,
                       unit.code if unit else None, unit.kind if unit else None,
                       self._unit_spans(m, g) if unit else (), qualifier, rule, claimable=claimable)

    @staticmethod
    def _unit_spans(m: regex.Match[str], g: dict[str, str | None]) -> tuple[tuple[int, int], ...]:
        """The unit as written with the scale of the number before it: 亿元 of 785.6亿元,
        万 and 人 of 1.2万余人, 百分之 of 百分之五."""
        if g["upre"]:
            return (m.span("upre"),)
        last = "num2" if g["num2"] else "num"
        scale = len(_scale_text(g[last] or ""))
        spans = [(m.end(last) - scale, m.end(last))] if scale else []
        for group in ("unit1", "unit") if last == "num" else ("unit",):
            if g[group]:
                spans.append(m.span(group))
                break
        return tuple(spans)

    def _good_range(self, g: dict[str, str | None], low: Decimal, high: Decimal | None, unit: Unit | None) -> bool:
        if high is None or high <= low or unit is None:
            return False
        if g["sep"] == "-" and (g["num2"] or "").startswith("0"):
            return False  # a date like 2026-02
        unit1 = g["unit1"]
        return unit1 is None or self.lex.units[unit1].code == unit.code

    def _implied_unit(self, nstart: int, end: int, num: str) -> Unit | None:
        """Unit of a scaled number written without one (6600多万纳税人, 破亿 travellers)."""
        if not any(ch in num for ch in _SCALE_CHARS):
            return None
        implied = self.lex.raw["units"]["implied"]
        following = self.item_split.split(self.text[end : end + 6])[0]
        preceding = self.clause_split.split(self.text[max(0, nstart - 200) : nstart])[-1]
        for window in (following, preceding):
            for code, cues in implied.items():
                if code.startswith("_"):
                    continue
                if any(c in window for c in cues):
                    return Unit("", code, self.lex.unit_kind(code))
        return None

    def _qualifier(self, pre: str | None, inner: str | None, suf: str | None, is_range: bool) -> str:
        if is_range:
            return "range"
        for word, table in ((suf, "suffix"), (pre, "prefix"), (inner, "inner")):
            if word and self.quals[table].get(word, "exact") != "exact":
                return str(self.quals[table][word])
        return "exact"


def recognise_quantities(text: str, lex: Lexicon) -> list[Mention]:
    """Every number expression of a normalised text, noise removed, in text order."""
    return _Recogniser(text, lex).mentions()
