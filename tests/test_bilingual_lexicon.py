"""The bilingual metric lexicon (src/reportparse/data/metrics.json): one id per indicator, its
Chinese synonyms and the English variants official translations have used, for both languages.

The English wordings below are those listed in ../shared/guide/domain.md section 2 (with their
sources there); each must name exactly its indicator's id.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest

import reportparse
from reportparse.lang.en.cues import compile_cues as english_cues
from reportparse.lexicon import load_lexicon

METRICS = Path(__file__).resolve().parents[1] / "src" / "reportparse" / "data" / "metrics.json"

PAIRS = [
 ("GDP growth", "gdp"), ("economic growth", "gdp"), ("Gross Regional Product (GRP)", "gdp"), ("regional GDP", "gdp"),
 ("Per capita GRP", "gdp_per_capita"), ("new urban jobs", "urban_new_jobs"), ("jobs in urban areas", "urban_new_jobs"),
 ("surveyed urban unemployment rate", "surveyed_unemployment_rate"), ("urban surveyed unemployment", "surveyed_unemployment_rate"),
 ("registered urban unemployment rate", "registered_unemployment_rate"), ("registered urban jobless rate", "registered_unemployment_rate"),
 ("CPI increase", "cpi"), ("consumer price index", "cpi"), ("increase in the CPI", "cpi"),
 ("growth in personal income in step with economic growth", "personal_income_sync"),
 ("Per Capita Disposable Income of Households", "disposable_income"), ("per capita disposable income of residents", "disposable_income"),
 ("per capita disposable income of urban residents", "urban_disposable_income"), ("per capita net income of rural residents", "rural_disposable_income"),
 ("basic equilibrium in the balance of payments", "balance_of_payments"), ("basic balance of payments", "balance_of_payments"),
 ("imports and exports", "foreign_trade"), ("import and export volumes", "foreign_trade"), ("Total volume of foreign trade", "foreign_trade"),
 ("exports", "exports"), ("foreign direct investment", "foreign_investment"), ("utilization of foreign investment", "foreign_investment"),
 ("grain output", "grain_output"), ("energy consumption per unit of GDP", "energy_intensity"), ("energy intensity", "energy_intensity"),
 ("energy consumption per 10,000 yuan of GRP", "energy_intensity"),
 ("carbon dioxide emissions per unit of gross domestic product", "co2_intensity"),
 ("discharge of major pollutants", "major_pollutants"), ("release of major pollutants", "major_pollutants"), ("emissions of major pollutants", "major_pollutants"),
 ("water consumption per 10,000 yuan of GRP", "water_intensity"),
 ("deficit-to-GDP ratio", "deficit_ratio"), ("fiscal deficit-to-GDP ratio", "deficit_ratio"), ("deficit rate", "deficit_ratio"),
 ("government deficit", "deficit_amount"), ("general public expenditures in the government budget", "general_budget_expenditure"),
 ("General public budget revenue", "general_budget_revenue"), ("local general budget revenue", "general_budget_revenue"),
 ("government revenue", "fiscal_revenue"), ("local fiscal revenue", "fiscal_revenue"),
 ("special-purpose bonds for local governments", "local_special_bonds"), ("local government special bonds", "local_special_bonds"),
 ("ultra-long special treasury bonds", "ultra_long_bonds"), ("special treasury bonds for COVID-19 control", "special_treasury_bonds"),
 ("central government budgetary investment", "central_budget_investment"), ("tax and fee cuts", "tax_fee_cuts"),
 ("M2 money supply and aggregate financing", "m2"), ("investment in fixed assets", "fixed_asset_investment"), ("fixed-asset investment", "fixed_asset_investment"),
 ("Total retail sales of consumer goods", "retail_sales"), ("total retail sales of social consumer goods", "retail_sales"),
 ("Added value of industrial enterprises above designated size", "industrial_value_added"), ("industry above designated size", "industrial_value_added"),
 ("services sector share", "services_value_added"), ("R&D expenditure", "rd_expenditure"), ("value-added high-tech manufacturing", "high_tech_manufacturing"),
 ("High-tech enterprises", "high_tech_enterprises"), ("Newly-added market entities", "market_entities"), ("new business registrations", "market_entities"),
 ("reduce rural poor population", "poverty_reduction"), ("urbanization rate of permanent residents", "urbanization_rate"),
 ("Natural Growth Rate of Population", "natural_population_growth"), ("transfer of rural labor", "rural_labor_transfer"),
 ("PM2.5 concentration", "pm25"), ("Proportion of days with air quality reaching standard criteria", "good_air_days"),
 ("number of days of heavy air pollution", "heavy_pollution_days"), ("forest coverage", "forest_coverage"),
 ("surface water of good quality", "surface_water_quality"), ("Life Expectancy at Birth", "life_expectancy"),
 ("average years of schooling of the working-age population", "schooling_years"), ("basic old-age insurance coverage", "pension_coverage"),
 ("labor productivity measured by output per worker", "labor_productivity"), ("contribution of consumption to growth", "consumption_contribution"),
 ("Annual tourism revenues", "tourism_revenue"), ("5G base stations", "base_stations_5g"), ("railway construction", "rail_investment"),
 ("vocational skills training", "vocational_training"), ("renovation of old urban residential communities", "old_community_renovation"),
 ("rebuilding of rundown urban areas", "shantytown_renovation"), ("digital economy", "digital_economy_share"),
 ("strategic emerging industries", "strategic_emerging_industries"), ("per capita disposable income of rural residents", "rural_disposable_income"),
]


@pytest.fixture(scope="module")
def cues():
    return english_cues(load_lexicon("en"))


@pytest.mark.parametrize(("phrase", "metric_id"), PAIRS, ids=[p for p, _ in PAIRS])
def test_official_english_wording_names_its_indicator(cues, phrase, metric_id):
    hits = list(cues.metric_names.finditer(phrase))
    assert [h.group() for h in hits] == [phrase], f"{phrase!r} is not one lexicon name: {[h.group() for h in hits]}"
    assert cues.metric_by_name[phrase.lower()].id == metric_id


def test_every_english_name_names_one_indicator():
    names: dict[str, set[str]] = defaultdict(set)
    for m in json.loads(METRICS.read_text("utf-8"))["metrics"]:
        assert m["en"] and m["zh"], m["id"]
        for name in [m["en"], *m.get("en_aliases", [])]:
            names[name.lower()].add(m["id"])
    assert {n: ids for n, ids in names.items() if len(ids) > 1} == {}


def test_both_languages_load_the_same_ids():
    zh, en = load_lexicon("zh"), load_lexicon("en")
    assert [m.id for m in zh.metrics] == [m.id for m in en.metrics]
    assert [m.en for m in zh.metrics] == [m.en for m in en.metrics]


@pytest.mark.parametrize(("zh", "en"), [
    ("2024年政府工作报告\n城镇调查失业率5.5%左右", "The surveyed urban unemployment rate will be around 5.5 percent."),
    ("2024年政府工作报告\n粮食产量1.3万亿斤以上", "Grain output will be over 650 million metric tons."),
    ("2024年政府工作报告\n单位国内生产总值能耗降低2.5%左右", "Energy consumption per unit of GDP will drop by around 2.5 percent."),
    ("2024年政府工作报告\n拟安排地方政府专项债券3.9万亿元", "We plan to issue 3.9 trillion yuan of special-purpose bonds for local governments."),
])
def test_a_chinese_claim_and_its_translation_carry_the_same_metric(zh, en):
    z = reportparse.parse_text(zh, "zh").claims
    e = reportparse.parse_text(en, "en").claims
    assert len(z) == len(e) == 1
    assert z[0]["metric"]["id"] is not None
    assert z[0]["metric"]["id"] == e[0]["metric"]["id"] and z[0]["metric"]["en"] == e[0]["metric"]["en"]
