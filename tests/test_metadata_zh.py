"""Metadata a Chinese report's own text gives: region, level and report year, in every era and at
every level, from the lines reports open with; a report whose region or year cannot be told
says so (``metadata_warnings``, and a warning on stderr), never a silent null.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from reportparse import parse_text
from reportparse.validate import validate_document

BODY = "\n\n一、工作回顾\n\n全市地区生产总值增长6%。\n"


def meta(text: str) -> tuple[str | None, str | None, int | None]:
    doc = parse_text(text).document
    return doc["region"], doc["level"], doc["report_year"]


@pytest.mark.parametrize(("opening", "expected"), [
    # delivery lines, Arabic and Chinese numerals, every level
    ("——2015年1月19日在郑州市第十四届人民代表大会第五次会议上", ("郑州市", "city", 2015)),
    ("——二〇一〇年一月二十五日在广西壮族自治区第十一届人民代表大会第三次会议上", ("广西壮族自治区", "province", 2010)),
    ("（2013年1月23日在广西第十二届人民代表大会第一次会议上）", ("广西壮族自治区", "province", 2013)),
    ("——2020年1月8日在延边朝鲜族自治州第十五届人民代表大会第五次会议上", ("延边朝鲜族自治州", "city", 2020)),
    ("——2019年1月10日在大兴安岭地区第八届人民代表大会第四次会议上", ("大兴安岭地区", "city", 2019)),
    ("——2018年1月5日在锡林郭勒盟第十四届人民代表大会第一次会议上", ("锡林郭勒盟", "city", 2018)),
    ("——2021年1月6日在二七区第十五届人民代表大会第五次会议上", ("二七区", "county", 2021)),
    ("——2016年12月28日在长丰县第十七届人民代表大会第一次会议上\n\n2017年是“十三五”规划实施的关键之年",
     ("长丰县", "county", 2017)),
    ("——2022年1月9日在准格尔旗第十七届人民代表大会第一次会议上", ("准格尔旗", "county", 2022)),
    ("——2026年1月25日在北京市第十六届人民代表大会第四次会议上", ("北京市", "province", 2026)),
    # a date line apart from the congress, a dated line with the speaker's name, a region before the year
    ("政府工作报告\n——在河北省第十二届人民代表大会第四次会议上\n河北省人民政府省长 张庆伟\n（2016年1月8日）",
     ("河北省", "province", 2016)),
    ("云南省2005年政府工作报告\n（2005年1月19日 徐荣凯）\n各位代表：", ("云南省", "province", 2005)),
    ("2006年12月24日在南昌市第十二届人民代表大会第五次会议上\n\n二、2007年工作安排", ("南昌市", "city", 2007)),
    # a new-term report given in October plans no next year: it is the year it is given
    ("——2021年10月20日在南昌市第十六届人民代表大会第一次会议上\n\n今年以来，全市上下", ("南昌市", "city", 2021)),
    # the national congress: the session addressed, the past session, the term reviewed
    ("（一九八四年五月十五日在第六届全国人民代表大会第二次会议上）", ("全国", "national", 1984)),
    ("各位代表：\n现在，我受国务院的委托，向全国人民代表大会报告政府工作。\n"
     "从去年三月第五届全国人民代表大会第一次会议闭幕到我们这次会议召开，已经一年零三个月了。", ("全国", "national", 1979)),
    ("我代表国务院向大会报告过去五年的工作。\n一、关于过去五年的政府工作\n"
     "第八届全国人民代表大会第一次会议以来的五年，我国各族人民", ("全国", "national", 1998)),
    # the national session a report calls last year's, however deep in the text
    ("现在，我代表国务院，作关于第六个五年计划的报告。\n" + "各项事业发展。" * 500
     + "\n按照去年五届人大四次会议和今年党的十二大的精神，把全部经济工作转到以提高经济效益为中心的轨道上来。",
     ("全国", "national", 1982)),
    # a five-year plan's first year, a plan period's review heading
    ("现在，我代表国务院，向大会作关于第七个五年计划的报告。\n今年是实行“七五”计划的头一年。", ("全国", "national", 1986)),
    ("现在，我代表国务院，向大会作政府工作报告。\n\n一、“十一五”时期国民经济和社会发展的回顾\n\n五年来",
     ("全国", "national", 2011)),
])
def test_metadata_lines(opening, expected):
    assert meta(opening + BODY) == expected


def test_a_province_named_only_by_its_level_is_the_province_it_names_throughout():
    text = ("各位代表：\n现在，我代表省人民政府向大会作政府工作报告。\n\n一、2011年工作回顾\n\n"
            + "江西经济发展稳中有进，江西人民生活改善。" * 3 + "湖南、湖北经济协作。\n")
    assert meta(text) == ("江西省", "province", 2012)


def test_a_city_named_only_by_its_level_is_the_city_it_writes_in_full():
    text = ("各位代表：\n现在，我代表市人民政府向大会报告工作。\n\n一、2019年工作回顾\n\n"
            "长沙市地区生产总值增长8%。" + "长沙经济稳中有进。" * 4 + "与株洲、湘潭协同发展。\n")
    assert meta(text) == ("长沙市", "city", 2020)


def test_a_city_report_naming_another_place_now_and_then_is_not_that_place():
    text = ("各位代表：\n我代表市人民政府向大会报告工作。\n\n一、2019年工作回顾\n\n"
            "学习上海经验，对接上海市场，接轨上海。建设市场体系。\n")
    region, level, _ = meta(text)
    assert (region, level) == (None, None)


def test_a_december_report_for_the_coming_year_is_that_year():
    text = "——2022年12月16日在银川市第十六届人民代表大会第二次会议上\n\n2023年是全面贯彻党的二十大精神的开局之年。\n"
    assert meta(text) == ("银川市", "city", 2023)


def test_a_region_captured_with_its_marks_is_cleaned():
    for opening in ("——2013年1月23日在石家庄市人民第十二届人民代表大会第一次会议上",
                    "我代表石家庄市人民政府，向大会报告工作"):
        assert meta(opening + BODY)[:2] == ("石家庄市", "city")
    assert meta("各位代表，我代表自治区人民政府作工作报告。" + "内蒙古经济发展。" * 5 + BODY)[:2] == \
        ("内蒙古自治区", "province")


def test_a_report_whose_region_and_year_cannot_be_told_says_so():
    doc = parse_text("各位代表：\n\n主要经济指标增长6%。\n").document
    assert doc["region"] is None and doc["report_year"] is None
    assert [w.split(":")[0] for w in doc["metadata_warnings"]] == ["region", "report_year"]
    told = parse_text("——2015年1月19日在郑州市第十四届人民代表大会第五次会议上" + BODY).document
    assert told["metadata_warnings"] == []


def test_overrides_silence_the_warning():
    doc = parse_text("各位代表：\n\n增长6%。\n", overrides={"region": "郑州市", "level": "city",
                                                          "report_year": 2015}).document
    assert doc["metadata_warnings"] == []


def test_the_cli_warns_on_stderr_and_writes_a_valid_document(tmp_path):
    src = tmp_path / "untold.txt"
    src.write_text("各位代表：\n\n全市地区生产总值增长6%。\n", encoding="utf-8")
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, "-m", "reportparse", "parse", str(src), "-o", str(out)],
                            capture_output=True, text=True, encoding="utf-8", timeout=300)
    assert result.returncode == 0, result.stderr
    warned = [ln for ln in result.stderr.splitlines() if "warning" in ln]
    assert len(warned) == 2 and all(str(src) in ln for ln in warned), result.stderr
    [written] = out.glob("*.json")
    doc = json.loads(written.read_text("utf-8"))
    assert len(doc["document"]["metadata_warnings"]) == 2
    validate_document(doc)


@pytest.mark.parametrize(("opening", "expected"), [
    # a mixed-numeral year; a delivery year of two digits; a date after the congress it was given at
    ("——二0一四年一月十五日在内蒙古自治区第十二届人民代表大会第二次会议上\n一、过去一年工作的回顾\n"
     "2013年是本届政府的开局之年。", ("内蒙古自治区", "province", 2014)),
    ("- ——19年2月24日在太原市第十四届人民代表大会第四次会议上\n2018年是全面贯彻党的十九大精神的开局之年。",
     ("太原市", "city", 2019)),
    ("在四川省第十一届人民代表大会第五次会议上（2012年1月10日）\n\n2011年是“十二五”开局之年。",
     ("四川省", "province", 2012)),
    # a level word alone before the term (在市第十三届), the place named throughout
    ("（2013年2月2日在市第十三届人民代表大会第三次会议上）\n" + "贵阳市经济稳中有进。" * 5,
     ("贵阳市", "city", 2013)),
    # the 1970s government: 革命委员会
    ("我代表浙江省革命委员会，向省第五届人民代表大会报告工作。\n三、一九七九年的主要任务", ("浙江省", "province", 1979)),
])
def test_more_delivery_lines(opening, expected):
    assert meta(opening + BODY) == expected


@pytest.mark.parametrize(("text", "year"), [
    # a first section opening with a year reviews it; of two years it names, the later
    ("我代表省人民政府向大会作政府工作报告。\n一、1993年全省经济提前实现第二个翻番，为基本实现现代化打下了基础\n"
     "过去的一年，全省经济增长12%。\n二、明确今年经济和社会发展的方针", 1994),
    ("我代表省人民政府向大会作工作报告。\n一、1996年的政府工作和1997年的奋斗目标\n刚刚过去的1996年，全省增长10%。", 1997),
    ("我代表省人民政府向大会作工作报告。\n一、2013年主要工作\n二、2014年重点工作", 2014),  # a plan heading is no review
    # a plan heading ending in 目标要求 after a review heading naming no year
    ("我代表自治区人民政府向大会报告工作。\n一、“十四五”开局起步之年的工作回顾\n二、2022年经济社会发展的目标要求", 2022),
    # this year with a pause before 是, and 首战之年
    ("我代表省人民政府向大会作工作报告。\n一、过去五年工作的回顾\n2008年，是全面贯彻党的十七大作出的战略部署的第一年。", 2008),
    ("我代表市政府向大会作报告。\n一、本届政府工作回顾\n2007年是完成新一届政府战略任务的首战之年。", 2007),
    # five years after the dated first session of the term a report reviews
    ("我代表省人民政府向大会作工作报告。\n一、过去五年工作的回顾\n1998年1月省九届人大一次会议以来，全省经济年均增长9.1%。",
     2003),
    ("我代表市政府向大会作报告。\n本届政府自2002年3月市第十一届人民代表大会第一次会议选举产生以来，任期届满。", 2007),
    # a bare date years away from the year the plan headings name is a collection's slip; one year away it stands
    ("（2010年2月20日 梁保华）\n我代表江苏省人民政府向大会报告工作。\n一、过去五年工作回顾\n"
     "二、今后五年主要任务和2003年预期目标", 2003),
    ("（2003年1月12日）\n我代表江西省人民政府向大会报告工作。\n一、 2002年经济社会发展情况和本届政府工作", 2003),
    ("（2007年2月1日）\n我代表哈尔滨市人民政府向大会报告工作。\n一、2003年以来工作回顾\n"
     "二、关于未来五年和2007年经济社会发展任务", 2007),
])
def test_report_years_the_headings_and_sentences_tell(text, year):
    assert meta(text + "\n全省生产总值增长6%。\n")[2] == year


def test_a_city_never_written_with_its_level_word_is_the_listed_city_it_names():
    text = ("各位代表：\n现在，我代表市人民政府向大会报告工作。\n\n一、2014年工作回顾\n\n"
            + "宁波经济稳中有进，宁波港货物吞吐量增长5%。" * 3 + "与杭州协同发展。\n")
    assert meta(text) == ("宁波市", "city", 2015)


def test_metadata_does_not_load_jiebas_dictionary():
    """Telling a place from the list in regions.json, not from jieba's 350k-word dictionary
    (about a second to load: it was most of the metadata stage's time)."""
    code = ("import reportparse\n"
            "from reportparse.lang.zh.tokenise import default_tokenizer\n"
            "doc = reportparse.parse_text('我代表市人民政府向大会报告工作。\\n' + '长沙市经济增长8%。' * 5)\n"
            "print(doc.document['region'], default_tokenizer.cache_info().currsize)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, encoding="utf-8",
                         timeout=300, check=True).stdout.split()
    assert out == ["长沙市", "0"]


@pytest.mark.parametrize(("opening", "expected"), [
    ("——2024年1月20日在昆山市第十七届人民代表大会第四次会议上", ("昆山市", "county", 2024)),
    ("2019年2月14日在仁怀市第九届人民代表大会第四次会议上", ("仁怀市", "county", 2019)),
    ("——2024年1月20日在苏州市第十七届人民代表大会第四次会议上", ("苏州市", "city", 2024)),
    # a district's delivery line with the month only
    ("——2023年2月在北京市朝阳区第十六届人民代表大会第三次会议上", ("北京市朝阳区", "county", 2023)),
])
def test_a_county_level_city_is_of_county_level(opening, expected):
    assert meta(opening + "\n各位代表：\n现在，我代表市人民政府向大会报告工作。") == expected
