"""The hand-read table of ``benchmarks/city_actuals.py`` stays what it says it is: the draw the
script makes, each sentence copied verbatim from its report, each figure written in its sentence.
Skipped cleanly when ``../shared`` is not there.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"
REPORTS = BENCHMARKS.parents[1] / "shared" / "reports" / "city"
sys.path.insert(0, str(BENCHMARKS))

import city_actuals  # noqa: E402

pytestmark = pytest.mark.skipif(not REPORTS.is_dir(), reason="../shared/reports/city is not there")
ROWS = city_actuals.read_table(BENCHMARKS / "city_gdp_actuals.tsv")


def test_the_table_is_the_draw() -> None:
    drawn = city_actuals.sample(REPORTS)
    assert len(drawn) == city_actuals.SIZE
    assert [(r["city"], int(r["year"])) for r in ROWS] == drawn
    assert all(r["file"] == f"{r['city']}/{int(r['year']) + 1}.md" for r in ROWS)


@pytest.mark.parametrize("row", ROWS, ids=lambda r: r["file"])
def test_sentence_is_in_its_report_with_its_figure(row: dict[str, str]) -> None:
    assert row["sentence"] in (REPORTS / row["file"]).read_text(encoding="utf-8")
    want = city_actuals.expected(row["actual"])
    for value in want or ():
        written = re.escape(str(abs(value)))
        assert re.search(rf"(?<![\d.]){written}\s*[%\uff05]", row["sentence"]), (value, row["sentence"])
