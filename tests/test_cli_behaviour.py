"""The command line as analysts expect it (issue 15), through the real command (``python -m reportparse``):
exit codes, ``-o`` handling, guard rails, region names, summaries. Inputs are the bundled corpus."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[1]
CORPUS = PROJECT / "corpus"
BJ25 = CORPUS / "zh" / "2025-beijing.txt"
BJ26 = CORPUS / "zh" / "2026-beijing.txt"
ZH = CORPUS / "zh" / "2025-national-targets-zh.txt"
EN = CORPUS / "en" / "2025-national-targets-en.txt"

SHANGHAI_2026 = (
    "2026年上海市政府工作报告\n\n"
    "一、2025年工作回顾\n\n"
    "全市生产总值增长5.4%。一般公共预算收入增长4.8%。\n\n"
    "二、2026年主要目标\n\n"
    "全市生产总值增长5%左右。\n"
)


def rp(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run ``python -m reportparse ARGS``."""
    return subprocess.run([sys.executable, "-m", "reportparse", *map(str, args)], capture_output=True,
                          text=True, encoding="utf-8", cwd=cwd, timeout=300)


def one_error_line(result: subprocess.CompletedProcess) -> str:
    """The stderr of a refused command: one ``reportparse...: error:`` line (after argparse's usage)."""
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip() and not line.startswith(("usage:", " "))]
    assert len(lines) == 1, result.stderr
    assert "error:" in lines[0]
    return lines[0]


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    """The bundled corpus parsed into a store."""
    out = tmp_path_factory.mktemp("store") / "out"
    result = rp("parse", CORPUS, "-o", out, "-q")
    assert result.returncode == 0, result.stderr
    return out / "reportparse.sqlite"


# ---------------------------------------------------------------- exit codes

@pytest.mark.parametrize("args, message", [
    (["parse", "CORPUS", "-o", "OUT", "--formt", "csv"], "unrecognized arguments: --formt"),
    (["parse", "CORPUS", "-o", "OUT", "--jobs", "0"], "--jobs: 0 is less than 1"),
    (["parse", "CORPUS", "-o", "OUT", "--jobs", "two"], "'two' is not a whole number"),
    (["diff", "BJ25", "BJ26", "-o", "OUT", "--tolerance-points", "-1"], "--tolerance-points: -1 is negative"),
    (["diff", "BJ25", "BJ26", "-o", "OUT", "--tolerance-relative", "-0.02"], "--tolerance-relative: -0.02 is negative"),
    (["diff", "--db", "STORE", "--region", "北京市", "--years", "2026", "2025", "-o", "OUT"],
     "did you mean --years 2025 2026?"),
    (["diff", "--db", "STORE", "--region", "北京市", "--years", "2025", "2025", "-o", "OUT"],
     "two reports of one year"),
    (["diff", "BJ25", "BJ26", "--db", "STORE", "--all", "-o", "OUT"], "--all reads the store: give no report files"),
    (["diff", "--region", "北京市", "--years", "2025", "2026", "-o", "OUT"], "give --db PATH"),
    (["export", "--db", "STORE", "-o", "OUT.unknown"], "say --format"),
    (["parse", "CORPUS", "-o", "OUT", "--max-chars", "0"], "--max-chars: 0 is less than 1"),
    (["parse", "CORPUS", "-o", "OUT", "--max-file-mb", "-5"], "--max-file-mb: -5 is not above 0"),
    (["diff", "BJ25", "BJ26", "-o", "OUT", "--tolerance-points", "nan"], "'nan' is not a finite number"),
    (["diff", "BJ25", "BJ26", "-o", "OUT", "--min-confidence", "1.5"], "--min-confidence: 1.5 is not between 0 and 1"),
])
def test_usage_errors_exit_64_and_create_nothing(tmp_path, store, args, message):
    out = tmp_path / "out"
    names = {"CORPUS": CORPUS, "OUT": out, "OUT.unknown": tmp_path / "out.unknown", "BJ25": BJ25, "BJ26": BJ26,
             "STORE": store}
    result = rp(*(names.get(a, a) for a in args))
    assert result.returncode == 64
    assert message in one_error_line(result)
    assert list(tmp_path.iterdir()) == []
    assert result.stdout == ""


def test_missing_inputs_exit_1_and_create_nothing(tmp_path):
    result = rp("parse", tmp_path / "nonexistent", "-o", tmp_path / "o1")
    assert result.returncode == 1
    assert "nonexistent: no such file" in one_error_line(result)
    assert not (tmp_path / "o1").exists()
    to_stdout = rp("parse", tmp_path / "nonexistent")
    assert to_stdout.returncode == 1 and to_stdout.stdout == ""


def test_missing_store_exits_1(tmp_path):
    result = rp("export", "--db", tmp_path / "none.sqlite", "-o", tmp_path / "x.csv")
    assert result.returncode == 1
    assert "no such store" in one_error_line(result)
    assert list(tmp_path.iterdir()) == []


def test_some_inputs_failed_exits_2(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00garbage\xff" * 10)
    result = rp("parse", BJ25, bad, tmp_path / "missing.txt", "-o", tmp_path / "out", "-q")
    assert result.returncode == 2
    assert (tmp_path / "out" / "2025-beijing.json").exists()


@pytest.mark.parametrize("command", [[], ["parse"], ["show"], ["diff"], ["export"], ["align"]])
def test_help_documents_the_exit_codes(command):
    result = rp(*command, "--help")
    assert result.returncode == 0
    text = " ".join(result.stdout.split())
    for code in ("0 done", "1 nothing could be done", "2 some inputs failed", "3 internal error", "64 usage error"):
        assert code in text, command


def test_python_dash_m_and_version():
    from reportparse import __version__
    from reportparse.build_info import build_summary

    result = rp("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"reportparse {__version__} ({build_summary()})"


# ---------------------------------------------------------------- -o

def test_dash_is_stdout_for_every_one_file_verb(tmp_path, store):
    cases = {
        "parse": ["parse", BJ25, "-o", "-"],
        "show": ["show", BJ25, "-o", "-"],
        "diff": ["diff", "--db", store, "--region", "北京市", "--years", "2025", "2026", "-o", "-",
                 "--format", "csv"],
        "align": ["align", ZH, EN, "-o", "-"],
        "export": ["export", "--db", store, "-o", "-"],
    }
    outputs = {}
    for verb, args in cases.items():
        result = rp(*args, cwd=tmp_path)
        assert result.returncode == 0, (verb, result.stderr)
        outputs[verb] = result.stdout
    assert list(tmp_path.iterdir()) == []  # no file named '-'
    assert json.loads(outputs["parse"])["document"]["region"] == "北京市"
    assert outputs["show"].startswith("<!DOCTYPE html>")
    assert next(csv.DictReader(io.StringIO(outputs["diff"])))["metric_id"] == "gdp"
    assert json.loads(outputs["align"])["pairs"]
    rows = list(csv.DictReader(io.StringIO(outputs["export"], newline="")))
    assert len(rows) == sum(len(json.loads(rp("parse", p).stdout)["claims"]) for p in sorted(CORPUS.rglob("*.txt")))


def test_dash_is_stdout_for_binary_exports(store):
    result = subprocess.run([sys.executable, "-m", "reportparse", "export", "--db", str(store), "-o", "-",
                             "--format", "xlsx", "-q"], capture_output=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert result.stdout[:2] == b"PK"  # a zip: the .xlsx itself


def test_align_writes_its_output_file(tmp_path):
    target = tmp_path / "align.md"
    result = rp("align", ZH, EN, "--format", "md", "-o", target)
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert "| cpi | growth | target | 2%左右 | around 2 percent | match |" in target.read_text("utf-8")


@pytest.mark.parametrize("verb", ["show", "export", "diff", "align"])
@pytest.mark.parametrize("folder", ["existing", "new/"])
def test_folder_for_a_file_is_a_usage_error(tmp_path, store, verb, folder):
    (tmp_path / "existing").mkdir()
    target = f"{tmp_path}/{folder}"
    args = {
        "show": ["show", BJ25, "-o", target],
        "export": ["export", "--db", store, "-o", target, "--format", "csv"],
        "diff": ["diff", "--db", store, "--region", "北京市", "--years", "2025", "2026", "-o", target],
        "align": ["align", ZH, EN, "-o", target],
    }[verb]
    result = rp(*args)
    assert result.returncode == 64
    assert f"-o {target}: is a folder; give a file name" in one_error_line(result)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["existing"]
    assert list((tmp_path / "existing").iterdir()) == []


def test_file_for_a_folder_is_a_usage_error(tmp_path):
    existing = tmp_path / "out.json"
    existing.write_text("keep me", "utf-8")
    result = rp("parse", BJ25, BJ26, "-o", existing)
    assert result.returncode == 64
    assert "is a file; this command writes several files, give a folder" in one_error_line(result)
    assert existing.read_text("utf-8") == "keep me"
    several_to_stdout = rp("parse", CORPUS, "-o", "-")
    assert several_to_stdout.returncode == 64 and several_to_stdout.stdout == ""


def test_store_folder_for_parse_is_a_usage_error(tmp_path):
    result = rp("parse", BJ25, BJ26, "-o", tmp_path / "out", "--db", f"{tmp_path}/stores/")
    assert result.returncode == 64
    assert "is a folder; give the store's file name" in one_error_line(result)
    assert list(tmp_path.iterdir()) == []


def test_store_folder_is_named(store):
    result = rp("export", "--db", store.parent, "-o", "-")
    assert result.returncode == 64
    assert f"is a folder, not a store file (did you mean {store}?)" in one_error_line(result)


# ---------------------------------------------------------------- guard rails

def test_diff_across_regions_refuses_unless_forced(tmp_path):
    shanghai = tmp_path / "shanghai-2026.txt"
    shanghai.write_text(SHANGHAI_2026, "utf-8")
    result = rp("diff", BJ25, shanghai)
    assert result.returncode == 64 and result.stdout == ""
    assert "OLD is a report of 北京市, NEW of 上海市" in one_error_line(result)
    assert "--force" in result.stderr
    forced = rp("diff", BJ25, shanghai, "--force", "--format", "csv")
    assert forced.returncode == 0, forced.stderr
    assert forced.stdout


def test_diff_of_reversed_years_refuses_unless_forced():
    result = rp("diff", BJ26, BJ25)
    assert result.returncode == 64
    assert "OLD is the 2026 report and NEW the 2025 one" in one_error_line(result)
    assert rp("diff", BJ26, BJ25, "--force").returncode == 0


def test_diff_of_years_apart_warns(tmp_path):
    later = tmp_path / "2028-beijing.txt"
    later.write_text(SHANGHAI_2026.replace("2026年上海市", "2028年北京市").replace("2025年", "2027年")
                     .replace("2026年", "2028年"), "utf-8")
    result = rp("diff", BJ25, later, "--format", "csv")
    assert result.returncode == 0, result.stderr
    assert ("warning: OLD is the 2025 report and NEW the 2028 one: NEW reviews 2027, not the year OLD's targets "
            "are for (2025)") in result.stderr


def test_align_checks_the_languages():
    swapped = rp("align", EN, ZH)
    assert swapped.returncode == 64 and swapped.stdout == ""
    assert f"{EN} is English and {ZH} Chinese: give the Chinese report first" in one_error_line(swapped)
    both_chinese = rp("align", ZH, BJ25)
    assert both_chinese.returncode == 64
    assert f"{BJ25}: reads as Chinese, but align wants English second" in one_error_line(both_chinese)


@pytest.mark.parametrize("name", ["北京市", "北京", "beijing", "Beijing", "beijing (北京)"])
def test_region_look_up_accepts_short_and_pinyin_names(store, name):
    expected = rp("diff", "--db", store, "--region", "北京市", "--years", "2025", "2026", "--format", "csv")
    result = rp("diff", "--db", store, "--region", name, "--years", "2025", "2026", "--format", "csv")
    assert result.returncode == 0, result.stderr
    assert result.stdout == expected.stdout and "北京市" in result.stdout


def test_region_miss_lists_the_stored_regions(store):
    result = rp("diff", "--db", store, "--region", "广东", "--years", "2025", "2026")
    assert result.returncode == 1
    line = one_error_line(result)
    assert "no region '广东' in the store; stored regions:" in line
    assert "北京市" in line and "二七区" in line
    year = rp("diff", "--db", store, "--region", "北京", "--years", "2024", "2025")
    assert year.returncode == 1
    assert "no 北京市 report of 2024 in the store; its report years: 2025, 2026" in one_error_line(year)


def test_duplicate_region_year_warns_and_names_the_one_used(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for path in (BJ25, BJ26):
        shutil.copy(path, folder / path.name)
    (folder / "2025-beijing-copy.txt").write_text(BJ25.read_text("utf-8") + "\n", "utf-8")
    out = tmp_path / "out"
    assert rp("parse", folder, "-o", out, "-q").returncode == 0
    result = rp("diff", "--db", out / "reportparse.sqlite", "--region", "北京市", "--years", "2025", "2026")
    assert result.returncode == 0
    warnings = [line for line in result.stderr.splitlines() if "warning" in line]
    assert len(warnings) == 1
    assert "2 reports of 北京市 2025" in warnings[0]
    assert "2025-beijing-copy.txt" in warnings[0] and "2025-beijing.txt" in warnings[0]
    assert "using " in warnings[0]
    all_pairs = rp("diff", "--db", out / "reportparse.sqlite", "--all", "--format", "csv")
    assert all_pairs.returncode == 0 and "2 reports of 北京市 2025" in all_pairs.stderr


@pytest.mark.parametrize("written, canonical", [
    ("beijing (北京)", "北京市"), ("China", "全国"), ("北京", "北京市"), ("shaanxi (陕西)", "陕西省"), ("二七区", "二七区"),
])
def test_manifest_region_names_map_to_canonical_ones(tmp_path, written, canonical):
    manifest = tmp_path / "MANIFEST.tsv"
    manifest.write_text(f"file\tlevel\tregion\tyear\n{BJ25.name}\tprovince\t{written}\t2025\n", "utf-8")
    result = rp("parse", BJ25, "--manifest", manifest)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["document"]["region"] == canonical


# ---------------------------------------------------------------- summaries

def test_summary_says_what_the_run_did(tmp_path):
    out = tmp_path / "out"
    claims = sum(len(json.loads(rp("parse", p).stdout)["claims"]) for p in sorted(CORPUS.rglob("*.txt")))
    files = len(list(CORPUS.rglob("*.txt")))
    first = rp("parse", CORPUS, "-o", out)
    assert first.returncode == 0
    assert (f"reportparse: {files} parsed, 0 unchanged, 0 failed; {claims} claims in {files} files written to "
            in first.stderr)
    again = rp("parse", CORPUS, "-o", out)
    assert f"0 parsed, {files} unchanged, 0 failed; 0 claims in 0 files written to " in again.stderr
    as_csv = rp("parse", CORPUS, "-o", out, "--format", "csv")
    assert (f"0 parsed, {files} unchanged ({files} written again from the store), 0 failed; "
            f"{claims} claims in {files} files written to ") in as_csv.stderr
    assert len(list(out.glob("*.csv"))) == files
