"""Document metadata read from a report's opening lines: title, region, level, year.

The delivery line (——2026年1月25日在北京市第十六届人民代表大会第四次会议上) gives the
year and the region; the title (2026年北京市政府工作报告) and headings such as
一、2025年工作回顾 are fallbacks.
"""

from __future__ import annotations

from collections import Counter

import regex

from .lexicon import Lexicon

_DELIVERY = regex.compile(
    r"((?:19|20)\d\d)年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*在\s*([^\s，,。第]{0,20}?)\s*第[一二三四五六七八九十]+届"
)
_CONGRESS = regex.compile(r"在\s*([^\s，,。第“”]{2,20}?)\s*第[一二三四五六七八九十]+届\s*(全国)?人民代表大会")
_TITLE = regex.compile(r"((?:19|20)\d\d)年\s*(\S{0,20}?)\s*政府工作报告")
_REVIEW_HEADING = regex.compile(r"^\s*[一二三四五六七八九十]*[、.]?\s*((?:19|20)\d\d)年(?:工作回顾|[^\n。]{0,16}(?:回顾|成效))", regex.M)
_OPENING_YEAR = regex.compile(r"^\s*((?:19|20)\d\d)年", regex.M)
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
    for line in lines[:15]:
        if "政府工作报告" in line and len(line) <= 40:
            return line
    return lines[0] if lines and len(lines[0]) <= 40 else None


def _year(text: str, head: str) -> int | None:
    for pattern, shift in ((_DELIVERY, 0), (_TITLE, 0), (_REVIEW_HEADING, 1)):
        m = pattern.search(head if pattern is not _REVIEW_HEADING else text)
        if m:
            return int(m.group(1)) + shift
    openings = [int(y) for y in _OPENING_YEAR.findall(text)]
    if openings:
        common = Counter(openings).most_common(2)
        return max(y for y, _ in common)
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


def read_metadata(text: str, lex: Lexicon) -> dict[str, object]:
    """Title, region, level and report_year of a normalised report text."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    head = text[:3000]
    region = _region(head) or _region(text)
    region = _canonical_region(region, lex) if region else None
    return {
        "title": _title(lines),
        "region": region,
        "level": _region_level(region, lex) if region else None,
        "report_year": _year(text, head),
    }
