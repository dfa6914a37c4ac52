"""patterns.special_matches searches only around the special words (一半, 翻番) and finds what a
scan of the whole text finds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reportparse.lang.zh.patterns import quantity_patterns, special_matches
from reportparse.lang.zh.views import qualifiers, ranking_words, unit_words
from reportparse.lexicon import load_lexicon

LEX = load_lexicon("zh")
PATS = quantity_patterns(LEX)
_WORDS = unit_words(LEX)
_Q = qualifiers(LEX)
_SCOPES = sorted(ranking_words(LEX).scope_heads, key=len)
PIECES = sorted({*_WORDS.fractions, *_WORDS.doubling, *_Q.prefix, *_Q.suffix, *_SCOPES[:6], *_SCOPES[-6:]}
                | {"x", "，", " ", "\n", "5", "一", "番", "了"})


def _spans(matches):
    return [(m.span(), m.groupdict()) for m in matches]


@settings(max_examples=300)
@given(st.lists(st.sampled_from(PIECES), max_size=30))
def test_same_matches_as_a_scan_of_the_whole_text(pieces):
    text = "".join(pieces)
    assert _spans(special_matches(PATS, text)) == _spans(PATS.special.finditer(text))


def test_a_text_without_special_words_is_not_scanned():
    assert list(special_matches(PATS, "x" * 50)) == []


def test_matches_next_to_each_other():
    word = next(iter(_WORDS.doubling))
    prefix = max(_Q.prefix, key=len)
    text = (prefix + word) * 3 + word
    found = list(special_matches(PATS, text))
    assert _spans(found) == _spans(PATS.special.finditer(text)) and len(found) == 4


def test_a_match_reaching_as_far_as_it_can():
    """The longest prefix qualifier, the longest scope, a word and the longest suffix: the match
    starts and ends as far from its word as any can."""
    prefix, scope, suffix = max(_Q.prefix, key=len), _SCOPES[-1], max(_Q.suffix, key=len)
    for word in [*_WORDS.fractions, *_WORDS.doubling]:
        text = "x" + prefix + scope + word + suffix + "x"
        found = _spans(special_matches(PATS, text))
        assert found == _spans(PATS.special.finditer(text))
        assert found[0][0][0] == 1, (word, found)  # from the prefix qualifier on
