"""The panel and the verdicts agree with diff; the store as DataFrames; exports with integer years.

The national reports of the shared corpus (1978-2025) are parsed once into a store through the
command line; the panel written by ``export --wide`` and the rows of ``diff --all`` must give the
same target, actual and verdict for every indicator-year both cover.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest

pd = pytest.importorskip("pandas")

import reportparse  # noqa: E402
from reportparse.cli import main  # noqa: E402
from reportparse.tables import panel_column  # noqa: E402

SHARED_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
PROVINCES = ["beijing", "jilin", "hainan"]


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    national = sorted(SHARED_CORPUS.glob("national_*_zh*.txt"))  # with the 2020 transcript
    if not national:
        pytest.skip(f"no national reports in {SHARED_CORPUS}")
    provinces = [SHARED_CORPUS / f"province_{p}_{y}_zh.txt" for p in PROVINCES for y in (2025, 2026)]
    out = tmp_path_factory.mktemp("panel")
    assert main(["parse", *map(str, national + provinces), "-o", str(out), "-q"]) == 0
    return out / "reportparse.sqlite"


@pytest.fixture(scope="module")
def diff_rows(store_path, tmp_path_factory):
    target = tmp_path_factory.mktemp("diff") / "verdicts.csv"
    assert main(["diff", "--db", str(store_path), "--all", "--format", "csv", "-o", str(target)]) == 0
    return pd.read_csv(target)


@pytest.fixture(scope="module")
def panel(store_path, tmp_path_factory):
    target = tmp_path_factory.mktemp("wide") / "panel.csv"
    assert main(["export", "--db", str(store_path), "--wide", "-o", str(target), "-q"]) == 0
    return pd.read_csv(target)


def _same(a, b) -> bool:
    missing_a = a is None or (isinstance(a, float) and math.isnan(a))
    missing_b = b is None or (isinstance(b, float) and math.isnan(b))
    if missing_a or missing_b:
        return missing_a and missing_b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)
    return a == b


def test_national_panel_and_diff_all_agree_on_every_indicator_year(diff_rows, panel):
    national = diff_rows[(diff_rows["region"] == "全国") & diff_rows["metric_id"].notna()]
    assert len(national) > 100
    by_year = panel[panel["region"] == "全国"].set_index("year")
    checked = 0
    for row in national.itertuples():
        cell = by_year.loc[row.year]
        for what, value in (("t", row.target_value), ("a", row.actual_value), ("v", row.verdict)):
            unit = row.unit if isinstance(row.unit, str) else row.actual_unit  # a lone actual has no target unit
            col = panel_column(row.metric_id, row.kind, what, unit)
            assert _same(cell[col], value), (row.year, col, cell[col], value)
        checked += 1
    assert checked == len(national)
    assert {"met", "exceeded", "missed", "not_reported"} <= set(national["verdict"])


def test_panel_years_are_whole_numbers_and_duplicates_are_counted(panel):
    assert panel["year"].dtype.kind == "i"
    assert panel["reports"].max() >= 2           # the corpus holds two 2020 national reports


def test_open_store_equals_what_the_commands_write(store_path, diff_rows, panel):
    with reportparse.open_store(store_path) as store:
        verdicts = store.verdicts()
        wide = store.panel()
        claims = store.claims(region="全国", status="target", kind="growth")
    assert str(verdicts["year"].dtype) == "Int64" and str(verdicts["verdict"].dtype) == "category"
    assert list(verdicts.columns) == list(diff_rows.columns) and len(verdicts) == len(diff_rows)
    for col in diff_rows.columns:
        assert all(_same(a, b) for a, b in zip(verdicts[col].astype(object).where(verdicts[col].notna(), None),
                                                diff_rows[col].astype(object).where(diff_rows[col].notna(), None))), col
    assert list(wide.columns) == list(panel.columns) and len(wide) == len(panel)
    for col in panel.columns:
        assert all(_same(a, b) for a, b in zip(wide[col].astype(object).where(wide[col].notna(), None),
                                                panel[col].astype(object).where(panel[col].notna(), None))), col
    assert len(claims) and set(claims["region"]) == {"全国"} and set(claims["status"]) == {"target"}
    assert set(claims["kind"]) == {"growth"} and str(claims["report_year"].dtype) == "Int64"


READERS = {
    "csv": pd.read_csv,
    "parquet": pd.read_parquet,
    "dta": pd.read_stata,
    "xlsx": pd.read_excel,
}


@pytest.mark.parametrize("fmt", sorted(READERS))
def test_exports_read_back_with_integer_years_and_numeric_values(store_path, tmp_path, fmt):
    long_path, wide_path = tmp_path / f"long.{fmt}", tmp_path / f"wide.{fmt}"
    assert main(["export", "--db", str(store_path), "--region", "北京市", "-o", str(long_path), "-q"]) == 0
    assert main(["export", "--db", str(store_path), "--wide", "--metric", "gdp", "-o", str(wide_path), "-q"]) == 0
    long, wide = READERS[fmt](long_path), READERS[fmt](wide_path)
    assert set(long["region"]) == {"北京市"}
    assert long["report_year"].dtype.kind == "i" and long["span_start"].dtype.kind == "i"
    assert long["value"].dtype.kind == "f"
    assert wide["year"].dtype.kind == "i"
    gdp = panel_column("gdp", "growth", "t")
    assert wide[gdp].dtype.kind == "f" and wide[gdp].notna().sum() > 20
    assert not any(c.startswith("cpi_") for c in wide.columns)


def test_cells_name_the_claims_and_reports_of_each_cell(store_path, tmp_path):
    target = tmp_path / "cells.csv"
    assert main(["export", "--db", str(store_path), "--cells", "--region", "北京市", "-o", str(target), "-q"]) == 0
    cells = pd.read_csv(target)
    gdp = cells[(cells["metric_id"] == "gdp") & (cells["kind"] == "growth") & (cells["year"] == 2025)].iloc[0]
    assert gdp["target_doc"].endswith("province_beijing_2025_zh.txt")
    assert gdp["actual_doc"].endswith("province_beijing_2026_zh.txt")
    assert gdp["target_id"].split(":")[0] != gdp["actual_id"].split(":")[0]
    assert gdp["verdict"] == "met"                # 5%左右 -> 5.4%


def run(args: list[str], capsys) -> str:
    assert main(args) == 0
    return capsys.readouterr().out


def test_summary_reports_duplicates_and_missing_metadata(store_path, capsys):
    out = run(["summary", "--db", str(store_path), "--format", "json"], capsys)
    import json

    found = json.loads(out)
    assert {"region": "全国", "year": 2020, "reports": 2} in found["duplicates"]   # report and transcript
    assert found["claims"] == sum(d["claims"] for d in found["per_document"])
    assert "duplicate: 全国 2020 has 2 reports" in run(["summary", "--db", str(store_path)], capsys)


def test_metrics_codebook_as_csv(capsys):
    rows = pd.read_csv(__import__("io").StringIO(run(["metrics", "--format", "csv"], capsys)))
    assert list(rows.columns) == ["id", "en", "zh", "direction"]
    by_id = rows.set_index("id")
    assert by_id.loc["cpi", "direction"] == "ceiling"
    assert by_id.loc["energy_intensity", "direction"] == "lower"
    assert by_id.loc["gdp", "direction"] == "higher" and "国内生产总值" in by_id.loc["gdp", "zh"]
