"""``reportparse chart``: one indicator's targets and actuals per year, through the command line.

Two stores: four reports of one city written for this test (tests/data/chart: a range met, a
point exceeded, a floor missed, a level target with no actual reported a year later, a target
whose next report is not there yet, and CPI caps kept), where every verdict and shape is known
by hand; and a few reports of the shared corpus, where the chart must show what
``export --cells`` writes. The pages are opened in headless Chromium like the review page.
"""

from __future__ import annotations

import csv
import re
import struct
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from test_review_page import CHROMIUM, _chromium

DATA = Path(__file__).resolve().parent / "data" / "chart"
SHARED_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
POINT = re.compile(r'<a class="point" href="#(cell-\d+)" data-year="(\d+)" data-verdict="(\w+)">(.*?)</a>', re.S)
CIRCLE = re.compile(r'<circle class="(actual|missing) verdict-(\w+)" cx="([\d.]+)" cy="([\d.]+)"')
CITY = "临江市"  # the city of tests/data/chart


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "reportparse.cli", *args], capture_output=True, text=True,
                          encoding="utf-8", timeout=600)


def _sections(page: str) -> dict[str, list[dict]]:
    """The points of each chart of a page, by the chart's heading."""
    found = {}
    for section in page.split("<section>")[1:]:
        title = re.search(r"<h2>(.*?)</h2>", section).group(1)
        points = []
        for anchor, year, verdict, body in POINT.findall(section):
            shape = re.search(r'<g class="target shape-(\w+)">', body)
            circle = CIRCLE.search(body)
            points.append({"anchor": anchor, "year": int(year), "verdict": verdict,
                           "shape": shape.group(1) if shape else None, "circle": circle.group(1),
                           "cy": float(circle.group(4)), "body": body})
        found[title] = points
    return found


@pytest.fixture(scope="module")
def city_store(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("city")
    result = _run("parse", *map(str, sorted(DATA.glob("*.txt"))), "-o", str(out), "-q")
    assert result.returncode == 0, result.stderr
    return out / "reportparse.sqlite"


@pytest.fixture(scope="module")
def city_page(city_store, tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("page") / "gdp.html"
    result = _run("chart", "--db", str(city_store), "--metric", "gdp", "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert "2 charts" in result.stderr
    return target


def test_each_year_has_its_target_shape_and_verdict(city_page):
    charts = _sections(city_page.read_text("utf-8"))
    assert list(charts) == [f"{CITY} · level (CNY)", f"{CITY} · growth (percent)"]
    growth = {p["year"]: p for p in charts[f"{CITY} · growth (percent)"]}
    # 2021: 8.1% reported, no target; 2022: 6%-6.5% -> 6.3%; 2023: 6% about -> 7.5%;
    # 2024: 5% at least -> 4.2%; 2025: 5% about, the 2026 report is not in the store
    assert {y: (p["shape"], p["verdict"], p["circle"]) for y, p in growth.items()} == {
        2021: (None, "no_target", "actual"), 2022: ("range", "met", "actual"),
        2023: ("point", "exceeded", "actual"), 2024: ("floor", "missed", "actual"),
        2025: ("point", "pending", "missing"),
    }
    (level,) = charts[f"{CITY} · level (CNY)"]       # 3000亿元 set for 2023, not stated in 2024
    assert (level["year"], level["shape"], level["verdict"], level["circle"]) == (2023, "floor", "not_reported",
                                                                                  "missing")


def test_points_sit_where_their_values_are(city_page):
    growth = {p["year"]: p for p in _sections(city_page.read_text("utf-8"))[f"{CITY} · growth (percent)"]}
    # SVG heights grow downwards: 8.1 > 7.5 > 6.3 > 4.2
    assert growth[2021]["cy"] < growth[2023]["cy"] < growth[2022]["cy"] < growth[2024]["cy"]
    floor = re.search(r'<line class="level" x1="[\d.]+" x2="[\d.]+" y1="([\d.]+)"', growth[2024]["body"])
    assert float(floor.group(1)) < growth[2024]["cy"]    # 4.2 drawn under the 5% floor it missed
    band = re.search(r'<rect class="band" x="[\d.]+" y="([\d.]+)" width="[\d.]+" height="([\d.]+)"',
                     growth[2022]["body"])
    top, height = float(band.group(1)), float(band.group(2))
    assert top < growth[2022]["cy"] < top + height     # 6.3 inside the 6%-6.5% band


def test_each_point_links_to_its_sentences_and_reports(city_page):
    page = city_page.read_text("utf-8")
    growth = {p["year"]: p for p in _sections(page)[f"{CITY} · growth (percent)"]}
    row = re.search(rf'<tr id="{growth[2024]["anchor"]}">(.*?)</tr>', page, re.S).group(1)
    target_line, actual_line = row.split("<br>[")[0], row.split("actual: ")[1]
    assert "<mark>5%以上</mark>" in target_line and "<mark>4.2%</mark>" in actual_line
    assert "2024-linjiang.txt" in row.split("actual: ")[0] and "2025-linjiang.txt" in actual_line
    assert "missed" in row
    # the hover text names the verdict, the target as written and the actual
    tip = re.search(r"<title>(.*?)</title>", growth[2024]["body"], re.S).group(1)
    assert tip.startswith("2024: missed, gap -0.8") and "floor: 5%" in tip and "4.2%" in tip


def test_caps_are_ceilings_kept(city_store, tmp_path):
    target = tmp_path / "cpi.html"
    result = _run("chart", "--db", str(city_store), "--metric", "cpi", "--region", CITY, "-o", str(target))
    assert result.returncode == 0, result.stderr
    (points,) = _sections(target.read_text("utf-8")).values()
    assert [(p["year"], p["shape"], p["verdict"]) for p in points] == [(2022, "ceiling", "met"),
                                                                       (2023, "ceiling", "met")]


def test_page_loads_nothing_from_elsewhere(city_page):
    page = city_page.read_text("utf-8")
    assert "default-src 'none'" in page
    assert not re.search(r'<(?:script|link|img)[^>]+(?:src|href)=', page)
    assert "http://" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "https://" not in page


@pytest.mark.parametrize(("args", "words"), [
    (["--metric", "gpd"], ["unknown metric 'gpd'", "did you mean", "gdp_per_capita"]),
    (["--metric", "gdp", "--region", "Atlantis"], ["no gdp figures for region 'Atlantis'", CITY]),
    (["--metric", "pm25"], ["no pm25 figures for any region", f"stored regions: {CITY}"]),
])
def test_errors_are_one_line(city_store, tmp_path, args, words):
    target = tmp_path / "chart.html"
    result = _run("chart", "--db", str(city_store), *args, "-o", str(target))
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1 and result.stderr.startswith("reportparse: error: ")
    assert all(w in result.stderr for w in words), result.stderr
    assert not target.exists()


def test_missing_store_is_one_line(tmp_path):
    result = _run("chart", "--db", str(tmp_path / "none.sqlite"), "--metric", "gdp", "-o", str(tmp_path / "c.html"))
    assert result.returncode == 1
    assert result.stderr.strip() == f"reportparse: error: {tmp_path / 'none.sqlite'}: no such store " \
                                    "(write one with: reportparse parse ... -o DIR)"


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (.ci/run installs it)")
def test_chromium_draws_every_point(city_page, tmp_path):
    dom = _chromium(tmp_path / "profile", "--dump-dom", city_page.as_uri())
    assert dom.returncode == 0, dom.stderr[-2000:]
    # the page's script counts what the live DOM holds: 6 targets or actuals, 4 actual dots
    assert re.search(r'<body data-points="(\d+)" data-actuals="(\d+)"', dom.stdout).groups() == ("6", "4")
    assert re.search(r'data-year="2024" data-verdict="missed">.*?<circle class="actual verdict-missed"',
                     dom.stdout, re.S)
    shot = tmp_path / "chart.png"
    result = _chromium(tmp_path / "profile", f"--screenshot={shot}", "--window-size=1000,1300", city_page.as_uri())
    assert result.returncode == 0, result.stderr[-2000:]
    png = shot.read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">II", png[16:24]) == (1000, 1300)


@pytest.fixture(scope="module")
def corpus_store(tmp_path_factory) -> Path:
    files = [SHARED_CORPUS / f"national_{y}_zh.txt" for y in range(2015, 2020)]
    files += [SHARED_CORPUS / f"province_beijing_{y}_zh.txt" for y in (2025, 2026)]
    if not all(f.is_file() for f in files):
        pytest.skip(f"the national 2015-2019 and Beijing 2025-2026 reports are not in {SHARED_CORPUS}")
    out = tmp_path_factory.mktemp("corpus")
    result = _run("parse", *map(str, files), "-o", str(out), "-q")
    assert result.returncode == 0, result.stderr
    return out / "reportparse.sqlite"


def test_corpus_chart_shows_what_export_cells_writes(corpus_store, tmp_path):
    pytest.importorskip("pandas")
    cells_csv, page = tmp_path / "cells.csv", tmp_path / "gdp.html"
    assert _run("export", "--db", str(corpus_store), "--cells", "--metric", "gdp", "--kind", "growth",
                "-o", str(cells_csv), "-q").returncode == 0
    result = _run("chart", "--db", str(corpus_store), "--metric", "gdp", "--kind", "growth", "-o", str(page))
    assert result.returncode == 0, result.stderr
    with cells_csv.open(encoding="utf-8") as f:
        cells = list(csv.DictReader(f))
    charts = _sections(page.read_text("utf-8"))
    assert len(charts) == len({c["region"] for c in cells}) == 2
    for title, points in charts.items():
        region = title.split(" · ")[0]
        written = [c for c in cells if c["region"] == region]
        assert Counter(p["year"] for p in points) == Counter(int(c["year"]) for c in written)
        assert Counter(p["verdict"] for p in points if p["verdict"] not in ("pending", "no_target")) == \
            Counter(c["verdict"] for c in written if c["verdict"])
        assert sum(p["circle"] == "actual" for p in points) == sum(bool(c["actual_value"]) for c in written)
    national = {p["year"]: p for p in charts["全国 · growth (percent)"]}
    # the 2015 report aimed at about 7%, the 2016 report states 6.9%; 2016 aimed at a range, 6.5%-7%
    assert (national[2015]["shape"], national[2015]["verdict"]) == ("point", "met")
    assert national[2016]["shape"] == "range"


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (.ci/run installs it)")
def test_chromium_opens_the_corpus_chart(corpus_store, tmp_path):
    page = tmp_path / "gdp.html"
    result = _run("chart", "--db", str(corpus_store), "--metric", "gdp", "-o", str(page))
    assert result.returncode == 0, result.stderr
    drawn = sum(len(points) for points in _sections(page.read_text("utf-8")).values())
    dom = _chromium(tmp_path / "profile", "--dump-dom", page.as_uri())
    assert dom.returncode == 0, dom.stderr[-2000:]
    assert re.search(r'<body data-points="(\d+)"', dom.stdout).group(1) == str(drawn)
    assert 'data-verdict="met"' in dom.stdout


def test_two_reports_of_one_year_are_named(tmp_path):
    """A second copy of the 2025 report (one more line): the chart says which one it drew from."""
    copy = tmp_path / "2025-linjiang-copy.txt"
    copy.write_text((DATA / "2025-linjiang.txt").read_text("utf-8") + "\n附件略。\n", "utf-8")
    out = tmp_path / "out"
    assert _run("parse", str(DATA / "2024-linjiang.txt"), str(DATA / "2025-linjiang.txt"), "-o", str(out),
                "-q").returncode == 0
    assert _run("parse", str(copy), "-o", str(out), "-q").returncode == 0
    page = tmp_path / "gdp.html"
    result = _run("chart", "--db", str(out / "reportparse.sqlite"), "--metric", "gdp", "--kind", "growth",
                  "-o", str(page))
    assert result.returncode == 0, result.stderr
    # the 2024 actual and the 2025 target come from the doubled 2025 report; the 2023 actual does not
    assert "warning: 2 points come from a year with several stored reports" in result.stderr
    points = {p["year"]: p for p in _sections(page.read_text("utf-8"))[f"{CITY} · growth (percent)"]}
    html = page.read_text("utf-8")
    for year in (2024, 2025):
        row = re.search(rf'<tr id="{points[year]["anchor"]}">(.*?)</tr>', html, re.S).group(1)
        assert re.search(r"2025-linjiang(-copy)?\.txt</a> \(of 2 stored reports of that year, the one stating most of its (?:target|actual)s\)", row)
    row_2023 = re.search(rf'<tr id="{points[2023]["anchor"]}">(.*?)</tr>', html, re.S).group(1)
    assert "stored reports" not in row_2023
