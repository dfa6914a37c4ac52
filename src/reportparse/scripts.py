"""Writing systems: how many letters of a script a text sample holds (what the language packs'
detection scores count). A script is not a language: several languages share one.

>>> letters("GDP增长5%", "han"), letters("GDP增长5%", "latin")
(2, 3)
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["HAN", "HAN_RANGES", "letters"]

HAN_RANGES = (
    r"\u2e80-\u2e99\u2e9b-\u2ef3\u2f00-\u2fd5\u3005\u3007\u3021-\u3029\u3038-\u303b\u3400-\u4dbf\u4e00-\u9fff"
    r"\uf900-\ufa6d\ufa70-\ufad9\U00016fe2-\U00016fe3\U00016ff0-\U00016ff6\U00020000-\U0002a6df"
    r"\U0002a700-\U0002b81e\U0002b820-\U0002cead\U0002ceb0-\U0002ebe0\U0002ebf0-\U0002ee5d"
    r"\U0002f800-\U0002fa1d\U00030000-\U0003134a\U00031350-\U00033479"
)
"""The Han script (the regex package's ``\\p{Han}``) as the code-point ranges of a character class,
for patterns compiled with the standard library's ``re``, which knows no script properties."""
HAN = re.compile(f"[{HAN_RANGES}]")
"""One character of the Han script."""

# the stdlib re: faster here than the regex package's \p{Han}; a run of letters is one match
_SCRIPTS = {
    "han": re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ebef]+"),  # the CJK ideograph blocks
    "latin": re.compile("[A-Za-z]+"),
}


@lru_cache(maxsize=8)
def letters(sample: str, script: str) -> int:
    """The count of letters of ``script`` (``han``, ``latin``) in ``sample`` (the last few counts
    are kept: language detection asks each pack's score of one sample, and two packs count Han)."""
    return len(sample) - len(_SCRIPTS[script].sub("", sample))  # no string made per letter or run
