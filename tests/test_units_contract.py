"""Every unit a language pack reads is a unit of the claim contract, and the units of one
quantity (mass, length, area, volume) compare through their family's base unit."""

from __future__ import annotations

import typing

import pytest

from reportparse import model
from reportparse.conversions import to_base
from reportparse.lang import languages
from reportparse.lexicon import load_lexicon


@pytest.mark.parametrize("lang", languages())
def test_every_unit_code_of_a_pack_is_in_the_contract(lang):
    codes = {u.code for u in load_lexicon(lang).units.values()}
    assert codes <= set(typing.get_args(model.Unit)), sorted(codes - set(typing.get_args(model.Unit)))


@pytest.mark.parametrize(("unit", "value", "base", "expected"), [
    ("liang", 20, "kg", 1.0),  # 二十两 = 1 kg (1 两 = 50 g)
    ("g", 500, "kg", 0.5),
    ("jin", 2, "kg", 1.0),
    ("cm", 175, "m", 1.75),
    ("mm", 20, "m", 0.02),
    ("li", 3, "m", 1500.0),  # 华里: 500 m
    ("liter", 5000, "m3", 5.0),
])
def test_new_units_compare_through_their_family(unit, value, base, expected):
    assert to_base(unit, value) == (base, pytest.approx(expected))


def test_prefixed_units_are_scaled_into_one_code():
    units = load_lexicon("zh").units
    assert (units["兆瓦"].code, units["兆瓦"].factor) == ("kw", 1000)
    assert (units["吉瓦时"].code, units["吉瓦时"].factor) == ("kwh", 1_000_000)
    assert (units["兆字节"].code, units["兆字节"].factor) == ("byte", 1_000_000)
    assert (units["兆赫兹"].code, units["兆赫兹"].factor) == ("hz", 1_000_000)


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("集装箱吞吐量50万标箱", 500_000, "count"),  # the 万 is the number's, not a unit of its own
    ("集装箱吞吐量突破百万标箱", 1_000_000, "count"),
    ("集装箱吞吐量3万标准箱", 30_000, "count"),
    ("集装箱吞吐量300万标准集装箱", 3_000_000, "count"),
])
def test_a_multiplier_written_before_a_unit_scales_the_value(text, value, unit):
    from reportparse import find_quantities

    [q] = find_quantities(text)
    assert (q.value, q.unit) == (value, unit)


def test_no_zh_unit_surface_swallows_a_multiplier():
    """A unit surface opening with 万/亿 (万标箱) would read 50万标箱 as 50: the multiplier belongs to the number."""
    assert [s for s in load_lexicon("zh").units if s[0] in "万亿" and len(s) > 1] == []
