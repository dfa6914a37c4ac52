"""The writing-system tables of the shared core agree with the regex package they stand in for."""

import re

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from reportparse.scripts import HAN_RANGES, letters


def test_han_ranges_are_the_regex_packages_han_script():
    """HAN_RANGES lets a pattern compiled with the stdlib re say \\p{Han}: over every code point
    (surrogates aside) it must match exactly what the regex package's script property matches."""
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    ours = re.findall(f"[{HAN_RANGES}]", every)
    theirs = regex.findall(r"\p{Han}", every)
    assert ours == theirs
    assert len(theirs) > 90_000


# The latin count by bytes must equal the count a pattern makes, on any text: ASCII letters among
# other ASCII, Latin-1 and other accented letters, full-width letters, Han, astral and lone surrogates.
_LETTER_MIX = st.text(st.one_of(
    st.sampled_from("aZzA@[`{ \n0é\u00c5\uff21\uff41\u0131\u017f\u212a\u4e2d\u6587\U00020000\ud800\udfff"),
    st.characters()), max_size=200)


@settings(max_examples=500)
@given(_LETTER_MIX)
def test_latin_letters_counted_as_a_pattern_counts_them(sample):
    assert letters(sample, "latin") == len(re.findall("[A-Za-z]", sample))


@settings(max_examples=300)
@given(_LETTER_MIX)
def test_han_letters_counted_as_a_pattern_counts_them(sample):
    han = "[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ebef]"
    assert letters(sample, "han") == len(re.findall(han, sample))
