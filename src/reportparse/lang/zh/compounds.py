"""Values written in more than one piece around a unit: 半 after it (两吨半 = 2.5 吨,
四成半 = 45 percent), smaller money units after it (12元3角4分 = 12.34 元, 三美元又五美分)
a discount of two digits side by side (八五折 = 85 percent of the price), two neighbouring
digits before a place (一两千 = 1000..2000) and the scale written once for both ends of a
range (40至50万元).

The words are the pack's data (``units.json``: ``half``, ``subunits``, ``discount``).
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache

import regex

from ...lexicon import Lexicon
from ...recognise.patterns import alternation
from .numerals import BIG_UNITS, DIGITS, FILLERS, SMALL_UNITS, parse_numeral
from .views import unit_words

HALF = Decimal("0.5")
_HUNDREDS = {ch: v for ch, v in SMALL_UNITS.items() if v >= 100}  # the places a range's ends may share (not 十)
_PLACES = frozenset(SMALL_UNITS) | frozenset(BIG_UNITS)
_THREE_FIVE = (3, 5)  # 三五百: three to five hundred


@cache
def _pieces(lex: Lexicon) -> regex.Pattern[str]:
    """A number and the smaller money unit after it (3角, 五美分)."""
    small = alternation({w for table in unit_words(lex).subunits["units"].values() for w in table})
    return regex.compile(rf"(?P<n>[^{regex.escape(''.join(small_chars(lex)))}]+?)(?P<w>{small})")


@cache
def small_chars(lex: Lexicon) -> frozenset[str]:
    """The characters of the smaller money unit words and joiners (角, 分, 又)."""
    sub = unit_words(lex).subunits
    words = [w for table in sub["units"].values() for w in table] + list(sub["joiners"])
    return frozenset("".join(words))


def subunit_value(lex: Lexicon, unit_text: str, sub: str) -> Decimal:
    """The value in the unit before of the smaller units written after it: 3角4分 after 元 is
    0.34; raises ValueError when a piece is no numeral or no smaller unit of that unit."""
    if sub in DIGITS:  # 八块五: a lone digit in tenths
        bare = unit_words(lex).subunits["bare"]
        return Decimal(DIGITS[sub]) / Decimal(next(bare[u] for u in bare if unit_text.endswith(u)))
    sub_units = unit_words(lex).subunits["units"]
    table = next((sub_units[u] for u in sorted(sub_units, key=len, reverse=True) if unit_text.endswith(u)), None)
    if table is None:
        raise ValueError(f"no smaller unit of {unit_text!r}")
    total = Decimal(0)
    for piece in _pieces(lex).finditer(sub.lstrip("".join(unit_words(lex).subunits["joiners"]))):
        if piece.group("w") not in table:
            raise ValueError(f"{piece.group('w')!r} is not a smaller unit of {unit_text!r}")
        total += parse_numeral(piece.group("n")) / Decimal(table[piece.group("w")])
    return total


def is_discount(lex: Lexicon, unit_text: str) -> bool:
    """Whether the unit is a discount word (折)."""
    return unit_text in unit_words(lex).discount["words"]


def discount_digits(num: str) -> Decimal | None:
    """Two digits side by side before a discount word read as one figure: 八五 -> 8.5 (tenths)."""
    if len(num) == 2 and all(ch in DIGITS for ch in num):
        return Decimal(DIGITS[num[0]]) + Decimal(DIGITS[num[1]]) / 10
    return None


def digit_pair(num: str) -> tuple[Decimal, Decimal] | None:
    """Two neighbouring digits before a place, an approximate range: 一两千 = 1000..2000,
    二三十 = 20..30, 三五百 = 300..500 (两三年, without a place, stays unread)."""
    if len(num) < 3 or num[0] not in DIGITS or num[1] not in DIGITS or num[2] not in _PLACES:
        return None
    a, b = DIGITS[num[0]], DIGITS[num[1]]
    if a == 0 or not (b == a + 1 or (a, b) == _THREE_FIVE):
        return None
    return parse_numeral(num[0] + num[2:]), parse_numeral(num[1] + num[2:])


def shared_scale(low: Decimal, low_text: str, high: Decimal, high_text: str) -> Decimal:
    """The low end of a range with the scale written only on the high end when it is meant
    for both (40至50万 = 400000..500000, 三到五千 = 3000..5000 when the low end has no place of
    its own; 5000至1万 keeps 5000: scaled it would pass the high end)."""
    if any(ch in BIG_UNITS for ch in low_text):
        return low
    scales = {**BIG_UNITS, **_HUNDREDS} if not any(ch in SMALL_UNITS for ch in low_text) else BIG_UNITS
    scale = Decimal(1)
    for ch in reversed(high_text.rstrip(FILLERS)):  # 三到五千: 3000..5000; 3至5千万: both in 千万
        if ch not in scales:
            break
        scale *= scales[ch]
    return low * scale if low * scale <= high else low
