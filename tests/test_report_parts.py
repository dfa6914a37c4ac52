"""Which part of a report reviews last year and which plans this year, when the first part's
heading reads as a plan (its 任务, 攻坚) but its first paragraph opens with a review cue."""

from __future__ import annotations

import reportparse

DELIVERY = "——2030年1月8日在某市第九届人民代表大会第二次会议上\n\n各位代表：\n\n"

FIRST_PART_HEADED_AS_A_PLAN = DELIVERY + (
    "一、紧紧围绕中心任务，攻坚克难，实现良好开局\n\n"
    "刚刚过去的一年，我们经受住了严峻考验。\n\n"
    "经济运行稳中有进。全市生产总值增长6.2%，一般公共预算收入增长4%。\n\n"
    "二、把握奋斗目标，谋划好今年各项工作\n\n"
    "今年经济社会发展的主要预期目标是：全市生产总值增长5.5%左右。\n"
)

LATER_PART_OPENING_WITH_A_REVIEW_CUE = DELIVERY + (
    "一、2029年工作回顾\n\n"
    "全市生产总值增长6.2%。\n\n"
    "二、2030年重点任务\n\n"
    "过去一年，城镇新增就业3万人。\n\n"
    "全市生产总值增长5.5%左右。\n"
)


def _gdp(text: str) -> list[tuple[str, str, int | None]]:
    claims = reportparse.parse_text(text).to_dict()["claims"]
    return [(c["text"], c["status"], c["period"]) for c in claims if (c["metric"] or {}).get("id") == "gdp"]


def test_a_first_part_headed_as_a_plan_that_opens_with_a_review_cue_is_last_years_review() -> None:
    assert _gdp(FIRST_PART_HEADED_AS_A_PLAN) == [("6.2%", "actual", 2029), ("5.5%左右", "target", 2030)]


def test_a_later_plan_part_opening_with_a_review_cue_turns_only_that_paragraph_to_actuals() -> None:
    assert _gdp(LATER_PART_OPENING_WITH_A_REVIEW_CUE) == [("6.2%", "actual", 2029), ("5.5%左右", "target", 2030)]
    claims = reportparse.parse_text(LATER_PART_OPENING_WITH_A_REVIEW_CUE).to_dict()["claims"]
    jobs = next(c for c in claims if c["text"] == "3万人")
    assert (jobs["status"], jobs["period"]) == ("actual", 2029)


def test_a_heading_summing_up_the_terms_work_is_a_review() -> None:
    text = DELIVERY + "一、本届政府工作总结\n\n全市地区生产总值年均增长7.6%，累计推出改革举措841项。\n"
    claims = reportparse.parse_text(text).to_dict()["claims"]
    assert {c["status"] for c in claims} == {"actual"}
