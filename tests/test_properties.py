"""Properties that hold for any input: no crash, spans into the original, valid schema, determinism."""

from __future__ import annotations

import json
import math
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

import reportparse
from reportparse.lang.zh.numerals import NUMERAL_CHARS, parse_numeral
from reportparse.lang.zh.quantities import recognise_quantities
from reportparse.lang.zh.ranking import recognise_rankings
from reportparse.lexicon import load_lexicon
from reportparse.normalise import normalise
from reportparse.resolve import to_number
from reportparse.validate import validate_document

# The number of examples comes from the profile that tests/conftest.py loads (dev or ci).
SETTINGS = settings()

# Pieces a report is made of: numerals of every script, units, qualifiers, cue words,
# punctuation (half and full width), markdown bold, headings, clutter and line breaks.
PIECES = [
    *"0123456789", *"０１２３４５６７８９", *"零〇一二两三四五六七八九十百千万亿",
    ".", "．", ",", "%", "％", "‰", "点", "多", "余", "几", "第", "前列", "榜首",
    "元", "亿元", "万元", "美元", "万人", "人次", "户", "家", "个", "项", "个百分点", "倍", "成", "吨",
    "万吨", "平方公里", "亩", "千瓦", "吨标准煤", "微克/立方米", "天", "年", "月", "日", "岁",
    "左右", "以上", "以内", "以下", "约", "近", "超", "超过", "突破", "不少于", "不超过",
    "增长", "下降", "提高", "增加", "减少", "达到", "完成", "占", "从", "到", "至", "—", "-", "~",
    "全市第一", "市内六区第二", "全省", "地区生产总值", "一般公共预算收入", "城镇新增就业", "覆盖率",
    "预期目标", "力争", "确保", "计划", "2022年", "2023年", "“十四五”", "过去五年", "翻一番",
    "，", "。", "；", "：", "、", "（", "）", "(", ")", "《", "》", "“", "”", " ", "\u3000",
    "\n", "\n\n", "**", "一、", "（一）", "1.", "下载\n", "打印\n", "【字号：大 中 小】\n",
    "政府工作报告", "各位代表：", "\ufeff", "\r\n",
]

report_like = st.lists(st.sampled_from(PIECES), max_size=80).map("".join)
any_text = st.text(max_size=200)
texts = st.one_of(any_text, report_like)


def _check_document(text: str, data: dict) -> None:
    validate_document(data)
    assert data["document"]["chars"] == len(text)
    for claim in data["claims"]:
        start, end = claim["span"]
        assert 0 <= start < end <= len(text), claim
        assert text[start:end] == claim["text"], claim
        for key in ("value", "low", "high"):
            if claim[key] is not None:
                assert math.isfinite(claim[key]), claim


@SETTINGS
@given(any_text)
def test_parse_text_never_raises_on_arbitrary_text(text):
    _check_document(text, reportparse.parse_text(text).to_dict())


@SETTINGS
@given(report_like)
def test_parse_text_on_report_like_text(text):
    _check_document(text, reportparse.parse_text(text).to_dict())


def _check_quantities(text: str, lang: str) -> None:
    for q in reportparse.find_quantities(text, lang=lang):
        start, end = q.span
        assert 0 <= start < end <= len(text), q
        assert text[start:end] == q.text, q
        for value in (q.value, q.low, q.high):
            if value is not None:
                assert isinstance(value, (int, float)) and not isinstance(value, bool), q
                assert math.isfinite(value), q
        if q.low is not None and q.high is not None:
            assert q.low <= q.high, q


@SETTINGS
@given(texts)
def test_find_quantities_spans_and_values(text):
    _check_quantities(text, "auto")


@SETTINGS
@given(texts)
def test_parsing_is_deterministic(text):
    first = reportparse.parse_text(text).to_dict()
    second = reportparse.parse_text(text).to_dict()
    assert first == second
    assert json.dumps(first, ensure_ascii=False, sort_keys=True) == json.dumps(second, ensure_ascii=False,
                                                                             sort_keys=True)


@SETTINGS
@given(report_like)
def test_claim_ids_are_unique(text):
    ids = [c["id"] for c in reportparse.parse_text(text).to_dict()["claims"]]
    assert len(ids) == len(set(ids))


@SETTINGS
@given(report_like)
def test_output_is_json_serialisable(text):
    data = reportparse.parse_text(text).to_dict()
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data


numeral_like = st.text(alphabet=NUMERAL_CHARS + "0123456789.,点點负-多余几 ", max_size=40)


@SETTINGS
@given(st.one_of(numeral_like, any_text))
def test_parse_numeral_gives_a_finite_value_or_value_error(text):
    try:
        value = parse_numeral(text)
    except ValueError:
        return
    assert isinstance(value, Decimal) and value.is_finite(), text
    number = to_number(value)
    assert math.isfinite(number), text


@SETTINGS
@given(texts)
def test_recognisers_spans_inside_the_normalised_text(text):
    lex = load_lexicon("zh")
    norm = normalise(text, lex).text
    for mention in recognise_quantities(norm, lex) + recognise_rankings(norm, lex):
        assert 0 <= mention.start < mention.end <= len(norm), mention
        for unit_start, unit_end in mention.unit_spans:
            assert mention.start <= unit_start <= unit_end <= mention.end, mention
        for value in (mention.value, mention.low, mention.high):
            if value is not None:
                assert value.is_finite() and math.isfinite(to_number(value)), mention


def _traditional_pieces() -> list[str]:
    import opencc

    to_hant = opencc.OpenCC("s2t")
    return [to_hant.convert(piece) for piece in PIECES] + ["經濟", "國內生產總值", "億元", "萬人", "達到", "預期"]


traditional_like = st.lists(st.sampled_from(_traditional_pieces()), max_size=80).map("".join)


@SETTINGS
@given(traditional_like)
def test_traditional_text_spans_point_at_the_original(text):
    _check_document(text, reportparse.parse_text(text).to_dict())


# English pieces: digits and number words, scales, units, qualifiers, cue words, ordinals,
# headings, currency signs and the punctuation of official translations.
EN_PIECES = [
    *"0123456789", ".", ",", "-", "–", "%", "‰", "$", "RMB ", "US$", " ", " ", " ", "\n", "\n\n",
    "one", "two", "twenty", "-five", "hundred", "thousand", " million", " billion", " trillion",
    "a third", "half", "half of", "double", "doubled", "percent", " percentage points", " per mille",
    " yuan", " US dollars", " metric tons", " tonnes", " kilograms", " mu", " hectares", " people",
    " households", " jobs", " projects", " years", " days", " times", " micrograms per cubic meter",
    "around ", "about ", "nearly ", "over ", "more than ", "at least ", "no less than ", "within ",
    "up to ", "below ", "under ", "or so", "or more", "between ", " and ", " to ", "from ",
    "GDP", "GDP growth of ", "grew by ", "rose to ", "an increase of ", "a drop of ", "cut by ",
    "reached ", "hit ", "totaled ", "accounted for ", " of GDP", "new urban jobs", "grain output",
    "ranked first", " second largest", "top three", "first place nationwide", " in the country",
    "the 14th Five-Year Plan", "5G", "PM2.5", "COVID-19", "March 5, ", "2023", "2024", "In 2023, ",
    "will", "targets", "projected", "is set at ", "last year", "this year", "(", ")", ";", ":", "!", "?",
    "I. Review of Our Work in 2023\n", "II. Government Work Tasks for 2024\n", "1. ", "The main targets are: ",
    "Delivered at the Second Session of the 14th National People's Congress on March 5, 2024\n",
]
en_report_like = st.lists(st.sampled_from(EN_PIECES), max_size=80).map("".join)


@SETTINGS
@given(st.one_of(any_text, en_report_like))
def test_english_parse_never_raises_and_spans_hold(text):
    data = reportparse.parse_text(text, lang="en").to_dict()
    assert data["document"]["lang"] == "en"
    _check_document(text, data)
    ids = [c["id"] for c in data["claims"]]
    assert len(ids) == len(set(ids))
    assert reportparse.parse_text(text, lang="en").to_dict() == data


@SETTINGS
@given(en_report_like)
def test_english_find_quantities_spans_and_values(text):
    _check_quantities(text, "en")


@SETTINGS
@given(en_report_like)
def test_english_report_like_text_is_detected_as_english(text):
    from reportparse.lang import detect as detect_language

    if sum(ch.isascii() and ch.isalpha() for ch in text) >= 3:
        assert detect_language(text) == "en"


# The forms of issue 13: money symbols, names and smaller units, technical and prefixed units,
# 两 as a unit, 半 after a unit, discounts, per-N rates, bounds and ranges, numbers typeset with spaces.
QUANTITY_PIECES = [
    *"0123456789", *"一二两三四五六七八九十百千万亿零", "点", ".", "．", " ", " ", "1 ", "9 ", "7 ", "．5 ",
    "$", "￥", "¥", "US$", "HK$", "€", "£", "元", "块", "人民币", "美元", "美圆", "台币", "英镑", "瑞士法郎",
    "角", "毛", "分", "美分", "又", "分钟", "两", "半", "半导体", "折", "打", "折合", "成", "%",
    "兆瓦", "吉瓦时", "兆字节", "兆赫兹", "千卡", "克", "克/千克", "千升", "km", "km²", "㎡", "kWh", "MW", "GW",
    "cm", "mm", "L", "t", "TEU", "G", "万分之", "十万分之", "百万分之", "千分之", "百分之",
    "在", "和", "与", "之间", "介于", "到", "至", "—", "-", "大于", "小于", "小于等于", "大于或等于", "不少于",
    "不超过", "最多", "最少", "以上", "以下", "，", "、", "的同时", "且", "元旦", "公元", "年", "亿元", "万人", "个",
    # the forms added after it: guarded units (里 瓦 卡), money sub-units alone, named currencies, 零下 and
    # temperatures, a space before a unit or after a symbol, comparisons, per-N ranges across units, vague
    # leads (几十, 数百), neighbouring digits (一两千), spaced Chinese groups, size attributes, raise verbs
    "里", "路", "这里", "瓦", "卡", "卡车", "一卡通", "毛钱", "分钱", "新台币", "泰铢", "约合", "零下", "摄氏度", "℃",
    "英寸", "英亩", "毫升", "m/s", "GB", " %", "比", "大", "小", "高于", "或以上", "及以下", "几", "数", "来", "对折",
    "半价", "周岁", "个星期", "米", "三公", "5G", "负", "十 ", "余 ", "点 ", "提高", "惠及", "婴幼儿", "人", "。",
]
quantity_like = st.lists(st.sampled_from(QUANTITY_PIECES), max_size=40).map("".join)


@SETTINGS
@given(quantity_like)
def test_find_quantities_new_forms_spans_and_values(text):
    _check_quantities(text, "zh")


@SETTINGS
@given(quantity_like)
def test_recognisers_spans_on_new_forms(text):
    lex = load_lexicon("zh")
    norm = normalise(text, lex).text
    for mention in recognise_quantities(norm, lex):
        assert 0 <= mention.start < mention.end <= len(norm), mention
        for unit_start, unit_end in mention.unit_spans:
            # inside the mention, or the unit of the next number shared in a list (0和5年)
            assert mention.start <= unit_start <= unit_end <= len(norm), mention
            assert unit_end <= mention.end or unit_start >= mention.end, mention
        for value in (mention.value, mention.low, mention.high):
            if value is not None:
                assert value.is_finite() and math.isfinite(to_number(value)), mention


@SETTINGS
@given(quantity_like)
def test_parse_text_on_new_forms_is_valid(text):
    _check_document(text, reportparse.parse_text(text, lang="zh").to_dict())
