"""The traditional-text test answers as its straightforward definition does, on texts built to sit
at its shortcuts' edges: a few traditional characters in a simplified text, more or fewer different
characters in the opening than in the whole sample, characters past the sample, and the codec's own
``&#...;`` references written in the text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reportparse.lang.zh.hant import is_traditional


def _encodes(ch: str, codec: str) -> bool:
    try:
        ch.encode(codec)
    except UnicodeEncodeError:
        return False
    return True


_UNIFIED = [chr(c) for c in range(0x4E00, 0xA000)]
_SIMPLIFIED = "".join(ch for ch in _UNIFIED if _encodes(ch, "gb2312"))[:3000]
_TRADITIONAL = "".join(ch for ch in _UNIFIED if not _encodes(ch, "gb2312") and _encodes(ch, "big5"))[:300]
_NEITHER = "".join(ch for ch in _UNIFIED if not _encodes(ch, "gb2312") and not _encodes(ch, "big5"))[:50]
_OTHER = ["&#", "&#20013;", f"&#{ord(_TRADITIONAL[0])};", "&", "#", ";", "a", "1", " ", "\n", "。", "\ud800",
          "\U00020000", "\u3400"]


def reference(text: str) -> bool:
    """The definition: a twentieth of the different Chinese characters of the first 20,000 exist in
    Big5 but not in GB2312."""
    cjk = {ch for ch in text[:20_000] if "\u4e00" <= ch <= "\u9fff"}
    lacking = {ch for ch in cjk if not _encodes(ch, "gb2312") and _encodes(ch, "big5")}
    return bool(cjk) and len(lacking) >= 0.05 * len(cjk)


_PIECE = st.one_of(st.sampled_from(_SIMPLIFIED), st.sampled_from(_TRADITIONAL), st.sampled_from(_NEITHER),
                   st.sampled_from(_OTHER), st.characters())


@st.composite
def mixed_texts(draw: st.DrawFn) -> str:
    """An opening of mixed pieces, a run of simplified text with a chosen count of different
    characters and length (to cross the opening's and the sample's ends), then more mixed pieces."""
    opening = "".join(draw(st.lists(_PIECE, max_size=60)))
    distinct = draw(st.integers(1, 3000))
    length = draw(st.sampled_from([0, 10, 900, 999, 1000, 1001, 5000, 19_950, 20_000, 25_000]))
    filler = (_SIMPLIFIED[:distinct] * (length // distinct + 1))[:length]
    closing = "".join(draw(st.lists(_PIECE, max_size=60)))
    return opening + filler + closing


@settings(max_examples=400, deadline=None)
@given(mixed_texts())
def test_is_traditional_as_defined(text):
    assert is_traditional(text) == reference(text)


def test_share_at_the_edge():
    """Exactly a twentieth is traditional; one fewer is not; the share decided past the opening."""
    simplified = _SIMPLIFIED[:95]
    assert is_traditional(simplified + _TRADITIONAL[:5]) is True
    assert is_traditional(simplified + "中" + _TRADITIONAL[:4]) is False
    late = _SIMPLIFIED[:40] * 30 + _TRADITIONAL[:3]  # the opening's 40 characters allow 2, the sample 3
    assert is_traditional(late) == reference(late) is True
    assert is_traditional("&#" + _TRADITIONAL[:3]) is True
    assert is_traditional(f"&#{ord('中')};" + _SIMPLIFIED[:40]) is False
