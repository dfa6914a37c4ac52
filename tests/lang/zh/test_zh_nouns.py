"""The counted noun after a measure word, and the shortcut it takes: a tail with no stop word and no
digit is the noun whole, uncut (jieba's tokens of a text join back to the text)."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from reportparse.lang.zh.cues import compile_cues
from reportparse.lang.zh.nouns import CountedNouns
from reportparse.lang.zh.tokenise import tokenizer, tokens
from reportparse.lexicon import load_lexicon

LEX = load_lexicon("zh")
CUES = compile_cues(LEX)
# The characters of the stop words and metric names, digits, separators, spaces and Latin letters:
# enough of them to build stop words, words of the tokenizer's dictionary and numbers at random.
_WORDS = sorted(CUES.stops) + sorted(LEX.metric_names())[:200]
ALPHABET = sorted({ch for w in _WORDS for ch in w} | set("0123456789.,%、，和的 （）()GDPab\n"))
tails = st.text(alphabet=ALPHABET, max_size=24)


def _nouns() -> CountedNouns:
    return CountedNouns("", LEX, CUES)


@settings(max_examples=300, deadline=None)
@given(tails)
def test_jieba_tokens_join_back_to_the_text(tail: str):
    assert "".join(tokens(tail, LEX)) == tail


@settings(max_examples=300, deadline=None)
@given(tails)
def test_the_shortcut_gives_the_noun_the_tokens_give(tail: str):
    shortcut = _nouns()
    cut_always = _nouns()
    cut_always.stop_or_digit = regex.compile("")  # every tail goes through jieba
    assert shortcut._noun_of(tail) == cut_always._noun_of(tail)


def test_a_tail_without_stop_word_or_digit_is_not_cut(monkeypatch):
    cut: list[str] = []

    def recorded_cut(text: str, HMM: bool = True) -> list[str]:  # HMM: jieba's keyword
        cut.append(text)
        return list(text)

    monkeypatch.setattr(tokenizer(LEX), "cut", recorded_cut)  # the cached tokenizer the cutter uses
    assert _nouns()._noun_of("重大项目") == "重大项目"
    assert cut == []
    stop = sorted(CUES.stops)[0]
    _nouns()._noun_of("重大项目" + stop + "建设")
    assert cut == ["重大项目" + stop + "建设"]


def test_the_noun_stops_at_a_stop_word_or_a_number():
    nouns = _nouns()
    assert nouns._noun_of("重大项目") == "重大项目"
    assert nouns._noun_of("重大项目建成投产") == "重大项目"
    assert nouns._noun_of("产业集群2个") == "产业集群"
