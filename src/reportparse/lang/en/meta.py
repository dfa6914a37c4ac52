"""Document metadata of an English report: title, region, level and report year.

The delivery line (Delivered at the Second Session of the 14th National People's Congress
... on March 5, 2024) gives the year and the level; a dated title (2024 Report on the Work of
the Government) and dated headings (I. Review of Our Work in 2023 -> 2024; Government Work
Tasks for 2024 -> 2024) are fallbacks.
"""

from __future__ import annotations

from typing import Any

import regex

from ...lexicon import Lexicon
from ...recognise.patterns import alternation

YEAR_EN = regex.compile(r"(?<![\d.,-])(?:19|20)\d\d(?![\d%-]|\.\d|,\d{3})")
_DELIVERY = regex.compile(r"^.{0,40}\b(?:Delivered|delivered|Presented|presented)\b[^\n]{0,240}", regex.M)
_TITLE = regex.compile(r"^[^\n.]{0,60}(?:Report on the Work of the Government|Government Work Report)[^\n.]{0,60}$", regex.M)
_CONGRESS = regex.compile(r"\b(?:the\s+)?([A-Z][A-Za-z ]{1,40}?)\s+(Provincial|Municipal|Autonomous Regional|Regional)\s+People's Congress")
_PROVINCE_LEVEL_CITIES = ("Beijing", "Shanghai", "Tianjin", "Chongqing")


def _dated_headings(lex: Lexicon) -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    cues = lex.raw["cues"]
    review = alternation(cues["review_heading_cues"])
    plan = alternation(cues["plan_heading_cues"])
    return (regex.compile(rf"^[^\n]{{0,12}}(?:{review})[^\n]{{0,40}}?\b((?:19|20)\d\d)\b", regex.M),
            regex.compile(rf"^[^\n]{{0,60}}(?:{plan})[^\n]{{0,40}}?\b((?:19|20)\d\d)\b", regex.M))


def _year(text: str, lex: Lexicon) -> int | None:
    head = text[:3000]
    if (m := _DELIVERY.search(head)) and (years := YEAR_EN.findall(m.group())):
        return int(years[-1])
    if (m := _TITLE.search(head)) and (years := YEAR_EN.findall(m.group())):
        return int(years[0])
    review, plan = _dated_headings(lex)
    if m := review.search(text):
        return int(m.group(1)) + 1
    if m := plan.search(text):
        return int(m.group(1))
    return None


def _region(head: str) -> tuple[str | None, str | None]:
    if "National People's Congress" in head or "State Council" in head:
        return "全国", "national"
    if m := _CONGRESS.search(head):
        name, kind = m.group(1).strip(), m.group(2)
        name = regex.sub(r"^(?:the|The)\s+", "", name)
        if kind == "Municipal" and name not in _PROVINCE_LEVEL_CITIES:
            return name, "city"
        return name, "province"
    return None, None


def read_metadata(text: str, lex: Lexicon) -> dict[str, Any]:
    """Title, region, level and report_year of an English report text."""
    title = _TITLE.search(text[:3000])
    region, level = _region(text[:3000])
    return {
        "title": title.group().strip() if title else None,
        "region": region,
        "level": level,
        "report_year": _year(text, lex),
    }
