"""recognise.patterns.word_tree: the same matches as alternation(), the longest word first, in the
same backtracking order."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from reportparse.recognise.patterns import alternation, word_tree

_CHARS = "ab元亿万$.-"
words = st.lists(st.text(alphabet=_CHARS, max_size=4), max_size=12)


@given(words, st.text(alphabet=_CHARS, max_size=10))
def test_same_match_as_the_alternation(ws, text):
    flat, tree = re.compile(alternation(ws)), re.compile(word_tree(ws))
    for pos in range(len(text) + 1):
        a, b = flat.match(text, pos), tree.match(text, pos)
        assert (a and a.group()) == (b and b.group())


@given(words, st.text(alphabet=_CHARS, max_size=10))
def test_same_backtracking_order(ws, text):
    """Followed by the rest of a pattern, the tree gives way to a shorter word as the alternation does."""
    flat, tree = re.compile(f"(?:{alternation(ws)})(a|$)"), re.compile(f"(?:{word_tree(ws)})(a|$)")
    for pos in range(len(text) + 1):
        a, b = flat.match(text, pos), tree.match(text, pos)
        assert (a and a.group()) == (b and b.group())


def test_tree_shares_beginnings():
    assert word_tree(["ab", "a", "b"]) == "a(?:b|)|b"
    assert word_tree([]) == alternation([]) == ""
