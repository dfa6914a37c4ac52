"""Read Chinese and mixed numerals (三十, 四亿零七百多万, 1.2万亿, 两千四百五) as Decimals.

Pure functions, no language data beyond the numeral characters themselves, which are
the Chinese writing system rather than vocabulary.

>>> parse_numeral("四亿零七百多万")
Decimal('407000000')
>>> parse_numeral("1.2万亿")
Decimal('1200000000000.0')
>>> parse_numeral("两千四百五")
Decimal('2450')
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache

import regex

DIGITS = {
    "零": 0, "〇": 0, "○": 0, "一": 1, "壹": 1, "幺": 1, "二": 2, "贰": 2, "貳": 2, "两": 2, "兩": 2, "倆": 2, "俩": 2,
    "三": 3, "叁": 3, "參": 3, "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "陸": 6,
    "七": 7, "柒": 7, "八": 8, "捌": 8, "九": 9, "玖": 9,
}
SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG_UNITS = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8, "兆": 10**12}
FILLERS = "多余几幾"
VAGUE_LEADS = "几幾数數"  # before a place: an unstated number of tens, hundreds... (几十个, 数十亿)
FINANCIAL = frozenset("壹贰貳叁參肆伍陆陸柒捌玖拾佰仟")
MAX_DIGITS = 20  # no government statistic needs more; larger strings are codes or noise
NUMERAL_CHARS = "".join(DIGITS) + "".join(SMALL_UNITS) + "".join(BIG_UNITS)
COUNTING_DIGITS = "一二三四五六七八九十"  # the digits of heading and ordinal numbers (三、 第十七届)
DECIMAL_DIGITS = "零〇一二三四五六七八九"  # the digits written after 点
DECIMAL_POINTS = "点點"
MINUS_SIGNS = ("负", "負", "-")
ZEROS = ("零", "〇", "○")
ONE = "一"
TWO = "两"  # 两 alone is a count (两个), not part of a word
TEN = "十"
COMMON_SCALES = "万亿"  # the scales written after Arabic digits in a simplified text (1.2万亿)
SCALES_BEFORE_DIGIT = "万亿萬億"  # a lone digit after these may be a count of its own (9万亿三个)

_PLAIN = regex.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")
_PLAIN_ASCII = re.compile(r"[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?")  # the common case, checked first (stdlib re: cheaper)
_TOKEN = regex.compile(r"\d+(?:,\d{3})*(?:\.\d+)?|[^\s]")


def _to_decimal(token: str) -> Decimal:
    return Decimal(token.replace(",", ""))


class _Sum:
    """The running value of an integer numeral read token by token (四亿零七百多万)."""

    def __init__(self) -> None:
        self.total = Decimal(0)
        self.section = Decimal(0)
        self.number: Decimal | None = None
        self.max_big = 0
        self.last_unit = 0
        self.after_zero = False

    def add(self, tok: str) -> None:
        """Read one token: Arabic digits, a Chinese digit, a small unit (十百千) or a big one (万亿)."""
        if tok[0].isdigit():
            self.number = _to_decimal(tok)
        elif tok in DIGITS:
            self.number = Decimal(DIGITS[tok])
            self.after_zero = self.after_zero or DIGITS[tok] == 0
        elif tok in SMALL_UNITS:
            self._small(tok, SMALL_UNITS[tok])
        elif tok in BIG_UNITS:
            self._big(BIG_UNITS[tok])
        else:
            raise ValueError(f"not a numeral character: {tok!r}")

    def _small(self, tok: str, unit: int) -> None:
        if self.number is None and self.last_unit and self.last_unit <= unit:
            raise ValueError(f"a unit without a digit after a smaller unit: {tok!r}")  # 十十, 百千
        self.section += (self.number if self.number else Decimal(1)) * unit  # 十, 一十 and 零十 are all ten
        self.number, self.last_unit, self.after_zero = None, unit, False

    def _big(self, unit: int) -> None:
        if self.number is None and self.section == 0 and self.total == 0:
            self.section = Decimal(1)  # a bare 万 or 亿 (突破万亿)
        self.section += self.number if self.number is not None else Decimal(0)
        if self.section == 0 and self.last_unit == unit:
            self.total *= unit  # 万万 = 亿
        elif unit > self.max_big:
            self.total = (self.total + self.section) * unit
            self.max_big = unit
        else:
            self.total += self.section * unit
        self.section, self.number, self.last_unit, self.after_zero = Decimal(0), None, unit, False

    def value(self) -> Decimal:
        """The value read so far; a last digit after a unit counts in the next smaller one."""
        number = self.number
        if number is not None:
            if self.last_unit >= 10 and not self.after_zero and number < 10 and number == number.to_integral_value():
                number *= Decimal(self.last_unit) / 10  # 一万三 = 13000, 四百五 = 450
            return self.total + self.section + number
        return self.total + self.section


def _integer_part(tokens: list[str]) -> Decimal:
    reading = _Sum()
    for tok in tokens:
        if tok not in FILLERS and tok not in VAGUE_LEADS:
            reading.add(tok)
    return reading.value()


def _with_decimals(tokens: list[str], text: str) -> Decimal:
    """A numeral with a 点 decimal part (三点五), perhaps scaled after it (一点五亿)."""
    cut = next(i for i, t in enumerate(tokens) if t in DECIMAL_POINTS)
    decimals = tokens[cut + 1 :]
    scale = Decimal(1)
    while decimals and decimals[-1] in BIG_UNITS:  # 一点五亿: the scale after the decimals
        scale *= BIG_UNITS[decimals.pop()]
    if not decimals or any(t not in DIGITS for t in decimals):
        raise ValueError(f"bad decimal part in {text!r}")
    return (_integer_part(tokens[:cut]) + Decimal("0." + "".join(str(DIGITS[t]) for t in decimals))) * scale


def _integer(tokens: list[str], text: str) -> Decimal:
    """A numeral without a 点 decimal part."""
    if not any(t[0].isdigit() or t in DIGITS or t in SMALL_UNITS or t in BIG_UNITS for t in tokens):
        raise ValueError(f"no numeral in {text!r}")
    try:
        return _integer_part(tokens)
    except InvalidOperation as exc:
        raise ValueError(f"bad number in {text!r}") from exc


_SEQUENCE_DIGITS = "一二三四五六七八九〇○"
_DIGIT_BY_DIGIT = regex.compile(f"[{_SEQUENCE_DIGITS}]*[〇○][{_SEQUENCE_DIGITS}]*")
"""A numeral written digit by digit (二〇〇个, 三〇五人): a 〇 between digits is a digit, not 零's
filler (二〇〇 is 200). Two other digits side by side (一二〇〇) stay refused by the recogniser's
filters: the 1950s texts that write them also cut them with 、 (一、三〇〇)."""


def parse_numeral(text: str) -> Decimal:
    """Value of a Chinese, Arabic or mixed numeral; raises ValueError if it is none.

    Handles 零/〇/两, financial forms (壹佰), 点 decimals (三点五), fillers 多/余/几
    (ignored: they are qualifiers), and Arabic digits with a Chinese scale (1.2万亿).
    """
    if len(text) > MAX_DIGITS and sum(ch.isdigit() for ch in text) > MAX_DIGITS:
        raise ValueError(f"more than {MAX_DIGITS} digits")
    if text.isascii() and text.isdigit():  # the commonest case, ASCII digits alone (2025, 370): no regex call
        return Decimal(text)
    if _PLAIN_ASCII.fullmatch(text):
        return Decimal(text.replace(",", ""))  # the common case: 785.6, 1,234
    return _read(text)


@lru_cache(maxsize=4096)
def _read(text: str) -> Decimal:
    """:func:`parse_numeral` of a numeral that is not plain ASCII digits, cached: a report writes
    the same Chinese numerals (一, 两, 三十) again and again, and a Decimal is immutable."""
    if _PLAIN.fullmatch(text):
        try:
            return Decimal(text.replace(",", ""))
        except InvalidOperation:  # a digit of a newer Unicode than Python's (regex's tables are newer)
            raise ValueError(f"digits Python cannot read: {text!r}") from None
    if _DIGIT_BY_DIGIT.fullmatch(text):  # 二〇〇 is 200, not 2
        return Decimal("".join(str(DIGITS[ch]) for ch in text))
    tokens = _TOKEN.findall(text.strip())
    if not tokens:
        raise ValueError("empty numeral")
    negative = tokens[0] in MINUS_SIGNS
    if negative:
        tokens = tokens[1:]
    value = _with_decimals(tokens, text) if any(t in DECIMAL_POINTS for t in tokens) else _integer(tokens, text)
    return -value if negative else value
