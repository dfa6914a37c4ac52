"""A currency named before the number and 元 written after it (新台币三千元, 港币500元): the
amount is in the named currency, and the name is inside the span. The names are the money
units of ``units.json`` written with more than one character."""

from __future__ import annotations

from dataclasses import replace
from functools import cache

from ...explain import note
from ...lexicon import Lexicon
from ...mention import Mention

_YUAN = "CNY"  # the code of a plain 元, which a name before the number overrides


@cache
def _names(lex: Lexicon) -> tuple[dict[str, str], frozenset[str]]:
    """The currency names (longest first) with their codes, and their last characters."""
    money = sorted(((w, u.code) for w, u in lex.units.items() if u.kind == "money" and not w.isascii()),
                   key=lambda wc: -len(wc[0]))
    plain = tuple(w for w, _ in money if len(w) == 1)  # 元 and the words made from it (元钱, 元/人) are none
    names = {w: code for w, code in money if len(w) > 1 and not w.startswith(plain)}
    return names, frozenset(w[-1] for w in names)


def named_currency(text: str, found: list[Mention], lex: Lexicon) -> list[Mention]:
    """The mentions, each amount in 元 after a currency name read in that currency."""
    names, last_chars = _names(lex)
    out = []
    for m in found:
        if m.unit == _YUAN and m.start > 0 and text[m.start - 1] in last_chars:
            name = next((w for w in names if text.endswith(w, 0, m.start)), None)
            if name is not None:
                m = replace(m, start=m.start - len(name), unit=names[name])
                note(m.start, m.end, "recognise", "zh.named_currency", "unit", names[name])
        out.append(m)
    return out
