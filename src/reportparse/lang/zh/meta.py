"""Document metadata read from a report's opening lines: title, region, level, year.

The delivery line (——2026年1月25日在北京市第十六届人民代表大会第四次会议上) gives the
year and the region; the title (2026年北京市政府工作报告) and headings such as
一、2025年工作回顾 are fallbacks.
"""

from __future__ import annotations

from collections import Counter
from functools import cache
from typing import Any

import regex

from ...lexicon import Lexicon
from ...recognise.patterns import alternation
from .numerals import parse_numeral
from .years import YEAR, year_value

_DELIVERY = regex.compile(
    rf"({YEAR})年\s*[\d一二三四五六七八九十]{{1,3}}\s*月\s*[\d一二三四五六七八九十]{{1,3}}\s*日\s*在\s*([^\s，,。第]{{0,20}}?)\s*第[一二三四五六七八九十]+届"
)
_CONGRESS = regex.compile(r"在\s*([^\s，,。第“”]{2,20}?)\s*第[一二三四五六七八九十]+届\s*(全国)?人民代表大会")
_TITLE = regex.compile(rf"({YEAR})年\s*(\S{{0,20}}?)\s*政府工作报告")


@cache
def _dated_headings(lex: Lexicon) -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """Headings dated by a year: a review (一、2023年工作回顾) and a plan (三、2024年政府工作任务)."""
    cues = lex.raw["cues"]
    review = alternation(cues["review_heading_cues"])
    plan = alternation(cues["plan_heading_cues"])
    return (
        regex.compile(rf"^\s*[一二三四五六七八九十]*[、.]?\s*({YEAR})年[^\n。]{{0,16}}(?:{review})", regex.M),
        regex.compile(rf"^\s*[一二三四五六七八九十]+[、.]\s*({YEAR})年[^\n。]{{0,20}}(?:{plan})", regex.M),
    )
_OPENING_YEAR = regex.compile(rf"^\s*({YEAR})年", regex.M)
_THIS_YEAR = regex.compile(rf"(?:今年|本年)[是为]?\s*({YEAR})年|({YEAR})年是[^。\n]{{0,30}}(?:开局|关键|第一年|起步)")
_NPC_SESSION = regex.compile(r"[在向]第([一二三四五六七八九十]+)届全国人民代表大会(?:第([一二三四五六七八九十]+)次会议)?")
_NPC_TERM = regex.compile(r"第([一二三四五六七八九十]+)届全国人民代表大会(?:期间|以来|所确定)")
_ON_BEHALF = regex.compile(r"我代表\s*(\S{2,12}?)人民政府")


def _region_level(region: str, lex: Lexicon) -> str | None:
    regions = lex.raw["regions"]
    if region in regions["national"]:
        return "national"
    if region in regions["provinces"] or any(region in forms for forms in regions["provinces"].values()):
        return "province"
    if any(region.endswith(s) for s in regions["county_suffixes"]):
        return "county"
    if any(region.endswith(s) for s in regions["city_suffixes"]):
        return "city"
    return None


def _canonical_region(region: str, lex: Lexicon) -> str:
    regions = lex.raw["regions"]
    if region in regions["national"]:
        return "全国"
    for name, forms in regions["provinces"].items():
        if region == name or region in forms:
            return name
    return region


def _title(lines: list[str]) -> str | None:
    """The report's title line: a short line naming the 政府工作报告, not a sentence or a caption."""
    for line in lines[:15]:
        line = line.strip("\u200b\u200c\u200d\ufeff ")
        if "政府工作报告" in line and len(line) <= 40 and not any(ch in line for ch in "。，；") \
                and not line.endswith("摄") and "作政府工作报告" not in line:
            return line
    return None


def _npc_year(head: str, lex: Lexicon) -> int | None:
    """Year of a national report from its session (在第六届全国人民代表大会第二次会议上 -> 1984)
    or from the term it reviews (第六届全国人民代表大会期间 -> 1988, the next term's first year)."""
    firsts = lex.raw["regions"]["national_congress_first_year"]
    m = _NPC_SESSION.search(head)
    if m and m.group(1) in firsts:
        session = int(parse_numeral(m.group(2))) if m.group(2) else 1
        return int(firsts[m.group(1)]) + session - 1
    term = _NPC_TERM.search(head)  # 第六届全国人民代表大会期间: the review of a finished term
    if term and term.group(1) in firsts:
        return int(firsts[term.group(1)]) + 5
    return None


def _year(text: str, head: str, lex: Lexicon) -> int | None:
    npc = _npc_year(head, lex)
    review_heading, plan_heading = _dated_headings(lex)
    for pattern, shift, where in ((_DELIVERY, 0, head), (_TITLE, 0, head), (review_heading, 1, text),
                                  (plan_heading, 0, text)):
        m = pattern.search(where)
        if m and (year := year_value(m.group(1))):
            return year + shift
    if npc:
        return npc
    m = _THIS_YEAR.search(text)
    if m and (year := year_value(m.group(1) or m.group(2))):
        return year
    openings = [y for y in (year_value(v) for v in _OPENING_YEAR.findall(text)) if y]
    if openings:
        common = [y for y, _ in Counter(openings).most_common(2)]
        # paragraphs open with the reviewed year (2004年，...) and the planned one (2005年是...);
        # a report whose paragraphs name only one year reviews it and plans the next
        return max(common) if len(common) > 1 else common[0] + 1
    return None


def _region(head: str) -> str | None:
    m = _CONGRESS.search(head)
    if m:
        return "全国" if m.group(2) else m.group(1)
    if regex.search(r"第[一二三四五六七八九十]+届全国人民代表大会|我代表国务院", head):
        return "全国"
    m = _TITLE.search(head)
    if m and m.group(2):
        return m.group(2)
    m = _ON_BEHALF.search(head)
    return m.group(1) if m else None


def read_metadata(text: str, lex: Lexicon) -> dict[str, Any]:
    """Title, region, level and report_year of a normalised report text."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    head = text[:3000]
    region = _region(head) or _region(text)
    region = _canonical_region(region, lex) if region else None
    return {
        "title": _title(lines),
        "region": region,
        "level": _region_level(region, lex) if region else None,
        "report_year": _year(text, head, lex),
    }
