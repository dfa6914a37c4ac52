"""The wide panel's national GDP growth cells equal what the reports state, every year.

The national reports of the shared corpus (with its MANIFEST for the report years) and the 2026
report of the shared Markdown collection are parsed through the command line and exported with
``export --wide``. The tables below were written by reading the texts: the target is the growth
the report of a year sets for that year (its main-targets sentence); the actual is the growth the
next year's report states for the year before it. ``None``: the report states no such figure (the
2020 report set no growth target; the 2003 report gives only a five-year average for 1998-2002,
the 2008 report only 比2002年增长65.5% and 年均增长10.6%; there is no 2022 report, so 2021 has no
actual and 2022 no target). A five-year figure in a year's cell is a wrong cell, so a ``None``
row fails when the panel has a value there.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest

pd = pytest.importorskip("pandas")

from reportparse.cli import main  # noqa: E402

SHARED = Path(__file__).resolve().parents[2] / "shared"
MANIFEST = SHARED / "corpus" / "MANIFEST.tsv"
REPORT_2026 = SHARED / "reports" / "national" / "全国" / "2026.md"

# year -> (target low, target high of a range or None), from the report of that year
TARGETS: dict[int, tuple[float, float | None] | None] = {
    2005: (8, None),  # 国内生产总值增长8%左右
    2006: (8, None),
    2007: (8, None),
    2008: (8, None),
    2009: (8, None),  # 国内生产总值增长8%左右
    2010: (8, None),
    2011: (8, None),  # 国内生产总值增长8%左右 (not the 10.3% of 过去一年 in the 2011年的工作 part)
    2012: (7.5, None),
    2013: (7.5, None),
    2014: (7.5, None),
    2015: (7, None),
    2016: (6.5, 7),  # 6.5%－7%
    2017: (6.5, None),
    2018: (6.5, None),
    2019: (6, 6.5),  # 6%－6.5%
    2020: None,  # 没有提出全年经济增速具体目标
    2021: (6, None),  # 6%以上
    2022: None,  # no 2022 report
    2023: (5, None),
    2024: (5, None),
    2025: (5, None),
    2026: (4.5, 5),  # 经济增长4.5%—5%
}

# year -> the growth the next year's report states for it
ACTUALS: dict[int, float | None] = {
    2001: 7.3,  # 2002: ２００１年国内生产总值达到９５９３３亿元，比上年增长７．３％
    2002: None,  # 2003: only 平均每年增长7.7% over 1998-2002
    2003: 9.1,
    2004: 9.5,
    2005: 9.9,
    2006: 10.7,
    2007: None,  # 2008: only 比2002年增长65.5%，年均增长10.6%
    2008: 9.0,
    2009: 8.7,
    2010: 10.3,  # 2011: 过去一年...国内生产总值增长10.3%
    2011: 9.2,
    2012: 7.8,
    2013: 7.7,
    2014: 7.4,
    2015: 6.9,
    2016: 6.7,
    2017: 6.9,  # 2018: 国内生产总值增长6.9% (not 年均增长7.1%)
    2018: 6.6,
    2019: 6.1,
    2020: 2.3,
    2021: None,  # no 2022 report
    2022: 3.0,
    2023: 5.2,
    2024: 5.0,
}


@pytest.fixture(scope="module")
def national_panel(tmp_path_factory):
    reports = sorted(p for p in (SHARED / "corpus").glob("national_*_zh.txt"))
    if not reports or not REPORT_2026.exists():
        pytest.skip(f"no national reports in {SHARED}")
    out = tmp_path_factory.mktemp("national")
    args = ["parse", *map(str, reports), str(REPORT_2026), "-o", str(out), "-q", "--manifest", str(MANIFEST)]
    assert main(args) == 0
    target = out / "panel.csv"
    assert main(["export", "--db", str(out / "reportparse.sqlite"), "--wide", "-o", str(target), "-q"]) == 0
    panel = pd.read_csv(target)
    return panel[panel["level"] == "national"].set_index("year")


def _cell(panel, year: int, column: str) -> float | None:
    value = panel.loc[year, column] if year in panel.index else math.nan
    return None if pd.isna(value) else float(value)


@pytest.mark.parametrize("year", sorted(TARGETS))
def test_national_gdp_target(national_panel, year):
    got = (_cell(national_panel, year, "gdp_g_t"), _cell(national_panel, year, "gdp_g_th"))
    want = TARGETS[year]
    assert got == ((None, None) if want is None else want), year


@pytest.mark.parametrize("year", sorted(ACTUALS))
def test_national_gdp_actual(national_panel, year):
    assert _cell(national_panel, year, "gdp_g_a") == ACTUALS[year], year
