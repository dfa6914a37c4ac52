"""Batch parsing: parallel workers, a broken file among good ones, the incremental store,
atomic outputs, interrupted runs, and the whole shared corpus with a file of random bytes."""

from __future__ import annotations

import json
import random
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from reportparse import batch as batch_module
from reportparse.atomic import atomic_path, write_atomic
from reportparse.batch import Batch, discover, output_targets, progress_bar
from reportparse.store import Store

SHARED_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"

REPORT = (
    "{year}年政府工作报告\n\n一、{prev}年工作回顾\n\n"
    "全市地区生产总值完成{gdp}亿元，增长5.2%。社会消费品零售总额增长7%左右。\n\n"
    "二、{year}年工作安排\n\n地区生产总值预期增长6%左右，城镇新增就业1.2万人以上。\n"
)


def write_reports(folder: Path, n: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        path = folder / f"report-{i}.txt"
        path.write_text(REPORT.format(year=2020 + i, prev=2019 + i, gdp=1000 + i), "utf-8")
        paths.append(path)
    return paths


def run_batch(files, out_dir, store_path, jobs=1, **kwargs):
    with Store(store_path) as store:
        return Batch(out_dir, "json", store, jobs=jobs, **kwargs).run(files)


# ---------------------------------------------------------------- inputs and outputs

def test_discover_is_recursive_sorted_and_keeps_files_as_given(tmp_path):
    (tmp_path / "b" / "deep").mkdir(parents=True)
    for name in ("b/deep/z.txt", "b/a.txt", "b/notes.rst"):
        (tmp_path / name).write_text("x", "utf-8")
    explicit = tmp_path / "given.rst"
    assert discover([tmp_path / "b", explicit]) == [tmp_path / "b/a.txt", tmp_path / "b/deep/z.txt", explicit]


def test_output_targets_number_repeated_stems(tmp_path):
    files = [tmp_path / "a" / "r.txt", tmp_path / "b" / "r.txt", tmp_path / "c" / "s.txt"]
    targets = output_targets(files, tmp_path / "out", "json")
    assert [t.name for t in targets.values()] == ["r.json", "r-2.json", "s.json"]


def test_atomic_write_keeps_the_old_file_when_writing_fails(tmp_path):
    target = tmp_path / "out.json"
    write_atomic(target, "old")
    with pytest.raises(RuntimeError), atomic_path(target) as tmp:
        tmp.write_text("half of the new", "utf-8")
        raise RuntimeError("interrupted")
    assert target.read_text("utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]


def test_atomic_write_gives_the_usual_permissions(tmp_path):
    import os

    old_mask = os.umask(0o022)
    try:
        write_atomic(tmp_path / "out.json", "{}")
    finally:
        os.umask(old_mask)
    assert (tmp_path / "out.json").stat().st_mode & 0o777 == 0o644


# ---------------------------------------------------------------- a broken file among good ones

def test_broken_file_is_reported_and_the_rest_parsed(tmp_path):
    good = write_reports(tmp_path / "in", 3)
    broken = tmp_path / "in" / "broken.txt"
    broken.write_bytes(b"\xff\xfe\x00" + random.Random(7).randbytes(4096))
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, "-m", "reportparse.cli", "parse", str(tmp_path / "in"), "-o", str(out),
                             "--jobs", "2"], capture_output=True, text=True, encoding="utf-8", timeout=300)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert [line for line in result.stderr.splitlines() if "broken.txt" in line]
    for path in good:
        assert json.loads((out / f"{path.stem}.json").read_text("utf-8"))["claims"]
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text("utf-8").splitlines()]
    assert [Path(e["path"]).name for e in errors] == ["broken.txt"]
    assert errors[0]["error"].startswith("not valid UTF-16 after its byte-order mark")  # it opens with FF FE
    with sqlite3.connect(out / "reportparse.sqlite") as db:
        assert db.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 3


def test_a_crash_inside_the_parser_is_one_failure_not_a_stopped_batch(tmp_path, monkeypatch):
    files = write_reports(tmp_path / "in", 3)
    real = batch_module.parse_to_output

    def flaky(path, *args):
        if path.endswith("report-1.txt"):
            raise ZeroDivisionError("boom")
        return real(path, *args)

    monkeypatch.setattr(batch_module, "parse_to_output", flaky)
    result = run_batch(files, tmp_path / "out", tmp_path / "s.sqlite")
    assert result.parsed == 2
    assert [(Path(f.path).name, f.reason) for f in result.failed] == [
        ("report-1.txt", "internal error (please report): ZeroDivisionError: boom")]


def test_parallel_output_equals_serial_output(tmp_path):
    files = write_reports(tmp_path / "in", 4)
    run_batch(files, tmp_path / "serial", tmp_path / "serial.sqlite", jobs=1)
    run_batch(files, tmp_path / "parallel", tmp_path / "parallel.sqlite", jobs=2)
    for path in files:
        name = f"{path.stem}.json"
        assert (tmp_path / "serial" / name).read_bytes() == (tmp_path / "parallel" / name).read_bytes()


# ---------------------------------------------------------------- the incremental store

def test_second_run_parses_nothing_and_rewrites_nothing(tmp_path):
    files = write_reports(tmp_path / "in", 3)
    out, db = tmp_path / "out", tmp_path / "s.sqlite"
    first = run_batch(files, out, db)
    assert (first.parsed, first.unchanged) == (3, 0)
    stamps = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}
    second = run_batch(files, out, db)
    assert (second.parsed, second.unchanged, second.failed) == (0, 3, [])
    assert {p.name: p.stat().st_mtime_ns for p in out.iterdir()} == stamps


def test_changed_and_new_files_are_parsed_again(tmp_path):
    files = write_reports(tmp_path / "in", 3)
    out, db = tmp_path / "out", tmp_path / "s.sqlite"
    run_batch(files, out, db)
    files[1].write_text(REPORT.format(year=2030, prev=2029, gdp=4321), "utf-8")
    extra = tmp_path / "in" / "report-new.txt"
    extra.write_text(REPORT.format(year=2031, prev=2030, gdp=77), "utf-8")
    result = run_batch(discover([tmp_path / "in"]), out, db)
    assert (result.parsed, result.unchanged) == (2, 2)
    assert "4321亿元" in (out / "report-1.json").read_text("utf-8")


def test_a_parser_change_parses_everything_again(tmp_path, monkeypatch):
    files = write_reports(tmp_path / "in", 2)
    out, db = tmp_path / "out", tmp_path / "s.sqlite"
    run_batch(files, out, db)
    monkeypatch.setattr(batch_module, "parser_fingerprint", lambda: "another-parser")
    assert run_batch(files, out, db).parsed == 2


def test_other_overrides_parse_again_and_are_applied(tmp_path):
    files = write_reports(tmp_path / "in", 2)
    out, db = tmp_path / "out", tmp_path / "s.sqlite"
    run_batch(files, out, db)
    result = run_batch(files, out, db, overrides_for=lambda p: {"region": "测试市", "level": "city"})
    assert result.parsed == 2
    doc = json.loads((out / "report-0.json").read_text("utf-8"))["document"]
    assert (doc["region"], doc["level"]) == ("测试市", "city")


def test_a_deleted_output_is_restored_from_the_store_without_parsing(tmp_path, monkeypatch):
    files = write_reports(tmp_path / "in", 2)
    out, db = tmp_path / "out", tmp_path / "s.sqlite"
    run_batch(files, out, db)
    before = (out / "report-0.json").read_bytes()
    (out / "report-0.json").unlink()
    monkeypatch.setattr(batch_module, "parse_to_output", lambda *a: pytest.fail("parsed again"))
    result = run_batch(files, out, db)
    assert (result.parsed, result.unchanged) == (0, 2)
    assert (out / "report-0.json").read_bytes() == before


def test_an_interrupted_run_leaves_complete_files_and_documents(tmp_path, monkeypatch):
    files = write_reports(tmp_path / "in", 3)
    out, db = tmp_path / "out", tmp_path / "s.sqlite"
    real = batch_module.parse_to_output

    def interrupted(path, *args):
        if path.endswith("report-1.txt"):
            raise KeyboardInterrupt
        return real(path, *args)

    monkeypatch.setattr(batch_module, "parse_to_output", interrupted)
    with pytest.raises(KeyboardInterrupt):
        run_batch(files, out, db)
    assert sorted(p.name for p in out.iterdir()) == ["report-0.json"]
    json.loads((out / "report-0.json").read_text("utf-8"))
    monkeypatch.setattr(batch_module, "parse_to_output", real)
    resumed = run_batch(files, out, db)
    assert (resumed.parsed, resumed.unchanged) == (2, 1)


def test_store_keeps_versions_and_claims(tmp_path):
    files = write_reports(tmp_path / "in", 1)
    run_batch(files, tmp_path / "out", tmp_path / "s.sqlite")
    with Store(tmp_path / "s.sqlite") as store:
        [doc] = store.documents()
        whole = store.document(doc["sha256"])
        assert doc["parser_version"] == whole["document"]["parser_version"]
        assert store.claim_count() == doc["claim_count"] == len(whole["claims"]) > 0
        rows = list(store.long_rows())
    assert [r["id"] for r in rows] == [c["id"] for c in whole["claims"]]
    with sqlite3.connect(tmp_path / "s.sqlite") as db:
        versions = db.execute("SELECT parser_version, schema_version, parser_fingerprint FROM documents").fetchone()
    assert all(versions)


def test_a_file_that_is_not_a_store_is_a_clear_error(tmp_path):
    bogus = tmp_path / "bogus.sqlite"
    bogus.write_text("not sqlite at all " * 100, "utf-8")
    from reportparse.errors import InputError

    with pytest.raises(InputError, match="bogus.sqlite"):
        Store(bogus)


# ---------------------------------------------------------------- progress

def test_progress_bar_only_on_a_terminal(monkeypatch):
    assert progress_bar(10, enabled=False) is None
    monkeypatch.setattr(sys.stderr, "isatty", lambda: False, raising=False)
    assert progress_bar(10, enabled=True) is None
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    bar = progress_bar(10, enabled=True)
    assert bar is not None and bar.total == 10
    bar.close()


# ---------------------------------------------------------------- the whole shared corpus

def test_shared_corpus_with_a_file_of_random_bytes(tmp_path):
    if not SHARED_CORPUS.is_dir():
        pytest.skip(f"shared corpus not found at {SHARED_CORPUS}")
    folder = tmp_path / "corpus"
    shutil.copytree(SHARED_CORPUS, folder)
    (folder / "zz_random.txt").write_bytes(random.Random(2026).randbytes(20000))
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, "-m", "reportparse.cli", "parse", str(folder), "-o", str(out), "-q"],
                            capture_output=True, text=True, encoding="utf-8", timeout=900)
    assert result.returncode == 2, result.stderr
    reports = sorted(SHARED_CORPUS.glob("*.txt"))
    assert all((out / f"{r.stem}.json").is_file() for r in reports)
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text("utf-8").splitlines()]
    assert [Path(e["path"]).name for e in errors] == ["zz_random.txt"]
    with Store(out / "reportparse.sqlite") as store:
        assert len(store.documents()) == len(reports)


def test_a_folder_search_leaves_out_the_collections_own_notes(tmp_path):
    from reportparse.batch import discover

    for name in ("2024.md", "README.md", "SOURCES.md", "notes/LICENSE.txt", "manifest.txt", "a/2025.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("地区生产总值增长5%。", encoding="utf-8")
    assert [p.relative_to(tmp_path).as_posix() for p in discover([tmp_path])] == ["2024.md", "a/2025.txt"]
    assert discover([tmp_path / "README.md"]) == [tmp_path / "README.md"]  # named alone: read
