"""Region, level and report year read from the text agree with the manifests of ``../shared``
(a fixed sample of ``corpus`` and ``reports``; all of them with ``benchmarks/markdown_reports.py``),
except where the text proves the manifest wrong: a file that holds another year's report.
Skipped cleanly when ``../shared`` is not there.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from reportparse import parse_file
from reportparse.regions import canonical_region

SHARED = Path(__file__).resolve().parents[2] / "shared"
STRIDE = {"corpus": 9, "reports": 50}  # every 9th corpus report, every 50th of the Markdown collection

# Files that hold another year's report than their name says, with the line of the text that says so.
TEXT_WINS = {
    "reports/province/四川省/2006.md": (2007, "（2007年1月26日在四川省第十届人民代表大会第五次会议上）"),
    "reports/province/四川省/2003.md": (2004, "一、2003年工作回顾"),
    "reports/province/江苏省/2003.md": (2010, "（2010年2月20日 梁保华）"),
    "reports/city/兰州市/2021.md": (2022, "三、2022年工作安排"),  # given 2021年12月21日 for 2022, as 2022.md
}


def _rows(collection: str) -> list[dict[str, str]]:
    with (SHARED / collection / "MANIFEST.tsv").open(encoding="utf-8") as fh:
        rows = [row for row in csv.DictReader(fh, delimiter="\t") if row["level"] != "plan"]
    return rows[::STRIDE[collection]]


def _sample() -> list[tuple[str, dict[str, str]]]:
    if not (SHARED / "reports" / "MANIFEST.tsv").is_file() or not (SHARED / "corpus" / "MANIFEST.tsv").is_file():
        return []
    return [(f"{c}/{row['file']}", row) for c in STRIDE for row in _rows(c)]


@pytest.mark.skipif(not _sample(), reason="../shared is not there")
@pytest.mark.parametrize(("name", "row"), _sample() or [("", {})], ids=lambda v: v if isinstance(v, str) else "")
def test_metadata_agrees_with_the_manifest(name, row):
    doc = parse_file(SHARED / name).document
    expected = (canonical_region(row["region"]), row["level"], int(row["year"]))
    assert (doc["region"], doc["level"], doc["report_year"]) == expected
    assert doc["metadata_warnings"] == []


@pytest.mark.skipif(not _sample(), reason="../shared is not there")
@pytest.mark.parametrize("name", sorted(TEXT_WINS))
def test_the_text_wins_over_a_wrong_file_name(name):
    year, line = TEXT_WINS[name]
    assert line in (SHARED / name).read_text("utf-8")
    assert parse_file(SHARED / name).document["report_year"] == year
