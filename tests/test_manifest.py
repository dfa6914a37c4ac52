"""Metadata overrides: checked flag values, sidecar manifests (CSV and TSV), precedence, CLI."""

from __future__ import annotations

import json

import pytest

from reportparse.cli import main
from reportparse.errors import InputError
from reportparse.manifest import Manifest, checked_overrides, merged_overrides

# No delivery line, no title year, no region: what the text says leaves the metadata empty.
UNDATED = "今年主要预期目标是：地区生产总值增长6%左右。\n去年地区生产总值增长5.2%。\n"


def test_checked_overrides_keeps_given_values_only():
    assert checked_overrides(None, None, None) == {}
    assert checked_overrides(" 北京市 ", "province", "2026") == {"region": "北京市", "level": "province",
                                                                "report_year": 2026}
    assert checked_overrides("", "", "") == {}


@pytest.mark.parametrize("level, year, message", [
    ("district", None, "level 'district'"),
    (None, "twenty", "not a whole number"),
    (None, "1850", "outside 1900-2200"),
])
def test_bad_override_values_name_where_they_came_from(level, year, message):
    with pytest.raises(InputError, match=message) as info:
        checked_overrides(None, level, year, where="m.csv:3")
    assert str(info.value).startswith("m.csv:3")


def test_csv_manifest_by_relative_path_and_by_name(tmp_path):
    (tmp_path / "sub").mkdir()
    manifest = tmp_path / "manifest.csv"
    manifest.write_text("file,region,level,year\nsub/a.txt,甲市,city,2024\nb.txt,乙县,county,\n", "utf-8")
    m = Manifest(manifest)
    assert len(m) == 2
    assert m.for_file(tmp_path / "sub" / "a.txt") == {"region": "甲市", "level": "city", "report_year": 2024}
    assert m.for_file(tmp_path / "elsewhere" / "b.txt") == {"region": "乙县", "level": "county"}
    assert m.for_file(tmp_path / "c.txt") == {}


def test_tsv_manifest_with_extra_columns_like_the_shared_one(tmp_path):
    manifest = tmp_path / "MANIFEST.tsv"
    manifest.write_text("file\tlevel\tregion\tyear\tlang\nx.txt\tprovince\tBeijing\t2025\tzh\n", "utf-8")
    assert Manifest(manifest).for_file(tmp_path / "x.txt") == {"region": "北京市", "level": "province",
                                                               "report_year": 2025}


def test_manifest_errors_name_file_and_line(tmp_path):
    no_file_col = tmp_path / "m1.csv"
    no_file_col.write_text("name,region\nx.txt,甲市\n", "utf-8")
    with pytest.raises(InputError, match="no 'file' column"):
        Manifest(no_file_col)
    bad_level = tmp_path / "m2.csv"
    bad_level.write_text("file,level\nx.txt,city\ny.txt,town\n", "utf-8")
    with pytest.raises(InputError, match=r"m2\.csv:3: level 'town'"):
        Manifest(bad_level)
    with pytest.raises(InputError, match="m3.csv"):
        Manifest(tmp_path / "m3.csv")


def test_flags_win_over_the_manifest(tmp_path):
    manifest = tmp_path / "m.csv"
    manifest.write_text("file,region,year\nr.txt,甲市,2024\n", "utf-8")
    merged = merged_overrides(tmp_path / "r.txt", Manifest(manifest), {"report_year": 2030})
    assert merged == {"region": "甲市", "report_year": 2030}


def test_cli_year_override_dates_the_claims(tmp_path, capsys):
    report = tmp_path / "r.txt"
    report.write_text(UNDATED, "utf-8")
    assert main(["parse", str(report), "--year", "2031", "--region", "甲市", "--level", "city"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["document"]["region"], data["document"]["level"], data["document"]["report_year"]) == \
        ("甲市", "city", 2031)
    periods = {c["text"]: (c["status"], c["period"]) for c in data["claims"]}
    assert periods["6%左右"] == ("target", 2031)
    assert periods["5.2%"] == ("actual", 2030)


def test_cli_manifest_applies_per_file(tmp_path):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(UNDATED, "utf-8")
    manifest = tmp_path / "m.csv"
    manifest.write_text("file,region,level,year\na.txt,甲市,city,2024\nb.txt,乙县,county,2025\n", "utf-8")
    out = tmp_path / "out"
    assert main(["parse", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--manifest", str(manifest),
                 "-o", str(out), "-q"]) == 0
    meta = {n: json.loads((out / f"{n}.json").read_text("utf-8"))["document"] for n in ("a", "b")}
    assert (meta["a"]["region"], meta["a"]["report_year"]) == ("甲市", 2024)
    assert (meta["b"]["region"], meta["b"]["level"], meta["b"]["report_year"]) == ("乙县", "county", 2025)


def test_cli_bad_manifest_is_a_one_line_error(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(UNDATED, "utf-8")
    manifest = tmp_path / "m.csv"
    manifest.write_text("file,year\na.txt,soon\n", "utf-8")
    assert main(["parse", str(tmp_path / "a.txt"), "--manifest", str(manifest), "-o", str(tmp_path / "o")]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "m.csv:2" in err[0]
