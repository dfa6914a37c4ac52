"""The stems of listed places are found by the standard library's ``re`` exactly where the regex
package finds them: the same words at the same places, the longest where stems overlap or one
stem begins another (呼和浩特 and 呼和)."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from reportparse.lang.zh.places import _stems
from reportparse.lexicon import load_lexicon

LEX = load_lexicon("zh")
_WORDS = ("市", "县", "区")


def _stem_words(word: str) -> list[str]:
    return _stems(LEX, word).pattern.split("|")


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(_WORDS), st.data())
def test_stems_found_as_the_regex_package_finds_them(word, data):
    stems = _stem_words(word)
    pieces = st.one_of(st.sampled_from(stems), st.sampled_from(stems).map(lambda s: s[:-1]),
                       st.sampled_from(stems).map(lambda s: s[1:]), st.sampled_from([word, "省", "的", "\n", "a"]),
                       st.characters())
    text = "".join(data.draw(st.lists(pieces, max_size=40)))
    ours = _stems(LEX, word)
    theirs = regex.compile(ours.pattern)
    assert [m.span() for m in ours.finditer(text)] == [m.span() for m in theirs.finditer(text)]


def test_stems_are_plain_words_longest_first():
    """Every alternative is a plain word (nothing a pattern reads specially), longest first."""
    for word in _WORDS:
        stems = _stem_words(word)
        assert stems and all(stem == regex.escape(stem) for stem in stems)
        assert [len(s) for s in stems] == sorted((len(s) for s in stems), reverse=True)
