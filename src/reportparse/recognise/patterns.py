"""Pattern builders shared by every language's recognisers."""

from __future__ import annotations

from collections.abc import Iterable

import regex


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first (so 亿元 beats 元).

    >>> alternation(["元", "亿元", "元"])
    '亿元|元'
    """
    unique = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(regex.escape(w) for w in unique if w)


def optional(pattern: str) -> str:
    """``pattern`` or nothing, tried in that order as ``(?:pattern)?`` tries them, written as a branch
    with an empty alternative: the standard library's engine compiles ``?`` over more than one
    character into its general repeat (a record allocated per try, the captures saved), a branch
    costs it a fraction of that.

    >>> optional("亿元")
    '(?:亿元|)'
    """
    return f"(?:{pattern}|)"


_Tree = dict[str, "_Tree"]


def word_tree(words: Iterable[str]) -> str:
    """The words of :func:`alternation` written as a tree of their shared beginnings, which the
    engine walks a character at a time instead of trying every word in turn. It matches what
    :func:`alternation` matches and backtracks in the same order: the words that match at one
    place begin one another, and the tree tries a longer word before the one it continues.

    >>> word_tree(["元", "亿元", "亿", "万元", "元"])
    '万元|亿(?:元|)|元'
    """
    tree: _Tree = {}
    for word in words:
        if word:
            node = tree
            for ch in word:
                node = node.setdefault(ch, {})
            node[""] = {}  # a word ends here
    return _branches(tree)


def _branches(node: _Tree) -> str:
    """The alternation of a tree node's branches, each a character and what may follow it."""
    return "|".join(regex.escape(ch) + _following(child) for ch, child in sorted(node.items()) if ch)


def _following(node: _Tree) -> str:
    """What may follow a character of the tree: its branches, optional where a word ends there."""
    branches = _branches(node)
    if not branches:
        return ""
    if "" in node:
        return optional(branches)
    return branches if len(node) == 1 else f"(?:{branches})"
