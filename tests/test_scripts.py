"""The writing-system tables of the shared core agree with the regex package they stand in for."""

import re

import regex

from reportparse.scripts import HAN_RANGES


def test_han_ranges_are_the_regex_packages_han_script():
    """HAN_RANGES lets a pattern compiled with the stdlib re say \\p{Han}: over every code point
    (surrogates aside) it must match exactly what the regex package's script property matches."""
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    ours = re.findall(f"[{HAN_RANGES}]", every)
    theirs = regex.findall(r"\p{Han}", every)
    assert ours == theirs
    assert len(theirs) > 90_000
