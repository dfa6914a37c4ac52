"""Values written in more than one piece around a unit: 半 after it (两吨半 = 2.5 吨,
四成半 = 45 percent), smaller money units after it (12元3角4分 = 12.34 元, 三美元又五美分)
a discount of two digits side by side (八五折 = 85 percent of the price) and the
scale written once for both ends of a range (40至50万元).

The words are the pack's data (``units.json``: ``half``, ``subunits``, ``discount``).
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache

import regex

from ...lexicon import Lexicon
from ...recognise.patterns import alternation
from .numerals import BIG_UNITS, DIGITS, FILLERS, parse_numeral
from .views import unit_words

HALF = Decimal("0.5")


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


def shared_scale(low: Decimal, low_text: str, high: Decimal, high_text: str) -> Decimal:
    """The low end of a range with the scale written only on the high end when it is meant
    for both (40至50万 = 400000..500000; 5000至1万 keeps 5000: scaled it would pass the high end)."""
    if any(ch in BIG_UNITS for ch in low_text):
        return low
    scale = Decimal(1)
    for ch in reversed(high_text.rstrip(FILLERS)):
        if ch not in BIG_UNITS:
            break
        scale *= BIG_UNITS[ch]
    return low * scale if low * scale <= high else low
