"""Safety (issue 5): size limits, zip bombs, XML entities, no network, nothing written outside
-o, and a clear message naming the pip extra when a format library is missing."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import reportparse
from report_files import write_docx, write_html, write_pdf
from reportparse.errors import InputError
from reportparse.read import Limits, extras, read_source
from reportparse.review_page import review_page

REPORT = "2024年政府工作报告\n全市地区生产总值完成1234.5亿元，增长5.2%。\n地区生产总值预期增长6%左右。\n"
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _docx_with(tmp_path: Path, document_xml: bytes, name: str = "report.docx") -> Path:
    path = tmp_path / name
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", document_xml)
    return path


def test_docx_zip_bomb_is_refused_before_inflating(tmp_path):
    body = f'<w:document {W}><w:body><w:p><w:r><w:t>增长5%</w:t></w:r></w:p></w:body></w:document>'
    bomb = body.encode().replace(b"<w:body>", b"<w:body>" + b" " * (20 * 1024 * 1024))
    path = _docx_with(tmp_path, bomb)
    assert path.stat().st_size < 100_000  # 20 MB of XML packed into a small file
    with pytest.raises(InputError, match=r"refused: unpacks to 2\d,\d{3},\d{3} bytes, over the limit of "
                       r"10,485,760 \(--max-unpacked-mb\)"):
        read_source(path, Limits(max_unpacked_bytes=10 * 1024 * 1024))
    assert "增长5%" in read_source(path).text  # under the default limit it is read


@pytest.mark.parametrize("doctype", [
    '<!DOCTYPE w:document [<!ENTITY a "增长5%"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>',
    '<!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
], ids=["billion-laughs", "external-entity"])
def test_docx_xml_with_entities_is_refused(doctype, tmp_path):
    xml = f'<?xml version="1.0"?>{doctype}<w:document {W}><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>'
    with pytest.raises(InputError, match="refused: the document XML declares a DTD or entities"):
        read_source(_docx_with(tmp_path, xml.encode()))


def test_damaged_docx_xml_is_one_clear_error(tmp_path):
    with pytest.raises(InputError, match=r"damaged \.docx: word/document\.xml is not well-formed XML"):
        read_source(_docx_with(tmp_path, b"<w:document><w:body>"))


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to open a socket fails the test."""
    def refuse(*args, **kwargs):
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "__init__", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


@pytest.mark.parametrize("writer", [write_html, write_docx, write_pdf], ids=["html", "docx", "pdf"])
def test_reading_and_reviewing_never_touch_the_network(writer, tmp_path, no_network):
    path = writer(REPORT, tmp_path / f"report.{writer.__name__.removeprefix('write_')}")
    doc = reportparse.parse_file(path)
    assert len(doc.claims) == 3
    page = review_page(doc)
    assert page.count('<mark class="claim ') == 3


def test_review_page_loads_nothing_from_outside(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text(REPORT, "utf-8")
    page = review_page(reportparse.parse_file(path))
    assert "default-src 'none'" in page
    for outside in (r"https?:", r"[\"'(=]\s*//", r"\ssrc=", r"\shref=", r"<link", r"@import", r"url\("):
        assert not re.search(outside, page), outside


def test_nothing_is_written_outside_the_output_folder(tmp_path):
    work = tmp_path / "work"
    inputs = work / "in"
    inputs.mkdir(parents=True)
    write_html(REPORT, inputs / "a.html")
    write_docx(REPORT, inputs / "b.docx")
    (inputs / "c.txt").write_bytes(REPORT.encode("gb18030"))
    before = {p for p in tmp_path.rglob("*")}
    env = {**os.environ, "HOME": str(tmp_path / "home"), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    for args in (["parse", "in", "-o", "out"], ["show", "in/a.html", "-o", "out/a.html"]):
        result = subprocess.run([sys.executable, "-m", "reportparse.cli", *args], cwd=work, capture_output=True,
                                text=True, timeout=300, env=env)
        assert result.returncode == 0, result.stderr
    new = {p for p in tmp_path.rglob("*")} - before
    assert {p for p in new if work / "out" not in p.parents and p != work / "out"} == set()
    assert sorted(p.name for p in (work / "out").iterdir()) == [
        "a.html", "a.json", "a.txt", "b.json", "b.txt", "c.json", "c.txt", "reportparse.sqlite"]


def test_extracted_text_never_overwrites_an_input(tmp_path):
    (tmp_path / "a.txt").write_text("an unrelated note", "utf-8")
    write_html(REPORT, tmp_path / "a.html")
    result = subprocess.run([sys.executable, "-m", "reportparse.cli", "parse", "a.txt", "a.html", "-o", "."],
                            cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert (tmp_path / "a.txt").read_text("utf-8") == "an unrelated note"
    assert (tmp_path / "a-2.txt").read_text("utf-8") == REPORT.rstrip("\n")
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("module, extra, what, writer", [
    ("selectolax.lexbor", "html", "HTML", write_html),
    ("defusedxml.ElementTree", "docx", ".docx files", write_docx),
    ("pdfminer.high_level", "pdf", "PDF files", write_pdf),
], ids=["html", "docx", "pdf"])
def test_a_missing_format_library_names_the_extra(module, extra, what, writer, tmp_path, monkeypatch):
    path = writer(REPORT, tmp_path / f"report.{extra}")
    real = extras.importlib.import_module

    def without(name, *args):
        if name == module:
            raise ImportError(name)
        return real(name, *args)

    monkeypatch.setattr(extras.importlib, "import_module", without)
    with pytest.raises(InputError) as exc:
        read_source(path)
    assert str(exc.value) == f"{path}: reading {what} needs the '{extra}' extra: pip install 'reportparse[{extra}]' (in a clone of the repository: pip install '.[{extra}]')"


def test_traditional_text_without_opencc_names_the_extra(tmp_path, monkeypatch):
    from reportparse.lang.zh import hant

    path = tmp_path / "report-big5.txt"
    path.write_bytes("國內生產總值增長百分之五點二，財政收入達到一萬億元，這是經濟發展的結果。".encode("big5"))
    real = extras.importlib.import_module

    def without(name, *args):
        if name == "opencc":
            raise ImportError(name)
        return real(name, *args)

    monkeypatch.setattr(hant, "converter", lambda: None)
    monkeypatch.setattr(extras.importlib, "import_module", without)
    with pytest.raises(InputError, match=r"reading traditional Chinese needs the 'traditional' extra: "
                       r"pip install 'reportparse\[traditional\]'"):
        read_source(path)
