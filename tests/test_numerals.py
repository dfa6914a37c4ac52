"""Chinese and mixed numerals -> values (claims.md: Chinese numerals converted, 万/亿 expanded).

Expected values are worked out by Chinese numeral arithmetic, e.g. 四亿零七百多万 =
4×10^8 + 700×10^4 (多 is a qualifier, not a digit); 一万三 = 1.3万 (a trailing digit
after a unit is one step below it); 九万零四百 = 9×10^4 + 400 (零 marks a gap, so
no elision).
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

import pytest

from reportparse.lang.zh.numerals import parse_numeral
from reportparse.resolve import to_number

CASES = [
    # plain Chinese numerals
    ("零", "0"),
    ("〇", "0"),
    ("十", "10"),
    ("十一", "11"),
    ("十五", "15"),
    ("二十", "20"),
    ("三十", "30"),
    ("百", "100"),
    ("一千零一", "1001"),
    ("三千零五", "3005"),
    ("三千零五十", "3050"),
    ("两千零二十三", "2023"),
    ("壹佰", "100"),
    ("一千二百三十四万五千六百七十八", "12345678"),
    # elided last unit: the trailing digit is one step below the unit before it
    ("四百五", "450"),
    ("一千五", "1500"),
    ("两千四百五", "2450"),
    ("一万三", "13000"),
    ("两万五", "25000"),
    ("十二万三", "123000"),
    ("一亿二", "120000000"),
    # 零 stops the elision
    ("九万零四百", "90400"),
    ("一万零一", "10001"),
    ("二十万零五", "200005"),
    ("五亿零六", "500000006"),
    # big units
    ("万", "10000"),
    ("千万", "10000000"),
    ("万亿", "1000000000000"),
    ("十万", "100000"),
    ("十万八千", "108000"),
    ("一万三千", "13000"),
    ("七十八万", "780000"),
    ("一百万", "1000000"),
    ("六百万", "6000000"),
    ("三千万", "30000000"),
    ("三百零五万", "3050000"),
    ("两亿三千万", "230000000"),
    ("一百零一万一千", "1011000"),
    ("十万零三百", "100300"),
    ("一亿零五十万", "100500000"),
    ("五十亿零三万", "5000030000"),
    ("三千五百亿", "350000000000"),
    ("千亿", "100000000000"),
    ("两万亿", "2000000000000"),
    ("十万亿", "10000000000000"),
    ("一百一", "110"),
    ("一千零一十", "1010"),
    # fillers 多/余 are qualifiers, not digits
    ("四亿零七百多万", "407000000"),
    ("三千多", "3000"),
    ("一百多万", "1000000"),
    ("500余", "500"),
    # decimals with 点
    ("三点一四", "3.14"),
    ("零点五", "0.5"),
    ("两百点两", "200.2"),
    ("十点五", "10.5"),
    ("零点零五", "0.05"),
    # Arabic digits, alone or with a Chinese scale
    ("1984", "1984"),
    ("7.9", "7.9"),
    ("1,234", "1234"),
    ("5千", "5000"),
    ("0.8万", "8000"),
    ("3.5万", "35000"),
    ("1.99万", "19900"),
    ("1.5亿", "150000000"),
    ("785.6亿", "78560000000"),
    ("4.07亿", "407000000"),
    ("5000万", "50000000"),
    ("1.5千万", "15000000"),
    ("2.5万亿", "2.5e12"),
    ("1.2万亿", "1.2e12"),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_parse_numeral(text, expected):
    value = parse_numeral(text)
    assert isinstance(value, Decimal)
    assert value == Decimal(expected)


@pytest.mark.parametrize("text", ["三十", " 三十 ", "三十\n"])
def test_surrounding_whitespace_is_ignored(text):
    assert parse_numeral(text) == 30


@pytest.mark.parametrize(
    "text",
    ["", "   ", "abc", "增长", "年", "%", "万人", "3个", "三十年", "第二", "百分之五", "点", "三点"],
)
def test_not_a_numeral_raises_value_error(text):
    with pytest.raises(ValueError):
        parse_numeral(text)


def test_a_digit_decimal_cannot_read_is_no_numeral_not_a_crash():
    kawi_one = "\U00011F51"  # Unicode 15: the regex package's \d takes it; Python 3.11's Decimal does not
    try:
        expected = Decimal(kawi_one)
    except InvalidOperation:
        with pytest.raises(ValueError):
            parse_numeral(kawi_one)
    else:
        assert parse_numeral(kawi_one) == expected


@pytest.mark.parametrize(
    ("value", "expected", "expected_type"),
    [
        (Decimal("0"), 0, int),
        (Decimal("30"), 30, int),
        (Decimal("19900.00"), 19900, int),
        (Decimal("78560000000.0"), 78560000000, int),
        (Decimal("1.2e12"), 1200000000000, int),
        (Decimal("7.9"), 7.9, float),
        (Decimal("-2.5"), -2.5, float),
        (Decimal("200.2"), 200.2, float),
        (Decimal("-3"), -3, int),
    ],
)
def test_to_number(value, expected, expected_type):
    result = to_number(value)
    assert type(result) is expected_type
    assert result == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("785.6亿", 78560000000), ("1.2万亿", 1200000000000), ("1.99万", 19900), ("两百点两", 200.2)],
)
def test_parse_then_to_number(text, expected):
    result = to_number(parse_numeral(text))
    assert type(result) is type(expected)
    assert result == expected
