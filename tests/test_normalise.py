"""Stage 1, normalisation: a cleaned copy of the report with an offset map back to the original.

Contract (claims.md, ``span``): spans are offsets into the ORIGINAL text as read, so
whatever the copy changes (full-width digits, markdown bold, page breaks, web clutter)
must map back with ``to_original`` to the source characters.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reportparse.lexicon import load_lexicon
from reportparse.normalise import NormalisedText, normalise

PROJECT = Path(__file__).resolve().parents[1]
SEED = PROJECT / "corpus" / "zh" / "2023-zhengzhou-erqi.txt"
SHARED = Path(__file__).resolve().parents[2] / "shared"


def norm(text: str) -> NormalisedText:
    return normalise(text, load_lexicon("zh"))


def copy_span(n: NormalisedText, needle: str) -> tuple[int, int]:
    start = n.text.index(needle)
    return start, start + len(needle)


def related(copy_char: str, original_char: str) -> bool:
    """A copy character is the original one, the half-width form of a full-width one, or the
    decimal point a middle dot between digits stands for (19·5％)."""
    if copy_char == original_char:
        return True
    if copy_char == "." and original_char in "·•∙・":
        return True
    if 0xFF01 <= ord(original_char) <= 0xFF5E:
        return ord(copy_char) == ord(original_char) - 0xFEE0
    return original_char == "\u3000" and copy_char == " "


def assert_offset_map(n: NormalisedText) -> None:
    assert len(n.offsets) == len(n.text)
    for i, off in enumerate(n.offsets):
        assert 0 <= off < len(n.original)
        assert related(n.text[i], n.original[off]), (i, n.text[i], n.original[off])
    assert all(a < b for a, b in zip(n.offsets, n.offsets[1:])), "offsets must be strictly increasing"


# ---------------------------------------------------------------- full-width text

@pytest.mark.parametrize(
    ("original", "ascii_copy"),
    [
        ("１９８４", "1984"),
        ("７．９％", "7.9%"),
        ("粮食产量增长７．９％。", "粮食产量增长7.9%。"),
        ("１９８４年工农业总产值达到７０９８亿元", "1984年工农业总产值达到7098亿元"),
        ("ＧＤＰ增长５％", "GDP增长5%"),
    ],
)
def test_fullwidth_becomes_ascii(original, ascii_copy):
    n = norm(original)
    assert n.text == ascii_copy
    assert_offset_map(n)


@pytest.mark.parametrize(
    ("original", "copy_needle", "source"),
    [
        ("１９８４年粮食产量增长７．９％。", "1984", "１９８４"),
        ("１９８４年粮食产量增长７．９％。", "7.9%", "７．９％"),
        ("钢产量达到４３４７万吨。", "4347万吨", "４３４７万吨"),
    ],
)
def test_fullwidth_span_maps_back_to_fullwidth_source(original, copy_needle, source):
    n = norm(original)
    s, e = n.to_original(*copy_span(n, copy_needle))
    assert original[s:e] == source


# ---------------------------------------------------------------- markdown bold

def test_markdown_bold_removed_and_span_maps_back():
    original = "地区生产总值力争增长**15%**以上。"
    n = norm(original)
    assert "增长15%以上" in n.text
    assert "*" not in n.text
    s, e = n.to_original(*copy_span(n, "15%"))
    assert original[s:e] == "15%"
    assert_offset_map(n)


def test_markdown_bold_number_with_unit_maps_back():
    original = "全区地区生产总值完成**785.6亿元**,总量市内六区第二。"
    n = norm(original)
    s, e = n.to_original(*copy_span(n, "785.6亿元"))
    assert original[s:e] == "785.6亿元"


# ---------------------------------------------------------------- page breaks and headings

PAGE_BREAK = (
    "2022年经济社会发展取得新的成效\n\n"
    "全区地区生产总值完成785.6亿元,总量市内六区第二。\n\n"
    "全力稳住经济大盘\n\n"
    "统筹推进370个重大项目,完成投资287.3亿元;对接22家行业头部企业。培育正岩建设集团\n\n"
    "等4家市级总部企业、25栋纳税超千万商务楼宇。\n\n"
    "加快产业转型升级\n\n"
    "加快推进119个重大产业项目,完成投资72.7亿元。\n"
)


def test_page_break_inside_sentence_is_joined():
    n = norm(PAGE_BREAK)
    assert "培育正岩建设集团等4家市级总部企业" in n.text
    s, e = n.to_original(*copy_span(n, "等4家"))
    assert PAGE_BREAK[s:e] == "等4家"
    assert_offset_map(n)


@pytest.mark.parametrize("heading", ["2022年经济社会发展取得新的成效", "全力稳住经济大盘", "加快产业转型升级"])
def test_short_heading_lines_stay_separate(heading):
    lines = [line.strip() for line in norm(PAGE_BREAK).text.split("\n")]
    assert heading in lines


@pytest.mark.parametrize(
    "text",
    [
        "一、过去一年工作回顾\n\n过去一年,全市生产总值增长5.2%,规模以上工业增加值增长6%。\n",
        "（一）着力扩大有效需求\n\n社会消费品零售总额增长7%,固定资产投资增长5%。\n",
        "过去一年,全市生产总值增长5.2%,规模以上工业增加值增长6%\n\n二、2024年工作安排\n",
    ],
)
def test_numbered_headings_are_not_joined(text):
    lines = [line.strip() for line in norm(text).text.split("\n") if line.strip()]
    heading = next(line for line in text.split("\n") if line.startswith(("一、", "（一）", "二、")))
    assert heading in lines


def test_seed_page_break_is_joined():
    if not SEED.exists():
        pytest.skip(f"seed report missing: {SEED}")
    original = SEED.read_text("utf-8")
    n = norm(original)
    assert "培育正岩建设集团等4家市级总部企业" in n.text
    assert "全力稳住经济大盘" in [line.strip() for line in n.text.split("\n")]
    assert_offset_map(n)


BYLINE_THEN_HEADING = (
    "奋力开启高质量建设现代化美好二七新征程,为郑州国家中心城市现代化建设贡献力量。记者 景静\n\n"
    "着力稳定经济运行\n\n"
    "加快提振市场信心。认真落实省、市一系列纾困惠企政策。\n"
)


def test_heading_after_byline_stays_separate():
    """A short heading after a body line ending with a byline (记者 景静) is not joined to it."""
    lines = [line.strip() for line in norm(BYLINE_THEN_HEADING).text.split("\n")]
    assert "着力稳定经济运行" in lines


@pytest.mark.parametrize(
    "heading",
    [
        "全力稳住经济大盘",
        "加快产业转型升级",
        "持续提升城市品质",
        "着力稳定经济运行",
        "构建现代产业体系",
        "统筹发展与安全",
    ],
)
def test_seed_headings_stay_separate(heading):
    if not SEED.exists():
        pytest.skip(f"seed report missing: {SEED}")
    assert heading in SEED.read_text("utf-8").split("\n"), "the seed has this heading on its own line"
    lines = [line.strip() for line in norm(SEED.read_text("utf-8")).text.split("\n")]
    assert heading in lines


# ---------------------------------------------------------------- web clutter

CLUTTER = (
    "下载\n"
    "打印\n"
    "【字号：大 中 小】\n"
    "  打印  \n"
    "河南省2025年政府工作报告\n"
    "全省生产总值增长5.1%,全年下载量不是统计指标。\n"
    "分享\n"
)


@pytest.mark.parametrize("clutter", ["下载", "打印", "【字号：大 中 小】", "分享"])
def test_clutter_lines_removed(clutter):
    lines = [line.strip() for line in norm(CLUTTER).text.split("\n")]
    assert clutter not in lines


def test_clutter_removal_keeps_body_text():
    n = norm(CLUTTER)
    assert "河南省2025年政府工作报告" in n.text
    # 下载 inside a sentence is not a clutter line
    assert "全省生产总值增长5.1%,全年下载量不是统计指标。" in n.text
    s, e = n.to_original(*copy_span(n, "5.1%"))
    assert CLUTTER[s:e] == "5.1%"
    assert_offset_map(n)


# ---------------------------------------------------------------- the offset map, generally

SAMPLES = [
    "",
    "\n\n\n",
    "plain ascii 123",
    "１９８４年粮食产量增长７．９％。",
    "增长**15%**以上",
    PAGE_BREAK,
    CLUTTER,
    "ＧＤＰ　增长\u3000５％，（一）　下载\n打印\n**７．９％**\n\n等",
]


@pytest.mark.parametrize("text", SAMPLES, ids=range(len(SAMPLES)))
def test_offset_map_property_on_samples(text):
    n = norm(text)
    assert n.original == text
    assert_offset_map(n)


def test_middle_dot_between_digits_is_a_decimal_point():
    n = norm("国有单位固定资产投资增长19·5％，王·李")
    assert "19.5%" in n.text
    assert "王·李" in n.text  # a middle dot between names stays
    start = n.text.index("19.5%")
    s, e = n.to_original(start, start + 5)
    assert n.original[s:e] == "19·5％"


def test_offset_map_property_on_shared_corpus_samples():
    corpus = SHARED / "corpus"
    if not corpus.is_dir():
        pytest.skip(f"shared corpus not found at {corpus}")
    files = sorted(corpus.glob("*.txt"))
    if not files:
        pytest.skip("shared corpus has no .txt files")
    # an early full-width report, a recent one, and a provincial one with web clutter
    picks = [files[0], files[len(files) // 2], files[-1]]
    for path in picks:
        assert_offset_map(norm(path.read_text("utf-8-sig")))


_ALPHABET = st.sampled_from(
    list("０１２３４５６７８９．％，：；（）　0123456789.%,*\n 增长亿万元下载打印【字号：】一、等集团")
    + ["**", "\n\n", "下载\n", "打印\n", "【字号：大 中 小】\n", "一、", "（一）"]
)


@settings(max_examples=150, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_ALPHABET, max_size=60).map("".join))
def test_offset_map_property_generated(text):
    n = norm(text)
    assert n.original == text
    assert_offset_map(n)
    for i in range(len(n.text)):
        s, e = n.to_original(i, i + 1)
        assert related(n.text[i], text[s:e])
