"""Units that measure the same quantity, and conversion to the base unit of their family.

A family is a base unit and the units that convert to it exactly (jin, liang, g, kg and tons
are masses: kg; mu, hectares, m2 and km2 are areas: m2; mm, cm, m, km and li are lengths: m;
liters and m3 are volumes: m3), listed in ``data/unit_families.json``. ``align``
(a translation changes 斤 into metric tons) and ``diff`` (a target in 万吨, an actual in 公斤)
both compare through it.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any


def _conversions() -> dict[str, tuple[str, Fraction]]:
    """unit -> (base unit of its family, factor to the base), from ``data/unit_families.json``
    (validated against its definition in ``schemas/lexicon.schema.json``)."""
    from .lexicon import shared_data

    units = shared_data("unit_families")["units"]
    return {unit: (entry["base"], Fraction(entry["factor"])) for unit, entry in units.items()}


CONVERSIONS = _conversions()
"""unit -> (base unit of its family, factor to the base), read once."""


def family(unit: str | None) -> str | None:
    """The base unit of a unit's family (the unit itself when it converts to nothing else)."""
    return CONVERSIONS[unit][0] if unit in CONVERSIONS else unit


def to_base(unit: str | None, value: float | int | None) -> tuple[str | None, float | None]:
    """A value in the base unit of its unit's family (3万吨 -> kg); other units unchanged."""
    if unit in CONVERSIONS and value is not None:
        base, factor = CONVERSIONS[unit]
        return base, float(Fraction(str(value)) * factor)
    return unit, value


def in_unit(unit: str | None, base_value: float) -> float:
    """A value in a family's base unit written in ``unit`` again (kg -> 万吨 needs the scale too)."""
    return float(Fraction(str(base_value)) / CONVERSIONS[unit][1]) if unit in CONVERSIONS else base_value


def comparable(claim: dict[str, Any]) -> tuple[str | None, float | None]:
    """A claim's unit and value in the base unit of its family (jin and tons -> kg)."""
    return to_base(claim.get("unit"), claim.get("value"))
