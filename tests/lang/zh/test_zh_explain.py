"""The Chinese recogniser names the filter that drops a number-like text and the rule that
finds a number (through reportparse.explain_text, the API behind ``parse --explain``)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import reportparse
from reportparse.lang.zh.filters import FILTERS, NUMERAL_FILTERS


def _decisions(text: str, fragment: str) -> list[tuple[str, str]]:
    """(rule, outcome) of every recogniser decision about the span that reads ``fragment``."""
    return [(d["rule"], d["outcome"]) for d in reportparse.explain_text(text, "zh")
            if d["stage"] == "recognise" and d["text"] == fragment]


DROPS = [
    ("2025年，全市地区生产总值增长5.2%。", "2025年", "zh.filter.year"),
    ("举办第十七届运动会。", "十七", "zh.filter.ordinal"),
    ("建成5G基站3000个。", "5", "zh.filter.latin_code"),
    ("\n3、加强基础设施建设\n", "3", "zh.filter.heading_number"),
    ("十四届全国人大二次会议在北京召开。", "二次", "zh.filter.name"),
    ('实施"125"招商计划。', "125", "zh.filter.quoted_name"),
    ("我们要抓好“三个一批”工作。", "三个", "zh.filter.slogan_numeral"),
    ("这两个指标都很好。", "两个", "zh.filter.demonstrative"),
    ("推动零部件产业发展。", "零部", "zh.filter.zero_or_financial"),
    ("完成投资百分之五个。", "百分之五个", "zh.filter.two_units"),
    ("2026-02-02发布。", "02", "zh.filter.leading_zero"),
    ("日期为2026/3/5。", "3", "zh.filter.date_part"),
    ("要统一到中央部署上来。", "一", "zh.filter.lone_numeral"),
    ("千万不能松懈。", "千万", "zh.filter.bare_scale"),
    ("两两结合。", "两两", "zh.filter.adjacent_digits"),
    ("完成一批重点项目。", "一批", "zh.filter.abstract_noun"),
    ("3月份以来增长较快。", "3", "zh.filter.time_or_list"),
    ("落实八项规定精神。", "八项", "zh.filter.noise_phrase"),
    ("召开第十七届运动会，全市第一位。", "一位", "zh.filter.ordinal"),
    ("全国人大第十四届第二次会议", "十四", "zh.filter.ordinal"),
]


@pytest.mark.parametrize(("text", "fragment", "rule"), DROPS)
def test_explain_names_the_filter_that_drops(text, fragment, rule):
    assert (rule, "dropped") in _decisions(text, fragment)


@pytest.mark.parametrize(("text", "fragment", "rule"), [
    ("全市地区生产总值增长5.2%。", "5.2%", "zh.arabic"),
    ("新建学校三十所。", "三十所", "zh.chinese_numeral"),
    ("粮食产量翻了一番。", "翻了一番", "zh.doubling"),
])
def test_explain_names_the_rule_that_finds(text, fragment, rule):
    assert _decisions(text, fragment) == [(rule, "found")]


@pytest.mark.parametrize(("text", "fragment", "rule"), [
    ("实施三年行动计划。", "三年", "zh.policy.duration"),
    ("完成3岁以下婴幼儿托育。", "3岁以下", "zh.policy.age_group"),
    ("新建一个产业园区。", "一个", "zh.policy.article_one"),
    ("建成8英寸晶圆生产线。", "8英寸", "zh.policy.size_attribute"),
])
def test_explain_names_the_claimable_policy(text, fragment, rule):
    assert (rule, "not_claimable") in _decisions(text, fragment)


@pytest.mark.parametrize(("text", "fragment", "rule"), [
    ("人数在二十到三十之间。", "在二十到三十之间", "zh.bounds.framed"),
    ("这个数比五十大。", "比五十大", "zh.bounds.compared"),
    ("售价新台币三千元。", "新台币三千元", "zh.named_currency"),
])
def test_explain_names_the_frame_of_a_number(text, fragment, rule):
    assert rule in [d["rule"] for d in reportparse.explain_text(text, "zh") if d["text"] == fragment]


def test_a_kept_number_is_not_dropped():
    """The filters let an ordinary count through: no filter answers for it."""
    decisions = _decisions("全年新增城镇就业1256万人。", "1256万人")
    assert decisions == [("zh.arabic", "found")]


def test_every_named_filter_has_a_case():
    """Each filter of the recogniser is shown to drop something typical (above)."""
    tested = {rule for _text, _fragment, rule in DROPS}
    assert {f"zh.filter.{f.__name__}" for f in NUMERAL_FILTERS + FILTERS} <= tested


@pytest.mark.parametrize(("text", "fragment", "outcome", "rule"), [
    ("地区生产总值增长5.2%。", "5.2%", "kind", "zh.kind.rate_change"),
    ("粮食产量达到1.3万亿斤。", "1.3万亿斤", "kind", "zh.kind.level_reached"),
    ("地区生产总值增长5.2%。", "5.2%", "metric", "zh.metric.phrase_before"),
    ("新建370个重大项目。", "370个", "metric", "zh.metric.counted_noun"),
    ("力争粮食产量达到1.3万亿斤。", "1.3万亿斤", "status", "zh.timing.clause_target"),
    ("地区生产总值居全省第一位。", "全省第一位", "kind", "zh.kind.rank"),
    ("城乡居民收入分别超过8万元、4.5万元。", "4.5万元", "qualifier", "zh.qualifier.list"),
    ("城乡居民基础养老金最低标准提高20元。", "20元", "kind", "zh.kind.amount_change"),
    ("景区门票打八折。", "八折", "kind", "zh.kind.discount"),
])
def test_explain_names_the_assembly_rule(text, fragment, outcome, rule):
    decisions = [(d["rule"], d["outcome"]) for d in reportparse.explain_text(text, "zh")
                 if d["stage"] == "assemble" and d["text"] == fragment]
    assert (rule, outcome) in decisions


def test_explain_command_names_the_chinese_rules(tmp_path):
    """Through the command line: the year of a plan heading is dropped by the year filter; the
    target's recogniser, kind, metric and timing rules are named before its claim."""
    report = tmp_path / "report.txt"
    report.write_text("2024年政府工作报告\n三、2024年政府工作任务\n地区生产总值增长5%左右。\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "reportparse.cli", "explain", str(report), "--format", "jsonl"],
                         capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert run.returncode == 0, run.stderr
    lines = [json.loads(line) for line in run.stdout.splitlines()]
    assert any(d["text"] == "2024年" and d["rule"] == "zh.filter.year" and d["outcome"] == "dropped" for d in lines)
    target = [(d["stage"], d["rule"], d["outcome"], d["reason"]) for d in lines if d["text"] == "5%左右"]
    assert target == [
        ("recognise", "zh.arabic", "found", "unit percent"),
        ("assemble", "zh.kind.rate_change", "kind", "growth +1"),
        ("assemble", "zh.metric.phrase_before", "metric", "地区生产总值 -> gdp"),
        ("assemble", "zh.timing.sentence", "status", "target 2024"),
        ("resolve", "zh.arabic", "claim", "growth target 2024 metric=gdp"),
    ]
