"""Nasty inputs, each with its expected result (issue 5): a one-line error and exit 2 (some files
failed) for what cannot be read, output for what can, never a traceback; and byte-identical output
across runs."""

from __future__ import annotations

import json
import random
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from report_files import write_docx, write_html, write_pdf
from reportparse.read import Limits, read_source

REPORT = (
    "2024年政府工作报告\n"
    "一、2023年工作回顾\n"
    "全市地区生产总值完成1234.5亿元，增长5.2%。社会消费品零售总额增长7%左右。\n"
    "二、2024年工作安排\n"
    "地区生产总值预期增长6%左右，城镇新增就业1.2万人以上。\n"
)
NESTING = 100_000


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "reportparse.cli", *args], capture_output=True, text=True,
                          encoding="utf-8", cwd=cwd, timeout=600)


def _claims(out: Path) -> list[dict]:
    return json.loads(out.read_text("utf-8"))["claims"]


def _readable(name: str, data: bytes, n_claims: int | None):
    return pytest.param(name, data, n_claims, id=name)


def _random_bytes() -> bytes:
    rng = random.Random(5)
    return bytes(rng.randrange(256) for _ in range(8192))


READABLE = [
    _readable("empty.txt", b"", 0),
    _readable("whitespace.txt", (" \n\t\r\n\u3000" * 50).encode("utf-8"), 0),
    # cut inside the three bytes of the last 。: the complete part is read
    _readable("truncated-utf8.txt", REPORT.encode("utf-8")[:-3], 5),
    _readable("million-digits.txt", b"1" * 1_000_000 + b"\n", 0),
    _readable("nested.html", (b"<div>" * NESTING + "<p>全市地区生产总值增长5.2%。</p>".encode() + b"</div>" * NESTING), 1),
]


@pytest.mark.parametrize("name, data, n_claims", READABLE)
def test_readable_nasty_inputs_give_output(name, data, n_claims, tmp_path):
    (tmp_path / name).write_bytes(data)
    result = run_cli("parse", name, "-o", "out", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    out = tmp_path / "out" / (Path(name).stem + ".json")
    assert len(_claims(out)) == n_claims


UNREADABLE = [
    pytest.param("random.txt", _random_bytes(), "not text in a known encoding", id="random-bytes"),
    pytest.param("report.docx", REPORT.encode("utf-8"), "not a .docx file (not a zip archive)", id="docx-not-zip"),
    pytest.param("report.pdf", b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog", "not a readable PDF", id="truncated-pdf"),
    pytest.param("report.pdf", REPORT.encode("utf-8"), "not a PDF file", id="pdf-not-pdf"),
    pytest.param("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "old binary Word", id="binary-doc"),
]


@pytest.mark.parametrize("name, data, reason", UNREADABLE)
def test_unreadable_nasty_inputs_give_one_line_and_exit_2(name, data, reason, tmp_path):
    (tmp_path / name).write_bytes(data)
    result = run_cli("parse", name, "-o", "out", "-q", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [result.stderr.strip()]
    assert result.stderr.startswith(f"reportparse: error: {name}: ") and reason in result.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["errors.jsonl", "reportparse.sqlite"]


def test_zip_that_is_not_a_word_document(tmp_path):
    with zipfile.ZipFile(tmp_path / "photos.docx", "w") as archive:
        archive.writestr("a.txt", "hello")
    result = run_cli("parse", "photos.docx", "-o", "out", "-q", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip() == "reportparse: error: photos.docx: not a Word document (no word/document.xml in the archive)"


def test_50_mb_text_is_refused_by_default_and_read_when_allowed(tmp_path):
    line = "全市地区生产总值完成1234.5亿元，增长5.2%。\n".encode()
    path = tmp_path / "huge.txt"
    path.write_bytes(line * (50 * 1024 * 1024 // len(line) + 1))
    assert path.stat().st_size >= 50 * 1024 * 1024
    result = run_cli("parse", "huge.txt", "-o", "out", "-q", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip().startswith("reportparse: error: huge.txt: refused: text of ")
    assert result.stderr.strip().endswith("characters, over the limit of 8,000,000 (--max-chars)")
    source = read_source(path, Limits(max_chars=50 * 1024 * 1024))
    assert len(source.text) == path.stat().st_size // len(line) * len(line.decode())


def test_a_batch_with_bad_files_still_parses_the_good_ones(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(REPORT, "utf-8")
    (folder / "random.txt").write_bytes(_random_bytes())
    (folder / "bad.docx").write_bytes(b"not a zip")
    result = run_cli("parse", "in", "-o", "out", "-q", cwd=tmp_path)
    assert result.returncode == 2
    errors = [line for line in result.stderr.splitlines() if "warning" not in line]  # good.txt names no region
    assert len(errors) == 2 and all(line.startswith("reportparse: error: in/") for line in errors)
    assert len(_claims(tmp_path / "out" / "good.json")) == 5


def test_same_input_gives_byte_identical_output(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(REPORT, "utf-8")
    (folder / "b.txt").write_bytes(REPORT.encode("gb18030"))
    write_html(REPORT, folder / "c.html")
    write_docx(REPORT, folder / "d.docx")
    write_pdf(REPORT, folder / "e.pdf")
    for run in ("one", "two"):
        assert run_cli("parse", "in", "-o", run, "-q", cwd=tmp_path).returncode == 0
    one = sorted(p.name for p in (tmp_path / "one").iterdir() if p.suffix in (".json", ".txt"))
    assert one == ["a.json", "b.json", "b.txt", "c.json", "c.txt", "d.json", "d.txt", "e.json", "e.txt"]
    for name in one:
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes(), name


def test_an_internal_error_is_one_line_not_a_traceback(tmp_path, monkeypatch, capsys):
    from reportparse import cli

    def broken(*args, **kwargs):
        raise RuntimeError("boom\nsecond line")

    (tmp_path / "a.txt").write_text(REPORT, "utf-8")
    monkeypatch.setattr(cli, "_cmd_parse", broken)
    assert cli.main(["parse", str(tmp_path / "a.txt"), "-o", str(tmp_path / "out")]) == cli.EXIT_BUG
    err = capsys.readouterr().err
    assert err.splitlines() == ["reportparse: internal error (please report): RuntimeError: boom second line"]


def test_show_on_an_unreadable_file_is_one_line_and_exit_1(tmp_path):
    (tmp_path / "random.txt").write_bytes(_random_bytes())
    result = run_cli("show", "random.txt", "-o", "page.html", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.splitlines() == ["reportparse: error: random.txt: not text in a known encoding "
                                          "(UTF-8, UTF-16, GB18030/GBK/GB2312, Big5)"]
    assert not (tmp_path / "page.html").exists()
