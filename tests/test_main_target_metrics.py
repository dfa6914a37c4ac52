"""Metric ids on the main-targets paragraphs, in the wordings reports of ../shared use (provinces,
cities, 1990s to 2020s): the indicator lexicon names what they measure, and still names nothing it
does not know (a share named by its denominator, a subset, a region's own composite)."""

from __future__ import annotations

import pytest

from reportparse import parse_text


def ids(text: str) -> list[tuple[str, str | None]]:
    return [(c["text"], c["metric"]["id"]) for c in parse_text("2015年政府工作报告\n" + text).claims]


@pytest.mark.parametrize(("text", "expected"), [
    ("主要预期目标是：研发经费支出占生产总值比重2.5%，服务业增加值占生产总值比重45%。",
     [("2.5%", "rd_intensity"), ("45%", "services_value_added")]),
    ("主要预期目标是：单位地区生产总值综合能耗下降3%，化学需氧量排放总量削减2%，人口出生率控制在12‰以内。",
     [("3%", "energy_intensity"), ("2%", "cod_emissions"), ("12‰以内", "birth_rate")]),
    ("主要预期目标是：地区生产总值增长5%左右，其中一、二、三产增加值分别增长5%、6%、4.8%。",
     [("5%左右", "gdp"), ("5%", "agricultural_output"), ("6%", "secondary_industry_value_added"),
      ("4.8%", "services_value_added")]),
    ("主要预期目标是：国内生产总值增长12%，其中三次产业增加值分别增长3%、11.5%和13%。",
     [("12%", "gdp"), ("3%", "agricultural_output"), ("11.5%", "secondary_industry_value_added"),
      ("13%", "services_value_added")]),
    ("主要预期目标是：先进制造业、高技术制造业增加值占规模以上工业增加值比重分别达48.5%和22%。",
     [("48.5%", "advanced_manufacturing"), ("22%", "high_tech_manufacturing")]),
    ("主要目标是：1）生产总值增长10%；2）全社会固定资产投资增长15%；科技进步贡献率达到55%。",
     [("10%", "gdp"), ("15%", "fixed_asset_investment"), ("55%", "tech_progress_contribution")]),
    ("主要预期目标是：实际利用内资增长20%，城市污水处理率达到85%，建成区绿化覆盖率40%。",
     [("20%", "domestic_capital_inflow"), ("85%", "sewage_treatment_rate"), ("40%", "green_coverage")]),
    # a space a line break left inside the name; 预期 before it
    ("主要预期目标是：社会消 费品零售总额增长6%左右，预期地区生产总值增长7%。",
     [("6%左右", "retail_sales"), ("7%", "gdp")]),
])
def test_main_target_wordings_get_their_indicator(text, expected):
    assert ids(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a share named by its denominator is not the denominator (gdp), nor is a subset the headline
    ("主要目标是：煤炭产业增加值占GDP比重15%。", [("15%", None)]),
    ("主要目标是：海洋生产总值增长8%。", [("8%", None)]),
    ("主要目标是：县域经济比重提高到68%。", [("68%", None)]),
    ("主要目标是：新经济占地区生产总值比重19%。", [("19%", None)]),
])
def test_what_the_lexicon_does_not_know_gets_no_id(text, expected):
    assert ids(text) == expected
