"""Reading reports in every supported format: the same claims whatever the file (issue 5).

One report is written in the tests as UTF-8 text, GB18030 text, an HTML page with clutter, a
.docx and a PDF; each must yield the claims of the UTF-8 text (PDF: at least 98% of them).
"""

from __future__ import annotations

import codecs
from collections import Counter
from pathlib import Path

import pytest

import reportparse
from report_files import HTML_CLUTTER, write_docx, write_html, write_pdf
from reportparse.errors import InputError
from reportparse.read import Limits, read_source
from reportparse.read.text import decode

PROJECT = Path(__file__).resolve().parents[1]
SEED = PROJECT / "corpus" / "zh" / "2023-zhengzhou-erqi.txt"
SHARED = PROJECT.parent / "shared" / "corpus" / "province_henan_2025_zh.txt"
REPORTS = [
    pytest.param(SEED, id="seed-erqi-2023"),
    pytest.param(SHARED, id="shared-henan-2025"),
]
FIELDS = ("text", "value", "low", "high", "unit", "kind", "status", "qualifier")


def _report(path: Path) -> str:
    if not path.exists():
        pytest.skip(f"report missing: {path}")
    return path.read_text("utf-8-sig")


def _claims(doc: reportparse.Document) -> Counter:
    return Counter(tuple(c[f] for f in FIELDS) for c in doc.to_dict()["claims"])


def _write(fmt: str, text: str, folder: Path) -> Path:
    if fmt == "utf-8":
        target = folder / "report.txt"
        target.write_text(text, "utf-8")
        return target
    if fmt == "gb18030":
        target = folder / "report-gb.txt"
        target.write_bytes(text.encode("gb18030"))
        return target
    writer = {"html": write_html, "docx": write_docx, "pdf": write_pdf}[fmt]
    return writer(text, folder / f"report.{fmt}")


@pytest.mark.parametrize("report", REPORTS)
@pytest.mark.parametrize("fmt", ["utf-8", "gb18030", "html", "docx"])
def test_every_format_yields_the_claims_of_the_text(report, fmt, tmp_path):
    text = _report(report)
    expected = _claims(reportparse.parse_text(text))
    doc = reportparse.parse_file(_write(fmt, text, tmp_path))
    assert expected and _claims(doc) == expected
    for claim in doc.to_dict()["claims"]:
        start, end = claim["span"]
        assert doc.source.text[start:end] == claim["text"]


@pytest.mark.parametrize("report", REPORTS)
def test_pdf_yields_at_least_98_percent_of_the_claims(report, tmp_path):
    text = _report(report)
    expected = _claims(reportparse.parse_text(text))
    doc = reportparse.parse_file(write_pdf(text, tmp_path / "report.pdf"))
    got = _claims(doc)
    same = sum((expected & got).values())
    assert same >= 0.98 * sum(expected.values()), (expected - got, got - expected)
    assert sum((got - expected).values()) <= 0.02 * sum(expected.values()), got - expected


def test_html_page_keeps_the_article_and_drops_the_clutter(tmp_path):
    text = _report(SEED)
    source = read_source(write_html(text, tmp_path / "page.html"))
    assert source.format == "html"
    assert source.text.splitlines() == [line.strip() for line in text.splitlines() if line.strip()]
    for clutter in HTML_CLUTTER:
        assert clutter not in source.text, clutter


def test_pdf_drops_running_heads_and_page_numbers_and_joins_lines(tmp_path):
    text = _report(SEED)
    source = read_source(write_pdf(text, tmp_path / "report.pdf"))
    assert source.format == "pdf"
    assert "政府工作报告（全文）" not in source.text
    assert "— 2 —" not in source.text and "— 1 —" not in source.text
    paragraphs = [line.strip() for line in text.splitlines() if line.strip()]
    lines = source.text.splitlines()
    assert len(lines) == len(paragraphs)
    assert sum(a == b for a, b in zip(lines, paragraphs)) >= 0.95 * len(paragraphs)


def test_english_pdf_lines_join_with_spaces_and_keep_their_sentences(tmp_path):
    """An English PDF is joined by the English pack's line rules: the words of a wrapped line get
    a space, and the claims are those of the text."""
    fiscal = (Path(__file__).parent / "data" / "national_2024_fiscal_en.txt").read_text("utf-8")
    text = fiscal + "\n".join(fiscal.splitlines()[2:] * 8)  # several pages: running heads are told apart
    source = read_source(write_pdf(text, tmp_path / "report.pdf", latin=True))
    paragraphs = [line.strip() for line in text.splitlines() if line.strip()]
    assert "full text" not in source.text and "— 2 —" not in source.text
    assert source.text.splitlines() == paragraphs
    from_text = reportparse.parse_text(text).claims
    from_pdf = reportparse.parse_text(source.text).claims
    assert [(c["text"], c["value"], c["kind"], c["status"]) for c in from_pdf] == \
        [(c["text"], c["value"], c["kind"], c["status"]) for c in from_text]
    assert len(from_pdf) >= 8


def test_docx_reads_the_body_without_the_running_head(tmp_path):
    text = _report(SEED)
    source = read_source(write_docx(text, tmp_path / "report.docx"))
    assert source.format == "docx"
    assert source.text == "\n".join(text.splitlines())
    assert "2025年第1期" not in source.text


SAMPLE = "2024年政府工作报告\n全市地区生产总值完成1234.5亿元，增长5.2%。城镇新增就业1.2万人以上。\n"


@pytest.mark.parametrize("encoding, data", [
    ("utf-8", SAMPLE.encode("utf-8")),
    ("utf-8-sig", codecs.BOM_UTF8 + SAMPLE.encode("utf-8")),
    ("utf-16", SAMPLE.encode("utf-16")),
    ("utf-16-le with BOM", codecs.BOM_UTF16_LE + SAMPLE.encode("utf-16-le")),
    ("gb18030", (SAMPLE * 3).encode("gb18030")),
    ("gbk", (SAMPLE * 3).encode("gbk")),
    ("gb2312", (SAMPLE * 3).encode("gb2312")),
])
def test_encodings_are_detected(encoding, data, tmp_path):
    path = tmp_path / "report.txt"
    path.write_bytes(data)
    source = read_source(path)
    assert source.text.lstrip("\ufeff") in (SAMPLE, SAMPLE * 3)
    assert source.format == "text"
    assert source.is_plain_utf8 == encoding.startswith("utf-8")


def test_big5_traditional_report_is_read_and_matched_through_the_conversion(tmp_path):
    import opencc

    text = _report(SEED)
    hant = opencc.OpenCC("s2t").convert(text)
    assert len(hant) == len(text)  # the test relies on a one-for-one conversion
    path = tmp_path / "report-big5.txt"
    path.write_bytes(hant.encode("big5", errors="replace"))
    hant = path.read_bytes().decode("big5")
    doc = reportparse.parse_file(path)
    assert doc.source.encoding == "big5" and doc.source.text == hant
    simplified = reportparse.parse_text(text).to_dict()["claims"]
    got = doc.to_dict()["claims"]
    for claim in got:
        start, end = claim["span"]
        assert hant[start:end] == claim["text"]
    keys = ("span", "value", "unit", "kind", "qualifier")
    same = sum((Counter(tuple(map(str, (c[k] for k in keys))) for c in simplified)
                & Counter(tuple(map(str, (c[k] for k in keys))) for c in got)).values())
    assert same >= 0.98 * len(simplified)


def test_content_decides_over_the_extension(tmp_path):
    text = _report(SEED)
    pdf = write_pdf(text, tmp_path / "report.pdf").rename(tmp_path / "report.dat")
    html = write_html(text, tmp_path / "page.html").rename(tmp_path / "page.txt")
    assert read_source(pdf).format == "pdf"
    assert read_source(html).format == "html"


def test_limits_refuse_with_one_line_naming_the_file_and_the_flag(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text(SAMPLE * 100, "utf-8")
    size = path.stat().st_size
    with pytest.raises(InputError, match=rf"refused: {size:,} bytes, over the limit of 1,000 \(--max-file-mb\)") as exc:
        read_source(path, Limits(max_file_bytes=1000))
    assert str(path) in str(exc.value) and "\n" not in str(exc.value)
    with pytest.raises(InputError, match="--max-chars"):
        read_source(path, Limits(max_chars=100))
    pdf = write_pdf(_report(SEED), tmp_path / "report.pdf")
    with pytest.raises(InputError, match="more than 2 pages.*--max-pages"):
        read_source(pdf, Limits(max_pages=2))


def test_every_shared_report_is_detected_in_gb18030_and_big5():
    import opencc

    reports = sorted(SHARED.parent.glob("*.txt"))
    if not reports:
        pytest.skip(f"shared corpus missing: {SHARED.parent}")
    to_hant = opencc.OpenCC("s2t")
    wrong = []
    for report in reports:
        text = report.read_text("utf-8-sig")
        for encoding, version in (("gb18030", text), ("big5", to_hant.convert(text))):
            data = version.encode(encoding, errors="replace")
            got, detected = decode(data, str(report))
            if detected != encoding or got != data.decode(encoding):
                wrong.append((report.name, encoding, detected))
    assert wrong == []
