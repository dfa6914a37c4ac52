"""zh <-> en alignment: ``reportparse align ZH EN`` and :func:`reportparse.align.align_claims`.

The national check pairs the main-targets paragraph of ../shared/corpus/national_2024_zh.txt with
a faithful English rendering in the official wording (tests/data/national_2024_main_targets_en.txt):
every headline indicator must pair as a match, none as a mismatch or on one side only. Expected
values come from arithmetic (1.3万亿斤 = 1.3e12 x 0.5 kg = 650 million metric tons), not from output.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import reportparse
from reportparse.align import align_claims, render_markdown, same_value
from reportparse.cli import main
from reportparse.conversions import comparable

SHARED = Path(__file__).resolve().parents[2] / "shared"
NATIONAL_2024 = SHARED / "corpus" / "national_2024_zh.txt"
EN_RENDERING = Path(__file__).resolve().parent / "data" / "national_2024_main_targets_en.txt"
EN_FISCAL = Path(__file__).resolve().parent / "data" / "national_2024_fiscal_en.txt"
HEADLINE = {"gdp", "urban_new_jobs", "surveyed_unemployment_rate", "cpi", "grain_output", "energy_intensity"}

ZH_SMALL = (
    "2024年政府工作报告\n\n一、2023年工作回顾\n\n"
    "城镇新增就业1244万人。粮食产量13908亿斤。城镇化率提高0.9个百分点。发行1万亿元超长期特别国债。\n"
)
EN_SMALL = (
    "Report on the Work of the Government\n\nI. Review of Our Work in 2023\n\n"
    "A total of 12.44 million new urban jobs were added. Grain output reached 695.4 million metric tons. "
    "The urbanization rate rose by 0.9 percentage points. We issued 1 trillion yuan of ultra-long special treasury bonds.\n"
)


def _paragraph_zh(opening: str) -> list[dict]:
    """The claims of the national 2024 paragraph that opens with ``opening``."""
    if not NATIONAL_2024.exists():
        pytest.skip(f"corpus not found: {NATIONAL_2024}")
    doc = reportparse.parse_file(NATIONAL_2024, "zh")
    text = NATIONAL_2024.read_text("utf-8-sig")
    start = text.index(opening)
    end = text.index("\n", start)
    return [c for c in doc.claims if start <= c["span"][0] < end]


def _main_targets_zh() -> list[dict]:
    return _paragraph_zh("今年发展主要预期目标是")


def test_national_2024_fiscal_paragraph_pairs_every_number():
    """赤字率3%, 赤字4.06万亿元 (+1800亿元), 支出28.5万亿元 (+1.1万亿元), 专项债3.9万亿元 (+1000亿元),
    超长期特别国债1万亿元: eight numbers, each found once in the English rendering."""
    zh = _paragraph_zh("积极的财政政策要适度加力")
    result = align_claims(zh, reportparse.parse_file(EN_FISCAL, "en").claims)
    assert len(result.pairs) == 8 and all(p["match"] for p in result.pairs), render_markdown(result)
    assert result.zh_only == [] and result.en_only == []
    assert sorted(p["en"]["value"] for p in result.pairs) == sorted(
        [3, 4.06e12, 1.8e11, 2.85e13, 1.1e12, 3.9e12, 1e11, 1e12])


def test_national_2024_main_targets_pair_without_false_mismatch():
    zh = _main_targets_zh()
    en = reportparse.parse_file(EN_RENDERING, "en")
    assert en.document["lang"] == "en" and en.document["report_year"] == 2024
    result = align_claims(zh, en.claims)
    matched = {p["zh"]["metric"]["id"] for p in result.pairs if p["match"]}
    assert matched == HEADLINE, render_markdown(result)
    assert all(p["match"] for p in result.pairs), render_markdown(result)
    assert result.zh_only == [] and result.en_only == [], render_markdown(result)
    grain = next(p for p in result.pairs if p["zh"]["metric"]["id"] == "grain_output")
    assert grain["zh"]["unit"] == "jin" and grain["en"]["unit"] == "ton"
    assert grain["en"]["value"] == 650_000_000


def test_a_changed_number_is_a_mismatch():
    zh = _main_targets_zh()
    wrong = EN_RENDERING.read_text("utf-8").replace("GDP growth of around 5 percent", "GDP growth of around 4.5 percent")
    result = align_claims(zh, reportparse.parse_text(wrong, "en").claims)
    bad = [p for p in result.pairs if not p["match"]]
    assert [(p["zh"]["value"], p["en"]["value"]) for p in bad] == [(5, 4.5)]
    assert bad[0]["zh"]["metric"]["id"] == bad[0]["en"]["metric"]["id"] == "gdp"


def test_units_a_translation_changes_are_converted():
    zh = reportparse.parse_text(ZH_SMALL, "zh").claims
    en = reportparse.parse_text(EN_SMALL, "en").claims
    result = align_claims(zh, en)
    assert [p["match"] for p in result.pairs] == [True] * 4, render_markdown(result)
    assert result.zh_only == [] and result.en_only == []
    ids = [p["zh"]["metric"]["id"] for p in result.pairs]
    assert ids == ["urban_new_jobs", "grain_output", "urbanization_rate", "ultra_long_bonds"]


def test_comparable_converts_masses_and_areas():
    assert comparable({"unit": "jin", "value": 1.3e12}) == ("kg", 6.5e11)
    assert comparable({"unit": "ton", "value": 650_000_000}) == ("kg", 6.5e11)
    assert comparable({"unit": "hectare", "value": 1}) == ("m2", 10_000)
    assert comparable({"unit": "mu", "value": 15}) == ("m2", 10_000)
    assert comparable({"unit": "percent", "value": 5}) == ("percent", 5)
    assert same_value({"unit": "mu", "value": 15, "high": None}, {"unit": "hectare", "value": 1, "high": None})
    assert not same_value({"unit": "percent", "value": 5, "high": None}, {"unit": "percentage_point", "value": 5, "high": None})
    assert not same_value({"unit": "percent", "value": 6, "high": 6.5}, {"unit": "percent", "value": 6, "high": None})


def test_claims_without_a_metric_id_pair_only_when_equal():
    a = {"metric": {"id": None}, "kind": "level", "status": "actual", "unit": "count", "value": 3, "high": None}
    b = dict(a, value=4)
    result = align_claims([a], [b])
    assert result.pairs == [] and result.zh_only == [a] and result.en_only == [b]
    assert align_claims([a], [dict(a)]).pairs == [{"zh": a, "en": a, "match": True}]


def test_a_claim_without_a_metric_id_matches_an_equal_one_with_an_id():
    a = {"metric": {"id": None}, "kind": "growth", "status": "target", "unit": "CNY", "value": 1.8e11, "high": None}
    b = dict(a, metric={"id": "deficit_amount"})
    assert align_claims([a], [b]).pairs == [{"zh": a, "en": b, "match": True}]
    assert align_claims([a], [dict(b, value=1.9e11)]).pairs == []


def test_cli_align_json_and_markdown(tmp_path, capsys):
    zh, en = tmp_path / "zh.txt", tmp_path / "en.txt"
    zh.write_text(ZH_SMALL, "utf-8")
    en.write_text(EN_SMALL.replace("695.4 million", "659.4 million"), "utf-8")
    assert main(["align", str(zh), str(en)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"summary", "pairs", "mismatches", "zh_only", "en_only"}
    assert [p["match"] for p in data["pairs"]] == [True, False, True, True]
    assert {"zh", "en", "match"} == set(data["pairs"][0])
    assert main(["align", str(zh), str(en), "--format", "md"]) == 0
    md = capsys.readouterr().out
    assert md.startswith("| metric | kind | status | zh | en | result |")
    assert "**mismatch**" in md and "13908亿斤" in md and "659.4 million metric tons" in md
