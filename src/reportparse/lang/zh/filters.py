"""The named filters of the number recogniser: things that only look like numbers.

Each filter is a predicate over a :class:`Candidate` that returns its reason when the
candidate is not a number expression, else None. :data:`FILTERS` runs them in order; the
first that answers drops the candidate (``zh.filter.<name>`` in an explain trace). The
first group applies to numbers written only in Chinese numerals (a numeral inside a word,
idiom or slogan: 一切, 四川, 万象城, 两个大局, 一廊两园); the second to every number (a
year, a date, a code, an ordinal, a heading number, a fixed term, a quoted name, a meeting).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable

import regex

from ...lexicon import Lexicon
from ...textfind import places
from .bounds import compared
from .compounds import digit_pair, is_discount
from .numerals import DECIMAL_POINTS, FINANCIAL, TEN, TWO, VAGUE_LEADS, ZEROS
from .patterns import CN_DIGITS, MentionGroups, QuantityPatterns, quantity_patterns
from .views import Grammar, Noise, grammar, noise, qualifiers
from .years import YEAR_SUFFIX, year_value

_NONZERO = regex.escape("".join(ch for ch in CN_DIGITS if ch not in ZEROS))
_ADJACENT_DIGITS = regex.compile(f"[{_NONZERO}][{_NONZERO}]")  # 两两, 一二: not one numeral
_HAS_DIGIT = re.compile(r"\d")  # the stdlib re: a cheaper call, once per match
_CN_DIGIT = re.compile(f"[{re.escape(CN_DIGITS)}]")
_POINT = regex.compile(f"[{DECIMAL_POINTS}]")


def is_cjk(ch: str) -> bool:
    """True for a character of the CJK unified ideographs block."""
    return bool(ch) and 0x4E00 <= ord(ch) <= 0x9FFF


def slogan(text: str, start: int, end: int) -> bool:
    """True for numerals inside a slogan like 一廊两园 or 三个一批 (numeral, word, numeral)."""
    after = text[end : end + 2]
    before = text[max(0, start - 2) : start]
    if after[:1] and after[0] in CN_DIGITS:
        return True
    if len(after) == 2 and is_cjk(after[0]) and after[1] in CN_DIGITS:
        return True
    return len(before) == 2 and before[0] in CN_DIGITS and is_cjk(before[1]) and before[1] not in CN_DIGITS


def positions(text: str, marks: Iterable[str]) -> list[int]:
    """Where any of the one-character ``marks`` stands in ``text``, in order."""
    return sorted(i for mark in marks for i in places(text, mark))


class TextNoise:
    """Noise look-ups over one whole text: fixed terms and quotations around a position."""

    def __init__(self, text: str, lex: Lexicon) -> None:
        self.text = text
        self.lex = lex
        self.pats: QuantityPatterns = quantity_patterns(lex)
        self.noise: Noise = noise(lex)
        self.grammar: Grammar = grammar(lex)
        self.phrase_reach = max((len(p) for p in self.noise.phrases), default=0)
        self.quote_positions = positions(text, {*self.noise.quote_chars, *self.noise.quote_chars.values()})

    def in_noise_phrase(self, start: int, end: int) -> bool:
        """True when [start, end) overlaps a fixed term (一带一路, 进一步) that is not inside it
        (万一 inside 一万一千 is part of the number)."""
        near, overlapped = self.pats.noise_phrases, self.pats.noise_phrases_all
        lo, hi = max(0, start - self.phrase_reach + 1), end + self.phrase_reach - 1
        if near is None or overlapped is None or near.search(self.text, lo, hi) is None:
            return False  # most numbers stand near none
        for m in overlapped.finditer(self.text, lo, hi, overlapped=True):
            if m.start() < end and start < m.end() and not (start <= m.start() and m.end() <= end):
                return True
        return False

    def near_quote(self, start: int, end: int) -> bool:
        """True when a quotation mark stands within reach of [start, end)."""
        limit = self.noise.quote_max_chars
        i = bisect.bisect_left(self.quote_positions, start - limit)
        return i < len(self.quote_positions) and self.quote_positions[i] < end + limit

    def quoted(self, start: int, end: int) -> bool:
        """True when [start, end) sits inside a short quotation (“三个一批”, "125")."""
        text, limit = self.text, self.noise.quote_max_chars
        line_start = text.rfind("\n", 0, start) + 1
        for open_q, close_q in self.noise.quote_chars.items():
            left = text.rfind(open_q, max(0, start - limit), start)
            if left < 0 or (open_q != close_q and text.find(close_q, left + 1, start) >= 0):
                continue
            if open_q == close_q and text.count(open_q, line_start, start) % 2 == 0:
                continue  # "十四五"期间GDP增长5%: the quote before closes an earlier one
            right = text.find(close_q, end, end + limit)
            if right >= 0 and right - left - 1 <= limit:
                return True
        return False


class Candidate:
    """A match of the mention pattern, with what the filters ask of it (read once, at creation)."""

    __slots__ = ("after", "before", "end", "g", "has_digit", "m", "nend", "noise", "nstart", "num", "text", "unitless")

    def __init__(self, m: re.Match[str], g: MentionGroups, noise: TextNoise) -> None:
        self.m, self.g, self.noise = m, g, noise
        text = self.text = noise.text
        self.num = g.num or ""
        self.unitless = not (g.unit or g.unit1 or g.upre)
        self.has_digit = self.num[:1].isdecimal() or _HAS_DIGIT.search(self.num) is not None  # isdecimal is \d
        self.nstart, self.nend = m.span("num")
        self.end = m.end()
        self.before = text[self.nstart - 1 : self.nstart]  # "" at the start of the text
        self.after = text[self.end : self.end + 1]  # "" at the end of the text


Filter = Callable[[Candidate], str | None]
"""A named filter: the reason it drops a candidate, or None."""


# ----- Chinese numerals inside a word, idiom or slogan (numbers without an Arabic digit) -----
def lone_numeral(c: Candidate) -> str | None:
    """A lone numeral character without a unit is part of a word: 一切, 四川."""
    if c.g.pre is None and c.unitless and len(c.num) == 1 and c.num != TWO and not c.g.num2:
        return "a lone numeral character without a unit is part of a word"
    return None


def bare_scale(c: Candidate) -> str | None:
    """A bare 百/千/万 without a digit is part of a word: 万象城, 千家万户."""
    if c.g.pre is not None or c.num.startswith(TEN) or _CN_DIGIT.search(c.num):
        return None
    counted = (c.g.inner and c.g.unit) or c.g.upre or c.num[0] in VAGUE_LEADS  # 百余家, 百分之百, 数百家
    return None if counted else "a bare hundred, thousand or ten thousand without a digit is part of a word"


def zero_or_financial(c: Candidate) -> str | None:
    """A lone zero or financial numeral is part of a word: 零部件."""
    if c.num in ZEROS or c.num in FINANCIAL:
        return "a lone zero or financial numeral is part of a word"
    return None


def adjacent_digits(c: Candidate) -> str | None:
    """Two digits side by side are not one numeral: 两两, 一二 (the digits after 点 are: 十点二三)."""
    if _ADJACENT_DIGITS.search(c.num) is None or is_discount(c.noise.lex, c.g.unit or "") \
            or digit_pair(c.num) is not None:
        return None  # 八五折: a discount of 85 percent; 一两千: 1000 to 2000
    whole = _POINT.split(c.num, maxsplit=1)[0]
    return "two digits side by side are not one numeral" if _ADJACENT_DIGITS.search(whole) else None


def demonstrative(c: Candidate) -> str | None:
    """After a demonstrative the numeral refers back, it is not a count: 这两个指标."""
    start = c.nstart
    if c.text[max(0, start - 2) : start].endswith(c.noise.noise.demonstratives):
        return "after a demonstrative the numeral refers back, it is not a count"
    return None


def abstract_noun(c: Candidate) -> str | None:
    """An abstract noun follows, a set phrase, not a count: 两个大局, 五项原则."""
    if c.noise.pats.abstract_noun.match(c.text, c.end):
        return "an abstract noun follows: a set phrase, not a count"
    return None


def slogan_numeral(c: Candidate) -> str | None:
    """A numeral of a slogan: 一廊两园, 三个一批 (not the first end of 在一百和两百之间, nor a bound
    written with its qualifier: 二十以上三十以下)."""
    if not slogan(c.text, c.nstart, c.end) or (c.g.suf and c.after and c.after in CN_DIGITS):
        return None
    bounds = qualifiers(c.noise.lex).bounds
    if c.text[c.end : c.end + 1] in bounds["joiners"] and c.text.endswith(tuple(bounds["open"]), 0, c.m.start()):
        return None
    return "a numeral of a slogan"


# ----- codes, dates, years, ordinals, headings, names (every number) -----
def leading_zero(c: Candidate) -> str | None:
    """A leading zero: part of a date or a code (02 of 2026-02-02)."""
    if c.has_digit and len(c.num) > 1 and c.num[0] == "0" and c.num[1].isdigit():
        return "a leading zero: part of a date or a code"
    return None


def date_part(c: Candidate) -> str | None:
    """After a digit and - or /: part of a date or a code (2026-02, 3/4)."""
    nstart = c.nstart
    if c.before and c.before in "-/" and c.text[nstart - 2 : nstart - 1].isdigit():
        return "after a digit and - or /: part of a date or a code"
    return None


def ordinal(c: Candidate) -> str | None:
    """An ordinal: 第十七届."""
    return "an ordinal" if c.before == c.noise.grammar.ordinal_prefix else None


def latin_code(c: Candidate) -> str | None:
    """Glued to Latin letters or +: a code (5G, PM2.5, 18+3+1; not a currency code before it: CNY100)."""
    before, after = c.before, c.after
    if (before and before.isascii() and (before.isalpha() or before in "+.") and not c.g.upre) \
            or (after and after.isascii() and (after.isalpha() or after == "+")):
        return "glued to Latin letters or +: a code"
    return None


def year(c: Candidate) -> str | None:
    """A year: 2025年."""
    if c.text.startswith(YEAR_SUFFIX, c.nend) and year_value(c.num):
        return "a year"
    return None


def time_or_list(c: Candidate) -> str | None:
    """A time or list word follows a number without a unit: 3月, 5时."""
    if c.unitless and c.noise.pats.time_or_list.match(c.text, c.nend):
        return "a time or list word follows a number without a unit"
    return None


def heading_number(c: Candidate) -> str | None:
    """A heading or list number: 一、 （三）."""
    if not c.unitless:
        return None
    text, nstart, nend, g = c.text, c.nstart, c.nend, c.noise.grammar
    line_opening = text.startswith(g.list_comma, nend) and not text[text.rfind("\n", 0, nstart) + 1 : nstart].strip()
    bracketed = c.before and c.before in g.bracket_opens and text.startswith(tuple(g.bracket_closes), nend)
    return "a heading or list number" if line_opening or bracketed else None


def noise_phrase(c: Candidate) -> str | None:
    """Inside a fixed term: 一带一路, 进一步 (not 十大 of 比五十大, a comparison, nor 三公 of 三公里,
    a term that ends inside the unit word)."""
    if c.noise.in_noise_phrase(c.nstart, c.nend) \
            and (not c.g.unit or c.noise.in_noise_phrase(c.nstart, c.m.end("unit") - 1)) \
            and compared(c.text, c.m.start(), c.end, qualifiers(c.noise.lex).bounds["compare"]) is None:
        return "inside a fixed term"
    return None


def quoted_name(c: Candidate) -> str | None:
    """Inside a short quotation, a name: “三个一批”."""
    if c.noise.near_quote(c.nstart, c.end) and c.noise.quoted(c.m.start(), c.end):
        return "inside a short quotation: a name"
    return None


def name(c: Candidate) -> str | None:
    """A name or a meeting follows: 二次会议."""
    if c.noise.pats.name_follower.match(c.text, c.end):
        return "a name or a meeting follows"
    return None


NUMERAL_FILTERS: tuple[Filter, ...] = (lone_numeral, bare_scale, zero_or_financial, adjacent_digits, demonstrative,
                                       abstract_noun, slogan_numeral)
"""The filters of numbers written only in Chinese numerals, in order."""
FILTERS: tuple[Filter, ...] = (leading_zero, date_part, ordinal, latin_code, year, time_or_list, heading_number,
                               noise_phrase, quoted_name, name)
"""The filters of every number, in order."""


_ALL_FILTERS = NUMERAL_FILTERS + FILTERS


def first_drop(c: Candidate) -> tuple[str, str] | None:
    """The name and reason of the first filter that drops the candidate, None when it is kept."""
    filters = FILTERS if c.has_digit else _ALL_FILTERS
    for check in filters:
        reason = check(c)
        if reason is not None:
            return check.__name__, reason
    return None
