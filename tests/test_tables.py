"""Exports from the store read back through pandas: same rows, Chinese intact, the wide panel."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

pd = pytest.importorskip("pandas")

from reportparse.cli import main  # noqa: E402
from reportparse.errors import ReportParseError  # noqa: E402
from reportparse.export import CSV_COLUMNS  # noqa: E402
from reportparse.store import Store  # noqa: E402
from reportparse.tables import long_table, panel_column, write_table  # noqa: E402

PROJECT = Path(__file__).resolve().parents[1]
SEED = PROJECT / "corpus" / "zh" / "2023-zhengzhou-erqi.txt"
CITY = [PROJECT / "tests" / "data" / "diff" / "2024-city.txt", PROJECT / "tests" / "data" / "diff" / "2025-city.txt"]

READERS = {
    "csv": lambda p: pd.read_csv(p),
    "jsonl": lambda p: pd.read_json(p, lines=True),
    "parquet": lambda p: pd.read_parquet(p),
    "dta": lambda p: pd.read_stata(p),
    "xlsx": lambda p: pd.read_excel(p),
}


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    out = tmp_path_factory.mktemp("store")
    assert main(["parse", str(SEED), *map(str, CITY), "-o", str(out), "-q", "--jobs", "1"]) == 0
    return out / "reportparse.sqlite"


@pytest.fixture(scope="module")
def stored(store_path):
    with Store(store_path) as store:
        return store.claim_count(), list(store.long_rows())


@pytest.mark.parametrize("fmt", sorted(READERS))
def test_long_export_reads_back_with_every_claim(tmp_path, store_path, stored, fmt):
    count, rows = stored
    target = tmp_path / f"claims.{fmt}"
    assert main(["export", "--db", str(store_path), "-o", str(target), "-q"]) == 0
    df = READERS[fmt](target)
    assert len(df) == count
    assert list(df.columns) == CSV_COLUMNS
    assert list(df["id"]) == [r["id"] for r in rows]
    assert list(df["text"]) == [r["text"] for r in rows]
    assert set(df["region"]) == {r["region"] for r in rows}
    values = pd.to_numeric(df["value"])
    expected = [r["value"] for r in rows]
    assert all(v == pytest.approx(e) for v, e in zip(values, expected) if e is not None)


def test_stata_file_is_version_118_with_chinese_values_and_labels(tmp_path, store_path, stored):
    target = tmp_path / "claims.dta"
    assert main(["export", "--db", str(store_path), "--format", "dta", "-o", str(target), "-q"]) == 0
    assert target.read_bytes()[:len(b"<stata_dta><header><release>118")] == b"<stata_dta><header><release>118"
    with pd.io.stata.StataReader(target) as reader:
        df = reader.read()
        labels = reader.variable_labels()
    assert all(name.isascii() and len(name) <= 32 for name in df.columns)
    assert "二七区" in set(df["region"])
    assert "地区生产总值" in set(df["metric_text"])
    assert labels["region"] == "region" and labels["metric_text"] == "indicator as written"
    longest = max(stored[1], key=lambda r: len(r["sentence"]))
    assert longest["sentence"] in set(df["sentence"])


def test_wide_stata_file_labels_each_indicator_in_chinese(tmp_path, store_path):
    target = tmp_path / "panel.dta"
    assert main(["export", "--db", str(store_path), "--wide", "--format", "dta", "-o", str(target), "-q"]) == 0
    with pd.io.stata.StataReader(target) as reader:
        labels = reader.variable_labels()
    assert labels["gdp_g_t"] == "gdp growth target (地区生产总值)"


def test_csv_bom_for_excel(tmp_path, store_path):
    plain, bom = tmp_path / "plain.csv", tmp_path / "bom.csv"
    assert main(["export", "--db", str(store_path), "-o", str(plain), "-q"]) == 0
    assert main(["export", "--db", str(store_path), "-o", str(bom), "--bom", "-q"]) == 0
    assert not plain.read_bytes().startswith(b"\xef\xbb\xbf")
    assert bom.read_bytes() == b"\xef\xbb\xbf" + plain.read_bytes()


def test_wide_panel_has_targets_and_next_years_actuals(tmp_path, store_path):
    target = tmp_path / "panel.csv"
    assert main(["export", "--db", str(store_path), "--wide", "-o", str(target), "-q"]) == 0
    df = pd.read_csv(target)
    row = df[(df["region"] == "某某市") & (df["year"] == 2024)].iloc[0]
    assert row[panel_column("gdp", "growth", "t")] == 6                 # 2024 report: 6%左右
    assert row[panel_column("gdp", "growth", "tq")] == "approx"
    assert row[panel_column("gdp", "growth", "a")] == 5.2               # 2025 report reviews 2024
    assert row[panel_column("industrial_value_added", "growth", "t")] == 5
    assert row[panel_column("industrial_value_added", "growth", "th")] == 6
    assert row[panel_column("urban_new_jobs", "level", "t", "person")] == 12000
    nxt = df[(df["region"] == "某某市") & (df["year"] == 2025)].iloc[0]
    assert nxt[panel_column("gdp", "growth", "t")] == 5


def test_wide_panel_exports_to_stata(tmp_path, store_path):
    target = tmp_path / "panel.dta"
    assert main(["export", "--db", str(store_path), "--wide", "-o", str(target), "-q"]) == 0
    df = pd.read_stata(target)
    assert "某某市" in set(df["region"])
    assert panel_column("gdp", "growth", "t") in df.columns


def test_panel_column_names_are_stata_safe_and_distinct():
    long_ids = ["gross_output_agriculture_industry", "gross_output_agriculture_industry_x", "gdp"]
    names = {panel_column(m, k, w) for m in long_ids for k in ("growth", "level") for w in ("t", "th", "tq", "a")}
    assert len(names) == 3 * 2 * 4
    assert all(len(n) <= 32 and n.isidentifier() and n.isascii() for n in names)


def test_export_errors(tmp_path, store_path, capsys, monkeypatch):
    assert main(["export", "--db", str(tmp_path / "none.sqlite"), "-o", str(tmp_path / "x.csv")]) == 1
    assert "no such store" in capsys.readouterr().err
    assert main(["export", "--db", str(store_path), "-o", str(tmp_path / "x.unknown")]) == 64
    assert "--format" in capsys.readouterr().err
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(ReportParseError, match=r"reportparse\[parquet\]"):
        write_table(long_table([]), tmp_path / "x.parquet", "parquet")
    assert not (tmp_path / "x.parquet").exists()
    monkeypatch.setitem(sys.modules, "pandas", None)
    assert main(["export", "--db", str(store_path), "-o", str(tmp_path / "y.csv")]) == 1
    assert "reportparse[export]" in capsys.readouterr().err


def test_jsonl_numbers_stay_whole(tmp_path, store_path, stored):
    target = tmp_path / "claims.jsonl"
    assert main(["export", "--db", str(store_path), "-o", str(target), "-q"]) == 0
    first = json.loads(target.read_text("utf-8").splitlines()[0])
    assert first["id"] == stored[1][0]["id"]
    assert isinstance(first["span_start"], int)


def test_panel_columns_name_every_unit_but_the_kinds_own():
    """A growth in percent keeps the short name; a doubling, a rise in points or an amount is another
    column, so no column mixes units."""
    assert panel_column("gdp", "growth", "t", "percent") == "gdp_g_t"
    assert panel_column("gdp", "growth", "t", "times") == "gdp_g_times_t"
    assert panel_column("services_value_added", "growth", "a", "percentage_point") == "services_value_added_g_pp_a"
    assert panel_column("gdp", "level", "t", "CNY") == "gdp_l_CNY_t"
    assert panel_column("unemployment_rate", "ratio", "t", "percent") == "unemployment_rate_r_t"
