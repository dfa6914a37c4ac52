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
