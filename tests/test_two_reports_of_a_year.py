"""A region-year with two reports (the annual report and a new-term report given in the autumn):
the panel and ``diff`` pair the annual report's targets, whichever of the two was parsed last."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reportparse.cli import main
from reportparse.panel import cell_rows
from reportparse.store import Store

ANNUAL = """——2030年1月10日在某市第九届人民代表大会第五次会议上

一、2029年工作回顾

全市地区生产总值增长6.2%。

二、2030年工作安排

今年经济社会发展的主要预期目标是：地区生产总值增长6%左右。
"""

NEW_TERM = """——2030年10月20日在某市第十届人民代表大会第一次会议上

一、过去五年工作回顾

过去五年，全市地区生产总值年均增长6.5%。

二、今后五年的目标任务

今后五年，地区生产总值年均增长5.5%左右。
"""

NEXT_YEAR = """——2031年1月12日在某市第十届人民代表大会第二次会议上

一、2030年工作回顾

全市地区生产总值增长6.1%。

二、2031年工作安排

今年经济社会发展的主要预期目标是：地区生产总值增长5.5%左右。
"""


@pytest.mark.parametrize("new_term_parsed_last", [True, False])
def test_the_annual_report_sets_the_years_targets_whichever_was_parsed_last(tmp_path: Path,
                                                                              new_term_parsed_last: bool) -> None:
    files = {}
    for name, text in (("2030.txt", ANNUAL), ("2030-10.txt", NEW_TERM), ("2031.txt", NEXT_YEAR)):
        files[name] = tmp_path / name
        files[name].write_text(text, "utf-8")
    out = tmp_path / "out"
    order = ["2030.txt", "2030-10.txt"] if new_term_parsed_last else ["2030-10.txt", "2030.txt"]
    for name in [*order, "2031.txt"]:
        assert main(["parse", str(files[name]), "-o", str(out), "-q", "--region", "某市", "--level", "city"]) == 0
    with Store(out / "reportparse.sqlite", create=False) as store:
        gdp_2030 = [c for c in cell_rows(store) if c["year"] == 2030 and c["metric_id"] == "gdp"
                    and c["kind"] == "growth"]
    assert [(c["target_value"], c["actual_value"], c["target_reports"]) for c in gdp_2030] == [(6, 6.1, 2)]
    assert gdp_2030[0]["target_doc"].endswith("2030.txt")
    assert gdp_2030[0]["verdict"] == "met"
    verdicts = tmp_path / "diff.json"
    assert main(["diff", "--db", str(out / "reportparse.sqlite"), "--region", "某市", "--years", "2030", "2031",
                 "--format", "json", "-o", str(verdicts)]) == 0
    diff = json.loads(verdicts.read_text("utf-8"))
    assert diff["old"]["path"].endswith("2030.txt")
    gdp = [p for p in diff["pairs"] if p["metric"]["id"] == "gdp" and p["kind"] == "growth"]
    assert [(p["target"]["value"], p["actual"]["value"], p["verdict"]) for p in gdp] == [(6, 6.1, "met")]
