"""Hardening (issue 16): no small input costs gigabytes, no formula reaches a spreadsheet,
readers never write, environment errors are told apart from bugs. Every test goes through the
real command line; resource tests assert bounds on output size and peak memory (generous
margins), never on time."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from cli_run import run_cli

LINE = "地区生产总值增长5%"


def test_a_long_line_gives_output_linear_in_its_claims(tmp_path):
    # one line without punctuation: every claim used to repeat the whole line (quadratic output)
    n = 3000
    (tmp_path / "q.txt").write_text(LINE * n, encoding="utf-8")
    run = run_cli("parse", tmp_path / "q.txt", "-o", tmp_path / "out", "-q", "-j", "1")
    assert run.code == 0, run.stderr
    out = tmp_path / "out" / "q.json"
    data = json.loads(out.read_text("utf-8"))
    text = (tmp_path / "q.txt").read_text("utf-8")
    assert len(data["claims"]) == n
    for claim in data["claims"]:
        start, end = claim["sentence_span"]
        assert len(claim["sentence"]) == 1000 and text[start:end] == claim["sentence"]
        assert start <= claim["span"][0] and claim["span"][1] <= end
    assert out.stat().st_size < n * 6000  # ~3.7 KB a claim; the whole line each was 78 KB a claim
    assert (tmp_path / "out" / "reportparse.sqlite").stat().st_size < n * 12000
    assert run.peak_mb < 600


def test_a_short_sentence_is_kept_whole(tmp_path):
    sentence = "全市地区生产总值完成1234.5亿元，增长5.2%。"
    (tmp_path / "r.txt").write_text(sentence + "\n", encoding="utf-8")
    run = run_cli("parse", tmp_path / "r.txt")
    claims = json.loads(run.stdout)["claims"]
    assert [c["sentence"] for c in claims] == [sentence, sentence]
    assert all("sentence_span" not in c for c in claims)


FORMULA_REPORT = ('=HYPERLINK("http://evil.example/a","x")地区生产总值增长5%。\n'
                  "-1+1全市粮食产量增长3%。\n")


@pytest.fixture
def formula_store(tmp_path):
    (tmp_path / "evil.txt").write_text(FORMULA_REPORT, encoding="utf-8")
    run = run_cli("parse", tmp_path / "evil.txt", "-o", tmp_path / "out", "-q", "--format", "csv")
    assert run.code == 0, run.stderr
    return tmp_path / "out"


def _sentences(rows):
    return sorted(row["sentence"] for row in rows)


NEUTRAL = ["'-1+1全市粮食产量增长3%。", "'" + FORMULA_REPORT.splitlines()[0]]


def test_parse_csv_neutralises_formulas(formula_store):
    rows = list(csv.DictReader(io.StringIO((formula_store / "evil.csv").read_text("utf-8"))))
    assert _sentences(rows) == NEUTRAL
    assert all(not v.startswith(("=", "+", "-", "@")) for row in rows for v in row.values())


def test_export_csv_and_xlsx_neutralise_formulas_unless_raw_cells(formula_store, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    db = formula_store / "reportparse.sqlite"
    for name, flags in (("safe", ()), ("raw", ("--raw-cells",))):
        for fmt in ("csv", "xlsx"):
            run = run_cli("export", "--db", db, "-o", tmp_path / f"{name}.{fmt}", "-q", *flags)
            assert run.code == 0, run.stderr
    safe_csv = list(csv.DictReader(io.StringIO((tmp_path / "safe.csv").read_text("utf-8"))))
    assert _sentences(safe_csv) == NEUTRAL
    raw_csv = list(csv.DictReader(io.StringIO((tmp_path / "raw.csv").read_text("utf-8"))))
    assert _sentences(raw_csv) == [s[1:] for s in NEUTRAL]

    def cells(name):
        sheet = openpyxl.load_workbook(tmp_path / f"{name}.xlsx").active
        header = [c.value for c in sheet[1]]
        return [row[header.index("sentence")] for row in sheet.iter_rows(min_row=2)]

    assert {c.data_type for c in cells("safe")} == {"s"}  # no formula cell
    assert sorted(c.value for c in cells("safe")) == NEUTRAL
    assert "f" in {c.data_type for c in cells("raw")}  # the flag keeps them as written


REPORT = "郑州市2024年政府工作报告\n全市地区生产总值完成1234.5亿元，增长5.2%。\n地区生产总值预期增长6%左右。\n"
EXIT_ENVIRONMENT = 4


@pytest.fixture
def store(tmp_path):
    (tmp_path / "r.txt").write_text(REPORT, encoding="utf-8")
    run = run_cli("parse", tmp_path / "r.txt", "-o", tmp_path / "out", "-q")
    assert run.code == 0, run.stderr
    return tmp_path / "out" / "reportparse.sqlite"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_readers_never_write_to_another_applications_sqlite_file(tmp_path):
    foreign = tmp_path / "app.sqlite"
    with sqlite3.connect(foreign) as db:
        db.execute("CREATE TABLE notes (body TEXT)")
        db.execute("INSERT INTO notes VALUES ('hello')")
    db.close()
    before = _digest(foreign)
    for args in (("export", "--db", foreign, "-o", tmp_path / "x.csv"), ("diff", "--db", foreign, "--all")):
        run = run_cli(*args)
        assert run.code == 1
        assert run.stderr.strip() == f"reportparse: error: {foreign}: not a reportparse store (no store_info table)"
    assert _digest(foreign) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["app.sqlite"]


def _immutable(folder: Path, on: bool) -> bool:
    """Make a folder read-only even for root (chattr +i); False where that is not possible."""
    if shutil.which("chattr") is None:
        return False
    return subprocess.run(["chattr", "+i" if on else "-i", folder], capture_output=True).returncode == 0


@pytest.fixture
def read_only(tmp_path):
    folders = []

    def make(folder: Path) -> Path:
        if os.geteuid() != 0:
            folder.chmod(0o555)
        elif not _immutable(folder, True):
            pytest.skip("cannot make a folder read-only here (no chattr +i)")
        folders.append(folder)
        return folder

    yield make
    for folder in folders:
        if os.geteuid() == 0:
            _immutable(folder, False)
        folder.chmod(0o755)


def test_a_store_in_a_read_only_folder_can_be_exported_and_diffed(store, tmp_path, read_only):
    before = _digest(store)
    read_only(store.parent)
    run = run_cli("export", "--db", store, "-o", tmp_path / "claims.jsonl", "-q")
    assert run.code == 0, run.stderr
    assert len((tmp_path / "claims.jsonl").read_text("utf-8").splitlines()) == 3
    run = run_cli("diff", "--db", store, "--all")
    assert run.code == 0, run.stderr
    assert _digest(store) == before


def test_parse_into_a_read_only_folder_is_an_environment_error(tmp_path, read_only):
    (tmp_path / "r.txt").write_text(REPORT, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    read_only(out)
    run = run_cli("parse", tmp_path / "r.txt", "-o", out, "-q")
    assert run.code == EXIT_ENVIRONMENT, run.stderr
    assert run.stderr.startswith(f"reportparse: error: {out}/reportparse.sqlite: cannot be created: its folder is "
                                 "read-only or not writable")
    assert "please report" not in run.stderr


def test_output_folder_that_is_a_file_is_refused_and_left_untouched(tmp_path):
    """A file given where a folder goes is the user's mistake (64, as the CLI conventions say), told
    in one line; the file is not touched."""
    (tmp_path / "r.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "out").write_text("not a folder", encoding="utf-8")
    run = run_cli("parse", tmp_path / "r.txt", "-o", tmp_path / "out", "-q")
    assert run.code == 64
    assert run.stderr == f"reportparse: error: -o {tmp_path / 'out'}: is a file; this command writes several files, " \
        "give a folder\n"
    assert (tmp_path / "out").read_text("utf-8") == "not a folder"


def test_a_write_lock_held_too_long_is_an_environment_error(store, tmp_path):
    holder = sqlite3.connect(store, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        (tmp_path / "s.txt").write_text(REPORT.replace("5.2%", "5.3%"), encoding="utf-8")
        run = run_cli("parse", tmp_path / "s.txt", "-o", store.parent, "-q")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert run.code == EXIT_ENVIRONMENT
    assert run.stderr.startswith(f"reportparse: error: {store}: locked by another process for over 5 s")


def test_a_damaged_store_is_an_environment_error_naming_it(store, tmp_path):
    with sqlite3.connect(store) as db:  # fold the write-ahead log into the file first
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    data = bytearray(store.read_bytes())
    page = 4096
    assert len(data) > 3 * page
    data[2 * page:3 * page] = b"\xff" * page  # one page of the file destroyed
    store.write_bytes(bytes(data))
    run = run_cli("export", "--db", store, "-o", tmp_path / "claims.csv", "-q")
    assert run.code == EXIT_ENVIRONMENT, run.stderr
    assert run.stderr.startswith(f"reportparse: error: {store}: the file is damaged")


def _bad_name(folder: Path) -> Path:
    """A report whose file name holds a byte that is not UTF-8 (café in Latin-1)."""
    path = Path(os.fsdecode(os.fsencode(folder) + b"/caf\xe9.txt"))
    path.write_text(REPORT, encoding="utf-8")
    return path


def test_a_file_name_that_is_not_utf8_is_parsed_with_the_others(tmp_path):
    bad = _bad_name(tmp_path)
    (tmp_path / "good.txt").write_text(REPORT, encoding="utf-8")
    run = run_cli("parse", tmp_path / "good.txt", os.fsencode(bad), "-o", tmp_path / "out", "-q")
    assert run.code == 0, run.stderr
    written = json.loads(Path(os.fsdecode(os.fsencode(tmp_path) + b"/out/caf\xe9.json")).read_text("utf-8"))
    assert written["document"]["path"] == str(tmp_path / "caf\ufffd.txt")
    assert len(written["claims"]) == 3
    assert (tmp_path / "out" / "good.json").exists()


def test_a_file_name_that_is_not_utf8_gives_utf8_on_stdout_and_a_review_page(tmp_path):
    bad = _bad_name(tmp_path)
    run = run_cli("parse", os.fsencode(bad))
    assert run.code == 0, run.stderr
    assert json.loads(run.stdout.decode("utf-8"))["document"]["path"].endswith("caf\ufffd.txt")
    run = run_cli("show", os.fsencode(bad), "-o", tmp_path / "page.html")
    assert run.code == 0, run.stderr
    assert "5.2%" in (tmp_path / "page.html").read_bytes().decode("utf-8")


def test_a_symlink_loop_and_a_fifo_fail_alone(tmp_path):
    (tmp_path / "good.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "loop1.txt").symlink_to(tmp_path / "loop2.txt")
    (tmp_path / "loop2.txt").symlink_to(tmp_path / "loop1.txt")
    os.mkfifo(tmp_path / "fifo.txt")  # nobody writes it: reading it would block for ever
    run = run_cli("parse", tmp_path / "loop1.txt", tmp_path / "fifo.txt", tmp_path / "good.txt",
                  "-o", tmp_path / "out", "-q", timeout=60)
    assert run.code == 2
    assert run.stderr.splitlines() == [
        f"reportparse: error: {tmp_path / 'loop1.txt'}: Too many levels of symbolic links",
        f"reportparse: error: {tmp_path / 'fifo.txt'}: not a regular file (a pipe, socket or device)",
    ]
    assert len(json.loads((tmp_path / "out" / "good.json").read_text("utf-8"))["claims"]) == 3
    errors = [json.loads(line) for line in (tmp_path / "out" / "errors.jsonl").read_text("utf-8").splitlines()]
    assert [e["path"] for e in errors] == [str(tmp_path / "loop1.txt"), str(tmp_path / "fifo.txt")]


def test_errors_jsonl_is_utf8_for_a_bad_name(tmp_path):
    bad = Path(os.fsdecode(os.fsencode(tmp_path) + b"/bin\xff.txt"))
    bad.write_bytes(bytes(range(256)) * 4)  # binary: refused
    (tmp_path / "good.txt").write_text(REPORT, encoding="utf-8")
    run = run_cli("parse", os.fsencode(bad), tmp_path / "good.txt", "-o", tmp_path / "out", "-q")
    assert run.code == 2
    errors = (tmp_path / "out" / "errors.jsonl").read_bytes().decode("utf-8")
    assert json.loads(errors)["path"] == str(tmp_path / "bin\ufffd.txt")


def test_parse_text_never_raises_on_lone_surrogates(tmp_path):
    code = ("import json, reportparse; d = reportparse.parse_text('增长5%\\ud800地区生产总值增长6%\\udfff'); "
            "print(json.dumps([c['text'] for c in d.to_dict()['claims']]))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == ["5%", "6%"]



@pytest.mark.parametrize("text", ["全省经济总量位居全国第\U00011F51位", "增长\U00011F51.5%"])
def test_parse_text_never_raises_on_digits_decimal_cannot_read(text):
    from reportparse import parse_text

    doc = parse_text(text)  # ranking._position raised decimal.InvalidOperation here
    assert all(text[c["span"][0]:c["span"][1]] == c["text"] for c in doc.to_dict()["claims"])

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def test_a_small_docx_of_millions_of_empty_paragraphs_is_refused_in_little_memory(tmp_path):
    pytest.importorskip("defusedxml")
    empty = 16 * 1024 * 1024 // len(b"<w:p/>")  # 16 MiB of XML: well under the unpacked limit
    path = tmp_path / "flood.docx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive, \
            archive.open("word/document.xml", "w") as xml:
        xml.write(f"<w:document {W}><w:body><w:p><w:r><w:t>地区生产总值增长5%</w:t></w:r></w:p>".encode())
        for _ in range(empty // 100_000):
            xml.write(b"<w:p/>" * 100_000)
        xml.write(b"</w:body></w:document>")
    assert path.stat().st_size < 200_000
    run = run_cli("parse", path, "-o", tmp_path / "out", "-q", "--max-chars", "500000")
    assert run.code == 2
    assert run.peak_mb < 150  # the XML and its whole tree would take over 300 MB
    assert run.stderr == f"reportparse: error: {path}: refused: text of more than 500,000 characters (--max-chars)\n"


def test_an_html_flood_of_br_is_refused_before_it_is_parsed(tmp_path):
    pytest.importorskip("selectolax")
    path = tmp_path / "flood.html"
    path.write_text("<html><body><p>地区生产总值增长5%</p>" + "<br>" * 600_000 + "</body></html>", encoding="utf-8")
    run = run_cli("parse", path, "-o", tmp_path / "out", "-q")
    assert run.code == 2
    assert run.stderr == f"reportparse: error: {path}: refused: HTML of more than 500,000 elements (--max-elements)\n"
    assert run.peak_mb < 150  # parsed, the page took about 400 MB
    small = tmp_path / "small.html"
    small.write_text("<html><body><p>地区生产总值增长5%</p>" + "<br>" * 150 + "</body></html>", encoding="utf-8")
    assert run_cli("parse", small, "-o", tmp_path / "out", "-q").code == 0
    run = run_cli("parse", small, "-o", tmp_path / "out2", "-q", "--max-elements", "100")
    assert run.code == 2
    assert run.stderr.endswith("refused: HTML of more than 100 elements (--max-elements)\n")


def _depth(node) -> int:
    deepest, stack = 0, [(node, 1)]
    while stack:
        node, depth = stack.pop()
        deepest = max(deepest, depth)
        child = node.child
        while child is not None:
            stack.append((child, depth + 1))
            child = child.next
    return deepest


def test_a_flood_of_self_closed_divs_is_flattened_like_any_deep_nesting(tmp_path):
    lexbor = pytest.importorskip("selectolax.lexbor")
    from reportparse.read import html

    markup = "<html><body>" + "<div/>" * 100_000 + "<p>地区生产总值增长5%</p></body></html>"
    flat = html._flatten(markup, html.MAX_DEPTH, "x.html", 1_000_000)
    assert _depth(lexbor.LexborHTMLParser(flat).root) <= html.MAX_DEPTH + 2  # <div/> opens a div, as in HTML
    svg = "<svg>" + "<path d='M0'/>" * 1000 + "</svg>"  # in SVG a self-closed tag is empty: nothing to flatten
    assert html._flatten(svg, html.MAX_DEPTH, "x.html", 1_000_000) == svg
    (tmp_path / "divs.html").write_text(markup, encoding="utf-8")
    run = run_cli("parse", tmp_path / "divs.html", timeout=120)
    assert run.code == 0, run.stderr
    assert [c["text"] for c in json.loads(run.stdout)["claims"]] == ["5%"]


def test_the_extracted_text_never_overwrites_a_file_reportparse_did_not_write(tmp_path):
    source = tmp_path / "in" / "notes.txt"
    source.parent.mkdir()
    source.write_bytes(REPORT.encode("gb18030"))  # not UTF-8: its text is written beside the output
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.txt").write_text("my own notes", encoding="utf-8")
    run = run_cli("parse", source, "-o", out, "-q")
    assert run.code == 0, run.stderr
    assert run.stderr == (f"reportparse: warning: {out / 'notes.txt'}: a file reportparse did not write is "
                          "there; extracted text not written\n")
    assert (out / "notes.txt").read_text("utf-8") == "my own notes"
    fresh = tmp_path / "out2"
    assert run_cli("parse", source, "-o", fresh, "-q").code == 0
    assert (fresh / "notes.txt").read_text("utf-8") == REPORT
    source.write_bytes(REPORT.replace("5.2%", "5.4%").encode("gb18030"))  # changed: its own text is replaced
    run = run_cli("parse", source, "-o", fresh, "-q")
    assert run.code == 0 and run.stderr == ""
    assert "5.4%" in (fresh / "notes.txt").read_text("utf-8")


def test_a_rerun_repairs_a_damaged_output(tmp_path):
    (tmp_path / "r.txt").write_text(REPORT, encoding="utf-8")
    assert run_cli("parse", tmp_path / "r.txt", "-o", tmp_path / "out", "-q").code == 0
    good = (tmp_path / "out" / "r.json").read_bytes()
    (tmp_path / "out" / "r.json").write_bytes(good[: len(good) // 2])  # cut in half
    run = run_cli("parse", tmp_path / "r.txt", "-o", tmp_path / "out")
    assert run.code == 0
    assert "0 parsed, 1 unchanged" in run.stderr
    assert (tmp_path / "out" / "r.json").read_bytes() == good


def test_skipped_links_in_a_folder_are_reported(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "good.txt").write_text(REPORT, encoding="utf-8")
    (folder / "gone.txt").symlink_to(tmp_path / "missing.txt")
    (tmp_path / "elsewhere").mkdir()
    (folder / "more").symlink_to(tmp_path / "elsewhere")
    run = run_cli("parse", folder, "-o", tmp_path / "out", "-q")
    assert run.code == 0, run.stderr
    assert run.stderr.splitlines() == [
        f"reportparse: warning: {folder / 'gone.txt'}: link skipped, broken or looping",
        f"reportparse: warning: {folder / 'more'}: link skipped, to a folder (links to folders are not followed)",
    ]
    assert (tmp_path / "out" / "good.json").exists()


def test_several_processes_creating_one_store_at_once_all_succeed(tmp_path):
    (tmp_path / "r.txt").write_text(REPORT, encoding="utf-8")
    db = tmp_path / "new" / "store.sqlite"
    start = time.time() + 3  # every process imports first, then all open the new store together
    code = ("import sys, time; from reportparse.cli import main; import reportparse.pipeline; "
            f"time.sleep(max(0, {start} - time.time())); sys.exit(main())")
    procs = [subprocess.Popen([sys.executable, "-c", code, "parse", tmp_path / "r.txt", "--db", db, "-o",
                               tmp_path / f"out{n}", "-q"], stderr=subprocess.PIPE) for n in range(12)]
    errors = [p.communicate(timeout=300)[1].decode() for p in procs]
    assert [p.returncode for p in procs] == [0] * 12, errors
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT value FROM store_info").fetchall() == [("2",)]
        assert con.execute("SELECT COUNT(*) FROM documents").fetchone() == (1,)
    con.close()


SAMPLE = Path(__file__).resolve().parents[1] / "corpus" / "zh" / "2023-zhengzhou-erqi.txt"


def test_results_stream_to_the_store_instead_of_piling_up_in_the_parent(tmp_path):
    text = SAMPLE.read_text("utf-8") * 8  # 100 KB: each result is about 4 MB in memory
    for n in range(24):
        (tmp_path / "in").mkdir(exist_ok=True)
        (tmp_path / "in" / f"r{n:02d}.txt").write_text(f"{text}\n第{n}份。\n", encoding="utf-8")
    run = run_cli("parse", tmp_path / "in", "-o", tmp_path / "out", "-q", "-j", "2")
    assert run.code == 0, run.stderr
    assert len(list((tmp_path / "out").glob("r*.json"))) == 24
    assert run.peak_mb < 100  # the parent alone (workers not counted); keeping every result took ~140 MB


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        found += [int(c) for c in (task / "children").read_text().split()]
    return found


@pytest.mark.skipif(not Path(f"/proc/self/task/{os.getpid()}/children").exists(), reason="needs Linux /proc")
def test_workers_die_with_the_parent(tmp_path):
    text = SAMPLE.read_text("utf-8") * 500  # 6 M characters: a worker parses it for a minute or more
    for n in range(2):
        (tmp_path / f"big{n}.txt").write_text(f"{text}\n第{n}份。\n", encoding="utf-8")
    parent = subprocess.Popen([sys.executable, "-c", "import sys; from reportparse.cli import main; sys.exit(main())",
                               "parse", tmp_path / "big0.txt", tmp_path / "big1.txt", "-o", tmp_path / "out",
                               "-q", "-j", "2"])
    workers: list[int] = []
    deadline = time.monotonic() + 120
    while len(workers) < 2 and time.monotonic() < deadline and parent.poll() is None:
        workers = _children(parent.pid)
        time.sleep(0.05)
    assert len(workers) >= 2, "the workers never started"
    parent.kill()
    parent.wait()
    deadline = time.monotonic() + 20  # far less than the parse left: only the parent's death ends them
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    alive = [w for w in workers if _alive(w)]
    for w in alive:
        os.kill(w, 9)
    assert not alive, "workers outlived their parent"
