"""The Chinese pack's segmenter cuts exactly as jieba's Tokenizer.cut(HMM=False) does over the
same dictionary (the counted-noun rule reads its tokens; claims must not change with it)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from reportparse.lang.zh.tokenise import segmenter, tokenizer, tokens
from reportparse.lexicon import load_lexicon

CORPUS = Path(__file__).resolve().parents[3] / "corpus" / "zh"
LEX = load_lexicon("zh")
WORDS = sorted(w for w, freq in tokenizer(LEX).FREQ.items() if freq)


def _jieba(text: str) -> list[str]:
    return list(tokenizer(LEX).cut(text, HMM=False))


# Dictionary words, their prefixes (they make ties and dead ends in the route), single Han
# characters, Latin letters and digits (joined into one token), white space and punctuation.
_PIECES = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(WORDS).map(lambda w: w[: max(1, len(w) // 2)]),
    st.characters(min_codepoint=0x4E00, max_codepoint=0x4E80),
    st.sampled_from(list("aZ09.%-+#&_ \t\n\r,;:()") + ["\r\n", "\u3001", "\uff0c", "\u3002", "\uff08"]),
)


@given(st.lists(_PIECES, max_size=12).map("".join))
def test_cuts_as_jieba_does(text):
    assert segmenter(LEX).cut(text) == _jieba(text)


def test_cuts_the_bundled_reports_as_jieba_does():
    """Every window of 24 characters (what the noun cutter is given) of the bundled Chinese reports."""
    windows = [text[i : i + 24] for path in sorted(CORPUS.glob("*.txt"))
               for text in [path.read_text("utf-8")] for i in range(0, len(text), 5)]
    assert len(windows) > 1000
    assert [tokens(w, LEX) for w in windows] == [_jieba(w) for w in windows]


def test_overlapping_words_tie_as_in_jieba():
    """Two words overlapping by a character (AB, BC in ABC) make routes of equal probability:
    jieba takes the longer word at the first position."""
    pairs = [w for w in WORDS if len(w) == 2]
    texts = [a + b[1:] for a in pairs for b in pairs if a[1] == b[0]]
    assert len(texts) > 50
    assert [segmenter(LEX).cut(t) for t in texts] == [_jieba(t) for t in texts]


def test_latin_letters_join_unless_a_word():
    """Single Latin letters and digits in a row are one token; a Latin word of the dictionary
    (GDP, CPI) stays a token of its own, as in jieba."""
    latin = [w for w in WORDS if w.isascii() and w.isalnum() and len(w) > 1]
    texts = [f"a{w}1{w}b2" for w in latin] + [f"{w}{w}" for w in latin]
    assert latin and [segmenter(LEX).cut(t) for t in texts] == [_jieba(t) for t in texts]


def test_a_word_of_the_dictionary_stays_whole():
    word = max(WORDS, key=len)
    assert segmenter(LEX).cut(word) == [word]
    assert segmenter(LEX).cut(f"12ab {word}") == ["12ab", " ", word]
