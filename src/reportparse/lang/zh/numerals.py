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

from decimal import Decimal, InvalidOperation

import regex

DIGITS = {
    "零": 0, "〇": 0, "○": 0, "一": 1, "壹": 1, "幺": 1, "二": 2, "贰": 2, "貳": 2, "两": 2, "兩": 2, "倆": 2, "俩": 2,
    "三": 3, "叁": 3, "參": 3, "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "陸": 6,
    "七": 7, "柒": 7, "八": 8, "捌": 8, "九": 9, "玖": 9,
}
SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG_UNITS = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8, "兆": 10**12}
FILLERS = "多余几幾"
FINANCIAL = frozenset("壹贰貳叁參肆伍陆陸柒捌玖拾佰仟")
MAX_DIGITS = 20  # no government statistic needs more; larger strings are codes or noise
NUMERAL_CHARS = "".join(DIGITS) + "".join(SMALL_UNITS) + "".join(BIG_UNITS)

_PLAIN = regex.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")
_TOKEN = regex.compile(r"\d+(?:,\d{3})*(?:\.\d+)?|[^\s]")


def _to_decimal(token: str) -> Decimal:
    return Decimal(token.replace(",", ""))


def _integer_part(tokens: list[str]) -> Decimal:
    total = Decimal(0)
    section = Decimal(0)
    number: Decimal | None = None
    max_big = 0
    last_unit = 0
    after_zero = False
    for tok in tokens:
        if tok in FILLERS:
            continue
        if tok[0].isdigit():
            number = _to_decimal(tok)
            continue
        if tok in DIGITS:
            number = Decimal(DIGITS[tok])
            after_zero = after_zero or DIGITS[tok] == 0
            continue
        if tok in SMALL_UNITS:
            unit = SMALL_UNITS[tok]
            if number is None and last_unit and last_unit <= unit:
                raise ValueError(f"a unit without a digit after a smaller unit: {tok!r}")  # 十十, 百千
            section += (number if number else Decimal(1)) * unit  # 十, 一十 and 零十 are all ten
            number, last_unit, after_zero = None, unit, False
            continue
        if tok in BIG_UNITS:
            unit = BIG_UNITS[tok]
            if number is None and section == 0 and total == 0:
                section = Decimal(1)  # a bare 万 or 亿 (突破万亿)
            section += number if number is not None else Decimal(0)
            if section == 0 and last_unit == unit:
                total *= unit  # 万万 = 亿
            elif unit > max_big:
                total = (total + section) * unit
                max_big = unit
            else:
                total += section * unit
            section, number, last_unit, after_zero = Decimal(0), None, unit, False
            continue
        raise ValueError(f"not a numeral character: {tok!r}")
    if number is not None:
        if last_unit >= 10 and not after_zero and number < 10 and number == number.to_integral_value():
            number *= Decimal(last_unit) / 10  # 一万三 = 13000, 四百五 = 450
        section += number
    return total + section


def parse_numeral(text: str) -> Decimal:
    """Value of a Chinese, Arabic or mixed numeral; raises ValueError if it is none.

    Handles 零/〇/两, financial forms (壹佰), 点 decimals (三点五), fillers 多/余/几
    (ignored: they are qualifiers), and Arabic digits with a Chinese scale (1.2万亿).
    """
    if sum(ch.isdigit() for ch in text) > MAX_DIGITS:
        raise ValueError(f"more than {MAX_DIGITS} digits")
    if _PLAIN.fullmatch(text):
        return Decimal(text.replace(",", ""))  # the common case: 785.6, 1,234
    tokens = _TOKEN.findall(text.strip())
    if not tokens:
        raise ValueError("empty numeral")
    negative = tokens[0] in ("负", "負", "-")
    if negative:
        tokens = tokens[1:]
    if "点" in tokens or "點" in tokens:
        cut = tokens.index("点") if "点" in tokens else tokens.index("點")
        decimals = tokens[cut + 1 :]
        if not decimals or any(t not in DIGITS for t in decimals):
            raise ValueError(f"bad decimal part in {text!r}")
        value = _integer_part(tokens[:cut]) + Decimal("0." + "".join(str(DIGITS[t]) for t in decimals))
    else:
        if not any(t[0].isdigit() or t in DIGITS or t in SMALL_UNITS or t in BIG_UNITS for t in tokens):
            raise ValueError(f"no numeral in {text!r}")
        try:
            value = _integer_part(tokens)
        except InvalidOperation as exc:
            raise ValueError(f"bad number in {text!r}") from exc
    return -value if negative else value
