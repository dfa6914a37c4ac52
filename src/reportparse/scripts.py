"""Writing systems: how many letters of a script a text sample holds (what the language packs'
detection scores count). A script is not a language: several languages share one.

>>> letters("GDP增长5%", "han"), letters("GDP增长5%", "latin")
(2, 3)
"""

from __future__ import annotations

import re

__all__ = ["letters"]

# the stdlib re: faster here than the regex package's \p{Han}
_SCRIPTS = {
    "han": re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ebef]"),  # the CJK ideograph blocks
    "latin": re.compile("[A-Za-z]"),
}


def letters(sample: str, script: str) -> int:
    """The count of letters of ``script`` (``han``, ``latin``) in ``sample``."""
    return len(_SCRIPTS[script].findall(sample))
