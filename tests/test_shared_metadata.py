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

# Files whose text proves the manifest wrong (another year's report), with the line that proves
# it: the list benchmarks/markdown_reports.py counts them by.
TEXT_WINS = Path(__file__).resolve().parents[1] / "benchmarks" / "manifest_text_wins.tsv"


def _text_wins() -> dict[str, tuple[str, str, str]]:
    with TEXT_WINS.open(encoding="utf-8") as fh:
        rows = csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t")
        return {r["file"]: (r["field"], r["value"], r["line"]) for r in rows}


def _rows(collection: str) -> list[dict[str, str]]:
    with (SHARED / collection / "MANIFEST.tsv").open(encoding="utf-8") as fh:
        rows = [row for row in csv.DictReader(fh, delimiter="\t") if row["level"] != "plan"]
    return [row for row in rows[::STRIDE[collection]] if f"{collection}/{row['file']}" not in _text_wins()]


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
@pytest.mark.parametrize("name", sorted(_text_wins()))
def test_the_text_wins_over_a_wrong_file_name(name):
    field, value, line = _text_wins()[name]
    assert line in (SHARED / name).read_text("utf-8")
    assert str(parse_file(SHARED / name).document[field]) == value
