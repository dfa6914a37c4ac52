"""Word tokens from a private jieba tokenizer seeded with the lexicons.

The tokenizer's dictionary is built from our own word lists (metric names, cue and
stop words, measure words), not from jieba's 350k-word default dictionary: it
initialises in milliseconds and keeps the words we reason about whole (jieba's HMM is
off: the characters around them stay single tokens, which is all the noun cutter needs).
Used where token boundaries matter: cutting the counted noun after a measure word (370个重大项目，...).
"""

from __future__ import annotations

import io
import logging
from functools import cache
from typing import TYPE_CHECKING

from ...lexicon import Lexicon
from .views import cue_words

if TYPE_CHECKING:
    import jieba

_FREQ = 1000


@cache
def tokenizer(lex: Lexicon) -> jieba.Tokenizer:
    """A private jieba.Tokenizer whose dictionary is the lexicons' words (cached)."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    words = set(lex.metric_names())
    cues = cue_words(lex)
    words.update(cues.counted_noun_stops)
    words.update(lex.units)
    for group in (cues.growth_up, cues.growth_down, cues.ratio_verbs, cues.new_item_words):
        words.update(group)
    data = "\n".join(f"{w.replace(' ', '')} {_FREQ}" for w in sorted(words) if w.strip()).encode("utf-8")
    tk = jieba.Tokenizer()
    tk.FREQ, tk.total = tk.gen_pfdict(io.BytesIO(data))
    tk.initialized = True
    return tk


def tokens(text: str, lex: Lexicon) -> list[str]:
    """The jieba tokens of a short text (a clause)."""
    return list(tokenizer(lex).cut(text, HMM=False))


@cache
def default_tokenizer() -> jieba.Tokenizer:
    """A jieba.Tokenizer with jieba's own default dictionary (loaded on first use)."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    return jieba.Tokenizer()
