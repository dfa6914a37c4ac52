"""The command line's ``parse``: one file to stdout, several into a folder, bad inputs, help."""

from __future__ import annotations

import csv
import io
import json
import random
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from reportparse.cli import main

PROJECT = Path(__file__).resolve().parents[1]
SEED = PROJECT / "corpus" / "zh" / "2023-zhengzhou-erqi.txt"

SMALL_REPORT = (
    "2024年政府工作报告\n\n"
    "一、2023年工作回顾\n\n"
    "全市地区生产总值完成1234.5亿元，增长5.2%。社会消费品零售总额增长7%左右。\n\n"
    "二、2024年工作安排\n\n"
    "地区生产总值预期增长6%左右，城镇新增就业1.2万人以上。\n"
)


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "reportparse.cli", *args],
        capture_output=True, text=True, encoding="utf-8", cwd=cwd, timeout=300,
    )


@pytest.fixture
def seed(tmp_path) -> Path:
    if not SEED.exists():
        pytest.skip(f"seed report missing: {SEED}")
    target = tmp_path / "in" / SEED.name
    target.parent.mkdir()
    shutil.copy(SEED, target)
    return target


@pytest.fixture
def small(tmp_path) -> Path:
    target = tmp_path / "in" / "small-report.txt"
    target.parent.mkdir(exist_ok=True)
    target.write_text(SMALL_REPORT, "utf-8")
    return target


@pytest.fixture
def garbage(tmp_path) -> Path:
    """A file of random bytes that is certainly not UTF-8."""
    target = tmp_path / "in" / "garbage.txt"
    target.parent.mkdir(exist_ok=True)
    target.write_bytes(b"\xff\xc3\x28" + random.Random(1234).randbytes(512))
    return target


def json_doc(capsys, path: Path) -> dict:
    assert main(["parse", str(path)]) == 0
    return json.loads(capsys.readouterr().out)


# ---------------------------------------------------------------- one file to stdout

def test_one_file_writes_json_document_to_stdout(capsys, seed):
    code = main(["parse", str(seed)])
    out = capsys.readouterr().out
    assert code == 0
    data = json.loads(out)
    assert {"schema_version", "document", "claims"} <= set(data)
    assert data["claims"]
    assert data["document"]["path"] is None or Path(data["document"]["path"]).name == seed.name


def test_one_file_via_subprocess(seed):
    result = run_cli("parse", str(seed))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert {"schema_version", "document", "claims"} <= set(data)
    assert "Traceback" not in result.stderr


def test_jsonl_has_one_claim_per_line(capsys, seed):
    claims = json_doc(capsys, seed)["claims"]
    assert main(["parse", str(seed), "--format", "jsonl"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(claims)
    parsed = [json.loads(line) for line in lines]
    assert parsed == claims


def test_csv_has_header_and_one_row_per_claim(capsys, seed):
    claims = json_doc(capsys, seed)["claims"]
    assert main(["parse", str(seed), "--format", "csv"]) == 0
    out = capsys.readouterr().out
    reader = csv.DictReader(io.StringIO(out, newline=""))
    rows = list(reader)
    assert len(rows) == len(claims)
    assert {"text", "kind", "value", "unit", "qualifier", "status", "period"} <= set(reader.fieldnames)
    assert [row["text"] for row in rows] == [c["text"] for c in claims]
    assert [row["kind"] for row in rows] == [c["kind"] for c in claims]


@pytest.mark.parametrize("lang", ["zh", "auto"])
def test_lang_option(capsys, small, lang):
    assert main(["parse", str(small), "--lang", lang]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["document"]["lang"] == "zh"


def test_utf8_bom_is_accepted(capsys, tmp_path, small):
    with_bom = tmp_path / "bom.txt"
    with_bom.write_bytes(b"\xef\xbb\xbf" + small.read_bytes())
    plain = json_doc(capsys, small)
    bom = json_doc(capsys, with_bom)
    assert bom["claims"] and [c["text"] for c in bom["claims"]] == [c["text"] for c in plain["claims"]]
    text = with_bom.read_bytes().decode("utf-8-sig")
    for claim in bom["claims"]:
        start, end = claim["span"]
        assert text[start:end] == claim["text"]


# ---------------------------------------------------------------- several files, -o DIR

@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv"])
def test_several_files_with_output_dir(tmp_path, seed, small, fmt):
    out_dir = tmp_path / "out"
    assert main(["parse", str(seed), str(small), "--format", fmt, "-o", str(out_dir), "-q"]) == 0
    written = sorted(p.name for p in out_dir.iterdir())
    assert written == sorted([f"{seed.stem}.{fmt}", f"{small.stem}.{fmt}", "reportparse.sqlite"])
    for path in out_dir.glob(f"*.{fmt}"):
        content = path.read_text("utf-8")
        if fmt == "json":
            assert json.loads(content)["claims"]
        elif fmt == "jsonl":
            assert all(json.loads(line) for line in content.splitlines())
        else:
            assert list(csv.DictReader(io.StringIO(content, newline="")))


def test_output_dir_files_match_stdout(capsys, tmp_path, seed):
    expected = json_doc(capsys, seed)
    out_dir = tmp_path / "out"
    assert main(["parse", str(seed), "-o", str(out_dir), "-q"]) == 0
    written = json.loads((out_dir / f"{seed.stem}.json").read_text("utf-8"))
    assert written["claims"] == expected["claims"]


def test_folder_expands_to_its_txt_files(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a.txt").write_text(SMALL_REPORT, "utf-8")
    (folder / "b.txt").write_text(SMALL_REPORT.replace("1234.5", "987.6"), "utf-8")
    (folder / "notes.rst").write_text("not a report\n", "utf-8")
    out_dir = tmp_path / "out"
    result = run_cli("parse", str(folder), "-o", str(out_dir), "-q")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out_dir.iterdir()) == ["a.json", "b.json", "reportparse.sqlite"]


# ---------------------------------------------------------------- bad inputs

def test_bad_files_are_reported_and_good_file_still_written(tmp_path, small, garbage):
    missing = tmp_path / "in" / "no-such-report.txt"
    out_dir = tmp_path / "out"
    result = run_cli("parse", str(missing), str(garbage), str(small), "-o", str(out_dir), "-q")

    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert (out_dir / f"{small.stem}.json").exists()
    assert json.loads((out_dir / f"{small.stem}.json").read_text("utf-8"))["claims"]
    assert not (out_dir / f"{garbage.stem}.json").exists()

    lines = [line for line in result.stderr.splitlines() if line.strip()]
    missing_lines = [line for line in lines if missing.name in line]
    garbage_lines = [line for line in lines if garbage.name in line]
    assert len(missing_lines) == 1, result.stderr
    assert len(garbage_lines) == 1, result.stderr
    assert re.search(r"no such file|not found|does not exist|missing", missing_lines[0], re.I)
    assert re.search(r"utf-?8|decod|encoding", garbage_lines[0], re.I)
    errors = [json.loads(line) for line in (out_dir / "errors.jsonl").read_text("utf-8").splitlines()]
    assert sorted(Path(e["path"]).name for e in errors) == sorted([missing.name, garbage.name])
    assert all(e["error"] for e in errors)


def test_single_missing_file(tmp_path):
    missing = tmp_path / "absent.txt"
    result = run_cli("parse", str(missing))
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert missing.name in result.stderr
    assert result.stdout == ""


def test_single_garbage_file(garbage):
    result = run_cli("parse", str(garbage))
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert len([line for line in result.stderr.splitlines() if garbage.name in line]) == 1
    assert result.stdout == ""


def test_empty_folder_is_an_error(tmp_path):
    folder = tmp_path / "empty"
    folder.mkdir()
    result = run_cli("parse", str(folder))
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert result.stderr.strip()


def test_unknown_format_is_rejected(small):
    result = run_cli("parse", str(small), "--format", "xml")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr


# ---------------------------------------------------------------- help

def test_main_help():
    result = run_cli("--help")
    assert result.returncode == 0
    assert "parse" in result.stdout
    assert "Traceback" not in result.stderr


def test_parse_help():
    result = run_cli("parse", "--help")
    assert result.returncode == 0
    for option in ("--format", "-o", "--lang", "-q"):
        assert option in result.stdout
    for fmt in ("json", "jsonl", "csv"):
        assert fmt in result.stdout


def test_help_in_process(capsys):
    with pytest.raises(SystemExit) as info:
        main(["parse", "--help"])
    assert info.value.code == 0
    assert "--format" in capsys.readouterr().out


def test_console_script(small):
    script = Path(sys.executable).with_name("reportparse")
    if not script.exists():
        pytest.skip("console script not installed next to the interpreter")
    result = subprocess.run([str(script), "parse", str(small)], capture_output=True, text=True,
                            encoding="utf-8", timeout=300)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["claims"]
